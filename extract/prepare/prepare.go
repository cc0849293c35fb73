// Package prepare turns an article read by package input into the prepared text of a doc.Doc:
// Markdown and HTML become plain text, the headline is found, and the text is cut into blocks
// (headline, body paragraph, bullet, caption, aside), with an offset map back to the original
// bytes.
//
// It must not split sentences or words (package segment does), and it never drops article prose:
// lines that are not prose are kept as Aside or Caption blocks so that later stages can ignore them
// knowingly; on a web page, everything outside the main content that go-trafilatura finds
// (comments, navigation, related links) is kept as Aside blocks. It reads the metadata the markup
// carries (doc.Meta) but does not read files or fetch pages.
package prepare

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/input"
)

// Prepare returns the prepared document of a: its Text, Title, Blocks and Offsets, with ID set.
// Sentences are left to package segment.
//
// Plain text is used as it is (Text is the original, Offsets empty), except that plain text which
// clearly holds Markdown (a "# " heading line, an inline link "[text](url)" or an autolink
// "<https://...>", or YAML front matter) is prepared as Markdown. Markdown front matter fills
// Meta and is no text. A whole web page goes through go-trafilatura (see prepareWeb): only its
// main content is prose, and its metadata fills Meta. Markdown that opens more than maxMarkdownNesting block
// quotes or list items on one line is prepared as plain text: goldmark's time grows with the square
// of that nesting, and no article needs it. Every input gives a Doc; an article without prose
// gives one with no blocks.
func Prepare(a input.Article) *doc.Doc {
	var d *doc.Doc
	switch {
	case a.Format == input.HTML:
		d = prepareWeb(a.Text)
	case (a.Format == input.Markdown || a.Format == input.Text && (looksLikeMarkdown(a.Text) || frontMatterEnd(a.Text) > 0)) && !tooDeep(a.Text):
		d = prepareMarkdown(a.Text)
	default:
		d = prepareText(a.Text)
	}
	d.ID = a.ID
	if t := strings.TrimSpace(a.Title); t != "" {
		d.Title = collapse(t)
	}
	// The date facts are anchored to: the input's, else the page's or front matter's metadata,
	// else a date line at the top of the text.
	if d.Date = strings.TrimSpace(a.Date); d.Date == "" {
		d.Date = d.Meta.Date
	}
	if d.Date == "" {
		d.Date = dateLine(d)
	}
	return d
}

// maxDateLineBlock is how many blocks from the top a date line may stand ("Headline", "by X",
// "Oct 4, 2022").
const maxDateLineBlock = 4

// dateLine returns the date line at the top of d, above its first prose block ("Oct 4, 2022",
// "Sunday, January 20, 2008"), or "". Such lines are already asides, kept out of facts.
func dateLine(d *doc.Doc) string {
	for i, b := range d.Blocks {
		if i >= maxDateLineBlock || b.Kind == doc.Body {
			break
		}
		if b.Kind != doc.Aside {
			continue
		}
		line := d.Text[b.Start:b.End]
		if t := strings.TrimSpace(line[markupPrefix(line):]); isDateLine(strings.ToLower(t)) {
			return collapse(strings.Trim(t, "*_ "))
		}
	}
	return ""
}

// builder accumulates prepared text from pieces of the source, keeping the offset map.
type builder struct {
	buf    []byte
	offs   doc.OffsetMap
	delta  int // source offset minus text offset in the current run
	blocks []doc.Block
	start  int // start of the open block, -1 when none
	kind   doc.Kind
	last   int // source offset just after the last piece
}

func newBuilder(n int) *builder { return &builder{buf: make([]byte, 0, n), start: -1} }

func (b *builder) mapAt(src int) {
	if src-len(b.buf) == b.delta {
		return
	}
	b.delta = src - len(b.buf)
	if n := len(b.offs); n > 0 && b.offs[n-1].Text == len(b.buf) {
		b.offs[n-1].Source = src // nothing was written since the last shift
		return
	}
	b.offs = append(b.offs, doc.Shift{Text: len(b.buf), Source: src})
}

// copy appends source bytes src[start:end], which lie at the same offsets in the original.
func (b *builder) copy(src string, start, end int) {
	if end <= start {
		return
	}
	b.mapAt(start)
	b.buf = append(b.buf, src[start:end]...)
	b.last = end
}

// lit appends text that replaces the source from offset src on (an entity, a collapsed space,
// a separator).
func (b *builder) lit(s string, src int) {
	if s == "" {
		return
	}
	b.mapAt(src)
	b.buf = append(b.buf, s...)
	b.last = src
}

// open starts a block of kind k, ending any open one.
func (b *builder) open(k doc.Kind) {
	b.close()
	b.start, b.kind = len(b.buf), k
}

// close ends the open block; blocks with no text are dropped. Blocks are separated by a blank
// line in the prepared text.
func (b *builder) close() {
	if b.start < 0 {
		return
	}
	s, e := b.start, len(b.buf)
	for s < e && isSpaceByte(b.buf[s]) {
		s++
	}
	for e > s && isSpaceByte(b.buf[e-1]) {
		e--
	}
	if s < e {
		b.truncate(e)
		b.blocks = append(b.blocks, doc.Block{Start: s, End: e, Kind: b.kind})
		b.lit("\n\n", b.last)
	} else {
		b.truncate(b.start)
	}
	b.start = -1
}

// truncate drops the text from byte n on, and the shifts that mapped it.
func (b *builder) truncate(n int) {
	b.buf = b.buf[:n]
	for len(b.offs) > 0 && b.offs[len(b.offs)-1].Text > n {
		b.offs = b.offs[:len(b.offs)-1]
	}
	b.delta = 0
	if k := len(b.offs); k > 0 {
		b.delta = b.offs[k-1].Source - b.offs[k-1].Text
	}
}

// finish returns the Doc built, its blocks refined line by line.
func (b *builder) finish() *doc.Doc {
	b.close()
	n := len(b.buf)
	for n > 0 && isSpaceByte(b.buf[n-1]) {
		n--
	}
	b.buf = b.buf[:n]
	for len(b.offs) > 0 && b.offs[len(b.offs)-1].Text >= n {
		b.offs = b.offs[:len(b.offs)-1]
	}
	d := &doc.Doc{Text: string(b.buf), Offsets: b.offs}
	if len(d.Offsets) == 0 {
		d.Offsets = nil
	}
	d.Blocks = refine(d.Text, b.blocks)
	return d
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// collapse trims s and turns every run of white space into one space.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		if isSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isSpace reports white space, including no-break and zero-width spaces.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff'
}

// trimSpan shrinks text[s:e] to drop white space at both ends (Unicode aware).
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// maxMarkdownNesting is the most block quotes and list items one Markdown line may open.
const maxMarkdownNesting = 32

// tooDeep reports whether a line of text opens more than maxMarkdownNesting containers: block
// quote marks and list markers ("> > - 1. text").
func tooDeep(text string) bool {
	for i := 0; i < len(text); {
		n := 0
		for i < len(text) && text[i] != '\n' {
			for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
				i++
			}
			j := i
			for j < len(text) && j-i < 9 && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			switch {
			case i < len(text) && text[i] == '>':
				i++
			case i < len(text) && (text[i] == '-' || text[i] == '*' || text[i] == '+') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\t' || text[i+1] == '\n'):
				i++
			case j > i && j < len(text) && (text[j] == '.' || text[j] == ')') && (j+1 == len(text) || text[j+1] == ' ' || text[j+1] == '\t' || text[j+1] == '\n'):
				i = j + 1
			default:
				n = -1 // the line's text: skip to its end
			}
			if n < 0 {
				break
			}
			if n++; n > maxMarkdownNesting {
				return true
			}
		}
		if k := strings.IndexByte(text[i:], '\n'); k >= 0 {
			i += k + 1
		} else {
			break
		}
	}
	return false
}

// looksLikeMarkdown reports whether plain text clearly holds Markdown: an ATX heading line
// ("# Title"), an inline link "[text](url)" or an autolink "<http...>".
func looksLikeMarkdown(text string) bool {
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		line := text[i:]
		if j >= 0 {
			line = text[i : i+j]
			i += j + 1
		} else {
			i = len(text)
		}
		t := strings.TrimLeft(line, " ")
		if len(line)-len(t) <= 3 && strings.HasPrefix(t, "#") {
			h := strings.TrimLeft(t, "#")
			if len(t)-len(h) <= 6 && strings.HasPrefix(h, " ") && strings.TrimSpace(h) != "" {
				return true
			}
		}
		if k := strings.Index(line, "]("); k > 0 && strings.LastIndexByte(line[:k], '[') >= 0 && strings.IndexByte(line[k:], ')') > 0 {
			return true
		}
		if strings.HasPrefix(t, "<http://") || strings.HasPrefix(t, "<https://") {
			return true
		}
	}
	return false
}
