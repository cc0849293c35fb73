package annotate

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/internal/conllu"
)

var (
	annOnce sync.Once
	ann     *Annotator
	annErr  error
)

// annotator returns an Annotator over the embedded models, loaded once for all tests.
func annotator(t *testing.T) *Annotator {
	t.Helper()
	annOnce.Do(func() {
		var x *extract.Extractor
		x, annErr = extract.New(extract.Options{})
		ann = New(x)
	})
	if annErr != nil {
		t.Fatal(annErr)
	}
	return ann
}

// fixtureDocs annotates a fixture of testdata: CoNLL-U or an article.
func fixtureDocs(t *testing.T, name string) []*Document {
	t.Helper()
	p := "testdata/" + name
	if strings.HasSuffix(name, ".conllu") {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		docs, err := annotator(t).CoNLLU(f, p)
		if err != nil {
			t.Fatal(err)
		}
		return docs
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	art := input.Article{Text: string(b), Format: input.Markdown, Path: p}
	art.ID = name
	d, err := annotator(t).Article(art)
	if err != nil {
		t.Fatal(err)
	}
	return []*Document{d}
}

// TestCoNLLURoundTrip annotates CoNLL-U and writes it back: the documents, sentence ids and
// tokens are those of the input, the input's own (wrong) annotations are replaced by predicted
// ones, and the output is well-formed CoNLL-U with a tree per sentence.
func TestCoNLLURoundTrip(t *testing.T) {
	in, err := conllu.ReadFile("testdata/two-docs.conllu")
	if err != nil {
		t.Fatal(err)
	}
	docs := fixtureDocs(t, "two-docs.conllu")
	var buf bytes.Buffer
	for _, d := range docs {
		if err := WriteCoNLLU(&buf, d); err != nil {
			t.Fatal(err)
		}
	}
	out, err := conllu.ReadAll(bytes.NewReader(buf.Bytes()), "out.conllu")
	if err != nil {
		t.Fatalf("output is not CoNLL-U: %v\n%s", err, buf.String())
	}
	if len(out) != len(in) {
		t.Fatalf("%d sentences out, %d in", len(out), len(in))
	}
	for i := range in {
		a, b := in[i], out[i]
		if a.ID != b.ID || a.NewDoc != b.NewDoc {
			t.Errorf("sentence %d: id %q newdoc %q, want %q %q", i, b.ID, b.NewDoc, a.ID, a.NewDoc)
		}
		if len(a.Words) != len(b.Words) {
			t.Errorf("sentence %s: %d words, want %d", a.ID, len(b.Words), len(a.Words))
			continue
		}
		if !b.HasTree() {
			t.Errorf("sentence %s: no tree", a.ID)
		}
		for j := range a.Words {
			wa, wb := a.Words[j], b.Words[j]
			if wa.Form != wb.Form {
				t.Errorf("sentence %s word %d: form %q, want %q", a.ID, j+1, wb.Form, wa.Form)
			}
			if wb.XPOS == "XX" || wb.UPOS == "X" || wb.Lemma == "X" || wb.Deprel == "dep" {
				t.Errorf("sentence %s word %d: the input's annotation kept: %+v", a.ID, j+1, wb)
			}
			if wa.SpaceAfter() != wb.SpaceAfter() && j+1 < len(a.Words) {
				t.Errorf("sentence %s word %d: SpaceAfter %v, want %v", a.ID, j+1, wb.SpaceAfter(), wa.SpaceAfter())
			}
		}
	}
	// The names of the fixture are found and chained: "Maria Lopez" ... "She" ... "Lopez".
	for _, want := range []string{"1\tMaria\tMaria\tPROPN\tNNP\t", "Entity=(1-person", "Entity=(2-gpe)"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

// chainMark is one marker of the CHAINS column: "(3", "3)" or "(3)".
var chainMark = regexp.MustCompile(`^(\((\d+)\)|\((\d+)|(\d+)\))$`)

// TestCoNLL2012WellFormed checks the layout of the conll2012 output of articles and CoNLL-U:
// one #begin/#end pair per document, tokens numbered from 0, three tab-separated fields, chain
// markers that open and close in order, and at least one chain of two mentions or more.
func TestCoNLL2012WellFormed(t *testing.T) {
	tests := []struct {
		fixture string
		docs    []string
		tokens  []int
	}{
		{"two-docs.conllu", []string{"doc_one", "doc_two"}, []int{33, 37}},
		{"article.md", []string{"article.md"}, []int{-1}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			var buf bytes.Buffer
			for _, d := range fixtureDocs(t, tt.fixture) {
				if err := WriteCoNLL2012(&buf, d); err != nil {
					t.Fatal(err)
				}
			}
			checkCoNLL2012(t, buf.String(), tt.docs, tt.tokens)
		})
	}
}

// checkCoNLL2012 checks text against the layout; tokens[i] < 0 accepts any count.
func checkCoNLL2012(t *testing.T, text string, docs []string, tokens []int) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	di, n, chains := -1, 0, 0
	open := map[string]int{}
	for ln, l := range lines {
		switch {
		case strings.HasPrefix(l, "#begin document "):
			di++
			if di >= len(docs) || l != "#begin document ("+docs[di]+"); part 000" {
				t.Fatalf("line %d: %q", ln+1, l)
			}
			n = 0
			clear(open)
		case l == "#end document":
			if tokens[di] >= 0 && n != tokens[di] {
				t.Errorf("document %s: %d tokens, want %d", docs[di], n, tokens[di])
			}
			for id, c := range open {
				if c != 0 {
					t.Errorf("document %s: chain %s left open", docs[di], id)
				}
			}
		default:
			f := strings.Split(l, "\t")
			if len(f) != 3 || f[0] != strconv.Itoa(n) || f[1] == "" || strings.ContainsAny(f[1], " ") {
				t.Fatalf("line %d: %q", ln+1, l)
			}
			n++
			if f[2] == "_" {
				continue
			}
			for _, m := range strings.Split(f[2], "|") {
				g := chainMark.FindStringSubmatch(m)
				switch {
				case g == nil:
					t.Fatalf("line %d: bad chain marker %q", ln+1, m)
				case g[2] != "":
					chains++
				case g[3] != "":
					open[g[3]]++
				default:
					if open[g[4]]--; open[g[4]] < 0 {
						t.Fatalf("line %d: chain %s closed before it opened", ln+1, g[4])
					}
					chains++
				}
			}
		}
	}
	if di != len(docs)-1 || lines[len(lines)-1] != "#end document" {
		t.Errorf("%d documents, want %d, last line %q", di+1, len(docs), lines[len(lines)-1])
	}
	if chains < 2 {
		t.Errorf("%d mentions in chains, want a chain at least", chains)
	}
}

// TestWriteBrackets checks the brackets of hand-made mentions, without the models: nested and
// one-token mentions, singletons (in CoNLL-U only), two mentions of one span (written once).
func TestWriteBrackets(t *testing.T) {
	toks := func(words ...string) []doc.Token {
		out := make([]doc.Token, len(words))
		pos := 0
		for i, w := range words {
			out[i] = doc.Token{Text: w, Start: pos, End: pos + len(w), Head: 0, Dep: "dep", Tag: "NNP", Lemma: w}
			pos += len(w) + 1
		}
		out[0].Head, out[0].Dep = -1, "root"
		return out
	}
	d := &Document{ID: "d", Doc: &doc.Doc{Text: "Anna Berg of Acme Corp met Bob", Sentences: []doc.Sentence{{Tokens: toks("Anna", "Berg", "of", "Acme", "Corp", "met", "Bob"), End: 30}}}}
	d.Coref = &coref.Result{
		Chains: []coref.Chain{
			{Entity: 1, Type: "ORG", Spans: []coref.Span{
				{Sent: 0, Start: 3, End: 5}, // "Acme Corp": its first chain wins the span
				{Sent: 0, Start: 4, End: 5}, // "Corp"
			}},
			{Entity: 0, Type: "PERSON", Spans: []coref.Span{
				{Sent: 0, Start: 0, End: 5}, // "Anna Berg of Acme Corp"
				{Sent: 0, Start: 0, End: 1}, // "Anna"
				{Sent: 0, Start: 3, End: 5}, // the same span again: written once
			}},
			{Entity: 2, Type: "PERSON", Spans: []coref.Span{{Sent: 0, Start: 6, End: 7}}}, // "Bob", a singleton
			{Entity: -1, Spans: []coref.Span{{Sent: 0, Start: 5, End: 5}}},                // empty: never written
		},
	}
	var u, c bytes.Buffer
	if err := WriteCoNLLU(&u, d); err != nil {
		t.Fatal(err)
	}
	if err := WriteCoNLL2012(&c, d); err != nil {
		t.Fatal(err)
	}
	misc := map[string]string{}
	for _, l := range strings.Split(u.String(), "\n") {
		if f := strings.Split(l, "\t"); len(f) == 10 {
			misc[f[1]] = f[9]
		}
	}
	chains := map[string]string{}
	for _, l := range strings.Split(c.String(), "\n") {
		if f := strings.Split(l, "\t"); len(f) == 3 {
			chains[f[1]] = f[2]
		}
	}
	tests := []struct {
		word, misc, chains string
	}{
		{"Anna", "Entity=(1-person(1-person)", "(1|(1)"},
		{"Berg", "_", "_"},
		{"Acme", "Entity=(2-org", "(2"},
		{"Corp", "Entity=(2-org)2)1)", "2)|1)|(2)"},
		{"met", "_", "_"},
		{"Bob", "Entity=(3-person)", "_"},
	}
	for _, tt := range tests {
		if misc[tt.word] != tt.misc {
			t.Errorf("%s: MISC %q, want %q", tt.word, misc[tt.word], tt.misc)
		}
		if chains[tt.word] != tt.chains {
			t.Errorf("%s: CHAINS %q, want %q", tt.word, chains[tt.word], tt.chains)
		}
	}
}

func TestCoNLLUErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "bad.conllu: no sentence"},
		{"columns", "1\ta\ta\tX\tX\t_\t0\troot\t_\n", "bad.conllu:1: 9 tab-separated columns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := annotator(t).CoNLLU(strings.NewReader(tt.in), "bad.conllu")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// Paths annotates CoNLL-U files and articles in the order given, and passes on what it cannot
// read without stopping.
func TestPaths(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"story.txt":   "Maria Lopez opened a library. She thanked the council.\n",
		"gold.conllu": "# newdoc id = d1\n# sent_id = d1-7\n1\tAnna\t_\t_\t_\t_\t_\t_\t_\t_\n2\tspoke\t_\t_\t_\t_\t_\t_\t_\t_\n\n",
		"bad.conllu":  "1\tx\n",
		"empty.txt":   "",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var ids, problems []string
	rd := input.Reader{Problem: func(e *input.Error) { problems = append(problems, e.Error()) }}
	paths := []string{"bad.conllu", "story.txt", "gold.conllu", "missing.txt", "empty.txt"}
	for i, p := range paths {
		paths[i] = filepath.Join(dir, p)
	}
	err := annotator(t).Paths(context.Background(), rd, paths, func(d *Document) error {
		ids = append(ids, d.ID)
		return nil
	}, func(err error) { problems = append(problems, err.Error()) })
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(ids, " ") != "story.txt d1" {
		t.Errorf("documents %v, want story.txt then d1", ids)
	}
	if len(problems) != 3 || !strings.Contains(problems[0], "bad.conllu:1:") || !strings.Contains(problems[1], "missing.txt") || !strings.Contains(problems[2], "empty.txt") {
		t.Errorf("problems %q", problems)
	}
}
