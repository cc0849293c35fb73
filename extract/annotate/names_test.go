package annotate

import (
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/internal/conllu"
)

// TestGoldNames checks which GUM mentions are names and their spans: the honorific kept, "the"
// left out, a place nested in an organisation's name left out, a description ("the spring") and
// a pronoun not names.
func TestGoldNames(t *testing.T) {
	sents, err := conllu.ReadFile("testdata/names.conllu")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"B-PERSON I-PERSON O O B-ORG I-ORG I-ORG O O O O",
		"O O O B-PLACE I-PLACE O B-ORG O",
	}
	ms := &conllu.Mentions{}
	for i, s := range sents {
		got, err := goldNames(s, ms, "names.conllu")
		if err != nil {
			t.Fatal(err)
		}
		if g := strings.Join(got, " "); g != want[i] {
			t.Errorf("sentence %d: gold %q, want %q", i+1, g, want[i])
		}
	}
}

// TestScoreNames runs the recogniser on the fixture: the gold is read as TestGoldNames says, the
// news filter keeps the fixture's one news document, and the scores count what they should.
func TestScoreNames(t *testing.T) {
	f, err := os.Open("testdata/names.conllu")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ns, err := annotator(t).Names(f, "names.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(ns) != 2 || ns[0].Doc != "GUM_news_fixture" || len(ns[0].Pred) != 11 {
		t.Fatalf("got %d sentences %+v", len(ns), ns)
	}
	all := ScoreNames(ns, nil)
	if all.Overall.Gold != 4 || all.ByLabel[ClassPlace].Gold != 1 || all.Overall.Correct > all.Overall.Pred {
		t.Errorf("scores %+v", all)
	}
	if all.Overall.Pred == 0 {
		t.Errorf("no name predicted: %+v", ns)
	}
	if none := ScoreNames(ns, func(string) bool { return false }); none.Overall.Gold != 0 || none.Overall.Pred != 0 {
		t.Errorf("filter ignored: %+v", none)
	}
	perfect := []NameSentence{{Gold: ns[0].Gold, Pred: ns[0].Gold}}
	if s := ScoreNames(perfect, nil); s.Overall.F1() != 1 {
		t.Errorf("gold against itself: F1 %.3f", s.Overall.F1())
	}
}
