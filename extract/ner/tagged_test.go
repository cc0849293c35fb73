package ner_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/tag"
	"github.com/newsgraph/newsgraph/internal/shared"
)

// unerTest returns UniversalNER English EWT test, the embedded tagger and the embedded recogniser
// (the test is skipped without the shared data).
func unerTest(t *testing.T) ([]ner.Sentence, *tag.Model, *ner.Model) {
	t.Helper()
	p := shared.Require(t, "train", "uner-ewt", "en_ewt-ud-test.iob2")
	test, err := ner.ReadIOBFile(p)
	if err != nil {
		t.Fatal(err)
	}
	tm, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	m, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	return test, tm, m
}

// TestAccuracyUNERTagged checks the embedded model on UniversalNER English EWT test as the
// pipeline runs it: with the part-of-speech tags of the embedded tagger.
func TestAccuracyUNERTagged(t *testing.T) {
	test, tm, m := unerTest(t)
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

// TestRecognizerUNER scores the whole recogniser (model, gazetteer rules and cues, as the pipeline
// runs it on one sentence) on UniversalNER English EWT test, its labels mapped to UNER's (PERSON →
// PER, GPE and LOC → LOC, ORG; the other types left out). UNER leaves forms of address out of
// names, newsgraph keeps them in ("Mr Lopez" is one mention), so the score is also given with them
// taken out, which is the one held to the floor.
func TestRecognizerUNER(t *testing.T) {
	test, tm, m := unerTest(t)
	uner := map[string]string{"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG"}
	var as, outside ner.Scores
	for _, s := range test {
		toks := make([]doc.Token, len(s.Words))
		for j, w := range s.Words {
			toks[j].Text = w
		}
		tm.Tag(toks)
		m.Recognize(toks)
		pred := make([]string, len(toks))
		for j := range toks {
			pred[j] = "O"
			if pos, label, ok := strings.Cut(toks[j].Ent, "-"); ok && uner[label] != "" {
				pred[j] = pos + "-" + uner[label]
			}
		}
		as.Add(s.Tags, pred)
		for j := range pred {
			if h, ok := lexicon.Honorific(s.Words[j]); ok && h.Address && pred[j] == "B-PER" && j+1 < len(pred) && pred[j+1] == "I-PER" {
				pred[j], pred[j+1] = "O", "B-PER"
			}
		}
		outside.Add(s.Tags, pred)
	}
	t.Logf("whole recogniser on UNER test: F1 %.4f (forms of address in names), %.4f (out of them, as UNER)", as.Overall.F1(), outside.Overall.F1())
	const minF1 = 0.745 // measured 0.749 (0.739 with forms of address in names)
	if f := outside.Overall.F1(); f < minF1 {
		t.Errorf("whole recogniser on UNER EWT test: F1 %.4f < %.3f", f, minF1)
	}
}
