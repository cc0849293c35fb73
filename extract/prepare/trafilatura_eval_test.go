package prepare

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/input"
)

// evalPage is one page of go-trafilatura's evaluation set: snippets that must be in the article
// text, and snippets that must not.
type evalPage struct {
	file          string
	with, without []string
}

// readEvalSet reads the evaluation set of go-trafilatura's module (its Go source
// scripts/comparison/data.go, a map literal), sorted by file.
func readEvalSet(t *testing.T, module string) []evalPage {
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(module, "scripts", "comparison", "data.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	strs := func(e ast.Expr) []string {
		var out []string
		if cl, ok := e.(*ast.CompositeLit); ok {
			for _, el := range cl.Elts {
				if bl, ok := el.(*ast.BasicLit); ok {
					if s, err := strconv.Unquote(bl.Value); err == nil {
						out = append(out, s)
					}
				}
			}
		}
		return out
	}
	var pages []evalPage
	ast.Inspect(f, func(n ast.Node) bool {
		kv, ok := n.(*ast.KeyValueExpr)
		if !ok {
			return true
		}
		cl, ok := kv.Value.(*ast.CompositeLit)
		if !ok {
			return true
		}
		var p evalPage
		for _, el := range cl.Elts {
			field, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			name, _ := field.Key.(*ast.Ident)
			switch {
			case name == nil:
			case name.Name == "File":
				if bl, ok := field.Value.(*ast.BasicLit); ok {
					p.file, _ = strconv.Unquote(bl.Value)
				}
			case name.Name == "With":
				p.with = strs(field.Value)
			case name.Name == "Without":
				p.without = strs(field.Value)
			}
		}
		if p.file != "" && len(p.with)+len(p.without) > 0 {
			pages = append(pages, p)
		}
		return false
	})
	sort.Slice(pages, func(i, j int) bool { return pages[i].file < pages[j].file })
	return pages
}

// TestTrafilaturaEvalSet scores the text facts are read from (body, bullet and caption blocks)
// on go-trafilatura's evaluation set, with go-trafilatura (prepareWeb) and with the tokenizer's
// classification alone (prepareHTML), as docs/input.md reports. It runs only when
// NEWSGRAPH_TRAFILATURA_MODULE names the module's folder (go env GOMODCACHE, then
// github.com/markusmobius/go-trafilatura@v1.12.2): the set is 147 MB.
func TestTrafilaturaEvalSet(t *testing.T) {
	module := os.Getenv("NEWSGRAPH_TRAFILATURA_MODULE")
	if module == "" {
		t.Skip("set NEWSGRAPH_TRAFILATURA_MODULE to go-trafilatura's module folder to run")
	}
	type score struct{ tp, fn, fp, tn int }
	var old, now score
	for _, p := range readEvalSet(t, module) {
		data, err := os.ReadFile(filepath.Join(module, "test-files", "comparison", p.file))
		if err != nil {
			continue
		}
		text, _, err := input.Decode(data, input.HTML)
		if err != nil {
			continue
		}
		for _, v := range []struct {
			s *score
			d *doc.Doc
		}{{&old, prepareHTML(text)}, {&now, prepareWeb(text)}} {
			var b strings.Builder
			for _, bl := range v.d.Blocks {
				if bl.Kind == doc.Body || bl.Kind == doc.Bullet || bl.Kind == doc.Caption {
					b.WriteString(v.d.Text[bl.Start:bl.End] + "\n")
				}
			}
			out := collapse(b.String())
			for _, w := range p.with {
				if strings.Contains(out, collapse(w)) {
					v.s.tp++
				} else {
					v.s.fn++
				}
			}
			for _, w := range p.without {
				if strings.Contains(out, collapse(w)) {
					v.s.fp++
				} else {
					v.s.tn++
				}
			}
		}
	}
	f1 := func(s score) (p, r, f float64) {
		p = float64(s.tp) / float64(s.tp+s.fp)
		r = float64(s.tp) / float64(s.tp+s.fn)
		return p, r, 2 * p * r / (p + r)
	}
	op, or, of := f1(old)
	np, nr, nf := f1(now)
	t.Logf("old classifier:  precision %.3f recall %.3f F1 %.3f %+v", op, or, of, old)
	t.Logf("go-trafilatura:  precision %.3f recall %.3f F1 %.3f %+v", np, nr, nf, now)
	if nf <= of || np <= op {
		t.Errorf("go-trafilatura no better than the old classifier: F1 %.3f against %.3f", nf, of)
	}
}
