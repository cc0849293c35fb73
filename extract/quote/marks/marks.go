// Package marks pairs the quotation marks of a tokenised document into quotations: a curly mark
// by its direction, a straight double mark by its spacing (or, where spacing says nothing, by
// the tagger's tags for opening and closing marks), marks of the other kind inside a quotation
// as a quote within the quote, a quotation left open at the end of a paragraph that the next
// paragraph carries on, and a closing mark whose opening mark the writer left out.
//
// It is the one reader of quotation marks: package quote attributes the quotations it finds to
// their speakers, and package coref reads them for the speakers of "I" and "we". It reads the
// tokens' Text, Tag and offsets and the document's blocks; it does not decide which quotations are
// statements, attribute them or resolve anything.
package marks

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// Pos is a token position in a document: sentence index and token index.
type Pos struct{ Sent, Tok int }

// Before reports whether p comes before q.
func (p Pos) Before(q Pos) bool { return p.Sent < q.Sent || p.Sent == q.Sent && p.Tok < q.Tok }

// Span is one quotation.
type Span struct {
	// Start is the first quoted token and End the last (inclusive), quotation marks excluded.
	Start, End Pos
	// Continued marks a quotation that opens a paragraph after one that ended with the quotation
	// before it still open: news carries one quotation over several paragraphs that way.
	Continued bool
}

// Contains reports whether position p lies inside the quotation.
func (s *Span) Contains(p Pos) bool { return !p.Before(s.Start) && !s.End.Before(p) }

// Find returns the quotations of the body text of d in text order. Sentences of other kinds
// (headlines, bullets, captions, asides) end the quotation left open before them and are never
// quoted.
func Find(d *doc.Doc) []Span {
	f := finder{d: d}
	f.scan()
	return f.spans
}

// single reports whether a quotation mark is a single one (‘ ’ ') rather than double (“ ” " « »).
func single(t *doc.Token) bool {
	return t.Text == "‘" || t.Text == "’" || t.Text == "'"
}

// Mark tells whether a token is an opening (+1) or closing (-1) quotation mark, or neither (0),
// by its form and, for a straight mark, by the tagger's tag for an opening or a closing mark.
func Mark(t *doc.Token) int {
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

type finder struct {
	d     *doc.Doc
	spans []Span
	// open marks a quotation whose closing mark has not been seen (its Start is set).
	open    bool
	single  bool // the open quotation's marks are single ones
	current Span
	// runOn marks a quotation left open at the end of a paragraph: it may go on in the next one.
	runOn bool
}

// markAt is Mark for a token of the document, reading a straight quotation mark's direction off
// its spacing, as typesetters do, before the tagger's guess: after a space or at the start of the
// text it opens, before a space, punctuation or the end it closes ("…," she said, "…": the tagger
// took the second mark for a closing one). A straight single mark that closes no open quotation
// is an apostrophe ("the Players' Guild").
func (f *finder) markAt(t *doc.Token) int {
	if t.Text != "\"" && t.Text != "'" || t.Start < 0 || t.End > len(f.d.Text) || t.Start >= t.End {
		return Mark(t)
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
	return Mark(t)
}

func (f *finder) scan() {
	prevBlock := -1
	var paraStart Pos
	for si := range f.d.Sentences {
		s := &f.d.Sentences[si]
		if s.Kind != doc.Body {
			// A headline or aside ends the quotation left open before it, which runs on no further.
			if f.open {
				f.close(Pos{si - 1, len(f.d.Sentences[si-1].Tokens) - 1}, false)
			}
			f.runOn = false
			continue
		}
		if b := f.d.BlockOf(si); b != prevBlock {
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
			if m < 0 && !f.open && s.Tokens[ti].Text == "'" {
				continue // an apostrophe
			}
			switch m {
			case +1:
				if f.open {
					f.close(Pos{si, ti - 1}, false)
				}
				f.open, f.single = true, single(&s.Tokens[ti])
				f.current = Span{Start: Pos{si, ti + 1}, Continued: f.runOn && ti == 0 && si == paraStart.Sent}
				f.runOn = false
			case -1:
				if !f.open { // a closing mark whose opening mark was left out: the paragraph is quoted
					f.current = Span{Start: paraStart, Continued: f.runOn && paraStart.Tok == 0}
				}
				f.open = true
				f.close(Pos{si, ti - 1}, false)
				f.runOn = false
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
	if end.Tok < 0 || q.Start.Sent >= len(f.d.Sentences) || q.End.Before(q.Start) {
		return
	}
	f.spans = append(f.spans, q)
	f.runOn = leftOpen
}
