package extract

import (
	"reflect"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/prepare"
	"github.com/newsgraph/newsgraph/schema"
)

// TestStagesWriteTheirFields checks that each linguistic stage writes only the doc.Token fields
// its package comment declares, as spaCy checks what a component "assigns": the tagger Tag and
// Lemma, the parser Head and Dep, the recogniser (and its document-level harmonisation) Ent.
func TestStagesWriteTheirFields(t *testing.T) {
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Acme Corp chief executive Maria Lopez praised Zenith Industries on Monday.\n\n" +
		"“We will build a new plant in Harbor City,” Lopez told reporters.\n"
	d := prepare.Prepare(input.Article{Article: schema.Article{ID: "stages.txt"}, Text: text})
	x.split.Split(d)
	if len(d.Sentences) < 2 {
		t.Fatalf("%d sentences, want 2", len(d.Sentences))
	}
	stages := []struct {
		name   string
		run    func()
		fields []string
	}{
		{"tag", func() {
			for i := range d.Sentences {
				x.tagger.Tag(d.Sentences[i].Tokens)
			}
		}, []string{"Tag", "Lemma"}},
		{"parse", func() {
			for i := range d.Sentences {
				x.parser.Parse(d.Sentences[i].Tokens)
			}
		}, []string{"Head", "Dep"}},
		{"ner", func() {
			for i := range d.Sentences {
				x.names.Recognize(d.Sentences[i].Tokens)
			}
		}, []string{"Ent"}},
		{"ner.Harmonize", func() { ner.Harmonize(d) }, []string{"Ent"}},
	}
	for _, st := range stages {
		before := snapshot(d)
		st.run()
		changed := map[string]bool{}
		for si := range d.Sentences {
			for ti := range d.Sentences[si].Tokens {
				a, b := reflect.ValueOf(before[si][ti]), reflect.ValueOf(d.Sentences[si].Tokens[ti])
				for f := 0; f < a.NumField(); f++ {
					if !reflect.DeepEqual(a.Field(f).Interface(), b.Field(f).Interface()) {
						changed[a.Type().Field(f).Name] = true
					}
				}
			}
		}
		for f := range changed {
			if !slices.Contains(st.fields, f) {
				t.Errorf("stage %s wrote Token.%s; it declares only %v", st.name, f, st.fields)
			}
		}
		if st.name != "ner.Harmonize" && len(changed) == 0 {
			t.Errorf("stage %s wrote nothing: the test does not exercise it", st.name)
		}
	}
}

func snapshot(d *doc.Doc) [][]doc.Token {
	out := make([][]doc.Token, len(d.Sentences))
	for i := range d.Sentences {
		out[i] = append([]doc.Token(nil), d.Sentences[i].Tokens...)
	}
	return out
}
