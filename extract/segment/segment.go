// Package segment splits the blocks of a prepared doc.Doc into sentences and tokens: sentences
// within one block at a time (so headlines, bullets and captions never merge with prose), tokens in
// Universal Dependencies English (EWT) style, with exact byte offsets and a normalised form for the
// models.
//
// It must not change Doc.Text or the blocks, and it adds no linguistic annotation beyond
// sentences and tokens (tags, lemmas, heads belong to later stages). It runs in time linear in the
// text: no regular expressions, no back-tracking, sentences capped at a maximum number of tokens.
package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// DefaultMaxTokens is the default cap on the tokens of one sentence.
const DefaultMaxTokens = 300

// Splitter splits documents into sentences and tokens. The zero value uses DefaultMaxTokens.
type Splitter struct {
	// MaxTokens caps the length of a sentence: a longer run is cut every MaxTokens tokens, so
	// that later stages stay linear. 0 means DefaultMaxTokens.
	MaxTokens int
}

// Split fills d.Sentences with the default Splitter.
func Split(d *doc.Doc) { Splitter{}.Split(d) }

// Split fills d.Sentences (replacing any): each block is tokenized and cut into sentences at
// sentence-final punctuation (. ? ! … and closing quotes or brackets after it) followed by a word
// that can start a sentence (upper case, a digit, an opening quote or bracket). Abbreviations keep
// their period and do not end sentences ("Mr.", "Gen.", initials), except the ambiguous ones
// ("U.S.", "Inc.", "etc.") before a word that usually starts a sentence ("The", "He", ...).
// Sentences get the kind of their block; tokens get Head -1.
func (s Splitter) Split(d *doc.Doc) {
	max := s.MaxTokens
	if max <= 0 {
		max = DefaultMaxTokens
	}
	toks := make([]doc.Token, 0, len(d.Text)/5+8)
	type span struct {
		lo, hi int
		kind   doc.Kind
	}
	var spans []span
	for _, b := range d.Blocks {
		if b.Start < 0 || b.End > len(d.Text) || b.Start >= b.End {
			continue
		}
		lo := len(toks)
		toks = Tokenize(d.Text, b.Start, b.End, toks)
		bt := toks[lo:]
		start := 0
		for i := 0; i < len(bt); i++ {
			end := -1 // exclusive end of a sentence ending at or after i
			if i-start+1 >= max {
				end = i + 1
			} else if j, ok := boundary(d.Text, bt, i); ok {
				end = j
			}
			if end > 0 && end < len(bt) {
				spans = append(spans, span{lo + start, lo + end, b.Kind})
				start = end
				i = end - 1
			}
		}
		if start < len(bt) {
			spans = append(spans, span{lo + start, lo + len(bt), b.Kind})
		}
	}
	d.Sentences = make([]doc.Sentence, len(spans))
	for k, sp := range spans {
		t := toks[sp.lo:sp.hi:sp.hi]
		d.Sentences[k] = doc.Sentence{Index: k, Start: t[0].Start, End: t[len(t)-1].End, Kind: sp.kind, Tokens: t}
	}
}

// isFinal reports a token of sentence-final marks only: ".", "?", "!", "...", "…", "?!".
func isFinal(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if r != '.' && r != '?' && r != '!' && r != '…' {
			return false
		}
	}
	return true
}

// isCloser reports a closing quote or bracket token.
func isCloser(t string) bool {
	switch t {
	case ")", "]", "}", "’", "”", "»", "''", "'", "\"":
		return true
	}
	return false
}

// isOpener reports an opening quote or bracket token.
func isOpener(t string) bool {
	switch t {
	case "(", "[", "{", "‘", "“", "«", "'", "\"", "``", "`":
		return true
	}
	return false
}

// boundary reports whether a sentence ends after token i (or after the closers following it),
// returning the index of the first token of the next sentence.
func boundary(text string, t []doc.Token, i int) (int, bool) {
	w := t[i].Text
	ambig := false
	if !isFinal(w) {
		if len(w) < 2 || w[len(w)-1] != '.' || abbrClass(w[:len(w)-1], "") != abbrAmbig {
			return 0, false
		}
		ambig = true
	}
	j := i + 1
	for j < len(t) && isCloser(t[j].Text) && (t[j].Start == t[j-1].End || t[j].Text == ")" || t[j].Text == "]" || t[j].Text == "”" || t[j].Text == "’") {
		j++
	}
	if j >= len(t) {
		return j, true
	}
	next := t[j].Text
	k := j
	for k < len(t)-1 && isOpener(t[k].Text) {
		k++
	}
	r, _ := utf8.DecodeRuneInString(t[k].Text)
	if ambig {
		return j, k == j && starters[t[k].Norm] || k > j && unicode.IsUpper(r) && t[j].Start > t[j-1].End
	}
	if k > j && t[j].Start == t[j-1].End && next != "(" {
		return 0, false // "word."" attached quote that did not close: be careful
	}
	return j, unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r)
}

// starters are words that usually start a sentence: after an ambiguous abbreviation ("U.S.",
// "Inc."), one of them means the sentence ended there.
var starters = map[string]bool{}

func init() {
	for _, w := range []string{"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In",
		"On", "At", "This", "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "My",
		"After", "As", "If", "When", "While", "However", "Meanwhile", "Also", "So", "Yet", "For", "With",
		"What", "Who", "Why", "How", "Some", "Many", "Most", "Since", "Last", "Earlier", "Later", "Now",
		"Then", "According", "Officials", "Mr.", "Mrs.", "Ms.", "Dr.", "In", "Despite", "Although", "Still"} {
		starters[w] = true
	}
}
