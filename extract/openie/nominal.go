package openie

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/lexicon"
)

// nominalTuples returns the "is" and "has" tuples that noun phrases state without a verb:
// appositions, titles before names, possessives.
func (t *tree) nominalTuples(i int) []Extraction {
	var out []Extraction
	add := func(a, b span, rel string, conf float64, pattern string) {
		if len(a) > 0 && len(b) > 0 {
			out = append(out, Extraction{Relation: rel, Args: []string{t.words(a), t.words(b)}, Confidence: conf, Pattern: pattern})
		}
	}
	d := t.Toks[i].Dep
	h := t.Head(i)
	switch {
	case d == "appos" && h >= 0 && t.isNoun(h) && !t.numeric(h) && !t.numeric(i):
		a := t.argPhrase(h, i, keepConj)
		b := t.argPhrase(i, -1, keepConj)
		if !t.isProper(h) && t.isProper(i) {
			a, b = b, a // "the keyboardist, Maria Lopez": Maria Lopez is the keyboardist
		}
		rel := t.be(h, false)
		if t.isProper(h) && t.isProper(i) {
			if _, ok := lexicon.Place(t.words(b)); ok {
				rel += " in" // "Springfield , Ohio": Springfield is in Ohio
			}
		}
		add(a, b, rel, confAppos, "appos")
	case d == "nmod:desc" && h >= 0 && t.isProper(h) && t.role(i) && !t.company(t.name(h)):
		// "President Lopez", "Party Chairman Maria Lopez": a title before a name.
		title := t.phrase(i, func(c int) bool { return t.Dep(c) == "case" || t.Dep(c) == "det" })
		add(t.name(h), title, "is", confAppos, "title")
	case d == "nmod:poss" && h >= 0 && t.isNoun(h) && !t.pronoun(i):
		// "Acme 's chief executive": Acme has a chief executive.
		owner := t.phrase(i, func(c int) bool { return t.Dep(c) == "case" || clauseDep(t.Toks[c].Dep) })
		owned := t.phrase(h, func(c int) bool {
			switch t.Dep(c) {
			case "nmod", "acl", "appos", "det", "punct", "conj", "cc", "case":
				return true
			}
			return c == i || clauseDep(t.Toks[c].Dep) || clauseLevel(t.Dep(c))
		})
		add(owner, owned, t.have(i, t.past), confPoss, "poss")
	}
	if d == "nmod" && h >= 0 && t.isNoun(h) && !t.pronoun(h) {
		if cs := t.firstCase(i); cs >= 0 && cs < i && nominalPreps[t.Lower(cs)] {
			// "four countries in Europe": the countries are in Europe
			owner := t.phrase(h, func(c int) bool {
				switch t.Dep(c) {
				case "nmod", "acl", "appos", "punct", "conj", "cc", "case":
					return true
				}
				return clauseDep(t.Toks[c].Dep) || clauseLevel(t.Dep(c))
			})
			add(owner, t.argPhrase(i, -1, keepConj), t.be(h, t.past)+" "+t.Lower(cs), confNmod, "nmod")
		}
	}
	if t.isProper(i) && len(t.Kids(i)) > 0 && (d == "" || d != "flat") {
		// "former Attorney Maria Lopez": a title that the parser made the head of the name.
		if _, ok := lexicon.Title(t.Lower(i)); ok && !t.honorific(i) {
			var name span
			for _, c := range t.Kids(i) {
				if t.Toks[c].Dep == "flat" && c > i {
					name = append(name, c)
				}
			}
			if len(name) > 0 {
				title := t.phrase(i, func(c int) bool { return c > i || t.Dep(c) == "det" || t.Dep(c) == "case" })
				add(name, title, "is", confAppos, "title")
			}
		}
	}
	return out
}

// nominalPreps are the prepositions whose noun modifiers state a relation of their own ("the
// hall in Glasgow": the hall is in Glasgow).
var nominalPreps = map[string]bool{"in": true, "at": true, "on": true, "from": true, "near": true, "between": true}

// name returns the words of the proper name headed by i: i, its flat parts and the proper-noun
// compounds before it.
func (t *tree) name(i int) span {
	s := span{i}
	for _, c := range t.Kids(i) {
		d := t.Toks[c].Dep
		if d == "flat" || d == "compound" && t.isProper(c) && c < i {
			s = append(s, c)
		}
	}
	slices.Sort(s)
	return s
}

// role reports whether the noun i before a name says what its bearer is: a common noun
// ("keyboardist Maria Lopez") or a title ("President Lopez"), not a form of address ("Mr.") or
// part of an organisation's name ("Harbor Holdings Corp.").
func (t *tree) role(i int) bool {
	if t.honorific(i) {
		return false
	}
	if _, ok := lexicon.Title(t.Lower(i)); ok {
		return true
	}
	return !t.isProper(i) && t.isNoun(i)
}

// company reports whether a name ends in a company suffix ("Harbor Holdings Corp."): what comes
// before it is part of the name.
func (t *tree) company(name span) bool {
	return len(name) > 0 && lexicon.CompanySuffix(t.Toks[name[len(name)-1]].Text)
}

// honorific reports a form of address ("Mr.", "Dr.") rather than a title that says what someone
// is.
func (t *tree) honorific(i int) bool {
	_, ok := lexicon.Honorific(t.Toks[i].Text)
	return ok || strings.HasSuffix(t.Toks[i].Text, ".")
}

// pronoun reports a personal or possessive pronoun.
func (t *tree) pronoun(i int) bool {
	return t.tag(i) == "PRP" || t.tag(i) == "PRP$" || t.tag(i) == "WP$"
}
