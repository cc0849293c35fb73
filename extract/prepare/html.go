package prepare

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxKindStack bounds how far down the stack of open elements an end tag is looked for; deeper
// mismatches (broken HTML) are ignored, so that pathological input stays linear.
const maxKindStack = 64

// htmlSkip are the elements whose content is not article text.
func htmlSkip(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Footer, atom.Aside,
		atom.Head, atom.Svg, atom.Math, atom.Iframe, atom.Form, atom.Button, atom.Select, atom.Textarea,
		atom.Object, atom.Canvas, atom.Audio, atom.Video, atom.Menu, atom.Dialog:
		return true
	}
	return false
}

// htmlBlock returns the kind of block an element starts, and whether it starts one.
func htmlBlock(a atom.Atom) (doc.Kind, bool) {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return doc.Headline, true
	case atom.Li, atom.Dt:
		return doc.Bullet, true
	case atom.Figcaption, atom.Caption:
		return doc.Caption, true
	case atom.P, atom.Div, atom.Blockquote, atom.Pre, atom.Td, atom.Th, atom.Tr, atom.Table, atom.Ul,
		atom.Ol, atom.Dl, atom.Dd, atom.Section, atom.Article, atom.Main, atom.Header, atom.Figure,
		atom.Body, atom.Address, atom.Hr, atom.Center, atom.Details, atom.Summary:
		return doc.Body, true
	}
	return doc.Body, false
}

type openElem struct {
	a    atom.Atom
	kind doc.Kind
}

// prepareHTML prepares HTML with the x/net/html tokenizer, streaming and without recursion:
// script, style, navigation, footers and asides are dropped; h1-h6 become Headline blocks, li
// Bullet blocks, figcaption Caption blocks, p, div and the like Body blocks; entities are decoded
// and white space collapsed, with every change recorded in the offset map. The title is the first
// h1 (else the first heading, else <title>).
func prepareHTML(src string) *doc.Doc {
	z := html.NewTokenizer(strings.NewReader(src))
	b := newBuilder(len(src) / 2)
	var stack []openElem
	var skipAtom atom.Atom
	skipDepth := 0
	inTitle, inPre := false, 0
	var docTitle, h1 strings.Builder
	inH1 := false
	pos := 0
	kindNow := func() doc.Kind {
		if len(stack) == 0 {
			return doc.Body
		}
		return stack[len(stack)-1].kind
	}
	b.open(doc.Body)
	for {
		tt := z.Next()
		raw := z.Raw()
		start := pos
		pos += len(raw)
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Title {
				inTitle = tt == html.StartTagToken
				continue
			}
			if skipDepth > 0 {
				if a == skipAtom && tt == html.StartTagToken {
					skipDepth++
				}
				continue
			}
			switch {
			case htmlSkip(a) && a != 0:
				if tt == html.StartTagToken {
					skipAtom, skipDepth = a, 1
				}
				continue
			case a == atom.Br:
				b.lit("\n", start)
				continue
			}
			k, isBlock := htmlBlock(a)
			if !isBlock {
				continue
			}
			if k == doc.Body && len(stack) > 0 {
				k = kindNow() // a paragraph inside a list item is still a bullet
			}
			if a == atom.H1 {
				inH1 = h1.Len() == 0
			}
			if a == atom.Pre {
				inPre++
			}
			if tt == html.StartTagToken && a != atom.Hr {
				stack = append(stack, openElem{a, k})
			}
			b.open(k)
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Title {
				inTitle = false
				continue
			}
			if skipDepth > 0 {
				if a == skipAtom {
					skipDepth--
				}
				continue
			}
			if _, isBlock := htmlBlock(a); !isBlock {
				continue
			}
			if a == atom.H1 {
				inH1 = false
			}
			if a == atom.Pre && inPre > 0 {
				inPre--
			}
			for i := len(stack) - 1; i >= 0 && i >= len(stack)-maxKindStack; i-- {
				if stack[i].a == a {
					stack = stack[:i]
					break
				}
			}
			b.open(kindNow())
		case html.TextToken:
			if inTitle {
				if docTitle.Len() < 1000 {
					docTitle.WriteString(html.UnescapeString(string(raw)))
				}
				continue
			}
			if skipDepth > 0 {
				continue
			}
			if inH1 {
				h1.WriteString(html.UnescapeString(string(raw)))
			}
			htmlText(b, src, start, start+len(raw), inPre > 0)
		}
	}
	d := b.finish()
	title := collapse(h1.String())
	if title == "" {
		for _, bl := range d.Blocks {
			if bl.Kind == doc.Headline {
				title = d.Text[bl.Start:bl.End]
				break
			}
		}
	}
	if title == "" {
		title = docTitle.String()
	}
	d.Title = collapse(title)
	return d
}

// htmlText appends the text src[s:e] of one text token: entities decoded, white space runs
// collapsed to one space (kept as is inside <pre>), each change mapped.
func htmlText(b *builder, src string, s, e int, pre bool) {
	run := s // start of the pending verbatim run
	for i := s; i < e; {
		c := src[i]
		switch {
		case c == '&':
			j := i + 1
			for j < e && j-i < 40 && (isAlnum(src[j]) || src[j] == '#') {
				j++
			}
			if j < e && src[j] == ';' {
				j++
			}
			dec := html.UnescapeString(src[i:j])
			if j > i+1 && dec != src[i:j] {
				b.copy(src, run, i)
				b.lit(dec, i)
				i, run = j, j
				continue
			}
			i++
		case !pre && (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'):
			j := i + 1
			for j < e && (src[j] == ' ' || src[j] == '\n' || src[j] == '\t' || src[j] == '\r' || src[j] == '\f') {
				j++
			}
			if c == ' ' && j == i+1 {
				i = j
				continue
			}
			b.copy(src, run, i)
			b.lit(" ", i)
			i, run = j, j
		case c == 0:
			b.copy(src, run, i)
			i++
			run = i
		default:
			i++
		}
	}
	b.copy(src, run, e)
}

func isAlnum(c byte) bool { return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' }
