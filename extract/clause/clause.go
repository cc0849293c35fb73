// Package clause reads predicate–argument structures off one dependency-parsed sentence: who
// (subject) did what (a verb with its particle and preposition) to whom (object), with the
// passive, participial, relative and coordinated clauses, reported speech, negation and modality
// that change who the arguments are or whether the text asserts them.
//
// It works on token indices only: it does not know which tokens name entities, which
// predicates are canonical, or what an IRI is. Package extract maps its clauses to facts. It must
// not import the models or the graph.
package clause

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// Clause is one predicate with its arguments, as token indices into the sentence.
type Clause struct {
	// Verb is the predicate's head token.
	Verb int
	// Lemma is the verb's lemma (lower case); Particle its verbal particle ("back", "out"); Prep the
	// preposition that introduces Object when the object is oblique ("at", "to", "with").
	Lemma, Particle, Prep string
	// Subject is the head token of the actor, -1 when none was found.
	Subject int
	// Object is the head token of the target, -1 when the target is a clause or absent.
	Object int
	// Content is the span [Start, End) of a clausal complement (what was said or proposed); zero
	// when absent.
	Content Span
	// Parts are Content split into its coordinated clauses ("proposed that X, that Y and that Z"
	// gives three parts); one part, Content itself, when it is not coordinated.
	Parts []Span
	// Relation is the words of the text that express the predicate ("hit back at", "was criticised by").
	Relation string
	// Passive marks a passive verb whose agent became Subject.
	Passive bool
	// Negated marks a denied predicate ("did not praise").
	Negated bool
	// Modal is the modal auxiliary or hedge that makes the clause hypothetical ("could", "may"), "".
	Modal string
	// Conditional marks a clause that asserts nothing: under a condition or question ("asked if
	// they preferred a man who backed X", "if X attacks"), or describing a name with an
	// indefinite article, a hypothetical referent ("a Lopez who backed X").
	Conditional bool
	// Inherited marks a subject taken from another clause (coordination, participle, control,
	// relative clause) rather than the verb's own.
	Inherited bool
	// Parent is the index in the result of the clause this one is the content of (reported speech:
	// "X said that Y praised Z" gives the praise clause the say clause as Parent), -1 for a main
	// clause.
	Parent int
}

// Span is a half-open range of token indices.
type Span struct{ Start, End int }

// Subtree returns the span covered by token i and its descendants.
func Subtree(toks []doc.Token, i int) Span { return newSentence(toks).subtree(i) }

// Empty reports whether the span holds no token.
func (s Span) Empty() bool { return s.End <= s.Start }

// Sentence holds one parsed sentence and its child lists.
type sentence struct {
	toks     []doc.Token
	children [][]int
}

func newSentence(toks []doc.Token) *sentence {
	s := &sentence{toks: toks, children: make([][]int, len(toks))}
	for i, t := range toks {
		if t.Head >= 0 && t.Head < len(toks) && t.Head != i {
			s.children[t.Head] = append(s.children[t.Head], i)
		}
	}
	return s
}

// dep returns the base relation of token i ("obl" for "obl:tmod").
func (s *sentence) dep(i int) string {
	d := s.toks[i].Dep
	if j := strings.IndexByte(d, ':'); j >= 0 {
		return d[:j]
	}
	return d
}

// child returns the first child of i with relation rel (full or base), or -1.
func (s *sentence) child(i int, rels ...string) int {
	for _, c := range s.children[i] {
		for _, r := range rels {
			if s.toks[c].Dep == r || (!strings.Contains(r, ":") && s.dep(c) == r) {
				return c
			}
		}
	}
	return -1
}

// lastChild returns the last child of i with relation rel (full or base), or -1.
func (s *sentence) lastChild(i int, rel string) int {
	last := -1
	for _, c := range s.children[i] {
		if s.toks[c].Dep == rel || (!strings.Contains(rel, ":") && s.dep(c) == rel) {
			last = c
		}
	}
	return last
}

func (s *sentence) lower(i int) string { return strings.ToLower(form(&s.toks[i])) }

func form(t *doc.Token) string {
	if t.Norm != "" {
		return t.Norm
	}
	return t.Text
}

func (s *sentence) isVerb(i int) bool {
	return strings.HasPrefix(s.toks[i].Tag, "VB")
}

// subtree returns the span covered by i and its descendants.
func (s *sentence) subtree(i int) Span {
	lo, hi := i, i
	stack := []int{i}
	for n := 0; len(stack) > 0 && n < len(s.toks); n++ {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if j < lo {
			lo = j
		}
		if j > hi {
			hi = j
		}
		stack = append(stack, s.children[j]...)
	}
	return Span{lo, hi + 1}
}

var modals = map[string]bool{"could": true, "would": true, "might": true, "may": true, "should": true, "can": true, "must": true, "ought": true}

// hedges are words that make a clause hypothetical or non-factual when they govern it.
var hedges = map[string]bool{"if": true, "whether": true, "unless": true}

// Extract returns the clauses of one parsed sentence in token order of their verbs. Tokens must
// carry Head, Dep, Tag and Lemma; a sentence without a parse yields nothing.
func Extract(toks []doc.Token) []Clause {
	s := newSentence(toks)
	var out []Clause
	index := map[int]int{} // verb token -> clause index
	for v := range toks {
		if !s.isPredicate(v) {
			continue
		}
		c := s.clause(v)
		index[v] = len(out)
		out = append(out, c)
	}
	// A relative pronoun stands for the noun its clause modifies ("X, who praised Y": X praised).
	for i := range out {
		v := out[i].Verb
		if toks[v].Dep != "acl:relcl" {
			continue
		}
		if s.relative(out[i].Subject) {
			out[i].Subject, out[i].Inherited = toks[v].Head, true
		} else if s.relative(out[i].Object) {
			out[i].Object = toks[v].Head
		}
	}
	// Subjects inherited from other clauses, in an order that lets chains resolve.
	for pass := 0; pass < 3; pass++ {
		for i := range out {
			if out[i].Subject < 0 {
				if subj := s.inheritSubject(out[i].Verb, out, index); subj >= 0 {
					out[i].Subject, out[i].Inherited = subj, true
				}
			}
		}
	}
	// A clause under a verb that denies it ("refused to meet", "stopped short of endorsing") is
	// negated; the denying words join its relation and its subject is the denier's.
	for i := range out {
		m, words := s.denier(out[i].Verb)
		if m < 0 {
			continue
		}
		out[i].Negated = true
		out[i].Relation = s.words(words) + " " + out[i].Relation
		if j, ok := index[m]; ok && (out[i].Subject < 0 || out[i].Inherited) {
			out[i].Subject, out[i].Inherited = out[j].Subject, true
		}
	}
	// A clause under a condition or question ("asked if they preferred a man who backed X",
	// "if X attacks") is hypothetical, however deep below it hangs.
	for i := range out {
		if s.underHedge(out[i].Verb) {
			out[i].Conditional = true
			if out[i].Modal == "" {
				out[i].Modal = "if"
			}
		}
		if v := out[i].Verb; toks[v].Dep == "acl:relcl" && s.indefiniteName(toks[v].Head) {
			out[i].Conditional = true
		}
	}
	// Reported speech: a clause that hangs below another through a clausal complement is that
	// clause's content ("X said that Y praised Z").
	for i := range out {
		out[i].Parent = -1
		viaComplement := false
		for v, n := out[i].Verb, 0; n < len(toks); n++ {
			viaComplement = viaComplement || s.dep(v) == "ccomp" || s.dep(v) == "parataxis"
			h := toks[v].Head
			if h < 0 || h >= len(toks) || h == v {
				break
			}
			if p, ok := index[h]; ok {
				if viaComplement {
					out[i].Parent = p
				}
				break
			}
			v = h
		}
	}
	return out
}

// deniers are verbs whose complement did not happen: "refused to meet", "failed to agree".
var deniers = map[string]bool{"refuse": true, "decline": true, "fail": true, "refrain": true, "avoid": true}

// denier returns the verb that denies the clause headed by v, with the words that say so
// ("stopped short of", "refused to"), or -1.
func (s *sentence) denier(v int) (int, []int) {
	d := s.dep(v)
	if d != "xcomp" && d != "advcl" {
		return -1, nil
	}
	words := []int{}
	if m := s.child(v, "mark"); m >= 0 && m < v {
		words = append(words, m)
	}
	h := s.toks[v].Head
	if h < 0 || h >= len(s.toks) {
		return -1, nil
	}
	if s.lower(h) == "short" && s.dep(h) == "xcomp" { // "stopped short of X-ing"
		words = append(words, h)
		h = s.toks[h].Head
		if h < 0 || h >= len(s.toks) || strings.ToLower(s.toks[h].Lemma) != "stop" {
			return -1, nil
		}
	} else if !s.isVerb(h) || !deniers[strings.ToLower(s.toks[h].Lemma)] {
		return -1, nil
	}
	return h, append(words, h)
}

// underHedge reports whether token v or one of its ancestors is marked by "if", "whether" or
// "unless".
func (s *sentence) underHedge(v int) bool {
	for n := 0; v >= 0 && v < len(s.toks) && n < len(s.toks); n++ {
		for _, c := range s.children[v] {
			if s.dep(c) == "mark" && hedges[s.lower(c)] {
				return true
			}
		}
		v = s.toks[v].Head
	}
	return false
}

// indefiniteName reports whether token i is a proper noun with an indefinite article: "a Lopez
// who backed X" names no one in particular.
func (s *sentence) indefiniteName(i int) bool {
	if i < 0 || i >= len(s.toks) || s.toks[i].Tag != "NNP" {
		return false
	}
	for _, c := range s.children[i] {
		if s.dep(c) == "det" && (s.lower(c) == "a" || s.lower(c) == "an") {
			return true
		}
	}
	return false
}

// relative reports whether token i is a relative pronoun (who, which, that, whom).
func (s *sentence) relative(i int) bool {
	return i >= 0 && (s.toks[i].Tag == "WP" || s.toks[i].Tag == "WDT")
}

// isPredicate reports whether token v heads a clause: a verb that is not an auxiliary.
func (s *sentence) isPredicate(v int) bool {
	t := &s.toks[v]
	if !s.isVerb(v) {
		return false
	}
	switch s.dep(v) {
	case "aux", "cop", "amod", "compound", "case", "mark", "det", "fixed", "flat", "goeswith", "punct":
		return false
	}
	return t.Lemma != "be" || s.child(v, "nsubj", "expl") >= 0 && s.child(v, "obj") >= 0
}

func (s *sentence) clause(v int) Clause {
	c := Clause{Verb: v, Lemma: strings.ToLower(s.toks[v].Lemma), Subject: -1, Object: -1}
	if c.Lemma == "" {
		c.Lemma = s.lower(v)
	}
	rel := []int{v}
	c.Subject = s.subject(v)
	if pat := s.child(v, "nsubj:pass"); pat >= 0 {
		c.Passive = true
		c.Object = pat
		c.Subject = -1
		if agent := s.agent(v); agent >= 0 {
			c.Subject = agent
		}
	}
	for _, ch := range s.children[v] {
		t := &s.toks[ch]
		switch {
		case t.Dep == "compound:prt" || c.Particle == "" && ch == v+1 && s.dep(ch) == "advmod" && particles[s.lower(ch)]:
			// "hit back at": the parser may call the particle an adverb; right after the verb
			// it is still the particle.
			c.Particle = s.lower(ch)
			rel = append(rel, ch)
		case s.dep(ch) == "aux" || t.Dep == "aux:pass":
			w := s.lower(ch)
			if modals[w] {
				c.Modal = w
			}
			rel = append(rel, ch)
		case s.dep(ch) == "advmod" && IsNegation(s.lower(ch)):
			c.Negated = true
			rel = append(rel, ch)
		case s.dep(ch) == "mark" && hedges[s.lower(ch)]:
			c.Modal = s.lower(ch)
		}
	}
	if !c.Passive {
		if obj := s.lastChild(v, "obj"); obj >= 0 { // of two objects, a parse error, the later heads the phrase
			c.Object = obj
		} else if iobj := s.child(v, "iobj"); iobj >= 0 {
			c.Object = iobj
		} else if obl, prep := s.oblique(v); obl >= 0 {
			c.Object, c.Prep = obl, prep
			rel = append(rel, s.child(obl, "case"))
		}
	}
	if cc := s.child(v, "ccomp", "xcomp"); cc >= 0 && (c.Object < 0 || s.dep(cc) == "ccomp") {
		span := s.subtree(cc)
		if m := s.child(cc, "mark"); m >= 0 && m == span.Start && s.lower(m) == "that" {
			span.Start++ // "that" belongs to neither side
		}
		c.Content = span
		c.Parts = s.parts(cc, span)
	}
	c.Relation = s.words(rel)
	return c
}

// parts splits the complement headed by cc (covering span) at its coordinated clauses.
func (s *sentence) parts(cc int, span Span) []Span {
	var conj []int
	for _, c := range s.children[cc] {
		if s.dep(c) == "conj" && (s.isVerb(c) || s.child(c, "nsubj", "nsubj:pass", "mark") >= 0) {
			conj = append(conj, c)
		}
	}
	if len(conj) == 0 {
		return []Span{span}
	}
	out := []Span{{span.Start, s.subtree(conj[0]).Start}}
	for _, c := range conj {
		out = append(out, s.subtree(c))
	}
	for i := range out { // trim the glue: ", and that"
		for out[i].Start < out[i].End && s.glue(out[i].Start) {
			out[i].Start++
		}
		for out[i].End > out[i].Start && s.glue(out[i].End-1) {
			out[i].End--
		}
	}
	kept := out[:0]
	for _, p := range out {
		if !p.Empty() {
			kept = append(kept, p)
		}
	}
	return kept
}

// glue reports whether token i only joins clauses: punctuation, a conjunction, "that".
func (s *sentence) glue(i int) bool {
	switch s.dep(i) {
	case "punct", "cc":
		return true
	case "mark":
		return s.lower(i) == "that"
	}
	return false
}

// particles are the adverbs that form phrasal verbs when they follow the verb.
var particles = map[string]bool{"back": true, "out": true, "off": true, "up": true, "down": true,
	"away": true, "over": true, "on": true, "in": true, "forward": true, "along": true}

// subject returns v's subject: of several (a parse may make both a title and the name after it
// subjects: "Ambassador X slammed"), the one nearest before the verb.
func (s *sentence) subject(v int) int {
	best := -1
	for _, c := range s.children[v] {
		if d := s.toks[c].Dep; d != "nsubj" && d != "csubj" {
			continue
		}
		if best < 0 || c < v && c > best {
			best = c
		}
	}
	return best
}

// agent returns the head of the "by" phrase of a passive verb, or -1.
func (s *sentence) agent(v int) int {
	for _, ch := range s.children[v] {
		if s.toks[ch].Dep == "obl:agent" {
			return ch
		}
		if s.dep(ch) == "obl" {
			if cs := s.child(ch, "case"); cs >= 0 && s.lower(cs) == "by" {
				return ch
			}
		}
	}
	return -1
}

// oblique returns the first prepositional argument of v that is not a time or manner phrase,
// with its preposition.
func (s *sentence) oblique(v int) (int, string) {
	for _, ch := range s.children[v] {
		if s.dep(ch) != "obl" || s.toks[ch].Dep == "obl:tmod" || s.toks[ch].Dep == "obl:npmod" {
			continue
		}
		cs := s.child(ch, "case")
		if cs < 0 {
			continue
		}
		p := s.lower(cs)
		switch p {
		case "in", "on", "during", "after", "before", "since", "until", "by", "via", "through", "amid", "despite", "according":
			continue // circumstances, not targets ("on Tuesday", "in a post")
		}
		return ch, p
	}
	return -1, ""
}

// IsNegation reports whether a word denies its head: not, n't, never, no.
func IsNegation(w string) bool {
	return w == "not" || w == "n't" || w == "never" || w == "no"
}

// objectControl are the words that introduce a gerund whose doer is the object of the verb above:
// "accused X of lying", "thanked X for helping", "congratulated X on winning".
var objectControl = map[string]bool{"of": true, "for": true, "on": true}

// inheritSubject finds the subject of a clause that has none of its own: a coordinated verb
// shares its first conjunct's subject; a participial adverbial clause ("…, replying to him") and a
// controlled complement ("agreed to meet") take their head's subject; a relative clause takes the
// noun it modifies.
func (s *sentence) inheritSubject(v int, cs []Clause, index map[int]int) int {
	h := s.toks[v].Head
	if h < 0 || h >= len(s.toks) {
		return -1
	}
	headSubj := func() int {
		if i, ok := index[h]; ok {
			return cs[i].Subject
		}
		return -1
	}
	switch s.toks[v].Dep {
	case "conj", "advcl", "xcomp":
		if s.toks[v].Dep == "advcl" && s.child(v, "mark") >= 0 && s.toks[v].Tag != "VBG" {
			return -1 // "because X said" has its own subject or none
		}
		if m := s.child(v, "mark", "case"); s.toks[v].Dep == "advcl" && m >= 0 && objectControl[s.lower(m)] {
			// "accused X of lying", "thanked X for helping": X did it.
			if i, ok := index[h]; ok && cs[i].Object >= 0 && !cs[i].Passive && cs[i].Prep == "" {
				return cs[i].Object
			}
		}
		if s.toks[v].Dep == "xcomp" {
			if i, ok := index[h]; ok && cs[i].Object >= 0 && cs[i].Lemma != "be" {
				return cs[i].Object // "told X to go": X goes
			}
		}
		return headSubj()
	case "acl:relcl":
		return h
	case "acl":
		if s.toks[v].Tag == "VBG" {
			return h // "a man calling for peace"
		}
	}
	return -1
}

// words joins the words of the given tokens in sentence order.
func (s *sentence) words(idx []int) string {
	var keep []int
	seen := map[int]bool{}
	for _, i := range idx {
		if i >= 0 && !seen[i] {
			seen[i] = true
			keep = append(keep, i)
		}
	}
	sortInts(keep)
	parts := make([]string, len(keep))
	for k, i := range keep {
		parts[k] = form(&s.toks[i])
	}
	return strings.Join(parts, " ")
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}
