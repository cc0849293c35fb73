package extract

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/input"
)

// TestHasFiniteMain checks the constraint on hand-made parses: a finite root, or a root with a
// finite auxiliary or copula, is a finite main clause; a noun root over a participle is not.
func TestHasFiniteMain(t *testing.T) {
	tok := func(text, tag string, head int, dep string) doc.Token {
		return doc.Token{Text: text, Tag: tag, Head: head, Dep: dep}
	}
	tests := []struct {
		name string
		toks []doc.Token
		want bool
	}{
		{"finite root", []doc.Token{tok("Acme", "NNP", 1, "nsubj"), tok("fell", "VBD", -1, "root"), tok(".", ".", 1, "punct")}, true},
		{"copula", []doc.Token{tok("Acme", "NNP", 2, "nsubj"), tok("is", "VBZ", 2, "cop"), tok("big", "JJ", -1, "root"), tok(".", ".", 2, "punct")}, true},
		{"auxiliary", []doc.Token{tok("Acme", "NNP", 2, "nsubj"), tok("has", "VBZ", 2, "aux"), tok("fallen", "VBN", -1, "root"), tok(".", ".", 2, "punct")}, true},
		{"noun root over a participle", []doc.Token{tok("Acme", "NNP", 2, "compound"), tok("fired", "VBN", 2, "amod"), tok("rounds", "NNS", -1, "root"), tok(".", ".", 2, "punct")}, false},
		{"finite verb only in a relative clause", []doc.Token{tok("rounds", "NNS", -1, "root"), tok("that", "WDT", 2, "nsubj"), tok("fly", "VBP", 0, "acl:relcl"), tok(".", ".", 0, "punct")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasFiniteMain(tt.toks); got != tt.want {
				t.Errorf("hasFiniteMain = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestFiniteMainRepair checks on an invented article that a sentence the tagger read without a
// finite verb is read again with one, and that a headline (not prose) is left as tagged.
func TestFiniteMainRepair(t *testing.T) {
	text := "Ruritania fired at the border\n\nYesterday, Ruritania fired warning shots aimed at a ferry in Freedonia that carries grain into the north.\n"
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := extractText(t, text)
	if findFact(r.Facts, "Ruritania | fired | warning shots") < 0 {
		var got []string
		for i := range r.Facts {
			got = append(got, factLine(&r.Facts[i]))
		}
		t.Errorf("no fact %q among:\n  %s", "Ruritania | fired | warning shots", strings.Join(got, "\n  "))
	}
	d := x.Annotate(input.Article{Text: text})
	for _, s := range d.Sentences {
		if s.Kind == doc.Body && declarative(s.Tokens) && !hasFiniteMain(s.Tokens) {
			t.Errorf("sentence %d has no finite main verb after repair: %s", s.Index, d.Text[s.Start:s.End])
		}
	}
}
