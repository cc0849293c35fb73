package extract

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/lang"
)

// extractor returns an Extractor shared by the tests of this file (the models load once).
var extractor = sync.OnceValues(func() (*Extractor, error) { return New(Options{}) })

func newExtractor(tb testing.TB) *Extractor {
	tb.Helper()
	x, err := extractor()
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

const english = "Mayor Maria Lopez praised Acme Shipping on Tuesday for the new harbour deal. " +
	"The Green Harbour Trust condemned the company over the dredging plan, and Lopez said the city would listen. "

const french = "La maire de Port Elin a annoncé mardi un accord avec la société pour agrandir le port. " +
	"Selon elle, le projet créera quatre cents emplois dans la région d'ici deux ans. Les associations de défense " +
	"de l'environnement ont critiqué la décision et demandent une étude indépendante sur les effets du dragage."

func TestExtractSkips(t *testing.T) {
	x := newExtractor(t)
	for _, c := range []struct {
		name string
		a    input.Article
		want error
	}{
		{"english", input.Article{Text: english}, nil},
		{"markup only", input.Article{Text: "<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>", Format: input.HTML}, ErrNoProse},
		{"french", input.Article{Text: french}, lang.ErrNotEnglish},
	} {
		c.a.Path, c.a.Line = c.name+".jsonl", 3
		r := x.Extract(c.a)
		switch {
		case c.want == nil && (r.Problem != nil || len(r.Facts) == 0):
			t.Errorf("%s: problem %v, %d facts", c.name, r.Problem, len(r.Facts))
		case c.want != nil && (r.Problem == nil || !errors.Is(r.Problem, c.want) || r.Problem.File != c.name+".jsonl" || r.Problem.Line != 3 || len(r.Facts) != 0):
			t.Errorf("%s: problem %v, want %v at %s.jsonl:3", c.name, r.Problem, c.want, c.name)
		}
	}
	anyLang, err := New(Options{AnyLanguage: true})
	if err != nil {
		t.Fatal(err)
	}
	if r := anyLang.Extract(input.Article{Text: french}); r.Problem != nil || r.Sentences == 0 {
		t.Errorf("AnyLanguage: problem %v, %d sentences", r.Problem, r.Sentences)
	}
}

// TestRunReportsSkips checks that articles skipped by Extract join the reader's problems: passed
// to the callback, returned in the sorted list, and never given to fn.
func TestRunReportsSkips(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":  english,
		"b.txt":  french,
		"c.html": "<p></p><script>x()</script>",
		"d.txt":  "",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	x := newExtractor(t)
	var seen []string
	var got []string
	opt := RunOptions{Workers: 2, Reader: input.Reader{Problem: func(e *input.Error) { seen = append(seen, e.Error()) }}}
	probs, err := x.Run(context.Background(), []string{dir}, opt, func(r *Result) error {
		got = append(got, r.Article.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, []string{"a.txt"}) {
		t.Errorf("extracted %v, want only a.txt", got)
	}
	var list []string
	for _, p := range probs {
		list = append(list, filepath.Base(p.File)+": "+strings.SplitN(p.Err.Error(), ":", 2)[0])
	}
	want := []string{"b.txt: not English", "c.html: no article text (after removing the markup)", "d.txt: empty file"}
	if !reflect.DeepEqual(list, want) {
		t.Errorf("problems %q, want %q", list, want)
	}
	if len(seen) != 3 {
		t.Errorf("callback saw %d problems: %q", len(seen), seen)
	}
}

// TestLongSentenceCut checks that the sentence cap reaches the pipeline: one 20,000-word
// sentence becomes sentences of at most MaxSentenceTokens tokens, each tagged and parsed.
func TestLongSentenceCut(t *testing.T) {
	x, err := New(Options{MaxSentenceTokens: 100})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("the mayor said that ", 5000) + "."
	d := x.Annotate(input.Article{Text: text})
	if len(d.Sentences) != 201 {
		t.Errorf("%d sentences, want 201", len(d.Sentences))
	}
	for _, s := range d.Sentences {
		if len(s.Tokens) > 100 {
			t.Fatalf("sentence %d has %d tokens", s.Index, len(s.Tokens))
		}
		if s.Tokens[0].Tag == "" {
			t.Fatalf("sentence %d not tagged", s.Index)
		}
	}
}

// FuzzExtract runs the whole pipeline on arbitrary text in every format: it must not panic, and
// every fact must point into the article.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{english, french, "<p>Maria Lopez <b>praised</b> Acme.</p>", "# Title\n\n- Lopez met Varga.\n> She said no.",
		"“He’s out,” said Acme’s CEO, Jane Roe.", "Lopez did not praise the Trust, and it would not say whether it might sue."} {
		f.Add(s, uint8(0))
	}
	x := newExtractor(f)
	f.Fuzz(func(t *testing.T, text string, format uint8) {
		a := input.Article{Text: text, Format: input.Format(format % 3)}
		a.ID = "fuzz"
		r := x.Extract(a)
		if r.Problem != nil {
			return
		}
		for _, fc := range r.Facts {
			if fc.Start < 0 || fc.End > len(text)+2 || fc.Start > fc.End {
				t.Fatalf("fact %q at %d..%d outside the %d-byte text", fc.Evidence, fc.Start, fc.End, len(text))
			}
			if fc.Subject.ID == "" || fc.Predicate == "" || fc.Confidence <= 0 || fc.Confidence > 1 {
				t.Fatalf("incomplete fact %+v", fc)
			}
		}
		for i := 1; i < len(r.Entities); i++ {
			if r.Entities[i-1].ID >= r.Entities[i].ID {
				t.Fatalf("entities not sorted by id: %s, %s", r.Entities[i-1].ID, r.Entities[i].ID)
			}
		}
	})
}

// BenchmarkArticleSize extracts one article made of a news paragraph repeated 10 to 160 times:
// ns/word stays flat when the whole pipeline (coreference included) is linear in the article.
func BenchmarkArticleSize(b *testing.B) {
	x := newExtractor(b)
	para := english + "Councillor Tomas Varga hit out at her, and the company said it would answer him. " +
		"The mayor, a former engineer, told reporters the deal was good. She thanked Acme's chief executive.\n\n"
	for _, n := range []int{10, 40, 160} {
		text := strings.Repeat(para, n)
		words := len(strings.Fields(text))
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				x.Extract(input.Article{Text: text})
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*words), "ns/word")
		})
	}
}
