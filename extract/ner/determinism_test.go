package ner

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// TestHarmonizeDeterministic runs Harmonize on a document whose names share a first word ("Da
// Zenda" and "Da Zenda Code" of different types) many times: the labels must be the same every
// time, whatever order Go's maps give the names in.
func TestHarmonizeDeterministic(t *testing.T) {
	in := []string{
		"Da/B-PERSON Zenda/I-PERSON wrote .",
		"Da/B-PERSON Zenda/I-PERSON smiled .",
		"The Da/B-LOC Zenda/I-LOC Code/I-LOC sold .",
		"The Da/B-LOC Zenda/I-LOC Code/I-LOC claims it .",
		"The Da Zenda Code was read .",
	}
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
