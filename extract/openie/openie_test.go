package openie

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/internal/conllu"
)

// trees reads the hand-made parses of testdata/trees.conllu as doc tokens, by sent_id.
func trees(t *testing.T) map[string][]doc.Token {
	t.Helper()
	fx, err := conllu.ReadTokensFile("testdata/trees.conllu")
	if err != nil {
		t.Fatal(err)
	}
	return fx
}

// show writes a tuple as "confidence relation | arg1 | arg2 ...".
func show(e Extraction) string {
	return fmt.Sprintf("%.2f %s | %s", e.Confidence, e.Relation, strings.Join(e.Args, " | "))
}

// TestExtract pins the tuples of one hand-parsed sentence per construction, independent of the
// tagger and parser models.
func TestExtract(t *testing.T) {
	fx := trees(t)
	tests := []struct {
		sent string
		want []string
	}{
		{"prep", []string{ // particle and the preposition of the first argument join the verb
			"0.90 switched over to | Maria Lopez | Acme | in 2019",
		}},
		{"relative", []string{ // the relative pronoun object stands for the modified noun
			"0.90 lost | Anna Berg | the match",
			"0.90 won | Tom Reyes | the match",
		}},
		{"passive", []string{ // apposition in the present; the agent's "by" joins the relation
			"0.55 is | Acme | a maker of boats",
			"0.90 was bought by | Acme | Harbor Group",
		}},
		{"coordination", []string{ // title; coordinated objects split; a coordinated verb shares the subject
			"0.55 is | Maria Lopez | President",
			"0.90 visited | President Maria Lopez | Paris",
			"0.90 visited | President Maria Lopez | Rome",
			"0.85 met | President Maria Lopez | the mayor",
		}},
		{"speech", []string{ // what was said is arg2, "that" joins the relation; reported content scores lower
			"0.90 said that | Tom Reyes | Acme 's chief executive had tried to sell the company",
			"0.35 had | Acme | chief executive",
			"0.75 had tried to sell | Acme 's chief executive | the company",
		}},
		{"copula", []string{ // a non-restrictive participle leaves the subject and gives "is built"
			"0.55 is built | The bridge | in 1900",
			"0.90 is close to | The bridge | the station",
		}},
		{"shared", []string{ // "buy and sell shares": both verbs take the object
			"0.90 buy | Traders | shares",
			"0.85 sell | Traders | shares",
		}},
		{"parataxis", []string{ // a verb of saying after its content reports it; a lone subject scores low
			"0.15 will close | The plant",
			"0.90 said | Acme | The plant will close",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.sent, func(t *testing.T) {
			toks, ok := fx[tt.sent]
			if !ok {
				t.Fatalf("no fixture sentence %q", tt.sent)
			}
			var got []string
			for _, e := range Extract(toks) {
				got = append(got, show(e))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// TestExtractBadTrees checks that tokens without a parse, and heads no parser would write
// (cycles, out of range), give no tuples or some tuples, but never a panic or a hang.
func TestExtractBadTrees(t *testing.T) {
	words := func(heads []int, deps []string) []doc.Token {
		toks := make([]doc.Token, len(heads))
		for i := range toks {
			toks[i] = doc.Token{Text: fmt.Sprint("w", i), Tag: "VBD", Lemma: "w", Head: heads[i], Dep: deps[i]}
		}
		return toks
	}
	if got := Extract(nil); got != nil {
		t.Errorf("no tokens: got %v", got)
	}
	unparsed := []doc.Token{{Text: "Acme", Tag: "NNP", Head: -1}, {Text: "sold", Tag: "VBD", Head: -1}}
	if got := Extract(unparsed); got != nil {
		t.Errorf("no parse: got %v", got)
	}
	for _, toks := range [][]doc.Token{
		words([]int{1, 2, 0}, []string{"nsubj", "obj", "conj"}),       // a cycle
		words([]int{1, 1, 9}, []string{"nsubj", "root", "obj"}),       // a head out of range
		words([]int{2, 2, -1}, []string{"acl", "xcomp", "acl:relcl"}), // self-headed
		words([]int{1, 0, 1}, []string{"nsubj", "conj", "acl:relcl"}), // two-token cycle with a clause
	} {
		Extract(toks) // must return
	}
}

// TestBinary checks the benchmarks' convention: binary triples, the preposition of a
// prepositional arg2 in the relation, no tuples of noun phrases without a verb.
func TestBinary(t *testing.T) {
	in := []Extraction{
		{Relation: "founded", Args: []string{"Maria Lopez", "Acme", "in 1990"}, Pattern: "verb"},
		{Relation: "was built", Args: []string{"The bridge", "in 1900"}, Pattern: "verb"},
		{Relation: "remains", Args: []string{"X", "", "in Flanders"}, Pattern: "verb"},
		{Relation: "is", Args: []string{"Anna Berg", "Senator"}, Pattern: "title"},
		{Relation: "has", Args: []string{"Acme", "boats"}, Pattern: "poss/inh:x"},
		{Relation: "is in", Args: []string{"Springfield", "Ohio"}, Pattern: "appos"},
		{Relation: "failed", Args: []string{"the company"}, Pattern: "verb/1arg"},
	}
	var got []string
	for _, e := range Binary(in) {
		got = append(got, e.Relation+" | "+strings.Join(e.Args, " | "))
	}
	want := []string{"founded | Maria Lopez | Acme in 1990", "was built in | The bridge | 1900",
		"remains in | X | Flanders", "failed | the company"}
	if !slices.Equal(got, want) {
		t.Errorf("Binary:\n got %q\nwant %q", got, want)
	}
}
