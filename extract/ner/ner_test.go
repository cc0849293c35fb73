package ner

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/internal/shared"
)

func TestReadIOB(t *testing.T) {
	got, err := ReadIOBFile(filepath.Join("testdata", "small.iob2"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Words: strings.Fields("Anna Berg met the Acme Widget Company in Oslo ."),
			Tags: strings.Fields("B-PER I-PER O O B-ORG I-ORG I-ORG O B-LOC O")},
		{Words: strings.Fields("Danish fans cheered . Lima"),
			Tags: strings.Fields("O O O O B-LOC")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadIOB = %+v\nwant %+v", got, want)
	}
}

func TestReadIOBErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"badtag", "1\tHello\tO\n\n1\tworld\tX-PER\n", "badtag:3: bad IOB2 tag"},
		{"fields", "1\tHello\n", "fields:1: want at least 3"},
		{"emptyword", "1\t\tO\n", "emptyword:1: empty word"},
	}
	for _, tt := range tests {
		_, err := ReadIOB(strings.NewReader(tt.in), tt.name)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
	if _, err := ReadIOBFile(filepath.Join("testdata", "bad.iob2")); err == nil || !strings.Contains(err.Error(), "bad.iob2:3") {
		t.Errorf("bad.iob2: error %v, want one naming file and line 3", err)
	}
	if _, err := ReadIOBFile(filepath.Join("testdata", "missing.iob2")); err == nil {
		t.Error("missing file: no error")
	}
}

func TestChunksAndSpans(t *testing.T) {
	tests := []struct {
		tags []string
		want []Span
	}{
		{strings.Fields("B-PERSON I-PERSON O B-GPE"), []Span{{0, 2, "PERSON"}, {3, 4, "GPE"}}},
		{strings.Fields("I-ORG I-ORG B-ORG"), []Span{{0, 2, "ORG"}, {2, 3, "ORG"}}},
		{strings.Fields("B-LOC I-GPE O"), []Span{{0, 1, "LOC"}, {1, 2, "GPE"}}},
		{strings.Fields("O O"), nil},
		{[]string{"", "X", "B-"}, nil},
	}
	for _, tt := range tests {
		toks := make([]doc.Token, len(tt.tags))
		for i, tg := range tt.tags {
			toks[i].Ent = tg
		}
		if got := Spans(toks); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Spans(%q) = %v, want %v", tt.tags, got, tt.want)
		}
	}
}

func TestScores(t *testing.T) {
	var s Scores
	s.Add(strings.Fields("B-PER I-PER O B-LOC"), strings.Fields("B-PER I-PER O B-ORG"))
	s.Add(strings.Fields("B-ORG O"), strings.Fields("B-ORG O"))
	if s.Overall != (Counts{Gold: 3, Pred: 3, Correct: 2}) {
		t.Errorf("overall %+v", s.Overall)
	}
	if c := s.ByLabel["ORG"]; c != (Counts{Gold: 1, Pred: 2, Correct: 1}) {
		t.Errorf("ORG %+v", c)
	}
	if f := (Counts{Gold: 4, Pred: 2, Correct: 2}).F1(); f < 0.666 || f > 0.667 {
		t.Errorf("F1 = %v", f)
	}
}

// tokens splits text on spaces into tokens with Norm set.
func tokens(text string) []doc.Token {
	var toks []doc.Token
	for _, w := range strings.Fields(text) {
		toks = append(toks, doc.Token{Text: w, Norm: w, Head: -1})
	}
	return toks
}

func ents(toks []doc.Token) string {
	var b strings.Builder
	for _, s := range Spans(toks) {
		var ws []string
		for _, t := range toks[s.Start:s.End] {
			ws = append(ws, t.Text)
		}
		fmt.Fprintf(&b, "[%s %s]", s.Label, strings.Join(ws, " "))
	}
	return b.String()
}

func TestRecognizeRules(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"Polish President Anna Berg spoke in London on Tuesday .", "[NORP Polish][PERSON Anna Berg][GPE London][DATE Tuesday]"},
		{"The United Nations and NATO met in Geneva .", "[ORG United Nations][ORG NATO][GPE Geneva]"},
		{"Shares rose 60 percent to $ 44 billion on October 3 , 2022 .", "[PERCENT 60 percent][MONEY $ 44 billion][DATE October 3 , 2022]"},
		{"Romanians protested near the Black Sea .", "[NORP Romanians][LOC Black Sea]"},
		// Political parties by their short names, member nouns and adjectives.
		{"The Tories and Lib Dems attacked Labour on Tuesday .", "[ORG Tories][ORG Lib Dems][ORG Labour][DATE Tuesday]"},
		{"Former Conservative leader Anna Berg met the Labour party chairman .", "[ORG Conservative][PERSON Anna Berg][ORG Labour party]"},
		{"Members of the Harbor Democrats resigned .", "[ORG Harbor Democrats]"},
		// Organisations named by a head noun, "X of Y", or "X & Y"; "and" between two names
		// that are entities of their own stays a conjunction.
		{"Shares fell on the Zenda Stock Exchange .", "[ORG Zenda Stock Exchange]"},
		{"An analyst at Zenoria Securities agreed .", "[ORG Zenoria Securities]"},
		{"A probe by the US Securities and Investments Commission began .", "[ORG US Securities and Investments Commission]"},
		{"He ran the Bank of Ruritania for years .", "[ORG Bank of Ruritania]"},
		{"Shoppers like Quill & Barlow a lot .", "[ORG Quill & Barlow]"},
		{"Spain and Portugal signed the deal .", "[GPE Spain][GPE Portugal]"},
		{"She told the Morning Telegraph so .", "[ORG Morning Telegraph]"},
		{"Officials at the Treasury and in Parliament disagreed .", "[ORG Treasury][ORG Parliament]"},
		{"Call Customer Service or Astrology & Palmistry now .", ""},
		// The proper nouns before a spokesman (several words or an acronym) or before a noun
		// for a kind of organisation name an organisation.
		{"An Operation Zenith spokesman said so .", "[ORG Operation Zenith]"},
		{"He met an Operation Quill Fund spokesman .", "[ORG Operation Quill Fund]"},
		{"It bought the software firm Quillbury last year .", "[ORG Quillbury]"},
		{"A ZRC spokesman said so .", "[ORG ZRC]"},
		{"According to Zenoria news agency , it rained .", "[ORG Zenoria]"},
		// A one-word place the gazetteers do not know is most often a town.
		{"She grew up in Zendaville , near the Black Sea .", "[GPE Zendaville][LOC Black Sea]"},
		// The odd item of a list of places is a place too.
		{"He visits London , Paris , Berlin , Zendaville and Quorbury .", "[GPE London][GPE Paris][GPE Berlin][GPE Zendaville][GPE Quorbury]"},
		// Clubs and companies named after their home.
		{"He left for Oslo Life last year .", "[ORG Oslo Life]"},
		{"He left for Oslo 's harbour .", "[GPE Oslo]"},
		{"He joined AC Lima last year .", "[ORG AC Lima]"},
		// A form of address is part of the person's name ("Mr X" is one mention); titles that
		// name a role stay out of it.
		{"Mr Pembleton said the plan would fail .", "[PERSON Mr Pembleton]"},
		{"But Ms Okonkwo - Baines had resigned .", "[PERSON Ms Okonkwo - Baines]"},
		{"Sir Rupert Quayle surprised everyone .", "[PERSON Sir Rupert Quayle]"},
		{"Critics included Lord Thrumble and Dr Varga .", "[PERSON Lord Thrumble][PERSON Dr Varga]"},
		{"Senator Anna Berg met Gen. Tomas Holm .", "[PERSON Anna Berg][PERSON Tomas Holm]"},
		{"President Anna Berg thanked Mrs. Holm .", "[PERSON Anna Berg][PERSON Mrs. Holm]"},
		{"Anna Berg - Holm won , and Mr Tomas Holm - led talks failed .", "[PERSON Anna Berg - Holm][PERSON Mr Tomas Holm]"},
		{"Dr Chan Tai - kwok spoke .", "[PERSON Dr Chan Tai - kwok]"},
		{"Voters chose Leung Ming - kin over Anna Berg - led rivals .", "[PERSON Leung Ming - kin][PERSON Anna Berg]"},
	}
	for _, tt := range tests {
		toks := tokens(tt.in)
		m.Recognize(toks)
		if got := ents(toks); got != tt.want {
			t.Errorf("Recognize(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestRecognizeOddInput(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	odd := [][]doc.Token{
		nil,
		{},
		{{}},
		{{Text: "\x00\xff\xfe"}},
		{{Text: strings.Repeat("A", 10000)}},
		{{Norm: "I-"}, {Text: "B-"}, {Text: "%"}, {Text: "$"}},
		{{Text: "May"}}, {{Text: "$"}, {Text: "1"}}, {{Text: "the"}, {Text: "Mr."}},
		{{Text: "ÉCOLE"}, {Text: "Ünïcödé", Tag: "NNP"}, {Text: "😀"}, {Text: "\u200b"}},
		tokens(strings.Repeat("President Mr. the U.S. October 5 , ", 200)),
	}
	for i, toks := range odd {
		m.Recognize(toks)
		for _, tk := range toks {
			if tk.Ent == "" {
				t.Errorf("case %d: token %q left without a label", i, tk.Text)
			}
		}
	}
	var nilModel *Model
	nilModel.Recognize(tokens("a b")) // must not panic
}

func TestRecognizeDeterministicConcurrent(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Former Acme chief executive John Smith told the Zenda Herald in Paris that the European Union would fine the company $ 5 million ."
	ref := tokens(text)
	m.Recognize(ref)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				toks := tokens(text)
				m.Recognize(toks)
				for i := range toks {
					if toks[i].Ent != ref[i].Ent {
						t.Errorf("run differs at %d: %s vs %s", i, toks[i].Ent, ref[i].Ent)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

func TestModelRoundTrip(t *testing.T) {
	train, err := ReadIOBFile(filepath.Join("testdata", "small.iob2"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(train, nil, TrainOptions{Epochs: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	q, err := Decode([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range train {
		if got, want := q.TagWords(s.Words), m.TagWords(s.Words); !slices.Equal(got, want) {
			t.Errorf("decoded model tags %q, trained %q", got, want)
		}
	}
	for _, bad := range []string{"", "NGNER1\n", "junk", b.String()[:len(b.String())-1]} {
		if _, err := Decode([]byte(bad)); err == nil {
			t.Errorf("Decode(%d bytes of junk): no error", len(bad))
		}
	}
}

// TestAccuracyUNER checks the embedded model on UniversalNER English EWT test (the statistical
// model alone, no part-of-speech tags, UniversalNER labels).
func TestAccuracyUNER(t *testing.T) {
	p := shared.Require(t, "train", "uner-ewt", "en_ewt-ud-test.iob2")
	test, err := ReadIOBFile(p)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := Evaluate(m, test)
	for l, c := range s.ByLabel {
		t.Logf("test %s: P %.4f R %.4f F1 %.4f", l, c.Precision(), c.Recall(), c.F1())
	}
	t.Logf("test overall: P %.4f R %.4f F1 %.4f", s.Overall.Precision(), s.Overall.Recall(), s.Overall.F1())
	if f := s.Overall.F1(); f < minTestF1 {
		t.Errorf("UNER EWT test F1 %.4f < %.2f", f, minTestF1)
	}
}

func BenchmarkRecognize(b *testing.B) {
	p, err := shared.Path("train", "uner-ewt", "en_ewt-ud-dev.iob2")
	var sents [][]doc.Token
	words := 0
	if err == nil {
		dev, err := ReadIOBFile(p)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range dev {
			sents = append(sents, tokens(strings.Join(s.Words, " ")))
			words += len(s.Words)
		}
	} else {
		sents = [][]doc.Token{tokens("Polish President Anna Berg told the United Nations in Geneva on Tuesday that Acme Corp. lost $ 5 million .")}
		words = len(sents[0])
	}
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			m.Recognize(s)
		}
	}
	b.ReportMetric(float64(b.N*words)/b.Elapsed().Seconds(), "words/s")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Decode(modelBin); err != nil {
			b.Fatal(err)
		}
	}
}

// minTestF1 is the entity F1 the embedded model must reach on UNER EWT test.
const minTestF1 = 0.73 // measured 0.738 without tags, 0.753 with extract/tag's tags; target 0.75

// TestGivenNames checks the rule that takes a capitalised word the model left out into the
// one-word person name after it, on hand-labelled words.
func TestGivenNames(t *testing.T) {
	tests := []struct {
		words     string
		person    int // the token labelled PERSON by the model
		wantStart int // where the person's span starts after the rule
	}{
		{"The party 's Merry Quill was elected .", 4, 3},
		{"Yesterday Quill was elected .", 1, 1},              // the sentence's first word
		{"The party 's President Quill was elected .", 4, 4}, // a title the gazetteers know
		{"The party 's French Quill was elected .", 4, 4},    // a nationality
		{"The party 's NATO Quill was elected .", 4, 4},      // an acronym
	}
	for _, tt := range tests {
		words := strings.Fields(tt.words)
		labels, begins := make([]string, len(words)), make([]bool, len(words))
		labels[tt.person], begins[tt.person] = Person, true
		givenNames(words, labels, begins)
		start := tt.person
		for start > 0 && labels[start-1] == Person && !begins[start] {
			start--
		}
		if start != tt.wantStart || !begins[start] {
			t.Errorf("%q: person starts at %d (labels %q), want %d", tt.words, start, labels, tt.wantStart)
		}
	}
}

// TestTypeSpan checks how a statistical span becomes newsgraph's labels: a person's name loses
// the titles and nationalities before it, an organisation's name keeps them ("General Acme",
// "Polish Zenith Rail"), and a form of address makes a person of what the model called an
// organisation.
func TestTypeSpan(t *testing.T) {
	m := &Model{}
	tests := []struct {
		words, raw string
		want       []string // label per word, "" outside
	}{
		{"Polish President Ada Moss", "PER", []string{NORP, "", Person, Person}},
		{"General Acme", "ORG", []string{Org, Org}},
		{"Polish Zenith Rail", "ORG", []string{Org, Org, Org}},
		{"Mr Holm", "ORG", []string{Person, Person}},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.words)
		labels, begins := make([]string, len(words)), make([]bool, len(words))
		m.typeSpan(words, labels, begins, 0, len(words), tt.raw)
		if !slices.Equal(labels, tt.want) {
			t.Errorf("%q as %s: labels %q, want %q", tt.words, tt.raw, labels, tt.want)
		}
	}
}

// TestAverage checks that averaging models gives each feature the mean of its weights, a
// feature one model lacks counting as zero there, and the mean of the transition weights.
func TestAverage(t *testing.T) {
	var r1, r2, r3 [nLabels]float32
	r1[0], r2[0], r3[1] = 1, 3, 4
	tr1, tr2 := make([]float32, (nLabels+1)*nLabels), make([]float32, (nLabels+1)*nLabels)
	tr1[0], tr2[0] = 2, 4
	a := newModel(newWeights([]uint64{7}, [][nLabels]float32{r1}, tr1), nil)
	b := newModel(newWeights([]uint64{7, 9}, [][nLabels]float32{r2, r3}, tr2), nil)
	m := Average(a, b)
	if got := m.w.row(7); got == nil || got[0] != 2 {
		t.Errorf("feature 7: %v, want 2 for label 0", got)
	}
	if got := m.w.row(9); got == nil || got[1] != 2 {
		t.Errorf("feature 9: %v, want 2 for label 1", got)
	}
	if m.w.trans[0] != 3 {
		t.Errorf("transition 0: %v, want 3", m.w.trans[0])
	}
}
