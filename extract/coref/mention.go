// Package coref finds the mentions of entities in one article (names, descriptions such as "the
// tycoon", pronouns), groups those that refer to the same entity, and reads the roles that
// titles give people ("Pentagon spokesman X": X is spokesman of the Pentagon). It is a deterministic
// multi-pass sieve in the manner of Lee et al. (2013, "Deterministic coreference resolution based
// on entity-centric, precision-ranked rules"): precise passes (exact names) first, looser ones
// (surnames, descriptions, pronouns by gender, number, syntactic role and recency) after.
//
// It reads the tokens, tags, parse and entity labels earlier stages wrote, and the general
// gazetteers of package lexicon. It works within one article: linking entities across articles is
// package resolve's job, and turning clauses into facts is package extract's.
package coref

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/quote/marks"

	"github.com/newsgraph/newsgraph/schema"
)

// Kind says how a mention refers.
type Kind uint8

// The kinds of mention, from most to least informative.
const (
	Name    Kind = iota // a proper name: "Maria Lopez", "the Pentagon"
	Nominal             // a description: "the tycoon", "the Acme CEO"
	Pronoun             // he, she, it, they...
)

// Mention is one span of one sentence that refers to an entity.
type Mention struct {
	// Sent is the sentence index; Start and End the token span [Start, End); Head the token the
	// parse makes its head (the token clauses point at).
	Sent, Start, End, Head int
	// Kind says how the mention refers.
	Kind Kind
	// Type is the entity type label (PERSON, ORG, GPE, ...).
	Type string
	// Text is the words of the mention; Name the name it gives (titles and honorifics removed),
	// empty for pronouns.
	Text, Name string
	// Gender is the gender the mention implies (pronoun, given name, honorific).
	Gender lexicon.Gender
	// Plural marks plural pronouns and descriptions.
	Plural bool
	// Owned marks a description with an owner ("Acme's CEO"): it refers to whoever the article
	// described so, never merely to the most salient person.
	Owned bool
	// Bound is, for a pronoun that is its verb's object ("X accused him"), the token of that
	// verb's subject, which the pronoun cannot mean; -1 otherwise. Set for pronouns only.
	Bound int
	// Restricted marks a description narrowed by a restrictive relative clause ("the woman she
	// played", "the man who shot X"): somebody the clause introduces, never merely the most
	// salient person.
	Restricted bool
	// OfStart and OfEnd are the token span of the name a description's "of" or "for" phrase
	// gives its owner ("the chairman of the Acme Trust"); OfEnd is 0 when it has none.
	OfStart, OfEnd int
	// Regnal marks a one-word name after a royal title ("Prince Charles", "Queen Anne"): a whole
	// name, not the given name of a fuller one.
	Regnal bool
	// Subject marks a mention that is the subject of its clause.
	Subject bool
	// Quoted marks a mention inside a quotation (package marks pairs the quotation marks): the
	// words of a speaker, not the narrator's.
	Quoted bool
	// Entity is the index of the entity in Result.Entities, -1 when unresolved.
	Entity int
	// Alternatives are, for pronouns and descriptions, the other candidate entities in order of
	// preference after Entity: a reader that can rule Entity out (a fact cannot have one entity
	// as both its subject and object) takes the next.
	Alternatives []int
}

var pronouns = map[string]struct {
	g      lexicon.Gender
	plural bool
	person bool // refers to people only
}{
	"he": {lexicon.Male, false, true}, "him": {lexicon.Male, false, true}, "his": {lexicon.Male, false, true}, "himself": {lexicon.Male, false, true},
	"she": {lexicon.Female, false, true}, "her": {lexicon.Female, false, true}, "hers": {lexicon.Female, false, true}, "herself": {lexicon.Female, false, true},
	"it": {lexicon.Unknown, false, false}, "its": {lexicon.Unknown, false, false}, "itself": {lexicon.Unknown, false, false},
	"they": {lexicon.Unknown, true, false}, "them": {lexicon.Unknown, true, false}, "their": {lexicon.Unknown, true, false},
	"themselves": {lexicon.Unknown, true, false},
}

func form(t *doc.Token) string {
	if t.Norm != "" {
		return t.Norm
	}
	return t.Text
}

// entLabel splits an IOB2 label into its position ("B", "I", "O") and type.
func entLabel(l string) (pos byte, typ string) {
	if len(l) < 3 || l[1] != '-' {
		return 'O', ""
	}
	return l[0], l[2:]
}

// graphTypes are the entity labels that become nodes; dates, money and percentages do not.
var graphTypes = map[string]bool{schema.TypePerson: true, schema.TypeOrg: true, schema.TypeGPE: true, schema.TypeLoc: true, schema.TypeNORP: true, schema.TypeEvent: true, schema.TypeWork: true, schema.TypeProduct: true}

// findMentions returns the mentions of sentence si in token order.
func findMentions(si int, toks []doc.Token) []Mention {
	var out []Mention
	covered := make([]bool, len(toks))
	for i := 0; i < len(toks); {
		pos, typ := entLabel(toks[i].Ent)
		if pos != 'B' && pos != 'I' || !graphTypes[typ] || nameBreak(toks, i) || companyAnd(toks, i) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			p, t := entLabel(toks[j].Ent)
			if p != 'I' || t != typ || nameBreak(toks, j) || companyAnd(toks, j) {
				break
			}
			j++
		}
		if m, ok := nationalDescription(si, toks, i, j, typ); ok {
			out = append(out, m)
			covered[i] = true
			i = j
			continue
		}
		if m, ok := nameMention(si, toks, i, j, typ); ok {
			out = append(out, m)
			for k := i; k < j; k++ {
				covered[k] = true
			}
		}
		i = j
	}
	for i := range toks {
		if covered[i] {
			continue
		}
		w := strings.ToLower(form(&toks[i]))
		if p, ok := pronouns[w]; ok && strings.HasPrefix(toks[i].Tag, "PRP") {
			typ := schema.TypePerson
			if !p.person {
				typ = ""
			}
			out = append(out, Mention{Sent: si, Start: i, End: i + 1, Head: i, Kind: Pronoun, Type: typ,
				Text: form(&toks[i]), Gender: p.g, Plural: p.plural, Subject: isSubject(&toks[i]), Entity: -1,
				Bound: coSubject(toks, i)})
			continue
		}
		if m, ok := nominalMention(si, toks, i, covered); ok {
			out = append(out, m)
		} else if m, ok := orgDescription(si, toks, i); ok {
			out = append(out, m)
		} else if m, ok := ageDescription(si, toks, i); ok {
			out = append(out, m)
		}
	}
	sortMentions(out)
	return out
}

// nationalDescription recognises "the Frenchman", "the Briton": a nationality noun heading a
// definite noun phrase is a description of a person, not the name of a group.
func nationalDescription(si int, toks []doc.Token, i, j int, typ string) (Mention, bool) {
	t := &toks[i]
	if typ != schema.TypeNORP || j != i+1 || i == 0 || !strings.EqualFold(form(&toks[i-1]), "the") ||
		t.Tag != "NNP" && t.Tag != "NN" || t.Dep == "amod" || t.Dep == "compound" {
		return Mention{}, false
	}
	if _, ok := lexicon.Demonym(form(t)); !ok {
		return Mention{}, false
	}
	return Mention{Sent: si, Start: i - 1, End: j, Head: i, Kind: Nominal, Type: schema.TypePerson,
		Text: form(&toks[i-1]) + " " + form(t), Name: strings.ToLower(form(t)), Subject: isSubject(t), Entity: -1}, true
}

// markQuoted sets the Quoted flag of the mentions that start inside one of the quotations; ms
// and quotes are in text order.
func markQuoted(ms []Mention, quotes []marks.Span) {
	q := 0
	for i := range ms {
		p := marks.Pos{Sent: ms[i].Sent, Tok: ms[i].Start}
		for q < len(quotes) && quotes[q].End.Before(p) {
			q++
		}
		ms[i].Quoted = q < len(quotes) && quotes[q].Contains(p)
	}
}

func isSubject(t *doc.Token) bool {
	return t.Dep == "nsubj" || t.Dep == "nsubj:pass" || t.Dep == "csubj"
}

// ownsSubject reports whether token h is the possessor of the sentence's main subject: "Acme's
// profit rose after it bought…" makes Acme as prominent as a subject. The owner of an
// embedded clause's subject ("X says Y's form is…") is not.
func ownsSubject(toks []doc.Token, h int) bool {
	t := &toks[h]
	if t.Dep != "nmod:poss" || t.Head < 0 || t.Head >= len(toks) || !isSubject(&toks[t.Head]) {
		return false
	}
	v := toks[t.Head].Head
	return v >= 0 && v < len(toks) && toks[v].Head < 0
}

// Reflexive reports whether word w is a reflexive pronoun ("himself", "themselves"), which
// means its own clause's subject.
func Reflexive(w string) bool {
	w = strings.ToLower(w)
	return strings.HasSuffix(w, "self") || strings.HasSuffix(w, "selves")
}

// coSubject returns, for a non-reflexive pronoun at token i that is the object of a verb ("X
// accused him", "X spoke to her"), the token of that verb's subject, or -1: a pronoun does not
// mean its own clause's subject (binding, Chomsky's principle B).
func coSubject(toks []doc.Token, i int) int {
	t := &toks[i]
	if Reflexive(t.Text) {
		return -1
	}
	switch t.Dep {
	case "obj", "iobj", "obl":
	default:
		return -1
	}
	for j := range toks {
		if toks[j].Head == t.Head && (toks[j].Dep == "nsubj" || toks[j].Dep == "nsubj:pass") {
			return j
		}
	}
	return -1
}

// subjectAppositive reports whether token h names the subject in apposition: "His wife Maria,
// who ..., agreed" makes Maria the subject, not only "wife".
func subjectAppositive(toks []doc.Token, h int) bool {
	t := &toks[h]
	return t.Dep == "appos" && t.Head >= 0 && t.Head < len(toks) && isSubject(&toks[t.Head])
}

// nameMention builds a name mention from the entity span [i, j), dropping titles, honorifics,
// a leading "the" and a trailing possessive from the name.
func nameMention(si int, toks []doc.Token, i, j int, typ string) (Mention, bool) {
	m := Mention{Sent: si, Start: i, End: j, Kind: Name, Type: typ, Entity: -1}
	words := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		words = append(words, form(&toks[k]))
	}
	m.Text = strings.Join(words, " ")
	a, b := 0, len(words)
	for b > a && (words[b-1] == "'s" || words[b-1] == "'" || words[b-1] == "’s" || typ == schema.TypePerson && b-a > 1 && PostNominal[words[b-1]]) {
		b-- // "Maria Lopez MP" is Maria Lopez
	}
	for a < b {
		lw := strings.ToLower(words[a])
		if lw == "the" {
			a++
			continue
		}
		if typ == schema.TypePerson {
			if h, ok := lexicon.Honorific(words[a]); ok {
				if m.Gender == lexicon.Unknown {
					m.Gender = h.Gender
				}
				a++
				continue
			}
			if n, e := lexicon.Match(words, a); n > 0 && a+n < b && e.Class&(lexicon.ClassTitle|lexicon.ClassDemonym|lexicon.ClassPlace|lexicon.ClassOrg) != 0 {
				a += n // "President Maria Lopez", "Pentagon spokesman" stays a title, not a name
				continue
			}
		}
		break
	}
	if a >= b {
		return m, false
	}
	m.Name = joinName(words[a:b])
	if typ == schema.TypePerson && b-a == 1 {
		before := ""
		if a > 0 {
			before = words[a-1]
		} else if i > 0 {
			before = form(&toks[i-1])
		}
		if t, ok := lexicon.Title(before); ok && t.Kind == "royal" {
			m.Regnal = true
		}
	}
	if typ == schema.TypePerson && b-a == 1 && (a > 0 && strings.EqualFold(words[a-1], "the") || i > 0 && strings.EqualFold(form(&toks[i-1]), "the")) {
		// People do not take an article: "the Pentagon", "the Vatican" name institutions.
		m.Type = schema.TypeOrg
	}
	if typ == schema.TypePerson && m.Gender == lexicon.Unknown {
		m.Gender = lexicon.GivenNameGender(words[a])
	}
	m.Head = headOf(toks, i, j)
	m.Subject = isSubject(&toks[m.Head]) || ownsSubject(toks, m.Head) || subjectAppositive(toks, m.Head)
	return m, true
}

// joinName joins name words, keeping hyphens and apostrophes tight ("Jean - Paul" is one name).
func joinName(ws []string) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 && w != "-" && ws[i-1] != "-" && w != "." {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// headOf returns the token of [i, j) whose head lies outside the span (the syntactic head), or
// the last token when the parse says nothing useful.
func headOf(toks []doc.Token, i, j int) int {
	for k := i; k < j; k++ {
		h := toks[k].Head
		if h < i || h >= j {
			if toks[k].Dep != "" {
				return k
			}
		}
	}
	return j - 1
}

// personNouns are common nouns that describe a person when they head a definite description,
// beyond the titles of the gazetteer.
var personNouns = map[string]bool{
	"billionaire": true, "millionaire": true, "entrepreneur": true, "businessman": true, "businesswoman": true,
	"tycoon": true, "mogul": true, "magnate": true, "guru": true, "politician": true, "lawmaker": true,
	"leader": true, "boss": true, "official": true, "diplomat": true, "envoy": true, "activist": true,
	"actor": true, "actress": true, "singer": true, "star": true, "player": true, "coach": true,
	"man": true, "woman": true, "executive": true, "founder": true, "owner": true, "investor": true,
	"critic": true, "analyst": true, "journalist": true, "writer": true, "author": true, "columnist": true,
}

// nameBreak reports whether token k, labelled as part of a name, cannot be one: a verb written in
// lower case ("Acme Corp bought Zenith" is two names, not one), unless a hyphen ties it to the
// name ("Ho Siu-ran": "ran" is tagged a verb).
func nameBreak(toks []doc.Token, k int) bool {
	t := &toks[k]
	if !strings.HasPrefix(t.Tag, "VB") || k > 0 && toks[k-1].Text == "-" && toks[k-1].End == t.Start {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLower(r)
}

// companyAnd reports whether token k is an "and" or "&" right after a company's legal form: "Acme
// Corp and Zenith Inc" names two companies (but "Marks and Spencer" one).
func companyAnd(toks []doc.Token, k int) bool {
	if w := form(&toks[k]); w != "and" && w != "&" || k == 0 {
		return false
	}
	return lexicon.CompanySuffix(form(&toks[k-1]))
}

// orgNouns are common nouns that describe an organisation when they head a definite
// description: "the company said", "the retailer", "the club".
var orgNouns = map[string]bool{"company": true, "firm": true, "group": true, "retailer": true, "bank": true,
	"lender": true, "carrier": true, "airline": true, "manufacturer": true, "maker": true, "insurer": true,
	"broadcaster": true, "newspaper": true, "club": true, "corporation": true, "conglomerate": true,
	"chain": true, "supermarket": true, "publisher": true, "charity": true, "organisation": true,
	"organization": true, "agency": true, "network": true, "startup": true, "business": true}

// OrgNoun reports whether a common noun's lemma describes an organisation ("company", "agency",
// "bank"): "the company" is a description of one, "Acme news agency" names one.
func OrgNoun(lemma string) bool { return orgNouns[strings.ToLower(lemma)] }

// orgDescription recognises a definite description of an organisation headed by token i: "the
// company", "the clothing retailer". Only "the" makes it definite ("a company" is any company),
// and the description is the subject or object of a clause, not a modifier.
func orgDescription(si int, toks []doc.Token, i int) (Mention, bool) {
	t := &toks[i]
	if t.Tag != "NN" || !orgNouns[strings.ToLower(t.Lemma)] {
		return Mention{}, false
	}
	switch t.Dep {
	case "nsubj", "nsubj:pass", "obj", "iobj":
	case "nmod": // whose title it is: "a director of the company"
		if c := caseOf(toks, i); c != "of" && c != "for" || t.Head < 0 || t.Head >= len(toks) {
			return Mention{}, false
		}
		if n, _ := matchTitle([]string{form(&toks[t.Head])}, 0); n == 0 {
			return Mention{}, false
		}
	default:
		return Mention{}, false
	}
	// The words before the noun, read off the tags rather than the parse, which often splits
	// "the toy and garden furniture retailer".
	start := i
	for start > 0 && i-start < 6 && npWord(&toks[start-1]) {
		start--
	}
	if start > 0 && toks[start-1].Tag == "DT" {
		start--
	}
	if !strings.EqualFold(form(&toks[start]), "the") {
		return Mention{}, false
	}
	words := make([]string, 0, i-start+1)
	for k := start; k <= i; k++ {
		words = append(words, form(&toks[k]))
	}
	return Mention{Sent: si, Start: start, End: i + 1, Head: i, Kind: Nominal, Type: schema.TypeOrg,
		Text: strings.Join(words, " "), Name: strings.ToLower(t.Lemma), Subject: isSubject(t), Entity: -1}, true
}

// npWord reports whether a token can stand inside a description before its noun: a common
// noun, an adjective, a participle, "and", a hyphen; not a name.
func npWord(t *doc.Token) bool {
	if t.Ent != "" && t.Ent != "O" {
		return false
	}
	switch t.Tag {
	case "NN", "NNS", "JJ", "JJR", "JJS", "VBG", "VBN", "CC", "HYPH":
		return true
	}
	return false
}

// ageDescription recognises "the 58-year-old" (tokenized "the 58 - year - old", headed by
// "old") as a description of a person.
func ageDescription(si int, toks []doc.Token, i int) (Mention, bool) {
	if !strings.EqualFold(form(&toks[i]), "old") || !strings.HasPrefix(toks[i].Dep, "nsubj") && toks[i].Dep != "obj" {
		return Mention{}, false
	}
	start, year, det := i, false, false
	for k := i - 1; k >= 0 && i-k <= 5; k-- {
		w := strings.ToLower(form(&toks[k]))
		switch {
		case w == "year" || w == "-" || toks[k].Tag == "CD":
			year = year || w == "year"
			start = k
			continue
		case w == "the":
			det, start = true, k
		}
		break
	}
	if !year || !det {
		return Mention{}, false
	}
	words := make([]string, 0, i-start+1)
	for k := start; k <= i; k++ {
		words = append(words, form(&toks[k]))
	}
	return Mention{Sent: si, Start: start, End: i + 1, Head: i, Kind: Nominal, Type: schema.TypePerson,
		Text: strings.Join(words, " "), Name: "year-old", Subject: isSubject(&toks[i]), Entity: -1}, true
}

// nominalMention recognises a definite description of a person ("the tycoon", "the Acme
// CEO", "the media mogul") headed by token i.
func nominalMention(si int, toks []doc.Token, i int, covered []bool) (Mention, bool) {
	t := &toks[i]
	if t.Tag != "NN" || t.Dep == "compound" || t.Dep == "amod" {
		return Mention{}, false
	}
	lemma := strings.ToLower(t.Lemma)
	if lemma == "" {
		lemma = strings.ToLower(form(t))
	}
	if _, ok := lexicon.Title(form(t)); !ok && !personNouns[lemma] {
		if _, ok := lexicon.Title(lemma); !ok {
			return Mention{}, false
		}
	}
	if w := form(t); i > 0 && isCapitalized(w) && strings.ToUpper(w) != w && !capitalisedOffice(w, lemma) {
		// A descriptive noun written with a capital inside a sentence is part of a name ("what
		// it calls the Interactive Media Player"); an office is not ("the Prime Minister",
		// "the Chairman"), nor an acronym ("the Acme CEO").
		return Mention{}, false
	}
	// The description runs from its determiner to the noun.
	start := i
	for start > 0 && descriptionDep(toks[start-1].Dep) && descends(toks, start-1, i) {
		start--
	}
	if start == i || strings.ToLower(form(&toks[start])) != "the" {
		// "Acme's CEO": a title owned by a name describes a person too; the mention is the
		// title, the owner stays a mention of its own.
		for k := range toks {
			if toks[k].Head == i && toks[k].Dep == "nmod:poss" && isCapitalized(form(&toks[k])) && !covered[i] {
				return Mention{Sent: si, Start: i, End: i + 1, Head: i, Kind: Nominal, Type: schema.TypePerson,
					Text: form(t), Name: lemma, Subject: isSubject(t), Owned: true, Entity: -1}, true
			}
		}
		return Mention{}, false
	}
	if covered[i] || titleOfName(toks, i) {
		return Mention{}, false
	}
	words := make([]string, 0, i-start+1)
	first := start // the mention's tokens: from the determiner, or only the noun when a name modifies it
	for k := start; k <= i; k++ {
		words = append(words, form(&toks[k]))
		if covered[k] {
			first = i // "the Acme CEO": "Acme" stays a mention of its own
		}
	}
	m := Mention{Sent: si, Start: first, End: i + 1, Head: i, Kind: Nominal, Type: schema.TypePerson,
		Text: strings.Join(words, " "), Name: descriptionKey(words, lemma), Subject: isSubject(t), Entity: -1}
	for k := i + 1; k < len(toks); k++ {
		if toks[k].Head != i || toks[k].Dep != "acl:relcl" {
			continue
		}
		if i+1 < len(toks) && toks[i+1].Text != "," {
			m.Restricted = true // a restrictive relative clause; "the player, who …" describes
		}
	}
	for k := i + 1; k < len(toks); k++ { // "the chairman of the Acme Trust": whose chairman
		if toks[k].Head != i || toks[k].Dep != "nmod" {
			continue
		}
		if c := caseOf(toks, k); (c == "of" || c == "for") && nameToken(&toks[k]) {
			m.Owned, m.OfStart, m.OfEnd = true, k, k+1
		}
		break
	}
	return m, true
}

// capitalisedOffice reports whether a title noun, as written (w) or by its lemma, names an
// office of state, law, the armed forces, a church, a court or a company, which news writes with
// a capital.
func capitalisedOffice(w, lemma string) bool {
	for _, k := range []string{w, lemma} {
		if ti, ok := lexicon.Title(k); ok && (offices[ti.Kind] || ti.Kind == "business") {
			return true
		}
	}
	return false
}

// titleOfName reports whether the description headed by token i is the title of a person's name
// right after it or in apposition to it: "the Acme chairman Maria Lopez", "the Acme
// correspondent in Ruritania, Tom Jones".
func titleOfName(toks []doc.Token, i int) bool {
	if i+1 < len(toks) && toks[i+1].Ent == "B-PERSON" {
		return true
	}
	for k := i + 1; k < len(toks); k++ {
		if toks[k].Dep != "appos" || toks[k].Ent != "B-PERSON" {
			continue
		}
		// The name in apposition to the title, or to the place phrase the parse hung it on.
		if h := toks[k].Head; h == i || h > i && toks[h].Head == i && toks[h].Dep == "nmod" {
			return true
		}
	}
	return false
}

// nameToken reports whether the recogniser labelled token t part of an organisation's or
// place's name.
func nameToken(t *doc.Token) bool {
	_, typ := entLabel(t.Ent)
	return typ == schema.TypeOrg || typ == schema.TypeGPE
}

// descriptionKey returns what a description says its person is: the longest title at the end of
// its words, with the modifiers that make it another office ("the deputy prime minister" is a
// "deputy prime minister", not a "prime minister"), or the head's lemma.
func descriptionKey(words []string, lemma string) string {
	for k := 0; k < len(words)-1; k++ {
		phrase := strings.ToLower(strings.Join(words[k:], " "))
		if _, ok := lexicon.Title(phrase); ok {
			return phrase
		}
	}
	return lemma
}

// descriptionDep reports whether a dependent before a description's noun belongs to the
// description ("the", "media" in "at the media mogul"), unlike its preposition.
func descriptionDep(dep string) bool {
	switch dep {
	case "det", "amod", "compound", "nmod:poss", "nummod", "conj", "cc":
		return true
	}
	return false
}

// descends reports whether token k lies below token i in the parse, a few levels down at most
// ("Zenith" in "the Acme and Zenith founder" hangs on "Acme", which hangs on "founder").
func descends(toks []doc.Token, k, i int) bool {
	for n := 0; n < 4 && k >= 0 && k < len(toks); n++ {
		if toks[k].Head == i {
			return true
		}
		k = toks[k].Head
	}
	return false
}

// propagateNames adds name mentions the recogniser missed: a proper noun that repeats, alone, a
// word of a multi-word person name found elsewhere in the article ("Lopez" after "Maria Lopez"), or
// the whole of a one-word name of another type, is a mention of the same type. This is the
// "one sense per discourse" consistency of document-level NER.
func propagateNames(d *doc.Doc, ms []Mention) []Mention {
	known := map[string]string{} // word -> type
	for _, m := range ms {
		if m.Kind != Name {
			continue
		}
		words := strings.Fields(m.Name)
		switch {
		case m.Type == schema.TypePerson && len(words) > 1:
			for _, w := range []string{words[0], words[len(words)-1]} {
				if _, clash := known[w]; !clash {
					known[w] = m.Type
				}
			}
		case len(words) == 1 && m.Type != schema.TypePerson:
			known[words[0]] = m.Type
		}
	}
	if len(known) == 0 {
		return ms
	}
	covered := map[[2]int]bool{}
	for _, m := range ms {
		for k := m.Start; k < m.End; k++ {
			covered[[2]int{m.Sent, k}] = true
		}
	}
	var added []Mention
	for si := range d.Sentences {
		toks := d.Sentences[si].Tokens
		for i := range toks {
			typ, ok := known[form(&toks[i])]
			// A capitalised noun (the tagger may call a sentence-initial name NN) not followed by
			// another name word.
			if !ok || covered[[2]int{si, i}] || !strings.HasPrefix(toks[i].Tag, "NN") ||
				i+1 < len(toks) && strings.HasPrefix(toks[i+1].Tag, "NNP") && !covered[[2]int{si, i + 1}] {
				continue // part of a longer name the recogniser did not see: leave it
			}
			if m, ok := nameMention(si, toks, i, i+1, typ); ok {
				added = append(added, m)
			}
		}
	}
	if len(added) == 0 {
		return ms
	}
	out := append(ms, added...)
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Sent != out[b].Sent {
			return out[a].Sent < out[b].Sent
		}
		return out[a].Start < out[b].Start
	})
	return out
}

func isCapitalized(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

func sortMentions(ms []Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}
