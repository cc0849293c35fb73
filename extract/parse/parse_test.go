package parse

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/tag"
	"github.com/newsgraph/newsgraph/internal/shared"
)

func tagged(t testing.TB, words ...string) []doc.Token {
	tm, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	ts := make([]doc.Token, len(words))
	for i, w := range words {
		ts[i].Text = w
	}
	tm.Tag(ts)
	return ts
}

// checkTree fails unless toks' heads form one tree with a single root.
func checkTree(t *testing.T, toks []doc.Token) {
	t.Helper()
	roots := 0
	for i, tk := range toks {
		if tk.Head == -1 {
			roots++
			if tk.Dep != "root" {
				t.Errorf("root token %d has relation %q", i, tk.Dep)
			}
		} else if tk.Head < 0 || tk.Head >= len(toks) || tk.Head == i {
			t.Fatalf("token %d: head %d out of range", i, tk.Head)
		}
		if tk.Dep == "" {
			t.Errorf("token %d: no relation", i)
		}
	}
	if len(toks) > 0 && roots != 1 {
		t.Fatalf("%d roots", roots)
	}
	for i := range toks {
		k, steps := i, 0
		for toks[k].Head != -1 {
			k = toks[k].Head
			if steps++; steps > len(toks) {
				t.Fatalf("cycle through token %d", i)
			}
		}
	}
}

func TestParseOddInput(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	long := make([]doc.Token, 5000)
	for i := range long {
		long[i] = doc.Token{Text: []string{"the", "cat", "saw", "dogs", ","}[i%5], Tag: []string{"DT", "NN", "VBD", "NNS", ","}[i%5]}
	}
	tests := []struct {
		name string
		toks []doc.Token
	}{
		{"empty", nil},
		{"one", []doc.Token{{Text: "Hello", Tag: "UH"}}},
		{"untagged", []doc.Token{{Text: "a"}, {Text: "b"}, {Text: ""}}},
		{"unknown tags", []doc.Token{{Text: "x", Tag: "ZZZ"}, {Text: "\xff", Tag: "%%"}}},
		{"odd characters", tagged(t, "\x00", "👍🏽", "İstanbul", "ǅ", "\u200b", "...")},
		{"long", long},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m.Parse(tt.toks)
			checkTree(t, tt.toks)
		})
	}
}

func TestParseSentenceAndDeterminism(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("The company sold its shares to investors in March .")
	ts := tagged(t, words...)
	m.Parse(ts)
	checkTree(t, ts)
	want := map[string][2]string{"company": {"sold", "nsubj"}, "shares": {"sold", "obj"}, "The": {"company", "det"}}
	for _, tk := range ts {
		if w, ok := want[tk.Text]; ok {
			if tk.Head < 0 || ts[tk.Head].Text != w[0] || tk.Dep != w[1] {
				t.Errorf("%s: got head %d %s, want %s %s", tk.Text, tk.Head, tk.Dep, w[0], w[1])
			}
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 20; r++ {
				c := tagged(t, words...)
				m.Parse(c)
				for i := range c {
					if c[i].Head != ts[i].Head || c[i].Dep != ts[i].Dep {
						errs <- fmt.Sprintf("token %d: %d %s then %d %s", i, ts[i].Head, ts[i].Dep, c[i].Head, c[i].Dep)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestTrainTiny(t *testing.T) {
	sents, err := tag.ReadTreebank("testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(sents, nil, TrainOptions{Epochs: 10})
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if r := Evaluate(m2, sents, nil); r.LAS() < 90 {
		t.Errorf("tiny model on its own training data: UAS %.1f%% LAS %.1f%%", r.UAS(), r.LAS())
	}
	if _, err := Decode(b[:len(b)/2]); err == nil {
		t.Error("truncated model decoded without error")
	}
	if _, err := Train(sents, [][]string{{"DT"}}, TrainOptions{}); err == nil {
		t.Error("mismatched tags gave no error")
	}
}

// TestAccuracyEWT checks the embedded parser on UD English EWT test with tags predicted by the
// embedded tagger; punctuation is scored (CoNLL 2018 style) and relations compared in full.
func TestAccuracyEWT(t *testing.T) {
	dir := shared.Require(t, "train", "ud-ewt")
	test, err := tag.ReadTreebank(filepath.Join(dir, "en_ewt-ud-test.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	tm, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tags := make([][]string, len(test))
	for i, s := range test {
		words := make([]string, len(s.Words))
		for j, w := range s.Words {
			words[j] = w.Form
		}
		tags[i] = tm.TagWords(words)
	}
	r := Evaluate(m, test, tags)
	t.Logf("EWT test, predicted tags: UAS %.2f%% LAS %.2f%% (%d words)", r.UAS(), r.LAS(), r.Words)
	if r.UAS() < 86 || r.LAS() < 83 {
		t.Errorf("UAS %.2f%% LAS %.2f%%, want at least 86%% and 83%%", r.UAS(), r.LAS())
	}
}

func BenchmarkParse(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	ts := tagged(b, strings.Fields("The central bank said on Tuesday that it would raise interest rates by half a point , "+
		"citing inflation that has stayed above its target for two years .")...)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Parse(ts)
	}
	b.ReportMetric(float64(b.N*len(ts))/b.Elapsed().Seconds(), "words/s")
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzParse parses arbitrary words, tagged by the tagger or given arbitrary tags: the heads always
// form one tree with a single root and every token gets a relation.
func FuzzParse(f *testing.F) {
	for _, s := range [][2]string{
		{"The cat sat on the mat .", ""},
		{"Maria Lopez , the mayor , said she would sue Acme .", ""},
		{"a b c", "ZZZ %% NN"},
		{"\x00 👍🏽  ...", ", , ,"},
	} {
		f.Add(s[0], s[1])
	}
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, tags string) {
		words := strings.Split(text, " ")
		var ts []doc.Token
		if tags == "" {
			ts = tagged(t, words...)
		} else {
			tg := strings.Split(tags, " ")
			ts = make([]doc.Token, len(words))
			for i, w := range words {
				ts[i] = doc.Token{Text: w, Tag: tg[i%len(tg)]}
			}
		}
		m.Parse(ts)
		checkTree(t, ts)
	})
}
