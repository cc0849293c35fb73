package prepare

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// prepareText prepares plain text: the text is kept as it is; paragraphs are runs of non-blank
// lines; the first line is the headline when it is short, not a sentence, and followed by a blank
// line. Failing that, a headline on the first paragraph's first line, right above its prose or
// glued to its first sentence, is found by splitHeadline.
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
	if len(paras) > 0 && paras[0].Kind != doc.Headline {
		paras = splitHeadline(text, paras)
		if paras[0].Kind == doc.Headline {
			d.Title = collapse(text[paras[0].Start:paras[0].End])
		}
	}
	d.Blocks = refine(text, paras)
	return d
}

// splitHeadline finds a headline at the start of the first paragraph, on a line of its own or
// glued to the first sentence (see gluedHeadline), and makes it a block of its own.
func splitHeadline(text string, paras []doc.Block) []doc.Block {
	p := paras[0]
	ls, _ := trimSpan(text, p.Start, p.End)
	le := p.End
	if nl := strings.IndexByte(text[ls:p.End], '\n'); nl >= 0 {
		le = ls + nl
	}
	ls, le = trimSpan(text, ls, le)
	line := text[ls:le]
	bodyStart := -1
	if le < p.End {
		ns, ne := trimSpan(text, le, p.End)
		next := text[ns:ne]
		if nl := strings.IndexByte(next, '\n'); nl >= 0 {
			next = next[:nl]
		}
		if headlineLine(line, next) {
			bodyStart = ns
		}
	}
	if bodyStart < 0 {
		if off := gluedHeadline(line); off > 0 {
			bodyStart = ls + off
		}
	}
	if bodyStart < 0 {
		return paras
	}
	hs, he := trimSpan(text, ls, bodyStart)
	out := make([]doc.Block, 0, len(paras)+1)
	out = append(out, doc.Block{Start: hs, End: he, Kind: doc.Headline}, doc.Block{Start: bodyStart, End: p.End, Kind: p.Kind})
	return append(out, paras[1:]...)
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
