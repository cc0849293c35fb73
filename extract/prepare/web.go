package prepare

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// Limits of main-content extraction with go-trafilatura. Larger or deeper pages keep the
// tokenizer's classification only: go-trafilatura builds the whole DOM and walks it recursively.
const (
	maxWebBytes = 4 << 20 // bytes of HTML
	maxWebDepth = 512     // elements open at once
)

// webOptions are go-trafilatura's options: comments excluded, and precision favoured over
// recall, which also drops comment sections that are not marked up as comments (a live blog's
// "Comments" section) and link lists. Reader comments read as facts are the worse failure: they
// put words in the mouths of the people the article is about.
var webOptions = trafilatura.Options{
	ExcludeComments: true,
	Focus:           trafilatura.FavorPrecision,
	// The publication date (not the last change), with its time where the page gives one; the
	// pattern search through the whole text is skipped (it finds dates of other things).
	HtmlDateOptions: &htmldate.Options{UseOriginalDate: true, SkipExtensiveSearch: true, ExtractTime: true},
}

// isPage reports whether src is a whole web page (it has an <html> or <body> tag) rather than a
// fragment of article markup (as JSONL input often holds), which has no boilerplate to remove.
func isPage(src string) bool {
	head := src
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	low := strings.ToLower(head)
	return strings.Contains(low, "<html") || strings.Contains(low, "<body")
}

// prepareWeb prepares a whole web page: the tokenizer (prepareHTML) gives the blocks and their
// offsets in the page, and go-trafilatura decides which of them are the article's main content.
// Blocks outside it (comments, navigation, related links, promotions) become Aside blocks, so no
// fact is read from them and evidence offsets still point into the page; headlines stay
// headlines. The page's metadata fills d.Meta.
//
// A fragment, or a page too large or too deep for go-trafilatura, keeps the tokenizer's
// classification. A page on which go-trafilatura finds no main content gets no prose blocks.
func prepareWeb(src string) *doc.Doc {
	d := prepareHTML(src)
	if !isPage(src) || len(src) > maxWebBytes || htmlDepth(src, maxWebDepth) > maxWebDepth {
		return d
	}
	res, err := extractMain(src)
	if err != nil || res == nil {
		markMain(d, "")
		return d
	}
	markMain(d, res.ContentText)
	d.Meta = webMeta(res.Metadata)
	if d.Title == "" || d.Title == collapse(htmlTitle(src)) {
		if t := collapse(res.Metadata.Title); t != "" {
			d.Title = t
		}
	}
	return d
}

// extractMain runs go-trafilatura on src. A panic inside the library (it walks a DOM built from
// untrusted input) becomes an error: one odd page must not stop a run.
func extractMain(src string) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("go-trafilatura: %v", r)
		}
	}()
	return trafilatura.Extract(strings.NewReader(src), webOptions)
}

// minAnywhere is the length (in letters and digits) from which a block is looked for anywhere
// after the last block found in the main content; shorter blocks ("Reply", "Share") and headlines
// (which go-trafilatura mostly leaves out, and whose words the article repeats) must come right
// after it, so that they cannot match words somewhere further on.
const (
	minAnywhere = 24
	maxShortGap = 0
)

// markMain turns the blocks of d that are not part of main (the main content's text, in page
// order) into Aside blocks, headlines aside, and keeps the kind of those that are: a short line
// of links outside the article is no caption to read facts from.
// Blocks are matched in order on their letters and digits only, which is robust to the white
// space and punctuation go-trafilatura rewrites.
func markMain(d *doc.Doc, main string) {
	keep := letters(main)
	at := 0
	demoted := make([]bool, len(d.Blocks)) // body and bullet blocks not found
	for i := range d.Blocks {
		b := &d.Blocks[i]
		norm := letters(d.Text[b.Start:b.End])
		found := -1
		if norm != "" {
			if j := strings.Index(keep[at:], norm); j >= 0 && j <= maxShortGap {
				found = at + j
			} else if len(norm) >= minAnywhere && b.Kind != doc.Headline {
				found = strings.Index(keep, norm)
			}
		}
		if found >= 0 {
			at = found + len(norm)
			continue
		}
		if b.Kind != doc.Headline {
			demoted[i] = true
		}
	}
	// A list is one unit: an item go-trafilatura dropped from a list whose neighbouring items it
	// kept stays a bullet (it drops some short items on its own).
	for pass := 0; pass < 2; pass++ {
		for k := range d.Blocks {
			i := k
			if pass == 1 {
				i = len(d.Blocks) - 1 - k
			}
			if !demoted[i] || d.Blocks[i].Kind != doc.Bullet {
				continue
			}
			kept := func(j int) bool { return j >= 0 && j < len(d.Blocks) && d.Blocks[j].Kind == doc.Bullet && !demoted[j] }
			if kept(i-1) || kept(i+1) {
				demoted[i] = false
			}
		}
	}
	// A caption between two blocks of the main content is a figure's: it stays a caption (in
	// favouring precision go-trafilatura leaves figures out).
	first, last := -1, -1
	for i, b := range d.Blocks {
		if !demoted[i] && b.Kind != doc.Headline {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for i, out := range demoted {
		if out && d.Blocks[i].Kind == doc.Caption && first < i && i < last {
			continue
		}
		if out {
			d.Blocks[i].Kind = doc.Aside
		}
	}
}

// letters returns the letters and digits of s, lower-cased.
func letters(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// webMeta turns go-trafilatura's metadata into the document's.
func webMeta(m trafilatura.Metadata) doc.Meta {
	out := doc.Meta{
		Title:    collapse(m.Title),
		Author:   collapse(m.Author),
		Source:   collapse(m.Sitename),
		URL:      strings.TrimSpace(m.URL),
		Language: strings.TrimSpace(m.Language),
		Date:     formatDate(m.Date),
	}
	seen := map[string]bool{}
	for _, c := range append(append([]string(nil), m.Categories...), m.Tags...) {
		if c = collapse(c); c != "" && !seen[c] {
			seen[c] = true
			out.Categories = append(out.Categories, c)
		}
	}
	return out
}

// formatDate writes t as a date ("2006-01-02") when it has no time of day, else in RFC 3339;
// the zero time is "".
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if h, m, s := t.Clock(); h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// htmlTitle returns the text of the page's <title> element, if any (entities not decoded).
func htmlTitle(src string) string {
	low := strings.ToLower(src[:min(len(src), 64<<10)])
	i := strings.Index(low, "<title")
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(low[i:], '>')
	if j < 0 {
		return ""
	}
	k := strings.Index(low[i+j:], "</title")
	if k < 0 {
		return ""
	}
	return src[i+j+1 : i+j+k]
}

// htmlDepth returns how many elements are open at once at the deepest point of src, counting
// start tags against end tags (void elements and self-closing tags aside), stopping once it
// passes limit.
func htmlDepth(src string, limit int) int {
	depth, most := 0, 0
	for i := 0; i < len(src); {
		j := strings.IndexByte(src[i:], '<')
		if j < 0 || i+j+1 >= len(src) {
			break
		}
		i += j + 1
		c := src[i]
		switch {
		case c == '/':
			if depth > 0 {
				depth--
			}
		case c < utf8.RuneSelf && (c|0x20 >= 'a' && c|0x20 <= 'z'):
			k := i
			for k < len(src) && (isAlnum(src[k])) {
				k++
			}
			if voidElement(strings.ToLower(src[i:k])) {
				continue
			}
			if e := strings.IndexByte(src[k:], '>'); e > 0 && src[k+e-1] == '/' {
				continue
			}
			if depth++; depth > most {
				most = depth
				if most > limit {
					return most
				}
			}
		}
	}
	return most
}

// voidElement reports the HTML elements that have no end tag.
func voidElement(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen":
		return true
	}
	return false
}
