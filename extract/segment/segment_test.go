package segment

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/prepare"
	"github.com/newsgraph/newsgraph/internal/shared"
)

func texts(toks []doc.Token) string {
	var s []string
	for _, t := range toks {
		s = append(s, t.Text)
	}
	return strings.Join(s, " ")
}

func norms(toks []doc.Token) string {
	var s []string
	for _, t := range toks {
		s = append(s, t.Norm)
	}
	return strings.Join(s, " ")
}

func TestTokenize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"The mayor's plan.", "The mayor 's plan ."},
		{"Don't go; they'll see. I'm here, it's fine.", "Do n't go ; they 'll see . I 'm here , it 's fine ."},
		{"We can't and won't; you cannot.", "We ca n't and wo n't ; you can not ."},
		{"The farmers' union", "The farmers ' union"},
		{"O'Neill arrived", "O'Neill arrived"},
		{"Radio 4's show in the 1990's; '4 sale'", "Radio 4 's show in the 1990 's ; ' 4 sale '"},
		{"The U.S. and Mr. Smith met Gen. Doe.", "The U.S. and Mr. Smith met Gen. Doe ."},
		{"It cost $1,250.50 or 3.5% more.", "It cost $ 1,250.50 or 3.5 % more ."},
		{"At 10:30 a.m. sharp", "At 10:30 a.m. sharp"},
		{"Mail info@example.org or visit https://example.org/a?b=c.", "Mail info@example.org or visit https://example.org/a?b=c ."},
		{"Thanks @some_user #GoodNews!", "Thanks @some_user #GoodNews !"},
		{"a seven-month-old child", "a seven - month - old child"},
		{"an e-mail and a non-profit co-founder", "an e-mail and a non-profit co-founder"},
		{"(see below) [note]", "( see below ) [ note ]"},
		{"He said: \"Go.\"", "He said : \" Go . \""},
		{"Wait... what?!", "Wait ... what ?!"},
		{"and/or AT&T", "and / or AT&T"},
		{"word—word – word", "word — word – word"},
		{"No. 10 and no one", "No. 10 and no one"},
		{"gonna win", "gon na win"},
		{"x\u00a0y\u200bz", "x y z"},
	}
	for _, c := range cases {
		got := texts(Tokenize(c.in, 0, len(c.in), nil))
		if got != c.want {
			t.Errorf("Tokenize(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestNorm(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Lopez’s ‘deal’ and “talks”", "Lopez 's ' deal ' and \" talks \""},
		{"f*** off", "fuck off"},
		{"F**k off", "Fuck off"},
		{"the f***ing thing", "the fucking thing"},
		{"s**t", "shit"},
		{"sh*t", "shit"},
		{"q**z", "qxxz"},
		{"end — start – mid…", "end -- start - mid ..."},
		{"didn’t", "did n't"},
	}
	for _, c := range cases {
		got := norms(Tokenize(c.in, 0, len(c.in), nil))
		if got != c.want {
			t.Errorf("Norm(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if s := "plain"; Norm(s) != s {
		t.Error("Norm changed a plain word")
	}
}

func split(text string) []string {
	d := &doc.Doc{Text: text, Blocks: []doc.Block{{Start: 0, End: len(text)}}}
	Split(d)
	var out []string
	for _, s := range d.Sentences {
		out = append(out, d.SentenceText(&s))
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"One sentence. Two sentences.", []string{"One sentence.", "Two sentences."}},
		{"Mr. Smith met Dr. Jones. They talked.", []string{"Mr. Smith met Dr. Jones.", "They talked."}},
		{"Gen. Doe spoke on Jan. 5 in Washington.", []string{"Gen. Doe spoke on Jan. 5 in Washington."}},
		{"He moved to the U.S. The move was hard.", []string{"He moved to the U.S.", "The move was hard."}},
		{"The U.S. Senate voted.", []string{"The U.S. Senate voted."}},
		{"He said: \"Go.\" Then he left.", []string{"He said: \"Go.\"", "Then he left."}},
		{"\"Stop!\" he shouted.", []string{"\"Stop!\" he shouted."}},
		{"She asked, “Why?” and left.", []string{"She asked, “Why?” and left."}},
		{"“It is over.” The crowd cheered.", []string{"“It is over.”", "The crowd cheered."}},
		{"Prices rose 2.5 percent. No. 3 was next.", []string{"Prices rose 2.5 percent.", "No. 3 was next."}},
		{"Apple Inc. is big. J. R. Doe agreed.", []string{"Apple Inc. is big.", "J. R. Doe agreed."}},
		{"He left (for good.) Then rain.", []string{"He left (for good.)", "Then rain."}},
		{"Results came in... Then silence.", []string{"Results came in...", "Then silence."}},
		{"It rose in 2020. 2021 was worse.", []string{"It rose in 2020.", "2021 was worse."}},
		{"It came from Example.org. Zenith denied it.", []string{"It came from Example.org.", "Zenith denied it."}},
		{"He has a Ph.D. in law and works at 10 a.m. daily.", []string{"He has a Ph.D. in law and works at 10 a.m. daily."}},
	}
	for _, c := range cases {
		if got := split(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("split(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestBlocksAndKinds(t *testing.T) {
	text := "A Headline\n\nBody one. Body two.\n\nA bullet"
	d := &doc.Doc{Text: text, Blocks: []doc.Block{
		{Start: 0, End: 10, Kind: doc.Headline}, {Start: 12, End: 31, Kind: doc.Body}, {Start: 33, End: 41, Kind: doc.Bullet},
	}}
	Split(d)
	var got []string
	for i, s := range d.Sentences {
		if s.Index != i {
			t.Errorf("index %d != %d", s.Index, i)
		}
		got = append(got, s.Kind.String()+":"+d.SentenceText(&s))
	}
	want := []string{"headline:A Headline", "body:Body one.", "body:Body two.", "bullet:A bullet"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q", got)
	}
}

func TestCap(t *testing.T) {
	text := strings.Repeat("word ", 20000)
	d := &doc.Doc{Text: text, Blocks: []doc.Block{{Start: 0, End: len(text)}}}
	Splitter{MaxTokens: 300}.Split(d)
	if len(d.Sentences) != 67 || len(d.Sentences[0].Tokens) != 300 {
		t.Errorf("%d sentences, first %d tokens", len(d.Sentences), len(d.Sentences[0].Tokens))
	}
	checkDoc(t, d)
}

// BenchmarkLongSentence splits one sentence of 5,000 to 80,000 words: the time per word
// (ns/word) stays flat when splitting is linear.
func BenchmarkLongSentence(b *testing.B) {
	for _, n := range []int{5000, 20000, 80000} {
		text := strings.Repeat("the mayor said that ", n/4) + "."
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				d := &doc.Doc{Text: text, Blocks: []doc.Block{{Start: 0, End: len(text)}}}
				Split(d)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/word")
		})
	}
}

// checkDoc asserts the invariants of a split document.
func checkDoc(t *testing.T, d *doc.Doc) {
	t.Helper()
	last := 0
	for i, s := range d.Sentences {
		if s.Index != i || s.Start < last || s.End < s.Start || s.End > len(d.Text) || len(s.Tokens) == 0 {
			t.Fatalf("bad sentence %d: %+v", i, s)
		}
		if s.Start != s.Tokens[0].Start || s.End != s.Tokens[len(s.Tokens)-1].End {
			t.Fatalf("sentence %d bounds differ from its tokens", i)
		}
		for _, tok := range s.Tokens {
			if tok.Start < last || tok.End <= tok.Start || tok.End > len(d.Text) {
				t.Fatalf("bad token %+v (last %d)", tok, last)
			}
			if d.Text[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token %q != text %q", tok.Text, d.Text[tok.Start:tok.End])
			}
			if strings.ContainsAny(tok.Norm, " \u00a0\u200b") || tok.Norm == "" {
				t.Fatalf("bad norm %q", tok.Norm)
			}
			last = tok.End
		}
	}
}

// TestOffsetsToSource checks that word tokens map back to the same bytes of the original text
// through the prepared document's offset map, for every format.
func TestOffsetsToSource(t *testing.T) {
	for _, f := range []struct {
		name string
		fmt  input.Format
	}{{"article.txt", input.Text}, {"article.md", input.Markdown}, {"article.html", input.HTML}} {
		data, err := os.ReadFile(filepath.Join("testdata", f.name))
		if err != nil {
			t.Fatal(err)
		}
		src := string(data)
		d := prepare.Prepare(input.Article{Text: src, Format: f.fmt})
		Split(d)
		checkDoc(t, d)
		words := 0
		for _, s := range d.Sentences {
			for _, tok := range s.Tokens {
				if !isWordRune(firstRune(tok.Text)) {
					continue
				}
				a, b := d.Offsets.Source(tok.Start), d.Offsets.Source(tok.End-1)+1
				if shiftInside(d.Offsets, tok.Start, tok.End) || strings.Contains(src[a:min(len(src), a+len(tok.Text)+8)], "&") {
					continue // an entity inside the word: only its start maps exactly
				}
				words++
				a, b = d.Offsets.Source(tok.Start), d.Offsets.Source(tok.End-1)+1
				if a < 0 || b > len(src) || src[a:b] != tok.Text {
					t.Errorf("%s: token %q maps to %q", f.name, tok.Text, src[max(0, a):min(len(src), max(a, b))])
				}
			}
		}
		if words < 20 {
			t.Errorf("%s: only %d words", f.name, words)
		}
	}
}

func TestDeterministic(t *testing.T) {
	data, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	a := prepare.Prepare(input.Article{Text: string(data), Format: input.HTML})
	b := prepare.Prepare(input.Article{Text: string(data), Format: input.HTML})
	Split(a)
	Split(b)
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs differ")
	}
}

// TestSeeds runs input, preparation and splitting over the seed articles of the repository.
func TestSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no seeds folder")
	}
	n := 0
	errs, err := input.Read(context.Background(), []string{dir}, func(a input.Article) error {
		n++
		d := prepare.Prepare(a)
		Split(d)
		checkDoc(t, d)
		kinds := map[doc.Kind]int{}
		for _, s := range d.Sentences {
			kinds[s.Kind]++
			if len(s.Tokens) > 120 {
				t.Errorf("%s: sentence of %d tokens: %q", a.ID, len(s.Tokens), d.SentenceText(&s))
			}
		}
		words := len(strings.Fields(a.Text))
		if len(d.Sentences) < words/40 || len(d.Sentences) > words/8 {
			t.Errorf("%s: %d sentences for %d words", a.ID, len(d.Sentences), words)
		}
		// An article that starts with a short line and a blank line has that line as headline.
		first, rest, _ := strings.Cut(strings.TrimLeft(a.Text, "\n"), "\n")
		if strings.HasPrefix(rest, "\n") && len(strings.Fields(first)) < 15 {
			if d.Title == "" || kinds[doc.Headline] == 0 {
				t.Errorf("%s: no headline (first line %q)", a.ID, first)
			}
		}
		// Lines starting with a bullet character are bullets.
		bullets := strings.Count(a.Text, "\n  •")
		if kinds[doc.Bullet] < bullets {
			t.Errorf("%s: %d bullet sentences for %d bullet lines", a.ID, kinds[doc.Bullet], bullets)
		}
		t.Logf("%s: %d words, %d sentences, kinds %v, title %q", a.ID, words, len(d.Sentences), kinds, d.Title)
		return nil
	})
	if err != nil || len(errs) != 0 || n == 0 {
		t.Errorf("read seeds: %v %v (%d articles)", err, errs, n)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"Mr. Smith's \"plan.\" Then: don't!", "f***ing U.S.-based e-mail@x.org https://a.b/c).",
		"‘quoted’ “text” — with… dashes", "1,000.5 10:30 $5 #tag @user", "a\u00a0b\u200bc\u00adD",
		strings.Repeat("x. ", 50), "''\"\"((]]", "\xff\xfe bad utf8 \xc3",
	} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, text string, kind uint8) {
		for _, fm := range []input.Format{input.Text, input.Format(kind % 3)} {
			d := prepare.Prepare(input.Article{Text: text, Format: fm})
			Splitter{MaxTokens: 1 + int(kind)%40}.Split(d)
			checkDoc(t, d)
		}
		d := &doc.Doc{Text: text, Blocks: []doc.Block{{Start: 0, End: len(text)}}}
		Split(d)
		checkDoc(t, d)
	})
}

func BenchmarkSplit(b *testing.B) {
	var arts []input.Article
	dir := filepath.Join("..", "..", "seeds")
	if _, err := input.Read(context.Background(), []string{dir, "testdata"}, func(a input.Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil || len(arts) == 0 {
		b.Skip("no articles")
	}
	words := 0
	for _, a := range arts {
		words += len(strings.Fields(a.Text))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			d := prepare.Prepare(a)
			Split(d)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func shiftInside(m doc.OffsetMap, s, e int) bool {
	for _, sh := range m {
		if sh.Text > s && sh.Text < e {
			return true
		}
	}
	return false
}

// BenchmarkBBC measures preparation and splitting over the BBC corpus of the development data
// (skipped when absent).
func BenchmarkBBC(b *testing.B) {
	var arts []input.Article
	words := 0
	for _, t := range shared.BBC(b) {
		arts = append(arts, input.Article{Text: t})
		words += len(strings.Fields(t))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			Split(prepare.Prepare(a))
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
