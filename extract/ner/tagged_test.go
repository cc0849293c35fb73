package ner_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/tag"
	"github.com/newsgraph/newsgraph/internal/shared"
)

// TestAccuracyUNERTagged checks the embedded model on UniversalNER English EWT test as the
// pipeline runs it: with the part-of-speech tags of the embedded tagger.
func TestAccuracyUNERTagged(t *testing.T) {
	p := shared.Require(t, "train", "uner-ewt", "en_ewt-ud-test.iob2")
	test, err := ner.ReadIOBFile(p)
	if err != nil {
		t.Fatal(err)
	}
	tm, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	m, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	for i := range test {
		toks := make([]doc.Token, len(test[i].Words))
		for j, w := range test[i].Words {
			toks[j].Text = w
		}
		tm.Tag(toks)
		test[i].POS = make([]string, len(toks))
		for j := range toks {
			test[i].POS[j] = toks[j].Tag
		}
	}
	s := ner.Evaluate(m, test)
	t.Logf("test overall with predicted tags: P %.4f R %.4f F1 %.4f", s.Overall.Precision(), s.Overall.Recall(), s.Overall.F1())
	const minTaggedF1 = 0.75 // measured 0.753
	if f := s.Overall.F1(); f < minTaggedF1 {
		t.Errorf("UNER EWT test F1 with predicted tags %.4f < %.2f", f, minTaggedF1)
	}
}
