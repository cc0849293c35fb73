// Package tree is the one view of a dependency-parsed sentence that the readers of the parse
// share: the clause reader (extract/clause), open extraction (extract/openie) and the fact layer
// (package extract). It answers children, relations, heads, subtrees and words of one sentence's
// tokens.
//
// It reads tokens' Head, Dep, Tag, Norm and Text and never writes them; it knows Universal
// Dependencies relation names and Penn tags, not what a clause, a tuple or a fact is, and it must
// not import the models or any stage.
package tree

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// Span is a half-open range [Start, End) of token indices of one sentence.
type Span struct{ Start, End int }

// Empty reports whether the span holds no token.
func (s Span) Empty() bool { return s.End <= s.Start }

// Tree is one parsed sentence with the child lists of its tokens.
type Tree struct {
	// Toks are the sentence's tokens, as the parser left them.
	Toks []doc.Token
	kids [][]int
}

// New returns the tree of a parsed sentence. Heads out of range or pointing at their own token
// (tokens not from a parser) are ignored.
func New(toks []doc.Token) *Tree {
	t := &Tree{Toks: toks, kids: make([][]int, len(toks))}
	for i, tk := range toks {
		if h := tk.Head; h >= 0 && h < len(toks) && h != i {
			t.kids[h] = append(t.kids[h], i)
		}
	}
	return t
}

// Kids returns the children of token i in sentence order.
func (t *Tree) Kids(i int) []int { return t.kids[i] }

// Head returns the head of token i, -1 for the root (or a head out of range).
func (t *Tree) Head(i int) int {
	h := t.Toks[i].Head
	if h < 0 || h >= len(t.Toks) || h == i {
		return -1
	}
	return h
}

// Dep returns the base relation of token i: "obl" for "obl:agent".
func (t *Tree) Dep(i int) string {
	d := t.Toks[i].Dep
	if j := strings.IndexByte(d, ':'); j >= 0 {
		return d[:j]
	}
	return d
}

// Has reports whether token i has relation rel: the full label, or the base when rel has no
// subtype.
func (t *Tree) Has(i int, rel string) bool {
	return t.Toks[i].Dep == rel || !strings.Contains(rel, ":") && t.Dep(i) == rel
}

// Child returns the first child of i with one of the relations (full or base), or -1.
func (t *Tree) Child(i int, rels ...string) int {
	for _, c := range t.kids[i] {
		for _, r := range rels {
			if t.Has(c, r) {
				return c
			}
		}
	}
	return -1
}

// LastChild returns the last child of i with relation rel (full or base), or -1.
func (t *Tree) LastChild(i int, rel string) int {
	last := -1
	for _, c := range t.kids[i] {
		if t.Has(c, rel) {
			last = c
		}
	}
	return last
}

// Form returns the form the models read of a token: Norm, or Text when Norm is empty.
func Form(tk *doc.Token) string {
	if tk.Norm != "" {
		return tk.Norm
	}
	return tk.Text
}

// Lower returns the lower-cased Form of token i.
func (t *Tree) Lower(i int) string { return strings.ToLower(Form(&t.Toks[i])) }

// Hyphened reports whether tokens i, i+1 and i+2 are one word written with a hyphen ("London -
// based", "tsunami - hit"): a "-" with no space on either side. A spaced dash sets off a phrase
// instead ("the Council - led by X - said").
func Hyphened(toks []doc.Token, i int) bool {
	if i < 0 || i+2 >= len(toks) || toks[i+1].Text != "-" {
		return false
	}
	return toks[i].End > 0 && toks[i].End == toks[i+1].Start && toks[i+1].End == toks[i+2].Start
}

// IsFinite reports whether a token is a finite verb or a modal ("said", "is", "would"): the tags
// that head or carry a clause's tense.
func IsFinite(tk *doc.Token) bool {
	switch tk.Tag {
	case "MD", "VBZ", "VBD", "VBP":
		return true
	}
	return false
}

// IsVerb reports whether token i is tagged as a verb.
func (t *Tree) IsVerb(i int) bool { return strings.HasPrefix(t.Toks[i].Tag, "VB") }

// Subtree returns the span covered by token i and its descendants.
func (t *Tree) Subtree(i int) Span {
	lo, hi := i, i
	stack := []int{i}
	for n := 0; len(stack) > 0 && n < len(t.Toks); n++ {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if j < lo {
			lo = j
		}
		if j > hi {
			hi = j
		}
		stack = append(stack, t.kids[j]...)
	}
	return Span{lo, hi + 1}
}

// Subtree returns the span covered by token i of toks and its descendants.
func Subtree(toks []doc.Token, i int) Span { return New(toks).Subtree(i) }

// Dominates reports whether token a is token b or one of its ancestors.
func (t *Tree) Dominates(a, b int) bool {
	for n := 0; b >= 0 && n <= len(t.Toks); n++ {
		if a == b {
			return true
		}
		b = t.Head(b)
	}
	return false
}
