package prepare

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gtext "github.com/yuin/goldmark/text"
)

// mdParser is goldmark's CommonMark parser; it keeps no state between documents.
var mdParser = goldmark.New().Parser()

// prepareMarkdown prepares Markdown with goldmark: headings become Headline blocks, list items
// Bullet blocks, paragraphs and block quotes Body blocks; link and emphasis text is kept, URLs,
// images, code blocks and raw HTML are dropped. Offsets come from goldmark's source segments.
//
// YAML front matter at the start fills the Meta (see frontMatter) and is no text: goldmark reads it
// as blank lines, so that offsets after it stay those of src.
func prepareMarkdown(src string) *doc.Doc {
	source := []byte(src)
	var meta doc.Meta
	if end := frontMatterEnd(src); end > 0 {
		meta = frontMatter(src[:end])
		for i := 0; i < end; i++ {
			if source[i] != '\n' {
				source[i] = ' '
			}
		}
	}
	root := mdParser.Parse(gtext.NewReader(source))
	b := newBuilder(len(src))
	title := ""
	// Walk without recursion: deep nesting must not grow the stack.
	n := ast.Node(root)
	entering := true
	for n != nil {
		skip := false
		if entering {
			skip = mdEnter(b, n, src)
		} else {
			mdLeave(b, n)
		}
		if entering && !skip && n.FirstChild() != nil {
			n = n.FirstChild()
			continue
		}
		if entering && !skip {
			mdLeave(b, n)
		}
		if n == ast.Node(root) {
			break
		}
		if s := n.NextSibling(); s != nil {
			n, entering = s, true
			continue
		}
		n, entering = n.Parent(), false
	}
	d := b.finish()
	if title == "" {
		for _, bl := range d.Blocks {
			if bl.Kind == doc.Headline {
				title = d.Text[bl.Start:bl.End]
				break
			}
		}
	}
	if meta.Title != "" {
		title = meta.Title
	}
	d.Title = collapse(title)
	d.Meta = meta
	return d
}

// inList reports whether n lies inside a list item.
func inList(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindListItem {
			return true
		}
	}
	return false
}

// mdEnter handles entering node n; it returns true to skip n's children.
func mdEnter(b *builder, n ast.Node, src string) bool {
	switch n := n.(type) {
	case *ast.Heading:
		b.open(doc.Headline)
	case *ast.Paragraph, *ast.TextBlock:
		if inList(n) {
			b.open(doc.Bullet)
		} else {
			b.open(doc.Body)
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.Image, *ast.RawHTML, *ast.ThematicBreak:
		return true
	case *ast.Text:
		seg := n.Segment
		if seg.Start < 0 || seg.Stop > len(src) || seg.Start > seg.Stop {
			return true
		}
		htmlText(b, src, seg.Start, seg.Stop, true) // entities decoded
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.lit("\n", seg.Stop)
		}
	case *ast.String:
		b.lit(string(n.Value), b.last)
	case *ast.AutoLink:
		label := string(n.Label([]byte(src)))
		from := b.last
		if i := strings.Index(src[from:min(len(src), from+len(label)+4096)], label); i >= 0 && label != "" {
			b.copy(src, from+i, from+i+len(label))
		} else {
			b.lit(label, from)
		}
		return true
	}
	return false
}

// mdLeave handles leaving node n.
func mdLeave(b *builder, n ast.Node) {
	switch n.(type) {
	case *ast.Heading, *ast.Paragraph, *ast.TextBlock:
		b.close()
	}
}
