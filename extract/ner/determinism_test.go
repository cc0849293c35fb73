package ner

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// TestHarmonizeDeterministic runs Harmonize many times on documents whose labels depend on
// several names at once: names sharing a first word ("Da Zenda" and "Da Zenda Code" of different
// types), and a company named after a person ("Acme Lopez, which …") whose last word is also
// found alone. The labels must be the same every time, whatever order Go's maps give the names in.
func TestHarmonizeDeterministic(t *testing.T) {
	for name, in := range map[string][]string{
		"shared first word": {
			"Da/B-PERSON Zenda/I-PERSON wrote .",
			"Da/B-PERSON Zenda/I-PERSON smiled .",
			"The Da/B-LOC Zenda/I-LOC Code/I-LOC sold .",
			"The Da/B-LOC Zenda/I-LOC Code/I-LOC claims it .",
			"The Da Zenda Code was read .",
		},
		"company named after a person": {
			"The firm Acme/B-PERSON Lopez/I-PERSON , which sells paper , grew .",
			"Lopez/B-GPE publishes two papers .",
			"The Abel/B-PERSON Mora/I-PERSON , which prints books , grew .",
			"Mora/B-GPE prints books .",
			"The Cole/B-PERSON Vance/I-PERSON , which makes toys , grew .",
			"Vance/B-GPE sells toys .",
		},
	} {
		t.Run(name, func(t *testing.T) { harmonizeSame(t, in) })
	}
}

// harmonizeSame runs Harmonize on the labelled sentences in 50 times and fails when the labels
// differ between runs.
func harmonizeSame(t *testing.T, in []string) {
	t.Helper()
	var first string
	for run := 0; run < 50; run++ {
		d := &doc.Doc{}
		for _, s := range in {
			d.Sentences = append(d.Sentences, labelled(doc.Body, s))
		}
		Harmonize(d)
		var got []string
		for _, s := range d.Sentences {
			for _, tk := range s.Tokens {
				got = append(got, tk.Ent)
			}
		}
		g := strings.Join(got, " ")
		if run == 0 {
			first = g
			continue
		}
		if g != first {
			t.Fatalf("run %d labels\n%s\nrun 0\n%s", run, g, first)
		}
	}
}
