// Package openie is newsgraph's open information extractor: it turns one dependency-parsed
// sentence into (arg1; relation; arg2; more args) tuples made of the sentence's own words, in the
// convention of the CaRB benchmark and the OpenIE systems it compares. Every clause yields tuples:
// a verb with its auxiliaries, negation, adverbs, particle and (when there is no direct object)
// the preposition of its first argument is the relation; the subject is arg1; the object or
// complement is arg2; prepositional and time modifiers are further arguments. Copulas,
// appositions, titles and possessives give "is" and "has" relations; relative and participial
// clauses take the noun they modify; coordinated verbs and arguments are split into tuples of
// their own. Each tuple carries a confidence from the strength of the pattern that produced it.
//
// It reads only what the tagger and parser wrote (Tag, Lemma, Head, Dep); it does not tag, parse,
// recognise names or map relations to canonical predicates (that is package extract's job), and
// it must not import the models or the graph.
package openie

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/lexicon"
)

// Extraction is one open tuple: arg1, relation, arg2 and more arguments, as words of the
// sentence (synthesised "is" and "has" aside).
type Extraction struct {
	// Relation is the predicate phrase ("made a final offer on", "is", "was awarded").
	Relation string
	// Args are arg1 (the subject), arg2 and any further arguments ("in 1941", "at Kettering").
	// There is always an arg1; Args[1] may be missing for an intransitive clause.
	Args []string
	// Confidence is in (0, 1]: higher for the patterns that are right more often.
	Confidence float64
	// Pattern names the construction the tuple comes from: "verb", "copula", "appos", ….
	Pattern string
}

// Extract returns the tuples of one tagged and parsed sentence, deterministically ordered by
// the position of their predicate. A sentence without a parse yields nothing.
func Extract(toks []doc.Token) []Extraction {
	if len(toks) == 0 || !parsed(toks) {
		return nil
	}
	t := newTree(toks)
	var out []Extraction
	add := func(es ...Extraction) {
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
			add(t.verbTuples(i)...)
		case t.copular(i):
			add(t.copulaTuples(i)...)
		}
		add(t.nominalTuples(i)...)
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

// tree is one parsed sentence with its child lists.
type tree struct {
	toks []doc.Token
	kids [][]int
	past bool // the main clause is in the past tense: synthesised "be" is "was"
}

func newTree(toks []doc.Token) *tree {
	t := &tree{toks: toks, kids: make([][]int, len(toks))}
	for i, tk := range toks {
		if h := tk.Head; h >= 0 && h < len(toks) && h != i {
			t.kids[h] = append(t.kids[h], i)
		}
	}
	t.past = t.pastTense()
	return t
}

// dep returns the base relation of token i ("obl" for "obl:agent").
func (t *tree) dep(i int) string {
	d := t.toks[i].Dep
	if j := strings.IndexByte(d, ':'); j >= 0 {
		return d[:j]
	}
	return d
}

// has reports whether token i has relation rel: the full label, or the base when rel has no
// subtype.
func (t *tree) has(i int, rel string) bool {
	return t.toks[i].Dep == rel || !strings.Contains(rel, ":") && t.dep(i) == rel
}

// child returns the first child of i with one of the relations, or -1.
func (t *tree) child(i int, rels ...string) int {
	for _, c := range t.kids[i] {
		for _, r := range rels {
			if t.has(c, r) {
				return c
			}
		}
	}
	return -1
}

func (t *tree) head(i int) int {
	h := t.toks[i].Head
	if h < 0 || h >= len(t.toks) || h == i {
		return -1
	}
	return h
}

func (t *tree) lower(i int) string { return strings.ToLower(norm(&t.toks[i])) }

func norm(tk *doc.Token) string {
	if tk.Norm != "" {
		return tk.Norm
	}
	return tk.Text
}

func (t *tree) tag(i int) string { return t.toks[i].Tag }

func (t *tree) isVerb(i int) bool { return strings.HasPrefix(t.tag(i), "VB") }

func (t *tree) isNoun(i int) bool {
	switch t.tag(i) {
	case "NN", "NNS", "NNP", "NNPS", "PRP", "CD", "DT", "EX", "WP", "WDT", "FW", "$":
		return true
	}
	return false
}

func (t *tree) adjective(i int) bool {
	switch t.tag(i) {
	case "JJ", "JJR", "JJS", "VBN", "VBG":
		return true
	}
	return false
}

// numeric reports a number or an amount of money.
func (t *tree) numeric(i int) bool { return t.tag(i) == "CD" || t.tag(i) == "$" }

func (t *tree) isProper(i int) bool { return t.tag(i) == "NNP" || t.tag(i) == "NNPS" }

func (t *tree) isPunct(i int) bool {
	switch t.tag(i) {
	case ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP":
		return true
	}
	return t.dep(i) == "punct"
}

// pastTense reports whether the sentence's root clause is in the past tense.
func (t *tree) pastTense() bool {
	for i := range t.toks {
		if t.toks[i].Dep != "root" {
			continue
		}
		if t.tag(i) == "VBD" {
			return true
		}
		for _, c := range t.kids[i] {
			if (t.dep(c) == "aux" || t.dep(c) == "cop") && t.tag(c) == "VBD" {
				return true
			}
		}
	}
	return false
}

// be returns the form of "be" that agrees with noun i in the sentence's tense.
func (t *tree) be(i int) string {
	plural := i >= 0 && (t.tag(i) == "NNS" || t.tag(i) == "NNPS" || t.child(i, "conj") >= 0)
	switch {
	case t.past && plural:
		return "were"
	case t.past:
		return "was"
	case plural:
		return "are"
	}
	return "is"
}

// has returns the form of "have" that agrees with noun i in the sentence's tense.
func (t *tree) have(i int) string {
	switch {
	case t.past:
		return "had"
	case i >= 0 && (t.tag(i) == "NNS" || t.tag(i) == "NNPS" || t.lower(i) == "they" || t.lower(i) == "we"):
		return "have"
	}
	return "has"
}

// relative reports whether token i is a relative pronoun or determiner standing for the noun
// its clause modifies.
func (t *tree) relative(i int) bool {
	if i < 0 {
		return false
	}
	switch t.tag(i) {
	case "WP", "WDT":
		return true
	}
	return t.lower(i) == "that" && t.dep(i) != "mark"
}

// inRelative returns the noun that the relative clause containing predicate p modifies, or -1.
func (t *tree) inRelative(p int) int {
	if t.toks[p].Dep == "acl:relcl" || t.toks[p].Dep == "advcl:relcl" {
		return t.head(p)
	}
	return -1
}

// span is a set of token indices in sentence order, the words of an argument or relation.
type span []int

// words joins the tokens' text as written in the sentence.
func (t *tree) words(s span) string {
	var b strings.Builder
	for k, i := range s {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.toks[i].Text)
	}
	return b.String()
}

// phrase returns the tokens of i's subtree, leaving out the children for which drop is true and
// their subtrees, trimmed of punctuation and conjunctions at either end.
func (t *tree) phrase(i int, drop func(c int) bool) span {
	var s span
	var walk func(j int, top bool)
	walk = func(j int, top bool) {
		s = append(s, j)
		for _, c := range t.kids[j] {
			if top && drop != nil && drop(c) {
				continue
			}
			walk(c, false)
		}
	}
	if len(t.toks) > 0 {
		walk(i, true)
	}
	slices.Sort(s)
	return t.trim(s)
}

// trim removes punctuation and coordinating conjunctions from both ends of s.
func (t *tree) trim(s span) span {
	edge := func(i int) bool { return t.isPunct(i) || t.dep(i) == "cc" || t.tag(i) == "CC" }
	for len(s) > 0 && edge(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && edge(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// clauseDeps are the relations of children that are clauses of their own: they never belong to
// an argument of their head.
func clauseDep(d string) bool {
	switch d {
	case "acl:relcl", "advcl:relcl", "parataxis", "appos", "dislocated", "list", "reparandum", "vocative", "orphan":
		return true
	}
	return false
}

// argument options: which parts of a noun phrase's subtree an argument keeps.
const (
	keepConj = 1 << iota // coordinated phrases stay (no split)
	keepCase             // the phrase's own preposition stays ("in 1941" as a further argument)
)

// argPhrase returns the words of the argument headed by i without relative clauses and
// appositions, without the coordinated phrases that split gives tuples of their own (unless
// keepConj), without its preposition (unless keepCase), and without the branch that holds token
// pred (the clause whose argument it is, when the argument is the noun that clause modifies).
func (t *tree) argPhrase(i, pred int, opt int) span {
	return t.phrase(i, func(c int) bool {
		d := t.toks[c].Dep
		switch {
		case clauseDep(d):
			return true
		case opt&keepConj == 0 && (d == "conj" && c > i || d == "cc" || d == "cc:preconj"):
			return true
		case d == "conj" && !t.isVerb(i) && (t.isVerb(c) || t.child(c, "cop") >= 0 || t.ownSubject(c) >= 0):
			return true // a clause coordinated with a noun phrase is no part of it
		case opt&keepCase == 0 && (t.dep(c) == "case" || t.dep(c) == "mark") && c < i:
			return true
		case pred >= 0 && t.dominates(c, pred):
			return true
		case !t.isVerb(i) && clauseLevel(t.dep(c)):
			return true // a copular predicate used as a noun phrase: "a footballer", not "X is a footballer"
		case d == "acl" && t.setOff(c):
			return true // ", founded in 2005": a clause of its own
		}
		return false
	})
}

// clauseLevel reports the relations that attach clause material (subject, copula, auxiliaries,
// adverbial and complement clauses) rather than noun modifiers.
func clauseLevel(d string) bool {
	switch d {
	case "nsubj", "csubj", "cop", "aux", "expl", "advcl", "ccomp", "mark":
		return true
	}
	return false
}

// setOff reports whether the phrase headed by c follows a comma: a non-restrictive modifier.
func (t *tree) setOff(c int) bool {
	sp := clause.Subtree(t.toks, c)
	return sp.Start > 0 && t.toks[sp.Start-1].Text == "," || t.toks[sp.Start].Text == ","
}

// dominates reports whether token a is token b or one of its ancestors.
func (t *tree) dominates(a, b int) bool {
	for n := 0; b >= 0 && n <= len(t.toks); n++ {
		if a == b {
			return true
		}
		b = t.head(b)
	}
	return false
}

// conjuncts returns i and the phrases coordinated with it ("X, Y and Z"), each as an argument of
// the clause headed by pred.
func (t *tree) conjuncts(i, pred int) []span {
	out := []span{t.argPhrase(i, pred, 0)}
	for _, c := range t.kids[i] {
		if t.toks[c].Dep == "conj" && c > i && t.isNoun(c) == t.isNoun(i) && !t.dominates(c, pred) {
			out = append(out, t.argPhrase(c, pred, 0))
		}
	}
	return out
}

// subjectOf returns the surface subject of predicate p (a verb or the head of a copular clause):
// its own, or the one it shares with the clause it is coordinated with, controlled by, or
// modifies. The second result reports a subject taken from elsewhere.
func (t *tree) subjectOf(p int, depth int) (int, bool) {
	if s := t.ownSubject(p); s >= 0 {
		if t.relative(s) {
			if n := t.inRelative(p); n >= 0 {
				return t.nounOf(n), true
			}
		}
		if t.tag(s) == "EX" {
			return -1, false
		}
		return s, false
	}
	h := t.head(p)
	if h < 0 || depth > 8 {
		return -1, false
	}
	switch t.toks[p].Dep {
	case "conj":
		if t.verbal(h) || t.copular(h) {
			s, _ := t.subjectOf(h, depth+1)
			return s, true
		}
		if t.toks[h].Dep == "root" && t.isNoun(h) || t.adjective(h) && t.toks[h].Dep == "root" {
			return h, true // a misparse that made the subject the root: "The first, ..., occurred"
		}
	case "xcomp":
		if o := t.child(h, "obj", "iobj"); o >= 0 && t.toks[h].Lemma != "be" {
			return o, true // "told X to go": X goes
		}
		s, _ := t.subjectOf(h, depth+1)
		return s, true
	case "advcl":
		if m := t.child(p, "mark"); m >= 0 && t.tag(p) != "VBG" && t.tag(p) != "VBN" && t.lower(m) != "to" {
			return -1, false // "because X said" names its own subject or none
		}
		s, _ := t.subjectOf(h, depth+1)
		return s, true
	case "acl:relcl", "advcl:relcl", "acl":
		if !t.isNoun(h) {
			break
		}
		if m := t.child(p, "mark"); m >= 0 && t.lower(m) == "to" && t.toks[p].Dep == "acl" {
			// "her efforts to gain control": the one whose efforts they are
			if o := t.child(h, "nmod:poss"); o >= 0 {
				return o, true
			}
		}
		return t.nounOf(h), true
	}
	return -1, false
}

// ownSubject returns p's own subject. Of several (a parse may make both a title and the name
// after it subjects), the one nearest before p.
func (t *tree) ownSubject(p int) int {
	best := -1
	for _, c := range t.kids[p] {
		switch t.toks[c].Dep {
		case "nsubj", "nsubj:pass", "csubj", "csubj:pass", "nsubj:outer":
			if best < 0 || c < p && c > best {
				best = c
			}
		}
	}
	return best
}

// nounOf returns the noun that a relative or participial clause attached to n is about: n
// itself, or when n is the predicate of a copular clause ("X is a footballer who plays"), that
// clause's subject.
func (t *tree) nounOf(n int) int {
	if t.copular(n) {
		if s := t.ownSubject(n); s >= 0 && !t.relative(s) && t.tag(s) != "EX" {
			return s
		}
	}
	return n
}

// verbal reports whether token v heads a verbal clause.
func (t *tree) verbal(v int) bool {
	if !t.isVerb(v) {
		return false
	}
	switch t.dep(v) {
	case "aux", "cop", "amod", "compound", "case", "mark", "det", "fixed", "flat", "goeswith", "punct", "cc", "nummod":
		return false
	}
	if t.toks[v].Lemma == "be" && t.child(v, "cop") < 0 {
		return false // existential "there are" and elided copulas: no verbal relation
	}
	return !t.mergedXcomp(v)
}

// mergedXcomp reports whether verb v is an infinitive complement whose words join its head's
// relation ("tried to woo", "had to close").
func (t *tree) mergedXcomp(v int) bool {
	if t.toks[v].Dep != "xcomp" || !t.isVerb(v) {
		return false
	}
	h := t.head(v)
	if h < 0 || !t.isVerb(h) && !(t.adjective(h) && t.child(h, "cop") >= 0) || t.child(v, "nsubj", "nsubj:pass") >= 0 {
		return false // "tried to woo", "was able to reinforce"
	}
	if m := t.child(v, "mark"); m >= 0 {
		return t.lower(m) == "to"
	}
	return (t.tag(v) == "VB" || t.tag(v) == "VBG") && t.child(h, "obj") < 0 // "helped build", "began building"
}

// copular reports whether token p is the predicate of a copular clause ("X is a footballer")
// of its own: not a complement whose "to be" joins its head's relation ("was considered to be
// a saint").
func (t *tree) copular(p int) bool {
	if t.isVerb(p) || t.child(p, "cop") < 0 {
		return false
	}
	h := t.head(p)
	return t.toks[p].Dep != "xcomp" || h < 0 || !t.isVerb(h) || t.ownSubject(p) >= 0
}

// verbGroup returns the relation words of verb v: its auxiliaries, negation, the adverbs inside
// the verb group and its particle.
func (t *tree) verbGroup(v int) span {
	s := span{v}
	first := v
	for _, c := range t.kids[v] {
		if (t.dep(c) == "aux" || t.dep(c) == "cop") && c < v {
			first = min(first, c)
		}
	}
	for _, c := range t.kids[v] {
		switch {
		case t.dep(c) == "aux" || t.dep(c) == "cop":
			s = append(s, c)
		case t.toks[c].Dep == "compound:prt":
			s = append(s, c)
		case t.dep(c) == "advmod" && negation(t.lower(c)):
			s = append(s, c)
		case t.dep(c) == "advmod" && c < v && c > first && len(t.kids[c]) == 0:
			s = append(s, c) // "have sharply improved"
		case t.dep(c) == "advmod" && c == v-1 && len(t.kids[c]) == 0 && t.tag(c) == "RB" && !t.relative(c) && t.tag(c) != "WRB":
			s = append(s, c) // "often refers"
		}
	}
	slices.Sort(s)
	return s
}

func negation(w string) bool { return w == "not" || w == "n't" || w == "never" }

// temporal reports whether the oblique headed by i is a time phrase ("in 1941", "on 12 July").
func (t *tree) temporal(i int) bool {
	if t.tag(i) == "CD" {
		return true
	}
	switch t.lower(i) {
	case "year", "years", "month", "months", "week", "weeks", "day", "days", "century", "centuries",
		"decade", "decades", "time", "times", "era", "period", "season", "morning", "evening", "night",
		"january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday", "today", "yesterday", "tomorrow":
		return true
	}
	return false
}

// locative reports an oblique introduced by "in": a setting more often than an argument.
func (t *tree) locative(o int) bool {
	c := t.firstCase(o)
	return c >= 0 && t.lower(c) == "in"
}

// frame is the material of one tuple before it becomes words.
type frame struct {
	pred      int // the clause's head
	rel       span
	pre, post string // synthesised words before and after the relation's tokens
	subj      int    // head of arg1
	objs      []span // alternatives for arg2 (conjuncts)
	extra     []span // further arguments
	conf      float64
	inherited bool
	pattern   string
}

// verbTuples returns the tuples of the verbal clause headed by v.
func (t *tree) verbTuples(v int) []Extraction {
	f := frame{pred: v, conf: 0.9, pattern: "verb"}
	f.rel = t.verbGroup(v)
	// Infinitive complements join the relation ("attempted to popularize").
	preds := []int{v}
	for x, n := v, 0; n < 4; n++ {
		y := -1
		for _, c := range t.kids[x] {
			if t.mergedXcomp(c) {
				y = c
				break
			}
		}
		if y < 0 {
			break
		}
		if m := t.child(y, "mark"); m >= 0 {
			f.rel = append(f.rel, m)
		}
		f.rel = append(f.rel, t.verbGroup(y)...)
		preds = append(preds, y)
		x = y
	}
	last := preds[len(preds)-1]
	subj, inh := t.subjectOf(v, 0)
	if subj < 0 {
		return nil
	}
	f.subj, f.inherited = subj, inh
	t.participle(&f)
	// Objects: the direct object of any verb of the chain; an indirect object first.
	var obj, iobj, xc, cc int = -1, -1, -1, -1
	for _, p := range preds {
		if o := t.child(p, "obj"); o >= 0 && obj < 0 {
			obj = o
		}
		if o := t.child(p, "iobj"); o >= 0 && iobj < 0 {
			iobj = o
		}
	}
	for _, c := range t.kids[last] {
		switch {
		case t.toks[c].Dep == "xcomp" && !t.isVerb(c) && xc < 0:
			xc = c
		case t.dep(c) == "ccomp" && cc < 0:
			cc = c
		}
	}
	if obj < 0 && iobj < 0 {
		obj = t.sharedObject(last)
	}
	if t.relative(obj) {
		if n := t.inRelative(v); n >= 0 {
			obj = n
		}
	}
	if obj < 0 && t.inRelative(v) >= 0 && !t.relative(t.child(v, "nsubj", "nsubj:pass")) && f.subj != t.inRelative(v) {
		obj = t.inRelative(v) // "the offer Acme is making": the offer is what is made
	}
	switch {
	case iobj >= 0 && obj >= 0:
		f.objs = t.conjuncts(iobj, v)
		f.extra = append(f.extra, t.argPhrase(obj, v, keepConj))
	case obj >= 0:
		f.objs = t.conjuncts(obj, v)
	case iobj >= 0:
		f.objs = t.conjuncts(iobj, v)
	}
	if xc >= 0 {
		if cop := t.child(xc, "cop"); cop >= 0 {
			// "was considered to be the patron": "to be" joins the relation
			if m := t.child(xc, "mark"); m >= 0 {
				f.rel = append(f.rel, m)
			}
			f.rel = append(f.rel, cop)
		}
		if f.objs == nil {
			f.objs = []span{t.argPhrase(xc, v, keepConj)}
			f.pattern += "/xcomp"
		} else {
			f.extra = append(f.extra, t.argPhrase(xc, v, keepConj|keepCase))
		}
	}
	// Obliques: the first one after the verb, when there is no object, gives the relation its
	// preposition; the others are further arguments.
	var obls []int
	for _, p := range preds {
		for _, c := range t.kids[p] {
			if t.dep(c) == "obl" {
				obls = append(obls, c)
			}
		}
	}
	slices.Sort(obls)
	moved := -1
	if f.objs == nil {
		for _, o := range obls {
			if o > v && t.firstCase(o) >= 0 && !t.temporal(o) && (moved < 0 || t.locative(moved) && !t.locative(o)) {
				moved = o
			}
		}
		if moved >= 0 {
			f.rel = append(f.rel, t.caseWords(moved)...)
			f.objs = t.conjuncts(moved, v)
			f.pattern += "/prep"
		}
	}
	if f.objs == nil && cc < 0 && speech[t.toks[v].Lemma] && t.head(v) >= 0 && t.head(v) < v {
		// "X will resign, the company said": what was said is the clause the verb interrupts.
		r := v
		for t.head(r) >= 0 {
			r = t.head(r)
		}
		if s := t.phrase(r, func(c int) bool { return t.dominates(c, v) }); len(s) > 0 {
			f.objs = []span{s}
			f.pattern += "/said"
		}
	}
	if f.objs == nil && cc >= 0 {
		s := t.phrase(cc, nil)
		if m := t.child(cc, "mark"); m >= 0 && len(s) > 0 && m == s[0] {
			f.rel = append(f.rel, m)
			s = s[1:]
		}
		f.objs = []span{s}
		f.pattern += "/ccomp"
	}
	for _, o := range obls {
		if o != moved {
			f.extra = append(f.extra, t.argPhrase(o, v, keepConj|keepCase))
		}
	}
	for _, p := range preds {
		for _, c := range t.kids[p] {
			if t.dep(c) == "advcl" && c > p && t.circumstance(c) {
				f.extra = append(f.extra, t.phrase(c, nil))
			}
		}
	}
	if n := t.inRelative(v); n >= 0 && n != f.subj && obj != n {
		if w := t.child(v, "advmod"); w >= 0 && t.tag(w) == "WRB" {
			// "the city where they live": they live in the city
			f.extra = append(f.extra, t.argPhrase(n, v, keepConj))
		}
	}
	if f.objs == nil && len(f.extra) > 0 {
		f.objs = []span{f.extra[0]}
		f.pattern += "/obl"
		f.extra = f.extra[1:]
		f.conf -= 0.1
	}
	slices.Sort(f.rel)
	f.rel = slices.Compact(f.rel)
	out := t.emit(&f)
	if obj >= 0 && iobj < 0 && len(f.objs) == 1 {
		out = append(out, t.lightVerb(f, obj)...)
	}
	return out
}

// lightVerb returns the reading of "made an offer on X" that makes the object noun part of the
// relation ("made an offer on") and the object of its preposition arg2.
func (t *tree) lightVerb(f frame, obj int) []Extraction {
	var pp int = -1
	for _, c := range t.kids[obj] {
		if t.dep(c) == "nmod" && c > obj && t.firstCase(c) >= 0 && t.firstCase(c) > obj {
			pp = c
			break
		}
	}
	if pp < 0 || t.isProper(obj) {
		return nil
	}
	noun := t.phrase(obj, func(c int) bool {
		return c >= pp || t.dep(c) == "case" || clauseDep(t.toks[c].Dep) || t.toks[c].Dep == "conj"
	})
	if len(noun) == 0 || len(noun) > 4 {
		return nil
	}
	f.rel = append(append(slices.Clone(f.rel), noun...), t.caseWords(pp)...)
	slices.Sort(f.rel)
	f.objs = t.conjuncts(pp, f.pred)
	f.pattern += "/light"
	out := t.emit(&f)
	for k := range out {
		out[k].Confidence = min(out[k].Confidence, 0.3)
	}
	return out
}

// speech are the verbs that report what someone said or thought.
var speech = map[string]bool{"say": true, "tell": true, "add": true, "argue": true, "claim": true,
	"report": true, "note": true, "state": true, "explain": true, "insist": true, "contend": true,
	"write": true, "announce": true, "believe": true, "think": true, "warn": true, "suggest": true,
	"acknowledge": true, "admit": true, "predict": true, "estimate": true, "conclude": true,
	"reply": true, "respond": true, "declare": true, "recall": true, "observe": true}

// circumstance reports whether the adverbial clause c says when or under what condition its
// head holds ("until he moved", "when results were poor"): such clauses are further arguments.
func (t *tree) circumstance(c int) bool {
	m := t.child(c, "mark", "advmod")
	if m < 0 || m > c {
		return false
	}
	return t.lower(m) != "to"
}

// sharedObject returns the object that verb v shares with the verb coordinated right after it
// ("buy and sell shares": both take "shares"), or -1.
func (t *tree) sharedObject(v int) int {
	for _, c := range t.kids[v] {
		if t.toks[c].Dep != "conj" || !t.isVerb(c) || c > v+3 {
			continue
		}
		for k := v + 1; k < c; k++ {
			if t.dep(k) != "cc" && !t.isPunct(k) {
				return -1
			}
		}
		if o := t.child(c, "obj"); o > c {
			return o
		}
	}
	return -1
}

// participle adjusts the relation of a clause without a finite verb of its own: "having
// returned" says "returned"; "being appointed" and a bare passive participle ("duties specified
// for", "the case reviewed by") say "was appointed", "were specified".
func (t *tree) participle(f *frame) {
	v := f.pred
	if t.ownSubject(v) >= 0 {
		return
	}
	aux := false
	for _, c := range t.kids[v] {
		if t.dep(c) == "aux" && c < v {
			aux = true
		}
	}
	switch d := t.dep(v); {
	case aux:
		for k, c := range f.rel {
			if t.dep(c) == "aux" && t.tag(c) == "VBG" && t.head(c) == v {
				if t.toks[c].Dep == "aux:pass" {
					f.pre = t.be(f.subj)
				}
				f.rel = slices.Delete(slices.Clone(f.rel), k, k+1)
				break
			}
		}
	case t.tag(v) == "VBN" && (d == "acl" || d == "xcomp" || d == "advcl"):
		f.pre = t.be(f.subj)
	}
}

// firstCase returns the first case marker of oblique o ("out of"), or -1.
func (t *tree) firstCase(o int) int {
	for _, c := range t.kids[o] {
		if t.dep(c) == "case" {
			return c
		}
	}
	return -1
}

// caseWords returns the case markers of o with their fixed parts ("because of", "out of").
func (t *tree) caseWords(o int) span {
	var s span
	for _, c := range t.kids[o] {
		if t.dep(c) == "case" && c < o {
			s = append(s, c)
			for _, f := range t.kids[c] {
				if t.dep(f) == "fixed" {
					s = append(s, f)
				}
			}
		}
	}
	return s
}

// objectSpans returns the argument headed by o split at its coordination.

// copulaTuples returns the tuples of the copular clause whose predicate is p.
func (t *tree) copulaTuples(p int) []Extraction {
	for _, c := range t.kids[p] {
		if t.mergedXcomp(c) {
			return t.verbTuples(p) // "was able to reinforce the hotel"
		}
	}
	f := frame{pred: p, conf: 0.8, pattern: "copula"}
	subj, inh := t.subjectOf(p, 0)
	if subj < 0 {
		return nil
	}
	f.subj, f.inherited = subj, inh
	f.rel = t.verbGroup(p)
	f.rel = slices.DeleteFunc(f.rel, func(i int) bool { return i == p })
	var caseOf span
	if cs := t.firstCase(p); cs >= 0 && cs < p {
		caseOf = t.caseWords(p)
		f.rel = append(f.rel, caseOf...)
	}
	inRel := map[int]bool{}
	for _, i := range f.rel {
		inRel[i] = true
	}
	drop := func(c int) bool {
		d := t.toks[c].Dep
		switch {
		case inRel[c], clauseDep(d):
			return true
		case d == "nsubj" || d == "nsubj:pass" || d == "csubj" || d == "expl" || d == "nsubj:outer":
			return true
		case t.dep(c) == "advcl" || t.dep(c) == "ccomp" || t.dep(c) == "obl" || d == "conj" || d == "cc":
			return true
		case t.dep(c) == "mark", d == "acl" && t.setOff(c):
			return true
		}
		return false
	}
	moved := -1
	if len(caseOf) == 0 && t.adjective(p) {
		// "is independent from X", "are adapted to X": the adjective and the preposition of its
		// first argument are the relation.
		for _, c := range t.kids[p] {
			if t.dep(c) == "obl" && c > p && t.firstCase(c) >= 0 && !t.temporal(c) {
				moved = c
				break
			}
		}
	}
	if moved >= 0 {
		f.rel = append(f.rel, p)
		f.rel = append(f.rel, t.caseWords(moved)...)
		f.objs = t.conjuncts(moved, p)
		f.pattern += "/adj"
		f.conf = 0.9
	} else {
		f.objs = []span{t.phrase(p, drop)}
		for _, c := range t.kids[p] {
			if t.toks[c].Dep == "conj" && c > p && !t.isVerb(c) && t.child(c, "cop") < 0 && t.child(c, "nsubj") < 0 {
				f.objs = append(f.objs, t.phrase(c, func(c int) bool { return clauseDep(t.toks[c].Dep) }))
			}
		}
	}
	for _, c := range t.kids[p] {
		if t.dep(c) == "obl" && c != moved {
			f.extra = append(f.extra, t.argPhrase(c, p, keepConj|keepCase))
		}
	}
	slices.Sort(f.rel)
	return t.emit(&f)
}

// nominalTuples returns the "is" and "has" tuples that noun phrases state without a verb:
// appositions, titles before names, possessives.
func (t *tree) nominalTuples(i int) []Extraction {
	var out []Extraction
	add := func(a, b span, rel string, conf float64, pattern string) {
		if len(a) > 0 && len(b) > 0 {
			out = append(out, Extraction{Relation: rel, Args: []string{t.words(a), t.words(b)}, Confidence: conf, Pattern: pattern})
		}
	}
	d := t.toks[i].Dep
	h := t.head(i)
	switch {
	case d == "appos" && h >= 0 && t.isNoun(h) && !t.numeric(h) && !t.numeric(i):
		a := t.argPhrase(h, i, keepConj)
		b := t.argPhrase(i, -1, keepConj)
		if !t.isProper(h) && t.isProper(i) {
			a, b = b, a // "the keyboardist, Maria Lopez": Maria Lopez is the keyboardist
		}
		add(a, b, t.bePresent(h), 0.55, "appos")
	case d == "nmod:desc" && h >= 0 && t.isProper(h):
		// "President Lopez", "Party Chairman Maria Lopez": a title before a name.
		if !t.honorific(i) {
			add(t.name(h), t.phrase(i, nil), t.bePresent(h), 0.55, "title")
		}
	case d == "nmod:poss" && h >= 0 && t.isNoun(h) && !t.pronoun(i):
		// "Acme 's chief executive": Acme has a chief executive.
		owner := t.phrase(i, func(c int) bool { return t.dep(c) == "case" || clauseDep(t.toks[c].Dep) })
		owned := t.phrase(h, func(c int) bool {
			switch t.dep(c) {
			case "nmod", "acl", "appos", "det", "punct", "conj", "cc", "case":
				return true
			}
			return c == i || clauseDep(t.toks[c].Dep) || clauseLevel(t.dep(c))
		})
		add(owner, owned, t.have(i), 0.35, "poss")
	}
	if d == "nmod" && h >= 0 && t.isNoun(h) && !t.pronoun(h) {
		if cs := t.firstCase(i); cs >= 0 && cs < i && nominalPreps[t.lower(cs)] {
			// "four countries in Europe": the countries are in Europe
			owner := t.phrase(h, func(c int) bool {
				switch t.dep(c) {
				case "nmod", "acl", "appos", "punct", "conj", "cc", "case":
					return true
				}
				return clauseDep(t.toks[c].Dep) || clauseLevel(t.dep(c))
			})
			add(owner, t.argPhrase(i, -1, keepConj), t.be(h)+" "+t.lower(cs), 0.3, "nmod")
		}
	}
	if t.isProper(i) && len(t.kids[i]) > 0 && (d == "" || d != "flat") {
		// "former Attorney Maria Lopez": a title that the parser made the head of the name.
		if _, ok := lexicon.Title(t.lower(i)); ok && !t.honorific(i) {
			var name span
			for _, c := range t.kids[i] {
				if t.toks[c].Dep == "flat" && c > i {
					name = append(name, c)
				}
			}
			if len(name) > 0 {
				title := t.phrase(i, func(c int) bool { return c > i || t.dep(c) == "det" || t.dep(c) == "case" })
				add(name, title, t.bePresent(i), 0.55, "title")
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
	for _, c := range t.kids[i] {
		d := t.toks[c].Dep
		if d == "flat" || d == "compound" && t.isProper(c) && c < i {
			s = append(s, c)
		}
	}
	slices.Sort(s)
	return s
}

// honorific reports a form of address ("Mr.", "Dr.") rather than a title that says what someone
// is.
func (t *tree) honorific(i int) bool {
	_, ok := lexicon.Honorific(t.toks[i].Text)
	return ok || strings.HasSuffix(t.toks[i].Text, ".")
}

// pronoun reports a personal or possessive pronoun.
func (t *tree) pronoun(i int) bool {
	return t.tag(i) == "PRP" || t.tag(i) == "PRP$" || t.tag(i) == "WP$"
}

// embedded reports whether the clause headed by p is the content of another clause (what
// someone said, thought or reported), directly or through coordination.
func (t *tree) embedded(p int) bool {
	for n := 0; p >= 0 && n < len(t.toks); n++ {
		switch t.dep(p) {
		case "ccomp", "csubj":
			return true
		case "conj", "xcomp":
			p = t.head(p)
			continue
		}
		return false
	}
	return false
}

// emit turns a frame into extractions: one per conjunct of the subject and of arg2.
func (t *tree) emit(f *frame) []Extraction {
	rel := t.words(f.rel)
	if f.pre != "" {
		rel = f.pre + " " + rel
	}
	if f.post != "" {
		rel += " " + f.post
	}
	subs := []span{t.argPhrase(f.subj, f.pred, keepConj)}
	if t.relative(f.subj) {
		return nil
	}
	var out []Extraction
	for _, s := range subs {
		if len(s) == 0 {
			continue
		}
		objs := f.objs
		if len(objs) == 0 {
			objs = []span{nil}
		}
		for _, o := range objs {
			args := []string{t.words(s)}
			if len(o) > 0 || len(f.extra) > 0 {
				args = append(args, t.words(o))
			}
			for _, x := range f.extra {
				if len(x) > 0 {
					args = append(args, t.words(x))
				}
			}
			conf := f.conf
			if f.inherited {
				switch t.toks[f.pred].Dep {
				case "conj", "xcomp":
					conf -= 0.05
				case "acl:relcl", "advcl:relcl":
					conf -= 0.1
				default: // participial and adverbial clauses: the subject is a guess
					conf -= 0.25
				}
			}
			if t.embedded(f.pred) {
				conf -= 0.15
			}
			if len(o) == 0 {
				conf = 0.15
			}
			pat := f.pattern
			if f.inherited {
				pat += "/inh:" + t.toks[f.pred].Dep
			}
			if len(o) == 0 {
				pat += "/1arg"
			}
			if t.embedded(f.pred) {
				pat += "/emb"
			}
			out = append(out, Extraction{Relation: rel, Args: args, Confidence: conf, Pattern: pat})
		}
	}
	return out
}

func (t *tree) bePresent(i int) string {
	past := t.past
	t.past = false
	defer func() { t.past = past }()
	return t.be(i)
}
