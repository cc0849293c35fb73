// Package quote finds the direct quotations of an article and the clause that attributes each to
// its speaker: "“…,” Lopez said", "She told reporters: ‘…’", a closing mark whose opening mark
// the writer left out, and a quotation that runs on over several paragraphs.
//
// It works on token positions of a parsed document, on the quotation marks package marks pairs
// in it and on the clauses package clause reads off it. It does not resolve speakers to entities (package coref does, through the attributing
// clause's subject), and it does not make facts.
package quote

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/quote/marks"
	"github.com/newsgraph/newsgraph/schema"
)

// Pos is a token position in a document: sentence index and token index.
type Pos = marks.Pos

// Quote is one direct quotation.
type Quote struct {
	// Start is the first quoted token and End the last (inclusive), quotation marks excluded.
	Start, End Pos
	// Verb is the verb of the clause that attributes the quotation ("said", "told", "wrote",
	// "continued"); Verb.Sent is -1 when no clause attributes it.
	Verb Pos
	// Clause indexes the attributing clause in the clauses of sentence Verb.Sent.
	Clause int
	// Continued marks a quotation attributed through the one before it, which it carries on in
	// the next paragraph.
	Continued bool
}

// Attributed reports whether a clause attributes the quotation.
func (q *Quote) Attributed() bool { return q.Verb.Sent >= 0 }

// Contains reports whether position p lies inside the quotation.
func (q *Quote) Contains(p Pos) bool { return !p.Before(q.Start) && !q.End.Before(p) }

// MinTokens is the fewest words a quotation needs to be a statement: shorter ones (‘peace deal’,
// a ‘positive step’) are words the writer borrows, not something somebody said.
const MinTokens = 4

// Find returns the quotations of the body text of d in text order: those of spans (what
// marks.Find returns for d) that have MinTokens words or more. clauses holds the clauses of each
// sentence (as clause.Extract returns them), by sentence index.
func Find(d *doc.Doc, spans []marks.Span, clauses [][]clause.Clause) []Quote {
	f := finder{d: d, clauses: clauses}
	kept := false // whether the span before was kept
	for _, s := range spans {
		q := Quote{Start: s.Start, End: s.End, Verb: Pos{Sent: -1, Tok: -1}, Clause: -1, Continued: s.Continued && kept}
		if kept = f.length(q) >= MinTokens; kept {
			f.quotes = append(f.quotes, q)
		}
	}
	f.attribute()
	return f.quotes
}

type finder struct {
	d       *doc.Doc
	clauses [][]clause.Clause
	quotes  []Quote
}

// length counts the words of a quotation.
func (f *finder) length(q Quote) int {
	n := 0
	for si := q.Start.Sent; si <= q.End.Sent; si++ {
		toks := f.d.Sentences[si].Tokens
		lo, hi := 0, len(toks)-1
		if si == q.Start.Sent {
			lo = q.Start.Tok
		}
		if si == q.End.Sent {
			hi = q.End.Tok
		}
		for k := lo; k <= hi && k < len(toks); k++ {
			if word(toks[k].Text) {
				n++
			}
		}
	}
	return n
}

// word reports whether a token has a letter or digit.
func word(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// attribute finds the clause that attributes each quotation: a clause right after its closing
// mark ("…,” she said"), or right before its opening mark ("She said: “…”"), whose subject lies
// outside the quotation. A quotation that carries on the one before takes its attribution.
func (f *finder) attribute() {
	for i := range f.quotes {
		q := &f.quotes[i]
		if p, c, ok := f.after(q); ok {
			q.Verb, q.Clause = p, c
		} else if p, c, ok := f.before(q); ok {
			q.Verb, q.Clause = p, c
		}
	}
	// A run-on quotation is its first part's; a part attributed after its close lends its
	// attribution back to the parts before it.
	for i := range f.quotes {
		if q := &f.quotes[i]; q.Continued && !q.Attributed() && i > 0 && f.quotes[i-1].Attributed() {
			q.Verb, q.Clause = f.quotes[i-1].Verb, f.quotes[i-1].Clause
		}
	}
	for i := len(f.quotes) - 2; i >= 0; i-- {
		if q, next := &f.quotes[i], &f.quotes[i+1]; !q.Attributed() && next.Continued && next.Attributed() {
			q.Verb, q.Clause = next.Verb, next.Clause
		}
	}
	// A paragraph that is all quotation, right after a paragraph whose quotation is attributed,
	// is the same speaker's: news quotes one speaker over several paragraphs and names them once.
	// So are whole quoted sentences right after an attributed quotation in the same paragraph.
	for i := 1; i < len(f.quotes); i++ {
		q, prev := &f.quotes[i], &f.quotes[i-1]
		if q.Attributed() || !prev.Attributed() || !f.wholeParagraph(q) && !f.wholeSentences(q) {
			continue
		}
		if b, pb := f.d.BlockOf(q.Start.Sent), f.d.BlockOf(prev.End.Sent); b >= 0 && pb >= 0 && b-pb == 1 || q.Start.Sent == prev.End.Sent+1 {
			q.Verb, q.Clause = prev.Verb, prev.Clause
		}
	}
}

// wholeSentences reports whether a quotation is whole sentences: it starts its first sentence and
// ends its last one.
func (f *finder) wholeSentences(q *Quote) bool {
	return q.Start.Tok <= 1 && len(f.d.Sentences[q.End.Sent].Tokens)-q.End.Tok <= 3
}

// wholeParagraph reports whether a quotation is its paragraph: it starts the paragraph's first
// sentence and ends its last one.
func (f *finder) wholeParagraph(q *Quote) bool {
	b := f.d.BlockOf(q.Start.Sent)
	if b < 0 || f.d.BlockOf(q.End.Sent) != b || q.Start.Tok > 1 {
		return false
	}
	if q.Start.Sent > 0 && f.d.BlockOf(q.Start.Sent-1) == b {
		return false
	}
	last := q.End.Sent
	if last+1 < len(f.d.Sentences) && f.d.BlockOf(last+1) == b {
		return false
	}
	return len(f.d.Sentences[last].Tokens)-q.End.Tok <= 3 // closing punctuation and marks
}

// after looks for the attributing clause just after the closing mark, in the same sentence.
func (f *finder) after(q *Quote) (Pos, int, bool) {
	si := q.End.Sent
	toks := f.d.Sentences[si].Tokens
	k := q.End.Tok + 1
	comma := isPunct(&toks[q.End.Tok]) // “…,” or “…?” ends the quotation where a clause may follow
	for k < len(toks) && (marks.Mark(&toks[k]) != 0 || toks[k].Tag == ",") {
		comma = comma || toks[k].Tag == ","
		k++
	}
	if !comma && k < len(toks) {
		return Pos{}, -1, false // a quoted phrase inside a sentence ("the ‘peace plan’ that …")
	}
	return f.attributing(si, k, len(toks), q)
}

// isPunct reports whether a token is a comma or a sentence-final mark.
func isPunct(t *doc.Token) bool { return t.Tag == "," || t.Tag == "." }

// before looks for the attributing clause just before the opening mark, in the same sentence:
// nothing but the clause's own words and a comma or colon between them.
func (f *finder) before(q *Quote) (Pos, int, bool) {
	si := q.Start.Sent
	if q.Start.Tok == 0 {
		return Pos{}, -1, false
	}
	toks := f.d.Sentences[si].Tokens
	k := q.Start.Tok - 1
	punct := false
	for k >= 0 && (marks.Mark(&toks[k]) != 0 || toks[k].Tag == "," || toks[k].Tag == ":") {
		punct = punct || marks.Mark(&toks[k]) == 0
		k--
	}
	if k < 0 {
		return Pos{}, -1, false
	}
	p, c, ok := f.attributing(si, 0, k+1, q)
	// "She said: ‘…’" or "He said ‘…’"; not a quoted phrase deep in a clause ("should be
	// ‘formally part of it’").
	if !ok || !punct && p.Tok != k {
		return Pos{}, -1, false
	}
	return p, c, ok
}

// attributing returns the clause of sentence si whose verb lies in tokens [lo, hi) and attributes
// a quotation: a speech verb, or any verb with no object of its own that meets the quotation's
// punctuation ("he continued, “…”"), with a subject outside the quotation.
func (f *finder) attributing(si, lo, hi int, q *Quote) (Pos, int, bool) {
	if si >= len(f.clauses) {
		return Pos{}, -1, false
	}
	toks := f.d.Sentences[si].Tokens
	best := -1
	for ci, c := range f.clauses[si] {
		if c.Verb < lo || c.Verb >= hi || c.Subject < 0 || q.Contains(Pos{Sent: si, Tok: c.Subject}) || q.Contains(Pos{Sent: si, Tok: c.Verb}) {
			continue
		}
		speech := schema.IsSpeech(c.Lemma)
		adjacent := c.Verb == hi-1 || c.Verb == lo || c.Subject == lo && c.Verb == lo+1
		if !speech && (!adjacent || c.Object >= 0 || !strings.HasPrefix(toks[c.Verb].Tag, "VB")) {
			continue
		}
		if best < 0 || speech && !schema.IsSpeech(f.clauses[si][best].Lemma) ||
			speech == schema.IsSpeech(f.clauses[si][best].Lemma) && nearer(c.Verb, f.clauses[si][best].Verb, lo, hi, q.Start.Sent == si) {
			best = ci
		}
	}
	if best < 0 {
		return Pos{}, -1, false
	}
	return Pos{Sent: si, Tok: f.clauses[si][best].Verb}, best, true
}

// nearer reports whether verb a is nearer the quotation than verb b: of verbs before the
// quotation (leftOf), the later one; of verbs after it, the earlier one.
func nearer(a, b, lo, hi int, leftOf bool) bool {
	if leftOf && hi > 0 && lo == 0 {
		return a > b
	}
	return a < b
}

// Text returns the words of the quotation as written, from its first to its last quoted token.
func Text(d *doc.Doc, q Quote) string {
	start := d.Sentences[q.Start.Sent].Tokens[q.Start.Tok].Start
	end := d.Sentences[q.End.Sent].Tokens[q.End.Tok].End
	return strings.Trim(d.Text[start:end], " \t\n\"'“”‘’,;:—–-")
}
