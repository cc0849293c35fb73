package tag

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/internal/shared"
)

func toks(words ...string) []doc.Token {
	out := make([]doc.Token, len(words))
	for i, w := range words {
		out[i].Text = w
	}
	return out
}

func TestTagOddInput(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	long := make([]string, 5000)
	for i := range long {
		long[i] = []string{"the", "Cat", ",", "1999", "runs"}[i%5]
	}
	tests := []struct {
		name  string
		words []string
	}{
		{"empty", nil},
		{"one", []string{"Hello"}},
		{"blank", []string{""}},
		{"odd characters", []string{"\x00", "\xff\xfe", "👍🏽", "ǅemal", "İstanbul", "---", "ĳ", "\u200b"}},
		{"long", long},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := toks(tt.words...)
			m.Tag(ts)
			for i, tk := range ts {
				if tk.Tag == "" {
					t.Errorf("token %d %q: no tag", i, tk.Text)
				}
			}
		})
	}
}

func TestTagNormAndDeterminism(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ts := toks("The", "companies", "were", "buying", "shares", "yesterday", ".")
	ts[1].Norm = "companies"
	m.Tag(ts)
	want := []string{"DT", "NNS", "VBD", "VBG", "NNS", "NN", "."}
	wantLemma := []string{"the", "company", "be", "buy", "share", "yesterday", "."}
	for i, tk := range ts {
		if tk.Tag != want[i] || tk.Lemma != wantLemma[i] {
			t.Errorf("token %d %q: got %s/%s, want %s/%s", i, tk.Text, tk.Tag, tk.Lemma, want[i], wantLemma[i])
		}
	}
	// Concurrent tagging gives the same output every time.
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 20; r++ {
				c := toks("The", "companies", "were", "buying", "shares", "yesterday", ".")
				m.Tag(c)
				for i := range c {
					if c[i].Tag != ts[i].Tag || c[i].Lemma != ts[i].Lemma {
						errs <- fmt.Sprintf("token %d: %s/%s then %s/%s", i, ts[i].Tag, ts[i].Lemma, c[i].Tag, c[i].Lemma)
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
	sents, err := ReadTreebank("testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(sents, TrainOptions{Epochs: 5})
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
	sc := Evaluate(m2, sents)
	if sc.XPOSAcc() < 90 || sc.LemmaAcc() < 90 {
		t.Errorf("tiny model on its own training data: XPOS %.1f%% lemma %.1f%%", sc.XPOSAcc(), sc.LemmaAcc())
	}
	if got := m2.Lemma("dogs", "NNS"); got != "dog" {
		t.Errorf("Lemma(dogs, NNS) = %q", got)
	}
	if _, err := Decode(b[:len(b)/2]); err == nil {
		t.Error("truncated model decoded without error")
	}
	if _, err := Train(nil, TrainOptions{}); err == nil {
		t.Error("training on nothing gave no error")
	}
}

func TestLemmaRules(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ word, tag, want string }{
		{"flurbing", "VBG", "flurb"},
		{"glorps", "NNS", "glorp"},
		{"went", "VBD", "go"},
		{"n't", "RB", "not"},
		{"better", "JJR", "good"},
		{"Paris", "NNP", "Paris"},
	}
	for _, tt := range tests {
		if got := m.Lemma(tt.word, tt.tag); got != tt.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", tt.word, tt.tag, got, tt.want)
		}
	}
}

// TestAccuracyEWT checks the embedded model's XPOS accuracy on UD English EWT test.
func TestAccuracyEWT(t *testing.T) {
	dir := shared.Require(t, "train", "ud-ewt")
	test, err := ReadTreebank(filepath.Join(dir, "en_ewt-ud-test.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sc := Evaluate(m, test)
	t.Logf("EWT test: XPOS %.2f%% lemma %.2f%% (%d words)", sc.XPOSAcc(), sc.LemmaAcc(), sc.Tokens)
	if sc.XPOSAcc() < 95 {
		t.Errorf("XPOS accuracy %.2f%% < 95%%", sc.XPOSAcc())
	}
}

func BenchmarkTag(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields("The central bank said on Tuesday that it would raise interest rates by half a point , " +
		"citing inflation that has stayed above its target for two years .")
	ts := toks(words...)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Tag(ts)
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

func TestUPOS(t *testing.T) {
	tests := []struct{ xpos, lemma, dep, want string }{
		{"NN", "dog", "", "NOUN"},
		{"VBZ", "be", "cop", "AUX"},
		{"VBD", "have", "aux", "AUX"},
		{"VBD", "have", "root", "VERB"},
		{"RB", "not", "advmod", "PART"},
		{"IN", "because", "mark", "SCONJ"},
		{"IN", "in", "case", "ADP"},
		{"DT", "that", "nsubj", "PRON"},
		{"???", "x", "", "X"},
	}
	for _, tt := range tests {
		if got := UPOS(tt.xpos, tt.lemma, tt.dep); got != tt.want {
			t.Errorf("UPOS(%s, %s, %s) = %s, want %s", tt.xpos, tt.lemma, tt.dep, got, tt.want)
		}
	}
	// On gold EWT dev annotations the table agrees with the treebank's UPOS almost always.
	dir := shared.Require(t, "train", "ud-ewt")
	dev, err := ReadTreebank(filepath.Join(dir, "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	n, ok := 0, 0
	for _, s := range dev {
		for _, w := range s.Words {
			n++
			if UPOS(w.XPOS, w.Lemma, w.Deprel) == w.UPOS {
				ok++
			}
		}
	}
	if acc := 100 * float64(ok) / float64(n); acc < 97 {
		t.Errorf("UPOS from gold XPOS, lemma and relation agrees on %.2f%% of EWT dev words, want ≥ 97%%", acc)
	} else {
		t.Logf("UPOS agreement on EWT dev (gold XPOS, lemma, relation): %.2f%%", acc)
	}
}

// TestJoinedPasses checks that scoring the two passes through one joined table (what Tag does)
// tags exactly as scoring each pass with its own weights, on EWT dev (or the test fixture when
// the development data is absent).
func TestJoinedPasses(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m.both == nil {
		t.Fatal("embedded model has no joined passes")
	}
	apart := m.with(m.w, m.w2)
	apart.both = nil
	path := filepath.Join("testdata", "tiny.conllu")
	if dir, err := shared.Path("train", "ud-ewt"); err == nil {
		path = filepath.Join(dir, "en_ewt-ud-dev.conllu")
	}
	sents, err := ReadTreebank(path)
	if err != nil {
		t.Fatal(err)
	}
	diff := 0
	for _, s := range sents {
		words := make([]string, len(s.Words))
		for i, w := range s.Words {
			words[i] = w.Form
		}
		if a, b := m.TagWords(words), apart.TagWords(words); strings.Join(a, " ") != strings.Join(b, " ") {
			diff++
			if diff <= 3 {
				t.Errorf("%q: joined %q, apart %q", words, a, b)
			}
		}
	}
	if diff > 0 {
		t.Errorf("%d of %d sentences tagged differently", diff, len(sents))
	}
}

// FuzzTag tags arbitrary words (the text split at spaces, so empty and odd words occur): every
// token gets a tag of the model, and tagging again gives the same tags and lemmas.
func FuzzTag(f *testing.F) {
	for _, s := range []string{"The cat sat on the mat .", "Maria Lopez 's CEO , Acme Inc. , said ``no''", "\x00 \xff\xfe 👍🏽  İstanbul ǅemal", "1,000.5 $ 5 % -- ... ?!"} {
		f.Add(s)
	}
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	tags := map[string]bool{}
	for _, t := range m.tags {
		tags[t] = true
	}
	f.Fuzz(func(t *testing.T, text string) {
		ts := toks(strings.Split(text, " ")...)
		m.Tag(ts)
		again := toks(strings.Split(text, " ")...)
		m.Tag(again)
		for i, tk := range ts {
			if !tags[tk.Tag] {
				t.Fatalf("token %d %q: tag %q not in the model", i, tk.Text, tk.Tag)
			}
			if tk.Tag != again[i].Tag || tk.Lemma != again[i].Lemma {
				t.Fatalf("token %d %q: %s/%s, then %s/%s", i, tk.Text, tk.Tag, tk.Lemma, again[i].Tag, again[i].Lemma)
			}
		}
	})
}

// TestRegularStem checks the spelling check of regular verb lemmas the suffix rules give.
func TestRegularStem(t *testing.T) {
	tests := []struct{ base, rule, want string }{
		{"absorbed", "absor", "absorb"}, // a rule learned from "robbed"
		{"swimming", "swimm", "swim"},   // a doubled consonant no verb ends in
		{"stopped", "stop", "stop"},     // undoubled by the rule: kept
		{"described", "describe", "describe"},
		{"carried", "carry", "carry"},
		{"adding", "add", "add"},    // a short stem keeps its double
		{"calling", "call", "call"}, // l is no doubling consonant
		{"walks", "walk", "walk"},   // not -ed or -ing: the rule's lemma
		{"planned", "plann", "plan"},
		{"misled", "mislead", "mislead"},      // an irregular past the rules know
		{"squabbling", "squabbl", "squabble"}, // consonant and l take an e
		{"handled", "handl", "handle"},
		{"hoped", "hop", "hope"}, // one syllable in CVC, not doubled: the e was dropped
		{"voting", "vot", "vote"},
		{"visited", "visit", "visit"}, // two syllables do not double
		{"contemplating", "contemplat", "contemplate"},
		{"floated", "floate", "float"}, // two vowels and t: no e
		{"praised", "praise", "praise"},
		{"created", "create", "create"}, // "ea" of two syllables
		{"negotiated", "negotiate", "negotiate"},
		{"associated", "associat", "associate"},
		{"included", "includ", "include"},
		{"applauded", "applaud", "applaud"},
		{"defeated", "defeat", "defeat"},
		{"fixed", "fix", "fix"},
		{"played", "play", "play"},
	}
	for _, tt := range tests {
		if got := regularStem(tt.base, tt.rule); got != tt.want {
			t.Errorf("regularStem(%q, %q) = %q, want %q", tt.base, tt.rule, got, tt.want)
		}
	}
}

// TestPastTwinLemma checks that irregular past forms spelt alike as past tense and participle get
// one lemma under both tags.
func TestPastTwinLemma(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]string{"won": "win", "held": "hold", "told": "tell", "sold": "sell", "made": "make"} {
		for _, tg := range []string{"VBD", "VBN"} {
			if got := m.Lemma(w, tg); got != want {
				t.Errorf("Lemma(%q, %s) = %q, want %q", w, tg, got, want)
			}
		}
	}
}

// TestHyphenedNameIsNoVerb checks that a lower-case prefix hyphened to a capitalised word is
// never tagged as a verb, which the model alone does with the "-ing" of "pro-Zending".
func TestHyphenedNameIsNoVerb(t *testing.T) {
	for _, w := range []string{"pro-Zenda", "anti-Ruritania", "mid-March", "non-EU", "ex-Acme"} {
		if !cannotBeVerb(w) {
			t.Errorf("cannotBeVerb(%q) = false", w)
		}
	}
	for _, w := range []string{"re-elected", "Pro-Zenda", "-Zenda", "pro-", "well-known", "X-ray"} {
		if cannotBeVerb(w) {
			t.Errorf("cannotBeVerb(%q) = true", w)
		}
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, words := range [][]string{
		strings.Fields("In the west , pro-Zending councillors Ada Moss and Tom Holm were elected ."),
		strings.Fields("The pro-Ruritania camp won ."),
	} {
		for i, tg := range m.TagWords(words) {
			if strings.HasPrefix(words[i], "pro-") && strings.HasPrefix(tg, "VB") {
				t.Errorf("%q tagged %s in %q", words[i], tg, words)
			}
		}
	}
}
