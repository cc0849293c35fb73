// Package quote finds the direct quotations of an article and the clause that attributes each to
// its speaker: "“…,” Lopez said", "She told reporters: ‘…’", a closing mark whose opening mark
// the writer left out, and a quotation that runs on over several paragraphs.
//
// It works on token positions of a parsed document and on the clauses package clause reads off
// it. It does not resolve speakers to entities (package coref does, through the attributing
// clause's subject), and it does not make facts.
package quote

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/schema"
)

// Pos is a token position in a document: sentence index and token index.
type Pos struct{ Sent, Tok int }

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
func (q *Quote) Contains(p Pos) bool { return !before(p, q.Start) && !before(q.End, p) }

func before(a, b Pos) bool { return a.Sent < b.Sent || a.Sent == b.Sent && a.Tok < b.Tok }

// MinTokens is the fewest words a quotation needs to be a statement: shorter ones (‘peace deal’,
// a ‘positive step’) are words the writer borrows, not something somebody said.
const MinTokens = 4

// Find returns the quotations of the body text of d in text order. clauses holds the clauses of
// each sentence (as clause.Extract returns them), by sentence index.
func Find(d *doc.Doc, clauses [][]clause.Clause) []Quote {
	f := finder{d: d, clauses: clauses}
	f.scan()
	f.attribute()
	return f.quotes
}

type finder struct {
	d       *doc.Doc
	clauses [][]clause.Clause
	quotes  []Quote
	// open marks a quotation whose closing mark has not been seen (its Start is set).
	open    bool
	single  bool // the open quotation's marks are single ones
	current Quote
	// runOn marks a quotation left open at the end of a paragraph: it may go on in the next one.
	runOn int // index in quotes + 1, 0 when none
}

// single reports whether a quotation mark is a single one (‘ ’ ') rather than double (“ ” " « »):
// inside a quotation, marks of the other kind quote within the quote.
func single(t *doc.Token) bool {
	return t.Text == "‘" || t.Text == "’" || t.Text == "'"
}

// mark tells whether a token is an opening (+1) or closing (-1) quotation mark, or neither (0).
func mark(t *doc.Token) int {
	switch t.Text {
	case "“", "‘", "«":
		return +1
	case "”", "»":
		return -1
	case "’":
		if t.Tag == "''" {
			return -1
		}
		return 0
	}
	if t.Text == "\"" || t.Text == "'" || t.Text == "``" || t.Text == "''" {
		switch t.Tag {
		case "``":
			return +1
		case "''":
			return -1
		}
	}
	return 0
}

// markAt is mark for a token of the document, reading a straight double quotation mark's
// direction off its spacing, as typesetters do, before the tagger's guess: after a space or at
// the start of the text it opens, before a space, punctuation or the end it closes ("…," she
// said, "…": the tagger took the second mark for a closing one).
func (f *finder) markAt(t *doc.Token) int {
	if t.Text != "\"" || t.Start < 0 || t.End > len(f.d.Text) || t.Start >= t.End {
		return mark(t)
	}
	txt := f.d.Text
	spaceBefore := t.Start == 0 || strings.ContainsRune(" \t\n([", rune(txt[t.Start-1]))
	spaceAfter := t.End == len(txt) || strings.ContainsRune(" \t\n,.;:!?)]", rune(txt[t.End]))
	switch {
	case spaceBefore && !spaceAfter:
		return +1
	case spaceAfter && !spaceBefore:
		return -1
	}
	return mark(t)
}

// block returns the index of the block that holds sentence si.
func (f *finder) block(si int) int {
	start := f.d.Sentences[si].Start
	for i, b := range f.d.Blocks {
		if start >= b.Start && start < b.End {
			return i
		}
	}
	return -1
}

func (f *finder) scan() {
	prevBlock := -1
	var paraStart Pos
	for si := range f.d.Sentences {
		s := &f.d.Sentences[si]
		if s.Kind != doc.Body {
			f.open, f.runOn = false, 0
			continue
		}
		if b := f.block(si); b != prevBlock {
			// A new paragraph: a quotation left open runs on only when this one opens another.
			if f.open {
				f.close(Pos{si - 1, len(f.d.Sentences[si-1].Tokens) - 1}, true)
			}
			prevBlock, paraStart = b, Pos{si, 0}
		}
		for ti := range s.Tokens {
			m := f.markAt(&s.Tokens[ti])
			if m != 0 && f.open && single(&s.Tokens[ti]) != f.single {
				continue // a quote within the quote
			}
			switch m {
			case +1:
				if f.open {
					f.close(Pos{si, ti - 1}, false)
				}
				f.open, f.single = true, single(&s.Tokens[ti])
				f.current = Quote{Start: Pos{si, ti + 1}, Verb: Pos{-1, -1}, Clause: -1}
				if f.runOn > 0 && ti == 0 && si == paraStart.Sent {
					f.current.Continued = true
				}
				f.runOn = 0
			case -1:
				if !f.open { // a closing mark whose opening mark was left out: the paragraph is quoted
					f.current = Quote{Start: paraStart, Verb: Pos{-1, -1}, Clause: -1}
					if f.runOn > 0 && paraStart.Tok == 0 {
						f.current.Continued = true
					}
				}
				f.open = true
				f.close(Pos{si, ti - 1}, false)
				f.runOn = 0
			}
		}
	}
	if f.open {
		last := len(f.d.Sentences) - 1
		f.close(Pos{last, len(f.d.Sentences[last].Tokens) - 1}, false)
	}
}

// close ends the current quotation at end; left open, it may run on in the next paragraph.
func (f *finder) close(end Pos, leftOpen bool) {
	f.open = false
	q := f.current
	for end.Tok < 0 && end.Sent > 0 { // the mark opened a sentence: the quotation ended before it
		end.Sent--
		end.Tok = len(f.d.Sentences[end.Sent].Tokens) - 1
	}
	for q.Start.Sent < len(f.d.Sentences) && q.Start.Tok >= len(f.d.Sentences[q.Start.Sent].Tokens) {
		q.Start = Pos{q.Start.Sent + 1, 0} // the mark ended a sentence: the quotation starts after it
	}
	q.End = end
	if end.Tok < 0 || q.Start.Sent >= len(f.d.Sentences) || before(q.End, q.Start) || f.length(q) < MinTokens {
		return
	}
	f.quotes = append(f.quotes, q)
	if leftOpen {
		f.runOn = len(f.quotes)
	}
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
		if b, pb := f.block(q.Start.Sent), f.block(prev.End.Sent); b >= 0 && pb >= 0 && b-pb == 1 || q.Start.Sent == prev.End.Sent+1 {
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
	b := f.block(q.Start.Sent)
	if b < 0 || f.block(q.End.Sent) != b || q.Start.Tok > 1 {
		return false
	}
	if q.Start.Sent > 0 && f.block(q.Start.Sent-1) == b {
		return false
	}
	last := q.End.Sent
	if last+1 < len(f.d.Sentences) && f.block(last+1) == b {
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
	for k < len(toks) && (mark(&toks[k]) != 0 || toks[k].Tag == ",") {
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
	for k >= 0 && (mark(&toks[k]) != 0 || toks[k].Tag == "," || toks[k].Tag == ":") {
		punct = punct || mark(&toks[k]) == 0
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
		if c.Verb < lo || c.Verb >= hi || c.Subject < 0 || q.Contains(Pos{si, c.Subject}) || q.Contains(Pos{si, c.Verb}) {
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
	return Pos{si, f.clauses[si][best].Verb}, best, true
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
