package openie

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
	dtree "github.com/newsgraph/newsgraph/extract/tree"
)

// tree is one parsed sentence as open extraction sees it: the shared tree view (package tree)
// and what tuples need besides.
type tree struct {
	*dtree.Tree
	past bool // the main clause is in the past tense: synthesised "be" is "was"
}

func newTree(toks []doc.Token) *tree {
	t := &tree{Tree: dtree.New(toks)}
	t.past = t.pastTense()
	return t
}

func (t *tree) tag(i int) string { return t.Toks[i].Tag }

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
	return t.Dep(i) == "punct"
}

// pastTense reports whether the sentence's root clause is in the past tense.
func (t *tree) pastTense() bool {
	for i := range t.Toks {
		if t.Toks[i].Dep != "root" {
			continue
		}
		if t.tag(i) == "VBD" {
			return true
		}
		for _, c := range t.Kids(i) {
			if (t.Dep(c) == "aux" || t.Dep(c) == "cop") && t.tag(c) == "VBD" {
				return true
			}
		}
	}
	return false
}

// be returns the form of "be" that agrees with noun i, in the past tense when past is true.
func (t *tree) be(i int, past bool) string {
	plural := i >= 0 && (t.tag(i) == "NNS" || t.tag(i) == "NNPS" || t.Child(i, "conj") >= 0)
	switch {
	case past && plural:
		return "were"
	case past:
		return "was"
	case plural:
		return "are"
	}
	return "is"
}

// have returns the form of "have" that agrees with noun i, in the past tense when past is true.
func (t *tree) have(i int, past bool) string {
	switch {
	case past:
		return "had"
	case i >= 0 && (t.tag(i) == "NNS" || t.tag(i) == "NNPS" || t.Lower(i) == "they" || t.Lower(i) == "we"):
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
	return t.Lower(i) == "that" && t.Dep(i) != "mark"
}

// inRelative returns the noun that the relative clause containing predicate p modifies, or -1.
func (t *tree) inRelative(p int) int {
	if t.Toks[p].Dep == "acl:relcl" || t.Toks[p].Dep == "advcl:relcl" {
		return t.Head(p)
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
		b.WriteString(t.Toks[i].Text)
	}
	return b.String()
}

// phrase returns the tokens of i's subtree, leaving out the children of i for which drop is true
// and their subtrees, trimmed of punctuation and conjunctions at either end.
func (t *tree) phrase(i int, drop func(c int) bool) span {
	s := span{i}
	seen := map[int]bool{i: true}
	stack := []int{}
	for _, c := range t.Kids(i) {
		if drop == nil || !drop(c) {
			stack = append(stack, c)
		}
	}
	for len(stack) > 0 {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[j] {
			continue // heads that form a cycle: tokens not from a parser
		}
		seen[j] = true
		s = append(s, j)
		stack = append(stack, t.Kids(j)...)
	}
	slices.Sort(s)
	return t.trim(s)
}

// trim removes punctuation and coordinating conjunctions from both ends of s, but keeps quotes
// and brackets that pair with one inside ("“ a model of efficiency ”").
func (t *tree) trim(s span) span {
	edge := func(i int) bool { return t.isPunct(i) || t.Dep(i) == "cc" || t.tag(i) == "CC" }
	count := func(s span, mark string) (n int) {
		for _, i := range s {
			if dtree.Form(&t.Toks[i]) == mark {
				n++
			}
		}
		return n
	}
	paired := func(s span, i int) bool {
		switch w := dtree.Form(&t.Toks[i]); w {
		case `"`:
			return count(s, w)%2 == 0
		case "(", ")":
			return count(s, "(") == count(s, ")")
		}
		return false
	}
	for len(s) > 0 && edge(s[0]) && !paired(s, s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && edge(s[len(s)-1]) && !paired(s, s[len(s)-1]) {
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
		d := t.Toks[c].Dep
		switch {
		case clauseDep(d):
			return true
		case opt&keepConj == 0 && (d == "conj" && c > i || d == "cc" || d == "cc:preconj"):
			return true
		case d == "conj" && !t.IsVerb(i) && (t.IsVerb(c) || t.Child(c, "cop") >= 0 || t.ownSubject(c) >= 0):
			return true // a clause coordinated with a noun phrase is no part of it
		case opt&keepCase == 0 && (t.Dep(c) == "case" || t.Dep(c) == "mark") && c < i:
			return true
		case pred >= 0 && t.Dominates(c, pred):
			return true
		case !t.IsVerb(i) && clauseLevel(t.Dep(c)):
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
	sp := t.Subtree(c)
	return sp.Start > 0 && t.Toks[sp.Start-1].Text == "," || t.Toks[sp.Start].Text == ","
}

// conjuncts returns i and the phrases coordinated with it ("X, Y and Z"), each as an argument of
// the clause headed by pred.
func (t *tree) conjuncts(i, pred int) []span {
	out := []span{t.argPhrase(i, pred, 0)}
	for _, c := range t.Kids(i) {
		if t.Toks[c].Dep == "conj" && c > i && t.isNoun(c) == t.isNoun(i) && !t.Dominates(c, pred) {
			out = append(out, t.argPhrase(c, pred, 0))
		}
	}
	return out
}
