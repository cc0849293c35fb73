package coref

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/schema"
)

// phrase is one mention of the chain layer: a noun phrase or pronoun of the parse, whatever it
// refers to ("the study", "it", "we"), with the agreement features the sieves compare.
type phrase struct {
	sent, start, end, head int // tokens [start, end); head the phrase's head token
	kind                   Kind
	lemma                  string   // the head's lemma, lower case
	words                  []string // the phrase's words, lower case
	mods                   []string // the lemmas of the head's nominal and adjectival premodifiers
	person                 uint8    // 1, 2 or 3
	number, animacy        uint8    // feature bits (see the consts below); 0: unknown
	gender                 lexicon.Gender
	subject, quoted        bool
	indefinite             bool // opens with "a", "an", "some", "any", "no", or is a bare noun
	reflexive              bool
	modifier               bool // a name modifying a noun ("the [Zenith] plant"): linked by its words only
	depth                  int  // the head's distance from the root of its sentence
	entity                 int  // the entity of the mention layer the phrase belongs to, -1 none
}

// Feature bits of number and animacy: a cluster's features are the union of its phrases'.
const (
	singular uint8 = 1 << iota
	plural
)

const (
	animate uint8 = 1 << iota
	inanimate
)

// personalPronouns gives person and number of the pronouns the chain layer reads (third-person
// ones take gender and animacy from the pronouns table).
var personalPronouns = map[string]struct {
	person, number uint8
	reflexive      bool
}{
	"i": {1, singular, false}, "me": {1, singular, false}, "my": {1, singular, false}, "mine": {1, singular, false}, "myself": {1, singular, true},
	"we": {1, plural, false}, "us": {1, plural, false}, "our": {1, plural, false}, "ours": {1, plural, false}, "ourselves": {1, plural, true},
	"you": {2, 0, false}, "your": {2, 0, false}, "yours": {2, 0, false}, "yourself": {2, singular, true}, "yourselves": {2, plural, true},
	"he": {3, singular, false}, "him": {3, singular, false}, "his": {3, singular, false}, "himself": {3, singular, true},
	"she": {3, singular, false}, "her": {3, singular, false}, "hers": {3, singular, false}, "herself": {3, singular, true},
	"it": {3, singular, false}, "its": {3, singular, false}, "itself": {3, singular, true},
	"they": {3, plural, false}, "them": {3, plural, false}, "their": {3, plural, false}, "theirs": {3, plural, false}, "themselves": {3, plural, true},
}

// phraseDeps are the relations whose dependents belong to a noun phrase's span when they hang on
// its head: determiners, modifiers, "of" phrases, relative clauses, appositions. A clause's
// subject, copula or adverbials (of a predicate noun) and coordinated phrases do not.
func phraseDep(t *doc.Token) bool {
	dep := t.Dep
	if i := strings.IndexByte(dep, ':'); i > 0 && dep != "nmod:poss" {
		dep = dep[:i]
	}
	switch dep {
	case "det", "amod", "compound", "flat", "fixed", "nmod", "nmod:poss", "nummod", "appos", "acl", "goeswith":
		return true
	case "case":
		return t.Tag == "POS" // "Acme 's", not the preposition of "in the study"
	}
	return false
}

// nonReferential are head nouns of phrases that name amounts and kinds rather than things.
var nonReferential = map[string]bool{"lot": true, "kind": true, "sort": true, "type": true, "number": true,
	"percent": true, "%": true, "bit": true, "couple": true, "deal": true, "way": true, "lots": true, "one": true}

// animateNouns are common nouns of people beyond the titles and person nouns of the mention layer.
var animateNouns = map[string]bool{
	"person": true, "people": true, "man": true, "woman": true, "men": true, "women": true, "child": true,
	"children": true, "kid": true, "baby": true, "girl": true, "boy": true, "mother": true, "father": true,
	"parent": true, "wife": true, "husband": true, "son": true, "daughter": true, "brother": true, "sister": true,
	"friend": true, "family": true, "doctor": true, "patient": true, "student": true, "teacher": true,
	"king": true, "queen": true, "emperor": true, "prince": true, "princess": true, "lord": true, "lady": true,
	"member": true, "officer": true, "judge": true, "lawyer": true, "attorney": true, "defendant": true,
	"plaintiff": true, "victim": true, "witness": true, "guy": true, "gentleman": true, "resident": true,
	"citizen": true, "worker": true, "employee": true, "user": true, "participant": true, "author": true,
	"researcher": true, "scientist": true, "librarian": true, "player": true, "fan": true, "soldier": true,
	"poet": true, "artist": true, "nurse": true, "colleague": true, "partner": true, "audience": true,
	"grandmother": true, "grandfather": true, "uncle": true, "aunt": true, "cousin": true, "dad": true,
	"mom": true, "mum": true, "individual": true, "human": true, "adult": true, "infant": true,
	"traveler": true, "traveller": true, "tourist": true, "visitor": true, "speaker": true, "host": true,
}

// genderNouns are common nouns whose referent's gender they say.
var genderNouns = map[string]lexicon.Gender{
	"man": lexicon.Male, "boy": lexicon.Male, "father": lexicon.Male, "husband": lexicon.Male, "son": lexicon.Male,
	"brother": lexicon.Male, "king": lexicon.Male, "prince": lexicon.Male, "emperor": lexicon.Male, "lord": lexicon.Male,
	"gentleman": lexicon.Male, "uncle": lexicon.Male, "dad": lexicon.Male, "grandfather": lexicon.Male, "guy": lexicon.Male,
	"woman": lexicon.Female, "girl": lexicon.Female, "mother": lexicon.Female, "wife": lexicon.Female, "daughter": lexicon.Female,
	"sister": lexicon.Female, "queen": lexicon.Female, "princess": lexicon.Female, "lady": lexicon.Female, "aunt": lexicon.Female,
	"mom": lexicon.Female, "mum": lexicon.Female, "grandmother": lexicon.Female, "actress": lexicon.Female,
}

// indefiniteDets open phrases that introduce something new rather than refer back.
var indefiniteDets = map[string]bool{"a": true, "an": true, "some": true, "any": true, "no": true,
	"another": true, "many": true, "several": true, "few": true, "each": true, "every": true, "all": true, "such": true, "other": true}

// sentenceTree holds a sentence's dependents (one flat list, kids[at[h]:at[h+1]] those of token
// h), head depths, and its words and lemmas in lower case (computed once, shared by the
// sentence's phrases).
type sentenceTree struct {
	at, kids      []int32
	depth         []int32
	words, lemmas []string
}

func newTree(toks []doc.Token) sentenceTree {
	n := len(toks)
	t := sentenceTree{at: make([]int32, n+2), kids: make([]int32, n), depth: make([]int32, n),
		words: make([]string, n), lemmas: make([]string, n)}
	for i := range toks {
		t.words[i] = strings.ToLower(form(&toks[i]))
		t.lemmas[i] = strings.ToLower(toks[i].Lemma)
		if t.lemmas[i] == "" {
			t.lemmas[i] = t.words[i]
		}
		if h := toks[i].Head; h >= 0 && h < n && h != i {
			t.at[h+2]++
		}
	}
	for h := 2; h < n+2; h++ {
		t.at[h] += t.at[h-1]
	}
	for i := range toks { // at[h+1] counts the dependents of h placed so far
		if h := toks[i].Head; h >= 0 && h < n && h != i {
			t.kids[t.at[h+1]] = int32(i)
			t.at[h+1]++
		}
	}
	t.at = t.at[:n+1]
	for i := range toks {
		d, k := int32(0), i
		for m := 0; m < 50 && k >= 0 && k < n && toks[k].Head >= 0; m++ {
			k = toks[k].Head
			d++
		}
		t.depth[i] = d
	}
	return t
}

// children returns the dependents of token h, in token order.
func (t *sentenceTree) children(h int) []int32 { return t.kids[t.at[h]:t.at[h+1]] }

// subtreeRange widens [lo, hi] to the tokens below token k.
func (t *sentenceTree) subtreeRange(k int, lo, hi *int, n int) {
	if n > 60 {
		return
	}
	if k < *lo {
		*lo = k
	}
	if k > *hi {
		*hi = k
	}
	for _, c := range t.children(k) {
		t.subtreeRange(int(c), lo, hi, n+1)
	}
}

// span returns the token span [start, end) of the noun phrase headed by token h: the head and
// its phrase dependents with all below them, without punctuation or a conjunction at its edges.
func (t *sentenceTree) span(toks []doc.Token, h int) (int, int) {
	lo, hi := h, h
	for _, c := range t.children(h) {
		if phraseDep(&toks[c]) {
			t.subtreeRange(int(c), &lo, &hi, 0)
		}
	}
	for lo < h && edgeToken(&toks[lo]) {
		lo++
	}
	for hi > h && edgeToken(&toks[hi]) {
		hi--
	}
	return lo, hi + 1
}

func edgeToken(t *doc.Token) bool {
	switch t.Tag {
	case ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "CC":
		return true
	}
	return t.Dep == "punct" || t.Dep == "cc"
}

// phraseHead reports whether token i heads a noun phrase of its own: a common or proper noun
// that is no modifier, name part or apposition of another.
func phraseHead(t *doc.Token) bool {
	switch t.Tag {
	case "NN", "NNS", "NNP", "NNPS":
	default:
		return false
	}
	dep := t.Dep
	if i := strings.IndexByte(dep, ':'); i > 0 && dep != "nmod:poss" {
		dep = dep[:i]
	}
	switch dep {
	case "compound", "flat", "fixed", "goeswith", "appos", "amod", "nummod", "advmod", "case", "det":
		return false
	}
	return true
}

// nameModifier reports whether token t is a proper noun modifying a noun ("Zenith" in "the Zenith
// plant", "Ruritania" in "the Ruritania office"), heading a name of its own.
func nameModifier(t *doc.Token) bool {
	return t.Dep == "compound" && (t.Tag == "NNP" || t.Tag == "NNPS")
}

// newPhrase builds the phrase headed by token h of sentence si.
func newPhrase(si int, toks []doc.Token, tr *sentenceTree, h int) phrase {
	start, end := tr.span(toks, h)
	p := phrase{sent: si, start: start, end: end, head: h, kind: Nominal, person: 3, depth: int(tr.depth[h]), entity: -1,
		subject: isSubject(&toks[h])}
	p.lemma = tr.lemmas[h]
	p.words = tr.words[start:end:end] // shared with the sentence: never appended to
	w := tr.words[h]
	if pp, ok := personalPronouns[w]; ok && strings.HasPrefix(toks[h].Tag, "PRP") {
		p.kind, p.person, p.number, p.reflexive = Pronoun, pp.person, pp.number, pp.reflexive
		if pp.person < 3 {
			p.animacy = animate
		} else if tp, ok := pronouns[w]; ok {
			p.gender = tp.g
			switch {
			case tp.person:
				p.animacy = animate
			case !tp.plural:
				p.animacy = inanimate
			}
		}
		return p
	}
	switch toks[h].Tag {
	case "NNS", "NNPS":
		p.number = plural
	default:
		p.number = singular
	}
	if strings.HasPrefix(toks[h].Tag, "NNP") {
		p.kind = Name
	}
	for _, c := range tr.children(h) {
		switch toks[c].Dep {
		case "det":
			if indefiniteDets[tr.words[c]] {
				p.indefinite = true
			}
		case "amod", "compound", "nummod":
			p.mods = append(p.mods, tr.lemmas[c])
		}
	}
	if p.kind != Name && !hasDet(toks, tr, h) {
		p.indefinite = true // bare nouns are generic or new: "rising costs", "engineers"
	}
	switch {
	case animateNouns[p.lemma] || personNouns[p.lemma] || strings.HasSuffix(p.lemma, "ist") && len(p.lemma) > 5:
		p.animacy = animate
	case p.kind == Name:
	default:
		if _, ok := lexicon.Title(p.lemma); ok {
			p.animacy = animate
		} else if !strings.HasSuffix(p.lemma, "er") && !strings.HasSuffix(p.lemma, "or") {
			p.animacy = inanimate
		}
	}
	p.gender = genderNouns[p.lemma]
	return p
}

func hasDet(toks []doc.Token, tr *sentenceTree, h int) bool {
	for _, c := range tr.children(h) {
		if toks[c].Dep == "det" || toks[c].Dep == "nmod:poss" {
			return true
		}
	}
	return false
}

// entityFeatures sets the features a phrase takes from the entity of the mention layer it is a
// mention of: a person is animate with the entity's gender, an organisation or place inanimate
// and of either number ("Acme said it…", "Acme said they…").
func (p *phrase) entityFeatures(e *Entity) {
	switch e.Type {
	case schema.TypePerson:
		p.animacy = animate
		if e.Gender != lexicon.Unknown {
			p.gender = e.Gender
		}
	case schema.TypeOrg, schema.TypeNORP:
		p.animacy, p.number = inanimate, 0
	case schema.TypeGPE, schema.TypeLoc:
		p.animacy = inanimate
	}
}

// pleonastic reports whether "it" at token i is no referring pronoun: an expletive, or the
// subject of a clause whose real subject is a "that" or "to" clause ("it is clear that…", "it
// takes time to…") or of weather and time ("it rained", "it is late").
func pleonastic(toks []doc.Token, tr *sentenceTree, i int) bool {
	t := &toks[i]
	if t.Dep == "expl" {
		return true
	}
	if !strings.EqualFold(form(t), "it") || !isSubject(t) {
		return false
	}
	h := t.Head
	if h < 0 || h >= len(toks) {
		return false
	}
	switch tr.lemmas[h] {
	case "rain", "snow", "seem", "appear", "happen", "matter":
		return true
	}
	for _, c := range tr.children(h) {
		switch toks[c].Dep {
		case "ccomp", "csubj", "xcomp", "advcl":
			for _, g := range tr.children(int(c)) {
				if toks[g].Dep == "mark" && (strings.EqualFold(form(&toks[g]), "that") || strings.EqualFold(form(&toks[g]), "to") ||
					strings.EqualFold(form(&toks[g]), "whether") || strings.EqualFold(form(&toks[g]), "if")) {
					return true
				}
			}
		}
	}
	return false
}

// predicate reports whether noun h is the predicate of a copula ("Acme is [the largest firm]"):
// it says what its subject is, and is no mention of its own (as in OntoNotes).
func predicate(toks []doc.Token, tr *sentenceTree, h int) bool {
	for _, c := range tr.children(h) {
		if toks[c].Dep == "cop" {
			return true
		}
	}
	return false
}
