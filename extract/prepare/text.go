package prepare

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// prepareText prepares plain text: the text is kept as it is; paragraphs are runs of non-blank
// lines; the first line is the headline when it is short, not a sentence, and followed by a blank
// line.
func prepareText(text string) *doc.Doc {
	var paras []doc.Block
	start := -1
	for s := 0; s <= len(text); {
		e := strings.IndexByte(text[s:], '\n')
		next := 0
		if e < 0 {
			e, next = len(text), len(text)+1
		} else {
			e += s
			next = e + 1
		}
		blank := !hasVisible(text[s:e])
		if blank && start >= 0 {
			paras = append(paras, doc.Block{Start: start, End: s, Kind: doc.Body})
			start = -1
		} else if !blank && start < 0 {
			start = s
		}
		s = next
	}
	if start >= 0 {
		paras = append(paras, doc.Block{Start: start, End: len(text), Kind: doc.Body})
	}
	d := &doc.Doc{Text: text}
	if len(paras) > 1 {
		p := &paras[0]
		ls, le := trimSpan(text, p.Start, p.End)
		line := text[ls:le]
		if !strings.Contains(line, "\n") && headlineLike(line) {
			*p = doc.Block{Start: ls, End: le, Kind: doc.Headline}
			d.Title = collapse(line)
		}
	}
	d.Blocks = refine(text, paras)
	return d
}

// hasVisible reports whether s holds anything but white space (including no-break and zero-width
// spaces, which strings.TrimSpace does not all remove).
func hasVisible(s string) bool {
	for _, r := range s {
		if !isSpace(r) {
			return true
		}
	}
	return false
}
