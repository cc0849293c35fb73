package lang

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/prepare"
	"github.com/newsgraph/newsgraph/internal/shared"
)

func prepared(t *testing.T, text string) error {
	t.Helper()
	return Check(prepare.Prepare(input.Article{Text: text}))
}

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		file string
		want string // "" for English; else in the error
	}{
		{"en.txt", ""},
		{"mixed.txt", ""},
		{"fr.txt", "looks like French"},
		{"de.txt", "looks like German"},
		{"es.txt", "looks like Spanish"},
		{"ru.txt", "Cyrillic script"},
		{"zh.txt", "Han script"},
	} {
		b, err := os.ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			t.Fatal(err)
		}
		err = prepared(t, string(b))
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v, want English", c.file, err)
		case c.want != "" && (!errors.Is(err, ErrNotEnglish) || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: %v, want %q", c.file, err, c.want)
		}
	}
}

func TestShortTextsPass(t *testing.T) {
	for _, s := range []string{
		"",
		"Le maire a signé.",                    // too short to tell
		"Acme Shipping: Port Elin deal signed", // a headline
		"Мэр подписал соглашение.",               // under the script minimum
		strings.Repeat("1234 5678 -- ", 100),     // no letters
		"Maria Lopez, Tomás Varga, Zoë Ångström", // names only
	} {
		if err := prepared(t, s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
}

// TestSeedsAreEnglish checks the sample articles, which must never be taken for another language.
func TestSeedsAreEnglish(t *testing.T) {
	files, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := prepared(t, string(b)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestBBCIsEnglish checks that no article of the BBC corpus of the development data (1,891 English
// news articles) is taken for another language: skipping English news would lose facts.
func TestBBCIsEnglish(t *testing.T) {
	texts := shared.BBC(t)
	for i, text := range texts {
		if err := prepared(t, text); err != nil {
			t.Errorf("article %d: %v", i+1, err)
		}
	}
	if len(texts) < 1000 {
		t.Errorf("only %d BBC articles", len(texts))
	}
}

// TestFastPath checks that the English-word shortcut takes English samples, leaves the others
// to whatlanggo, and decides as whatlanggo alone does on the test files, the seeds and an eighth of
// the BBC corpus of the development data (when present).
func TestFastPath(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	seeds, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var samples []string
	for _, f := range append(files, seeds...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sample := Sample(prepare.Prepare(input.Article{Text: string(b)}))
		english := strings.HasPrefix(filepath.Base(f), "en") || strings.HasPrefix(filepath.Base(f), "mixed") || !strings.Contains(f, "testdata")
		if share := englishShare(sample); english != (share >= minEnglishShare) {
			t.Errorf("%s: English words %.1f%% of the words", f, 100*share)
		}
		samples = append(samples, sample)
	}
	if _, err := shared.Path("corpus", "bbc"); err == nil {
		for i, text := range shared.BBC(t) {
			if i%8 == 0 { // every eighth article: whatlanggo is slow under the race detector
				samples = append(samples, Sample(prepare.Prepare(input.Article{Text: text})))
			}
		}
	}
	for i, s := range samples {
		if fast, slow := check(s, true), check(s, false); (fast == nil) != (slow == nil) {
			t.Errorf("sample %d (%.40q): with the shortcut %v, without %v", i, s, fast, slow)
		}
	}
}

func TestSampleBounded(t *testing.T) {
	d := prepare.Prepare(input.Article{Text: strings.Repeat("Une phrase en français, assez longue pour compter. ", 10000) + "é"})
	if s := Sample(d); len(s) > sampleBytes || !strings.HasPrefix(s, "Une phrase") {
		t.Errorf("sample of %d bytes", len(s))
	}
}

func BenchmarkCheck(b *testing.B) {
	text, err := os.ReadFile("testdata/en.txt")
	if err != nil {
		b.Fatal(err)
	}
	d := prepare.Prepare(input.Article{Text: strings.Repeat(string(text)+"\n\n", 20)})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Check(d); err != nil {
			b.Fatal(err)
		}
	}
}
