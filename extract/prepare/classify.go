package prepare

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// Limits of the line heuristics.
const (
	maxHeadlineWords = 30  // a plain-text first line longer than this is prose
	maxHeadlineBytes = 300 // idem, in bytes
	maxCaptionWords  = 35  // a line without final punctuation longer than this is prose
	maxBylineWords   = 8   // "By Jane Doe and John Roe" and the like
	maxDateWords     = 10  // "Updated: Tuesday, Oct 4, 2022 10:15 am ET"
)

// asidePrefixes start lines that are not article prose (matched on the lower-cased line after
// leading markup and white space).
var asidePrefixes = []string{
	"read also", "read more", "also read", "more:", "related article", "related:", "related stories",
	"related story", "related coverage", "related content", "related news", "related reading",
	"related links", "see also", "source:", "sources:", "original url", "original article",
	"originally published", "this article was originally", "this story was originally",
	"this article first appeared", "this story first appeared", "image credit", "image source",
	"photo credit", "picture credit", "getty images", "©", "(c) ", "copyright", "the views expressed",
	"views expressed", "opinions expressed", "the opinions expressed", "disclaimer", "follow us",
	"follow me", "sign up", "subscribe", "click here", "click to", "share this", "share on", "share:",
	"share via", "advertisement", "sponsored", "tags:", "topics:", "filed under", "we remind our readers",
	"reporting by", "additional reporting", "editing by", "written by", "compiled by", "contact the author",
	"email:", "e-mail:", "follow the author", "listen to this", "watch:", "watch the video", "download the app",
	"get the latest", "join our", "leave a comment", "comments", "next article", "previous article",
	"continue reading", "recommended:", "most read", "trending:", "newsletter",
}

// asideContains marks lines that hold publisher boilerplate anywhere.
var asideContains = []string{
	"all rights reserved", "the views expressed", "do not necessarily reflect", "does not necessarily reflect",
	"does not mean that we agree", "getty images", "sign up for our", "subscribe to our",
	"follow us on", "click here",
}

// captionPrefixes start image captions and credits.
var captionPrefixes = []string{
	"(photo", "photo:", "photos:", "photograph:", "photo by", "(image", "image:", "images:", "(picture",
	"picture:", "pictured:", "pictured above", "credit:", "(credit", "file photo", "(file photo",
	"video:", "(video", "caption:", "illustration:", "graphic:", "(ap photo", "(reuters",
}

// captionContains marks image credits anywhere on a short line.
var captionContains = []string{
	"(cc by", "/ flickr", "/flickr", "/ reuters", "/ ap photo", "/ afp", "/ shutterstock", "/ wikimedia",
	"via wikimedia", "wikimedia commons", "(photo:", "(photo by", "(image:", "(picture:", "ap photo/",
}

// dateWords are the words a date or time line may hold besides numbers.
var dateWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`january february march april may june july august september october november
		december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
		saturday sunday mon tue tues wed thu thur thurs fri sat sun am pm a.m. p.m. gmt utc bst cet cest
		et est edt pt pst pdt msk ist at on updated published posted last modified | - – — / , . : th st nd rd`) {
		dateWords[w] = true
	}
}

// bulletMarker returns the length in bytes of a bullet or list-number marker at the start of
// line, with the white space after it, or 0.
func bulletMarker(line string) int {
	r, n := utf8.DecodeRuneInString(line)
	switch r {
	case '•', '·', '‣', '◦', '▪', '▫', '■', '□', '●', '○', '►', '▶', '➢', '✓', '✔', '-', '*', '+', '–', '—':
		if n < len(line) {
			if m := spaceRun(line[n:]); m > 0 && m < len(line)-n {
				return n + m
			}
		}
		if r != '-' && r != '*' && r != '+' && r != '–' && r != '—' && n < len(line) {
			return n // "•Text": the marker alone is enough for the bullet characters
		}
		return 0
	}
	i := 0
	if i < len(line) && line[i] == '(' {
		i++
	}
	j := i
	for j < len(line) && j-i < 3 && line[j] >= '0' && line[j] <= '9' {
		j++
	}
	if j == i { // a single letter: "a)", "(b)"
		if j < len(line) && line[j] >= 'a' && line[j] <= 'z' && j+1 < len(line) && line[j+1] == ')' {
			j++
		} else {
			return 0
		}
	}
	if j >= len(line) || !(line[j] == '.' || line[j] == ')') || i > 0 && line[j] != ')' {
		return 0
	}
	if line[j] == '.' && j+1 < len(line) && line[j+1] >= '0' && line[j+1] <= '9' {
		return 0 // "2.5 million"
	}
	j++
	m := spaceRun(line[j:])
	if m == 0 || j+m >= len(line) {
		return 0
	}
	return j + m
}

// spaceRun returns the length of the white space at the start of s.
func spaceRun(s string) int {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) {
			break
		}
		i += n
	}
	return i
}

// markupPrefix returns the length of leading emphasis or quote markup ("**", "_", "> ").
func markupPrefix(s string) int {
	i := 0
	for i < len(s) && (s[i] == '*' || s[i] == '_' || s[i] == '>' || s[i] == ' ' || s[i] == '#') {
		i++
	}
	return i
}

// lineKind classifies one line (already trimmed) whose block default is def. It returns the kind
// and the start of its content (after a bullet marker), relative to the line.
func lineKind(line string, def doc.Kind) (doc.Kind, int) {
	start := 0
	kind := def
	if m := bulletMarker(line); m > 0 {
		start, kind = m, doc.Bullet
	}
	if k := special(line[start:]); k != doc.Body {
		return k, start
	}
	return kind, start
}

// special returns Aside or Caption for a line that is publisher matter or an image credit, else
// Body.
func special(line string) doc.Kind {
	t := line[markupPrefix(line):]
	head := t
	if len(head) > 160 {
		head = head[:160]
	}
	low := strings.ToLower(head)
	for _, p := range asidePrefixes {
		if strings.HasPrefix(low, p) {
			return doc.Aside
		}
	}
	for _, p := range captionPrefixes {
		if strings.HasPrefix(low, p) {
			return doc.Caption
		}
	}
	if len(t) < 400 {
		lowAll := low
		if len(t) > len(head) {
			lowAll = strings.ToLower(t)
		}
		for _, p := range asideContains {
			if strings.Contains(lowAll, p) {
				return doc.Aside
			}
		}
		for _, p := range captionContains {
			if strings.Contains(lowAll, p) {
				return doc.Caption
			}
		}
	} else if strings.Contains(low, "we remind our readers") || strings.Contains(low, "the views expressed") {
		return doc.Aside
	}
	switch {
	case isURLLine(t), isByline(t), isDateLine(low):
		return doc.Aside
	}
	return doc.Body
}

// isURLLine reports a line that is only a web address.
func isURLLine(t string) bool {
	t = strings.Trim(t, "<>()[] *_")
	if strings.ContainsAny(t, " \t") {
		return false
	}
	l := strings.ToLower(t)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.")
}

// isByline reports "By Jane Doe" lines: "by" and a few capitalised words, no final period.
func isByline(t string) bool {
	if len(t) < 4 || !(t[0] == 'b' || t[0] == 'B') || !(t[1] == 'y' || t[1] == 'Y') || t[2] != ' ' {
		return false
	}
	f := strings.Fields(t[3:])
	if len(f) == 0 || len(f) > maxBylineWords {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[0])
	if !unicode.IsUpper(r) {
		return false
	}
	last := t[len(t)-1]
	return last != '.' || len(f[len(f)-1]) <= 3 // "By J. Doe, Jr."
}

// isDateLine reports a line holding only a date or time ("Oct 4, 2022", "Updated 10:15 GMT").
func isDateLine(low string) bool {
	f := strings.Fields(low)
	if len(f) == 0 || len(f) > maxDateWords {
		return false
	}
	digits := false
	for _, w := range f {
		w = strings.Trim(w, ",.:;()")
		if w == "" || dateWords[w] {
			continue
		}
		num := true
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= '0' && c <= '9' {
				digits = true
				continue
			}
			if c == ':' || c == '/' || c == '-' || c == '.' {
				continue
			}
			if i > 0 && (strings.HasSuffix(w, "th") || strings.HasSuffix(w, "st") || strings.HasSuffix(w, "nd") || strings.HasSuffix(w, "rd") || strings.HasSuffix(w, "am") || strings.HasSuffix(w, "pm")) && i >= len(w)-2 {
				continue
			}
			num = false
			break
		}
		if !num {
			return false
		}
	}
	return digits
}

// endsSentence reports whether a line ends with sentence-final punctuation (looking through
// closing quotes and brackets), or with a colon or semicolon.
func endsSentence(line string) bool {
	for len(line) > 0 {
		r, n := utf8.DecodeLastRuneInString(line)
		switch r {
		case '"', '\'', '’', '”', ')', ']', '»', '*', '_':
			line = line[:len(line)-n]
			continue
		case '.', '!', '?', '…', ':', ';':
			return true
		}
		return false
	}
	return false
}

// words counts the white-space separated words of s, stopping at max+1.
func words(s string, max int) int {
	n, in := 0, false
	for _, r := range s {
		if isSpace(r) {
			in = false
			continue
		}
		if !in {
			n++
			if n > max {
				return n
			}
			in = true
		}
	}
	return n
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// refine cuts each paragraph-like block into lines and classifies them: bullet lines, asides and
// captions become blocks of their own; consecutive prose lines of one paragraph stay one block.
// Headline and Caption blocks (from markup) are kept as they are.
func refine(text string, blocks []doc.Block) []doc.Block {
	out := make([]doc.Block, 0, len(blocks)+8)
	single := make([]bool, 0, len(blocks)+8) // out[i] is one unjoined line
	for _, b := range blocks {
		if b.Kind == doc.Headline || b.Kind == doc.Caption || b.Kind == doc.Aside {
			out = append(out, b)
			single = append(single, false)
			continue
		}
		prev := -1 // index in out of the previous line's block, within this block
		intro := false
		for s := b.Start; s < b.End; {
			e := strings.IndexByte(text[s:b.End], '\n')
			next := b.End
			if e >= 0 {
				e += s
				next = e + 1
			} else {
				e = b.End
			}
			ls, le := trimSpan(text, s, e)
			s = next
			if ls >= le {
				continue
			}
			line := text[ls:le]
			k, cs := lineKind(line, b.Kind)
			if intro && k == b.Kind {
				k = doc.Aside // the title after "Read also:"
			}
			intro = k == doc.Aside && strings.HasSuffix(strings.TrimRight(line, " *_"), ":")
			if prev >= 0 && k == b.Kind && cs == 0 && (out[prev].Kind == b.Kind || out[prev].Kind == doc.Bullet && startsLower(line)) {
				out[prev].End = le
				single[prev] = false
				continue
			}
			out = append(out, doc.Block{Start: ls + cs, End: le, Kind: k})
			single = append(single, true)
			prev = len(out) - 1
		}
	}
	// Short prose lines standing alone without final punctuation, after the first block, are
	// captions (picture captions between paragraphs).
	for i := range out {
		b := &out[i]
		if i == 0 || b.Kind != doc.Body || !single[i] {
			continue
		}
		t := text[b.Start:b.End]
		if !endsSentence(t) && words(t, maxCaptionWords) <= maxCaptionWords && !innerSentence(t) {
			b.Kind = doc.Caption
		}
	}
	return out
}

// headlineLike reports whether a plain-text first line can be the headline.
func headlineLike(line string) bool {
	if len(line) > maxHeadlineBytes || words(line, maxHeadlineWords) > maxHeadlineWords {
		return false
	}
	if special(line) != doc.Body {
		return false
	}
	switch line[len(line)-1] {
	case '.', ',', ';', ':':
		return strings.HasSuffix(line, "...")
	}
	return true
}

// innerSentence reports whether a line holds the end of a sentence or of a quotation inside it
// ("... impossible. Many ideas ...", "...," he said): prose, not a caption.
func innerSentence(t string) bool {
	if strings.ContainsAny(t, "”\"") {
		return true
	}
	for i := 0; i+1 < len(t); i++ {
		if (t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i+1] == ' ' && i > 0 && t[i-1] != '.' && !(i >= 2 && t[i-2] == ' ') {
			return true
		}
	}
	return false
}
