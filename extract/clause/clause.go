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
	"github.com/newsgraph/newsgraph/extract/tree"
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
	// gives three parts); one part, Content itself, when it is not coordinated. Verbs that share
	// one subject are not split ("said the plan would help clubs and create jobs").
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

// Span is a half-open range of token indices (tree.Span: one span type for every reader of the
// parse).
type Span = tree.Span

// Subtree returns the span covered by token i and its descendants.
func Subtree(toks []doc.Token, i int) Span { return tree.Subtree(toks, i) }

// sentence is one parsed sentence as the clause reader sees it.
type sentence struct{ *tree.Tree }

func newSentence(toks []doc.Token) *sentence { return &sentence{tree.New(toks)} }

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
			if s.Lower(out[i].Object) == "that" && s.Dep(toks[v].Head) == "iobj" {
				// "told the board that Acme had agreed to …": what was told, which the parse
				// read as a relative clause on the listener; "that" stands for nobody.
				out[i].Object = -1
			} else {
				out[i].Object = toks[v].Head
			}
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
	// A past participle fronted before the clause it hangs on ("Asked about the deal, Lopez
	// said …", "Injured in the crash, he …") is passive: the subject it shares is its patient.
	for i := range out {
		v := out[i].Verb
		if out[i].Inherited && !out[i].Passive && toks[v].Tag == "VBN" && toks[v].Dep == "advcl" &&
			v < toks[v].Head && s.Child(v, "aux", "aux:pass", "mark") < 0 {
			out[i].Passive, out[i].Object, out[i].Subject, out[i].Inherited = true, out[i].Subject, -1, false
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
			viaComplement = viaComplement || s.Dep(v) == "ccomp" || s.Dep(v) == "parataxis"
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
	d := s.Dep(v)
	if d != "xcomp" && d != "advcl" {
		return -1, nil
	}
	words := []int{}
	m := s.Child(v, "mark")
	if m >= 0 && m < v {
		words = append(words, m)
	}
	if d == "advcl" && (m < 0 || !denyingMarks[s.Lower(m)]) {
		return -1, nil // "declined to comment when X took the ball": the taking is not declined
	}
	h := s.Toks[v].Head
	if h < 0 || h >= len(s.Toks) {
		return -1, nil
	}
	if s.Lower(h) == "short" && s.Dep(h) == "xcomp" { // "stopped short of X-ing"
		words = append(words, h)
		h = s.Toks[h].Head
		if h < 0 || h >= len(s.Toks) || strings.ToLower(s.Toks[h].Lemma) != "stop" {
			return -1, nil
		}
	} else if !s.IsVerb(h) || !deniers[strings.ToLower(s.Toks[h].Lemma)] {
		return -1, nil
	}
	return h, append(words, h)
}

// denyingMarks introduce the adverbial clause a denying verb governs: "stopped short of
// endorsing", "refrained from commenting".
var denyingMarks = map[string]bool{"of": true, "from": true, "to": true}

// underHedge reports whether token v or one of its ancestors is marked by "if", "whether" or
// "unless".
func (s *sentence) underHedge(v int) bool {
	for n := 0; v >= 0 && v < len(s.Toks) && n < len(s.Toks); n++ {
		for _, c := range s.Kids(v) {
			if s.Dep(c) == "mark" && hedges[s.Lower(c)] {
				return true
			}
		}
		v = s.Toks[v].Head
	}
	return false
}

// indefiniteName reports whether token i is a proper noun with an indefinite article: "a Lopez
// who backed X" names no one in particular.
func (s *sentence) indefiniteName(i int) bool {
	if i < 0 || i >= len(s.Toks) || s.Toks[i].Tag != "NNP" {
		return false
	}
	for _, c := range s.Kids(i) {
		if s.Dep(c) == "det" && (s.Lower(c) == "a" || s.Lower(c) == "an") {
			return true
		}
	}
	return false
}

// relative reports whether token i is a relative pronoun (who, which, that, whom).
func (s *sentence) relative(i int) bool {
	return i >= 0 && (s.Toks[i].Tag == "WP" || s.Toks[i].Tag == "WDT")
}

// isPredicate reports whether token v heads a clause: a verb that is not an auxiliary.
func (s *sentence) isPredicate(v int) bool {
	t := &s.Toks[v]
	if !s.IsVerb(v) || s.compoundHalf(v) {
		return false
	}
	switch s.Dep(v) {
	case "aux", "cop", "amod", "compound", "case", "mark", "det", "fixed", "flat", "goeswith", "punct":
		return false
	}
	return t.Lemma != "be" || s.Child(v, "nsubj", "expl") >= 0 && s.Child(v, "obj") >= 0
}

// compoundHalf reports whether token v is the second half of a hyphened modifier written as one
// word with the noun, adjective or adverb before it ("tsunami-hit countries", "award-winning",
// "constantly-changing"): part of a word, not a verb of its own, whatever the parse made of it.
// A hyphened verb with an auxiliary or a subject of its own is one ("was cross-examined").
func (s *sentence) compoundHalf(v int) bool {
	if !tree.Hyphened(s.Toks, v-2) {
		return false
	}
	n := &s.Toks[v-2]
	return (strings.HasPrefix(n.Tag, "NN") || n.Tag == "JJ" || n.Tag == "RB") &&
		s.Child(v, "aux", "aux:pass", "nsubj", "nsubj:pass") < 0
}

func (s *sentence) clause(v int) Clause {
	c := Clause{Verb: v, Lemma: strings.ToLower(s.Toks[v].Lemma), Subject: -1, Object: -1}
	if c.Lemma == "" {
		c.Lemma = s.Lower(v)
	}
	rel := []int{v}
	c.Subject = s.subject(v)
	if pat := s.Child(v, "nsubj:pass"); pat >= 0 {
		c.Passive = true
		c.Object = pat
		c.Subject = -1
		if agent := s.agent(v); agent >= 0 {
			c.Subject = agent
		}
	}
	for _, ch := range s.Kids(v) {
		t := &s.Toks[ch]
		if (s.Dep(ch) == "aux" || s.Dep(ch) == "advmod") && s.apart(ch, v) {
			continue // "'We can't …,' he said": the quotation's auxiliary, which the parse hung on "said"
		}
		switch {
		case t.Dep == "compound:prt" || c.Particle == "" && ch == v+1 && s.Dep(ch) == "advmod" && particles[s.Lower(ch)]:
			// "hit back at": the parser may call the particle an adverb; right after the verb
			// it is still the particle.
			c.Particle = s.Lower(ch)
			rel = append(rel, ch)
		case s.Dep(ch) == "aux" || t.Dep == "aux:pass":
			w := s.Lower(ch)
			if modals[w] {
				c.Modal = w
			}
			rel = append(rel, ch)
		case s.Dep(ch) == "advmod" && IsNegation(s.Lower(ch)):
			c.Negated = true
			rel = append(rel, ch)
		case s.Dep(ch) == "mark" && hedges[s.Lower(ch)]:
			c.Modal = s.Lower(ch)
		case s.Dep(ch) == "mark" && s.Lower(ch) == "to" && len(rel) > 0 && rel[len(rel)-1] < ch:
			rel = append(rel, ch) // "is to be replaced", "has to go": after an auxiliary
		}
	}
	if !c.Passive {
		if obj := s.LastChild(v, "obj"); obj >= 0 { // of two objects, a parse error, the later heads the phrase
			c.Object = obj
		} else if iobj := s.Child(v, "iobj"); iobj >= 0 {
			c.Object = iobj
		} else if obl, prep := s.oblique(v); obl >= 0 {
			c.Object, c.Prep = obl, prep
			rel = append(rel, s.Child(obl, "case"))
		}
	}
	if cc := s.Child(v, "ccomp", "xcomp"); cc >= 0 && (c.Object < 0 || s.Dep(cc) == "ccomp") {
		span := s.Subtree(cc)
		if m := s.Child(cc, "mark"); m >= 0 && m == span.Start && s.Lower(m) == "that" {
			span.Start++ // "that" belongs to neither side
		}
		if span.End <= v {
			// "The picture also improved, X said", parsed with "picture" a second subject of
			// "said": a subject before the fronted content is the content's own.
			for _, ch := range s.Kids(v) {
				if d := s.Dep(ch); (d == "nsubj" || d == "nsubj:pass") && ch < span.Start && ch != c.Subject {
					span.Start = min(span.Start, s.Subtree(ch).Start)
				}
			}
		}
		c.Content = span
		c.Parts = s.parts(cc, span)
	}
	c.Relation = s.words(rel)
	return c
}

// finiteAux reports whether verb v has a finite auxiliary ("is seeking", "has said").
func (s *sentence) finiteAux(v int) bool {
	for _, ch := range s.Kids(v) {
		if d := s.Dep(ch); (d == "aux" || d == "aux:pass") && tree.IsFinite(&s.Toks[ch]) {
			return true
		}
	}
	return false
}

// apart reports whether a quotation mark stands between tokens a and b, or more than five
// tokens do: an auxiliary or negation so far from its verb belongs to another clause.
func (s *sentence) apart(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	if b-a > 6 {
		return true
	}
	for k := a + 1; k < b; k++ {
		switch s.Toks[k].Tag {
		case "``", "''":
			return true
		}
	}
	return false
}

// parts splits the complement headed by cc (covering span) at its coordinated clauses.
func (s *sentence) parts(cc int, span Span) []Span {
	var conj []int
	for _, c := range s.Kids(cc) {
		if s.Dep(c) == "conj" && s.Child(c, "nsubj", "nsubj:pass", "expl", "mark") >= 0 {
			conj = append(conj, c)
		}
	}
	if len(conj) == 0 {
		return []Span{span}
	}
	out := []Span{{Start: span.Start, End: s.Subtree(conj[0]).Start}}
	for _, c := range conj {
		out = append(out, s.Subtree(c))
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
	switch s.Dep(i) {
	case "punct", "cc":
		return true
	case "mark":
		return s.Lower(i) == "that"
	}
	return false
}

// particles are the adverbs that form phrasal verbs when they follow the verb.
var particles = map[string]bool{"back": true, "out": true, "off": true, "up": true, "down": true,
	"away": true, "over": true, "on": true, "in": true, "forward": true, "along": true}

// subject returns v's subject: of several (a parse may make both a title and the name after it
// subjects: "Ambassador X slammed"), the one nearest before the verb. The source of "according to"
// is no subject, whatever the parse says: "According to X, the N shows" read with X as subject.
func (s *sentence) subject(v int) int {
	best := -1
	for _, c := range s.Kids(v) {
		if d := s.Toks[c].Dep; d != "nsubj" && d != "csubj" || s.according(c) {
			continue
		}
		if best < 0 || c < v && c > best {
			best = c
		}
	}
	return best
}

// according reports whether token c is marked by "according (to)".
func (s *sentence) according(c int) bool {
	cs := s.Child(c, "case")
	return cs >= 0 && s.Lower(cs) == "according"
}

// agent returns the head of the "by" phrase of a passive verb, or -1.
func (s *sentence) agent(v int) int {
	for _, ch := range s.Kids(v) {
		if s.Toks[ch].Dep == "obl:agent" {
			return ch
		}
		if s.Dep(ch) == "obl" {
			if cs := s.Child(ch, "case"); cs >= 0 && s.Lower(cs) == "by" {
				return ch
			}
		}
	}
	return -1
}

// oblique returns the first prepositional argument of v that is not a time or manner phrase,
// with its preposition.
func (s *sentence) oblique(v int) (int, string) {
	for _, ch := range s.Kids(v) {
		if s.Dep(ch) != "obl" || s.Toks[ch].Dep == "obl:tmod" || s.Toks[ch].Dep == "obl:npmod" || ch < v && s.subject(v) > ch {
			continue // a phrase before the subject sets the scene: "Following the takeover, X said"
		}
		cs := s.Child(ch, "case")
		if cs < 0 {
			continue
		}
		p := s.Lower(cs)
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
	h := s.Toks[v].Head
	if h < 0 || h >= len(s.Toks) {
		return -1
	}
	if j, ok := index[v]; ok && cs[j].Passive && cs[j].Object >= 0 {
		return -1 // "X said … and a lifeboat was sent": a passive with its own patient has no agent to inherit
	}
	headSubj := func() int {
		i, ok := index[h]
		if !ok && s.Toks[v].Dep == "advcl" && s.Toks[v].Tag == "VBG" {
			// "X surprised the world and Y by selling him": the parse hung the participle on a
			// noun; the clause it belongs to is the nearest verb above.
			for a, n := s.Toks[h].Head, 0; a >= 0 && a < len(s.Toks) && n < 3 && !ok; a, n = s.Toks[a].Head, n+1 {
				i, ok = index[a]
			}
		}
		if !ok {
			return -1
		}
		if j, ok := index[v]; ok && cs[i].Passive && !cs[j].Passive && cs[i].Object >= 0 {
			// "X was founded by Y in 1955, before moving to Z": X moved, the passive's surface
			// subject, not its agent.
			return cs[i].Object
		}
		return cs[i].Subject
	}
	switch s.Toks[v].Dep {
	case "conj", "advcl", "xcomp":
		if s.Toks[v].Dep == "advcl" && s.Child(v, "mark") >= 0 && s.Toks[v].Tag != "VBG" {
			return -1 // "because X said" has its own subject or none
		}
		if s.Toks[v].Dep == "advcl" && s.finiteAux(v) {
			// "X, whose son was named captain, is seeking a transfer" parsed with "is seeking"
			// under "found": a finite verb group is no participle sharing its head's subject.
			return -1
		}
		if m := s.Child(v, "mark", "case"); s.Toks[v].Dep == "advcl" && m >= 0 && objectControl[s.Lower(m)] {
			// "accused X of lying", "thanked X for helping": X did it.
			if i, ok := index[h]; ok && cs[i].Object >= 0 && !cs[i].Passive && cs[i].Prep == "" {
				return cs[i].Object
			}
		}
		if s.Toks[v].Dep == "xcomp" {
			if i, ok := index[h]; ok && cs[i].Object >= 0 && cs[i].Lemma != "be" {
				return cs[i].Object // "told X to go": X goes
			}
		}
		return headSubj()
	case "acl:relcl":
		return h
	case "acl":
		if s.Toks[v].Tag == "VBG" {
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
		parts[k] = tree.Form(&s.Toks[i])
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
