package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/schema"
)

// The labels Recognize writes (in IOB2, "B-PERSON", "I-GPE"...): the entity types of package
// schema, and the kinds of expression that are not entities.
const (
	Person  = schema.TypePerson // people, fictional characters included
	Org     = schema.TypeOrg    // companies, agencies, institutions, parties, teams
	GPE     = schema.TypeGPE    // countries, cities, states
	Loc     = schema.TypeLoc    // non-political places: regions, seas, rivers, ranges
	NORP    = schema.TypeNORP   // nationalities and religious or political groups
	Date    = "DATE"            // dates and periods ("Tuesday", "October 3, 2022")
	Money   = "MONEY"           // monetary amounts ("$44 billion")
	Percent = "PERCENT"         // percentages ("60 percent")
)

var bTags, iTags = map[string]string{}, map[string]string{}

func init() {
	for _, l := range []string{Person, Org, GPE, Loc, NORP, Date, Money, Percent} {
		bTags[l], iTags[l] = "B-"+l, "I-"+l
	}
}

// iob returns the IOB2 tag of label without allocating.
func iob(label string, begin bool) string {
	m := iTags
	if begin {
		m = bTags
	}
	if t, ok := m[label]; ok {
		return t
	}
	if begin {
		return "B-" + label
	}
	return "I-" + label
}

// Spans reads the entities back from the tokens' Ent labels (IOB2). An I- label that does not
// continue an entity of its type starts one, as conlleval reads it.
func Spans(toks []doc.Token) []Span {
	tags := make([]string, len(toks))
	for i := range toks {
		tags[i] = toks[i].Ent
	}
	return chunks(tags)
}

// tokWord is the form of a token the recogniser reads.
func tokWord(t *doc.Token) string {
	if t.Norm != "" {
		return t.Norm
	}
	return t.Text
}

// Recognize labels the tokens of one sentence: it sets each token's Ent to an IOB2 label over
// PERSON, ORG, GPE, LOC, NORP, DATE, MONEY and PERCENT ("O" outside entities). It reads Norm
// (Text when Norm is empty) and Tag when set, and changes no other field. It is deterministic and
// safe for concurrent use.
func (m *Model) Recognize(toks []doc.Token) {
	n := len(toks)
	if n == 0 || m == nil || m.w == nil {
		for i := range toks {
			toks[i].Ent = "O"
		}
		return
	}
	s := m.pool.Get().(*scratch)
	defer m.pool.Put(s)
	words := s.words[:0]
	hasPOS := false
	for i := range toks {
		words = append(words, tokWord(&toks[i]))
		if toks[i].Tag != "" {
			hasPOS = true
		}
	}
	s.words = words
	var pos []string
	if hasPOS {
		// A slice of the tags without copying strings: built once per call.
		pos = make([]string, n)
		for i := range toks {
			pos[i] = toks[i].Tag
		}
	}
	path := m.tagWords(s, words, pos)
	labels := make([]string, n) // entity type per token, "" outside; begins marks span starts
	begins := make([]bool, n)
	for i := 0; i < n; {
		l := path[i]
		if l == 0 {
			i++
			continue
		}
		typ := int(l+1) / 2
		j := i + 1
		for j < n && path[j] == uint8(2*typ) {
			j++
		}
		m.typeSpan(words, labels, begins, i, j, rawLabels[2*typ-1][2:])
		i = j
	}
	rules(words, labels, begins)
	titleCues(words, pos, labels, begins)
	orgNames(words, labels, begins, s.info)
	listPlaces(words, labels, begins)
	addressForms(words, labels, begins)
	givenNames(words, labels, begins)
	partyWord(words, labels, begins)
	hyphenNames(toks, words, labels, begins, s.info)
	for i := range toks {
		switch {
		case labels[i] == "":
			toks[i].Ent = "O"
		case begins[i]:
			toks[i].Ent = iob(labels[i], true)
		default:
			toks[i].Ent = iob(labels[i], false)
		}
	}
}

// mark labels tokens i..j-1 as one span.
func mark(labels []string, begins []bool, i, j int, label string) {
	for k := i; k < j; k++ {
		labels[k] = label
		begins[k] = k == i
	}
}

// join concatenates words i..j-1 with spaces, for gazetteer lookups of a span.
func join(words []string, i, j int) string {
	if j-i == 1 {
		return words[i]
	}
	return strings.Join(words[i:j], " ")
}

// typeSpan maps a statistical span of raw type raw (PER, ORG, LOC) to newsgraph's labels and
// marks it: leading titles and nationalities are split off person names, places the gazetteers
// know become GPE or LOC, organisations they know become ORG.
func (m *Model) typeSpan(words, labels []string, begins []bool, i, j int, raw string) {
	// Split off leading demonyms, titles and abbreviated titles ("Polish President X"); a form
	// of address stays with the name it introduces ("Tory MP Sir X" → "Sir X"). An
	// organisation's name keeps them ("General Acme", "Polish Zenith Rail") unless a form of
	// address says it is a person's ("Labour's Mr X").
	for i < j-1 {
		k, e := lexicon.Match(words[:j], i)
		if k == 0 || i+k >= j || e.Class&(lexicon.ClassDemonym|lexicon.ClassTitle|lexicon.ClassHonorific) == 0 {
			break
		}
		if raw == "ORG" && addressAt(words, i) != 1 {
			break
		}
		if addressAt(words, i) == 1 && k == 1 {
			if rest, ok := lexicon.Lookup(join(words, i+1, j)); !ok || rest.Class&(lexicon.ClassPlace|lexicon.ClassOrg) == 0 {
				mark(labels, begins, i, j, Person)
				return
			}
		}
		if e.Class&lexicon.ClassDemonym != 0 && k == 1 {
			mark(labels, begins, i, i+1, NORP)
		}
		i += k
	}
	if k := nameBeforeOf(words, i, j); k > 0 && raw == "ORG" {
		mark(labels, begins, i, i+k, Person)
		m.typeSpan(words, labels, begins, i+k+1, j, raw)
		return
	}
	if k := placeThenName(words, i, j); k > 0 && raw != "PER" {
		m.typeSpan(words, labels, begins, i, i+k, "LOC")
		mark(labels, begins, i+k, j, Person)
		return
	}
	text := join(words, i, j)
	if e, ok := lexicon.Lookup(text); ok && e.Class&(lexicon.ClassPlace|lexicon.ClassOrg) != 0 {
		switch {
		case e.Class&lexicon.ClassOrg != 0 && raw != "PER":
			mark(labels, begins, i, j, Org)
		case e.Class&lexicon.ClassPlace != 0 && e.Place.Kind != lexicon.Region:
			mark(labels, begins, i, j, GPE)
		case e.Class&lexicon.ClassPlace != 0:
			mark(labels, begins, i, j, Loc)
		case e.Class&lexicon.ClassOrg != 0:
			mark(labels, begins, i, j, Org)
		}
		return
	}
	if j-i == 1 && raw != "ORG" {
		if e, ok := lexicon.Lookup(text); ok && e.Class&lexicon.ClassDemonym != 0 {
			mark(labels, begins, i, j, NORP)
			return
		}
	}
	switch {
	case raw == "PER":
		mark(labels, begins, i, j, Person)
	case raw == "ORG" || namedAfterPlace(words, i, j):
		mark(labels, begins, i, j, Org)
	case j-i == 1:
		// A one-word place the gazetteers do not know is most often a town ("Zenda"): seas,
		// rivers, ranges and regions have a word that says so, or are in the gazetteers.
		mark(labels, begins, i, j, GPE)
	default:
		mark(labels, begins, i, j, Loc)
	}
}

// nameBeforeOf returns how many words before "of" begin span i..j when they are a person's name
// and the rest is the organisation the person belongs to ("Ada Moss of Zenda Party"): two or
// three capitalised words, the first a given name the gazetteers know, none a place, organisation,
// title or nationality they know nor a word that ends an organisation's name, and at least two
// words after "of". It returns 0 otherwise ("Bank of Zembla", "Church of Zenda").
func nameBeforeOf(words []string, i, j int) int {
	p := i + 2
	for p < j && p <= i+3 && words[p] != "of" {
		p++
	}
	if p > i+3 || j-p < 3 || words[p] != "of" || lexicon.GivenNameGender(words[i]) == lexicon.Unknown {
		return 0
	}
	for _, w := range words[i:p] {
		if !capitalised(w) || nonName(w) || orgHead(w) {
			return 0
		}
	}
	return p - i
}

// placeThenName returns how many words of a place the gazetteers know begin span i..j when the
// span stands after a title and "to" and goes on with two capitalised words or more that are no
// place, organisation, title or nationality they know (given names may be): the place ends the
// title and the rest is its holder's name ("ambassador to Germany Ada Moss", "envoy to the
// United States Ada Moss"). It returns 0 otherwise.
func placeThenName(words []string, i, j int) int {
	t := i - 2 // the title
	if t >= 1 && strings.EqualFold(words[i-1], "the") {
		t--
	}
	if t < 0 || words[t+1] != "to" {
		return 0
	}
	if _, ok := lexicon.Title(words[t]); !ok {
		return 0
	}
	k, e := lexicon.Match(words[:j], i)
	if k == 0 || e.Class&lexicon.ClassPlace == 0 || j-i-k < 2 {
		return 0
	}
	for _, w := range words[i+k : j] {
		if !capitalised(w) || nonName(w) || placeWords[w] {
			return 0
		}
	}
	return k
}

// placeWords end the names of places ("Vancouver Island", "Orange County").
var placeWords = map[string]bool{"Island": true, "Islands": true, "City": true, "County": true,
	"Province": true, "Region": true, "District": true, "Valley": true, "Street": true, "Road": true,
	"Square": true, "Park": true, "Bay": true, "Coast": true, "Peninsula": true, "State": true,
	"Airport": true, "Station": true, "Bridge": true, "River": true, "Lake": true, "Mountains": true,
	"Hills": true, "Sea": true, "Strait": true, "Gulf": true, "Heights": true, "Village": true}

// namedAfterPlace reports whether a name of several words that the model took for a place and the
// gazetteers do not know starts with a place they know and goes on with words that do not name a
// place ("Zenda United", "Zenda Life"): a club or company named after its home.
func namedAfterPlace(words []string, i, j int) bool {
	if j-i < 2 || placeWords[words[j-1]] {
		return false
	}
	k, e := lexicon.Match(words[:j], i)
	if k == 0 || i+k >= j || e.Class&lexicon.ClassPlace == 0 || known(words[i+k]) {
		return false
	}
	for _, w := range words[i+k : j] {
		if !capitalised(w) {
			return false // "Zenda 's Acme", "Zenda island": a description, not a name
		}
	}
	return true
}

// capitalised reports whether w starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// free reports whether tokens i..j-1 are all outside entities.
func free(labels []string, i, j int) bool {
	for k := i; k < j; k++ {
		if labels[k] != "" {
			return false
		}
	}
	return true
}

// rules adds the entities the statistical model missed: gazetteer places, organisations and
// nationalities, names after titles and honorifics, and dates, amounts of money and percentages.
func rules(words, labels []string, begins []bool) {
	n := len(words)
	for i := 0; i < n; {
		k, e := lexicon.Match(words, i)
		if k == 0 || !free(labels, i, i+k) {
			i++
			continue
		}
		// Skip a leading "the" for the span itself ("the United States" → "United States").
		s := i
		if k > 1 && strings.EqualFold(words[i], "the") {
			s++
		}
		if !capitalised(words[s]) {
			i += k
			continue
		}
		switch {
		case e.Class&lexicon.ClassOrg != 0:
			// A capitalised word before the gazetteer name makes a longer name ("Harbor Democrats"),
			// unless it opens the sentence or the gazetteers know it ("Former", "British").
			if s == i {
				for s > 1 && labels[s-1] == "" && capitalised(words[s-1]) && !known(words[s-1]) && !notInName[words[s-1]] {
					s--
				}
			}
			mark(labels, begins, s, i+k, Org)
		case e.Class&(lexicon.ClassCountry|lexicon.ClassState|lexicon.ClassCity) != 0 && !(k == 1 && e.Class&lexicon.ClassGivenName != 0):
			mark(labels, begins, s, i+k, GPE)
		case e.Class&lexicon.ClassRegion != 0:
			mark(labels, begins, s, i+k, Loc)
		case e.Class&lexicon.ClassDemonym != 0:
			mark(labels, begins, s, i+k, NORP)
		case e.Class&(lexicon.ClassTitle|lexicon.ClassHonorific) != 0:
			// A title or honorific followed by capitalised words names a person.
			j := i + k
			for j < n && j-(i+k) < 4 && labels[j] == "" && capitalised(words[j]) && !nonName(words[j]) {
				j++
			}
			if j > i+k {
				start := i + k
				if addressAt(words, i) == k {
					start = i // "Mr Lopez": a form of address is part of the name
				}
				mark(labels, begins, start, j, Person)
			}
			i = j
			continue
		}
		i += k
	}
	numbers(words, labels, begins)
}

// nonName reports whether a capitalised word is unlikely to be part of a person's name after a
// title: places, organisations, nationalities, further titles, months and days.
func nonName(w string) bool {
	if e, ok := lexicon.Lookup(w); ok && e.Class&(lexicon.ClassPlace|lexicon.ClassOrg|lexicon.ClassDemonym|lexicon.ClassTitle) != 0 && e.Class&lexicon.ClassGivenName == 0 {
		return true
	}
	_, month := months[strings.ToLower(w)]
	_, day := weekdays[strings.ToLower(w)]
	return month || day
}

// addressAt returns 1 when words[i] is a capitalised form of address ("Mr", "Mrs.", "Dr", "Sir",
// "Lord"; see lexicon.HonorificInfo.Address), 0 otherwise.
func addressAt(words []string, i int) int {
	if i < 0 || i >= len(words) || !capitalised(words[i]) {
		return 0
	}
	if h, ok := lexicon.Honorific(words[i]); ok && h.Address {
		return 1
	}
	return 0
}

// addressForms makes a form of address part of the name it stands before: "Mr [Lopez]" becomes one
// person mention "[Mr Lopez]", as does a surname the model typed as something else ("Mr [Lopez]LOC":
// nobody calls a place or a company "Mr"). Dates, amounts and percentages are left alone.
func addressForms(words, labels []string, begins []bool) {
	for s := 1; s < len(words); s++ {
		if !begins[s] || addressAt(words, s-1) == 0 {
			continue
		}
		switch labels[s] {
		case Date, Money, Percent:
			continue
		}
		if labels[s-1] != "" && !(labels[s-1] == Person && begins[s-1]) {
			continue // the honorific belongs to a longer span already
		}
		e := s + 1
		for e < len(words) && labels[e] == labels[s] && !begins[e] {
			e++
		}
		mark(labels, begins, s-1, e, Person)
	}
}

// givenNames makes a capitalised word inside a sentence, right before a one-word person name and
// known to no gazetteer, part of the name: "Zenda's Merry [Quan]" is Merry Quan, not any Quan. A
// sentence's first word, a title, a form of address, a nationality or any other word the
// gazetteers know stays apart, as does a word already labelled.
func givenNames(words, labels []string, begins []bool) {
	for s := 2; s < len(words); s++ {
		if labels[s] != Person || !begins[s] || s+1 < len(words) && labels[s+1] == Person && !begins[s+1] {
			continue
		}
		w := words[s-1]
		if labels[s-1] != "" || !capitalised(w) || strings.ToUpper(w) == w || addressAt(words, s-1) > 0 {
			continue
		}
		if _, known := lexicon.Lookup(w); known || words[s-2] == "." {
			continue
		}
		mark(labels, begins, s-1, s+1, Person)
	}
}

// tight reports whether tokens a and a+1 touch in the text (no space between them); tokens
// without offsets count as touching.
func tight(toks []doc.Token, a int) bool {
	return toks[a].End == toks[a+1].Start || toks[a].End == 0 && toks[a+1].Start == 0
}

// hyphenNames extends a person's name over a hyphen written tight between two parts of it, which
// the tokenizer splits ("Okonkwo - Baines", "Chan Tai - man"): a capitalised part, or a lower-case
// part that no English word list has (the second syllable of a romanised given name; "Smith -
// led" stays apart). A capitalised part already labelled is taken into the name.
func hyphenNames(toks []doc.Token, words, labels []string, begins []bool, info []tokInfo) {
	for e := 1; e+1 < len(words); e++ {
		if words[e] != "-" || labels[e-1] == "" || labels[e] != "" || !tight(toks, e-1) || !tight(toks, e) {
			continue
		}
		part := words[e+1]
		chinese := chineseGiven(words, labels, begins, e)
		if labels[e-1] != Person && !chinese {
			continue
		}
		switch {
		case capitalised(part):
			if labels[e+1] != "" && !begins[e+1] {
				continue
			}
		case labels[e+1] == "" && len(part) <= 6 && isLowerWord(part) && (e+1 < len(info) && info[e+1].dict == 0 || chinese && !compoundSuffixes[part]):
		default:
			continue
		}
		start, _ := spanOf(labels, begins, e-1)
		end := e + 2
		for end < len(words) && labels[end] == labels[e+1] && labels[end] != "" && !begins[end] {
			end++
		}
		mark(labels, begins, start, end, Person)
	}
}

// compoundSuffixes are English words written after a hyphen to a name ("Lopez-led", "Acme-owned").
var compoundSuffixes = map[string]bool{"led": true, "backed": true, "based": true, "style": true,
	"era": true, "owned": true, "run": true, "made": true, "born": true, "linked": true, "funded": true,
	"like": true, "type": true, "free": true, "related": true, "bound": true, "wide": true, "esque": true,
	"ish": true, "friendly": true, "sponsored": true, "controlled": true, "affiliated": true, "allied": true}

// chineseGiven reports whether the name before the hyphen at e is two short capitalised words,
// family name and first syllable of a given name written in the Hong Kong or Korean way ("Lam
// Siu-kin", "Park Min-un"), whose second syllable may be an English word ("kin", "wan", "un").
func chineseGiven(words, labels []string, begins []bool, e int) bool {
	s, end := spanOf(labels, begins, e-1)
	if end != e || e-s != 2 {
		return false
	}
	for k := s; k < e; k++ {
		if !capitalised(words[k]) || len(words[k]) > 6 || !isLowerWord(words[k][1:]) {
			return false
		}
	}
	return true
}

// isLowerWord reports whether w is made of lower-case letters only.
func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

// known reports whether the gazetteers know w (a title, place, nationality, organisation...).
func known(w string) bool {
	_, ok := lexicon.Lookup(w)
	return ok
}

// partyWord takes the word "party" after an organisation's name into the name ("Labour party").
func partyWord(words, labels []string, begins []bool) {
	for k := 1; k < len(words); k++ {
		if labels[k-1] == Org && strings.EqualFold(words[k], "party") && (labels[k] == "" || labels[k] == Org && begins[k] && (k+1 == len(words) || begins[k+1] || labels[k+1] != Org)) {
			labels[k], begins[k] = Org, false
		}
	}
}
