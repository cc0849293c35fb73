// Package openie is newsgraph's open information extractor: it turns one dependency-parsed
// sentence into (arg1; relation; arg2; more args) tuples made of the sentence's own words, in the
// convention of the CaRB benchmark and the OpenIE systems it compares.
//
// Every clause yields tuples. A verb with its auxiliaries, negation, adverbs, particle and (when
// there is no direct object) the preposition of its first argument is the relation ("was
// brought on", "have sharply improved"); infinitive complements join it ("attempted to
// popularize"); the subject is arg1; the object or complement is arg2; prepositional, time and
// adverbial-clause modifiers are further arguments. Copulas, appositions and titles give "is"
// relations, possessives "has"; relative and participial clauses take the noun they modify as
// their subject; coordinated verbs share their subject and coordinated objects give a tuple each.
// Each tuple carries a confidence from the pattern that produced it, and a tuple stated only as
// what someone said or thought scores lower than one the sentence asserts.
//
// It reads what the tagger and parser wrote (Tag, Lemma, Head, Dep); it does not recognise names
// or map relations to canonical predicates (package extract does), and it never imports the
// graph. Pipeline runs the embedded tagger and parser over plain or tokenized sentences.
package openie

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// Extraction is one open tuple: arg1, relation, arg2 and more arguments, as words of the
// sentence (the synthesised "is" and "has" of nominal relations aside).
type Extraction struct {
	// Relation is the predicate phrase ("made an offer on", "is", "was awarded").
	Relation string
	// Args are arg1 (the subject), arg2 and any further arguments ("in 1941", "at Kettering").
	// There is always an arg1; an intransitive clause without modifiers has nothing more.
	Args []string
	// Confidence is in (0, 1]: higher for the patterns that are right more often.
	Confidence float64
	// Pattern says which construction the tuple comes from: "verb", "copula", "appos", "title",
	// "poss" or "nmod", followed by refinements separated by slashes ("verb/prep" for a moved
	// preposition, "/inh:acl" for a subject taken from the modified noun, "/emb" for reported
	// content, "/1arg" for a tuple without arg2).
	Pattern string
}

// Extract returns the tuples of one tagged and parsed sentence, deterministically ordered by
// the position of the word that heads their clause. A sentence without a parse yields nothing.
func Extract(toks []doc.Token) []Extraction {
	if len(toks) == 0 || !parsed(toks) {
		return nil
	}
	t := newTree(toks)
	var out []Extraction
	add := func(es []Extraction) {
		for _, e := range es {
			if e.Relation == "" || len(e.Args) == 0 || e.Args[0] == "" {
				continue
			}
			dup := slices.ContainsFunc(out, func(o Extraction) bool {
				return o.Relation == e.Relation && slices.Equal(o.Args, e.Args)
			})
			if !dup {
				out = append(out, e)
			}
		}
	}
	for i := range toks {
		switch {
		case t.verbal(i):
			add(t.verbTuples(i))
		case t.copular(i):
			add(t.copulaTuples(i))
		}
		add(t.nominalTuples(i))
	}
	return out
}

// parsed reports whether the tokens carry a dependency tree.
func parsed(toks []doc.Token) bool {
	for _, t := range toks {
		if t.Dep != "" {
			return true
		}
	}
	return false
}

// Confidences of the patterns, set from how often each is right on development data.
const (
	confVerb      = 0.9  // a verb with its own subject
	confCopula    = 0.8  // "X is Y"
	confAdjective = 0.9  // "X is adapted to Y"
	confAppos     = 0.55 // "X, Y," and titles before names
	confPoss      = 0.35 // "X 's Y": X has Y
	confNmod      = 0.3  // "X in Y": X is in Y
	confLight     = 0.3  // "made an offer on Y"
	confGuess     = 0.3  // "a chance to ride": the modified noun as the doer
	confOneArg    = 0.15 // a clause with a subject and nothing else
)

// frame is the material of one clause's tuples before it becomes words.
type frame struct {
	pred    int    // the clause's head
	rel     span   // the relation's words
	pre     string // a synthesised "was" before them ("was specified for")
	subj    int    // head of arg1
	objs    []span // alternatives for arg2 (its conjuncts)
	extra   []span // further arguments
	conf    float64
	source  source // where the subject comes from
	pattern string
}

// emit turns a frame into extractions, one per conjunct of arg2.
func (t *tree) emit(f *frame) []Extraction {
	if t.relative(f.subj) {
		return nil
	}
	subj := t.argPhrase(f.subj, f.pred, keepConj)
	if len(subj) == 0 {
		return nil
	}
	rel := t.words(f.rel)
	if f.pre != "" {
		rel = f.pre + " " + rel
	}
	conf, pattern := f.conf, f.pattern
	switch f.source {
	case fromShared:
		conf -= 0.05
	case fromRelative:
		conf -= 0.1
	case fromModifier:
		conf -= 0.25
	case fromGuess:
		conf = min(conf, confGuess)
	}
	if f.source != fromOwn {
		pattern += "/inh:" + t.Toks[f.pred].Dep
	}
	if t.embedded(f.pred) {
		conf -= 0.15
		pattern += "/emb"
	}
	objs := f.objs
	if len(objs) == 0 {
		objs = []span{nil}
	}
	var out []Extraction
	for _, o := range objs {
		args := []string{t.words(subj)}
		if len(o) > 0 || len(f.extra) > 0 {
			args = append(args, t.words(o))
		}
		for _, x := range f.extra {
			if len(x) > 0 {
				args = append(args, t.words(x))
			}
		}
		e := Extraction{Relation: rel, Args: args, Confidence: conf, Pattern: pattern}
		if len(o) == 0 {
			e.Confidence, e.Pattern = confOneArg, pattern+"/1arg"
		}
		out = append(out, e)
	}
	return out
}

// embedded reports whether the clause headed by p is the content of another clause (what
// someone said, thought or reported), directly or through coordination.
func (t *tree) embedded(p int) bool {
	for n := 0; p >= 0 && n < len(t.Toks); n++ {
		switch t.Dep(p) {
		case "ccomp", "csubj":
			return true
		case "conj", "xcomp":
			p = t.Head(p)
			continue
		}
		return false
	}
	return false
}

// Binary returns the tuples in the convention of the open-extraction benchmarks (CaRB and the
// systems scored on it): binary triples (relation, arg1, arg2), a prepositional argument's
// preposition in the relation ("born in" | X | Y), and no tuples that noun phrases state without
// a verb ("X is in Y", "X has Y", "X is President"). Further arguments are dropped.
func Binary(es []Extraction) []Extraction {
	var out []Extraction
	for _, e := range es {
		if nominalPattern(e.Pattern) {
			continue
		}
		if len(e.Args) > 2 { // one arg2: the object and what follows it
			e.Args = []string{e.Args[0], strings.TrimSpace(strings.Join(e.Args[1:], " "))}
		}
		if len(e.Args) == 2 {
			// A prepositional arg2 gives the relation its preposition: "was built | X | in
			// 1900" is "was built in | X | 1900".
			if p, rest, ok := strings.Cut(e.Args[1], " "); ok && preposition[strings.ToLower(p)] {
				e.Relation += " " + p
				e.Args[1] = rest
			}
		}
		if len(e.Args) == 2 && e.Args[1] == "" {
			e.Args = e.Args[:1]
		}
		if !slices.ContainsFunc(out, func(o Extraction) bool { return o.Relation == e.Relation && slices.Equal(o.Args, e.Args) }) {
			out = append(out, e)
		}
	}
	return out
}

// nominalPattern reports whether a tuple's pattern is one of a noun phrase without a verb.
func nominalPattern(p string) bool {
	base, _, _ := strings.Cut(p, "/")
	switch base {
	case "appos", "title", "poss", "nmod":
		return true
	}
	return false
}

// preposition are the words that open a prepositional argument.
var preposition = map[string]bool{"in": true, "on": true, "at": true, "to": true, "for": true, "from": true,
	"with": true, "by": true, "of": true, "into": true, "as": true, "about": true, "against": true,
	"during": true, "after": true, "before": true, "since": true, "under": true, "over": true, "through": true}
