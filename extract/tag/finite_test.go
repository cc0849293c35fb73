package tag

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// TestFiniteReadings checks the readings offered on invented sentences: each is a finite reading
// (VBD, VBZ) of a word Tag tagged VBN, JJ or NNS, closest call first, and TagAs gives the word that tag
// while keeping every tag before it.
func TestFiniteReadings(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, sentence := range []string{
		"Yesterday , Ruritania fired warning shots aimed at a ferry in Freedonia .",
		"The lawsuit accuses the builder of hiding losses from investors .",
		"The East responded by firing dozens of flares into the west .",
	} {
		t.Run(sentence, func(t *testing.T) {
			base := toks(strings.Fields(sentence)...)
			m.Tag(base)
			rs := m.FiniteReadings(base)
			if len(rs) == 0 {
				t.Fatalf("no reading offered; tags %v", tagsOf(base))
			}
			for k, r := range rs {
				want := map[string]string{"VBN": "VBD", "JJ": "VBD", "NNS": "VBZ"}[base[r.Index].Tag]
				if r.Tag != want {
					t.Errorf("reading %+v of %q tagged %s: want tag %q", r, base[r.Index].Text, base[r.Index].Tag, want)
				}
				if k > 0 && rs[k-1].Margin > r.Margin {
					t.Errorf("readings out of order: %+v before %+v", rs[k-1], r)
				}
			}
			r := rs[0]
			forced := toks(strings.Fields(sentence)...)
			m.TagAs(forced, r)
			if forced[r.Index].Tag != r.Tag {
				t.Errorf("TagAs(%+v): word tagged %s", r, forced[r.Index].Tag)
			}
			for i := 0; i < r.Index; i++ {
				if forced[i].Tag != base[i].Tag {
					t.Errorf("TagAs(%+v) changed the tag of %q before it: %s, was %s", r, forced[i].Text, forced[i].Tag, base[i].Tag)
				}
			}
			if forced[r.Index].Lemma == "" {
				t.Errorf("TagAs(%+v): no lemma", r)
			}
		})
	}
}

func tagsOf(ts []doc.Token) []string {
	out := make([]string, len(ts))
	for i := range ts {
		out[i] = ts[i].Tag
	}
	return out
}

// TestFiniteReading checks which tags have a finite reading: a past participle or a lower-case
// adjective in -ed may be a past tense, a lower-case plural noun in -s a present tense unless
// its suffix makes nouns only.
func TestFiniteReading(t *testing.T) {
	tests := []struct{ tag, word, want string }{
		{"VBN", "fired", "VBD"},
		{"JJ", "sparked", "VBD"},
		{"JJ", "big", ""},
		{"JJ", "Sparked", ""},
		{"NNS", "accuses", "VBZ"},
		{"NNS", "players", ""},
		{"NN", "plan", ""},
	}
	for _, tt := range tests {
		if got := finiteReading(tt.tag, tt.word); got != tt.want {
			t.Errorf("finiteReading(%s, %q) = %q, want %q", tt.tag, tt.word, got, tt.want)
		}
	}
}
