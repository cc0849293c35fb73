package ner

import (
	"strings"
	"testing"
)

func TestTitleCues(t *testing.T) {
	tests := []struct {
		words, pos string
		want       string // labels, "-" outside
	}{
		{"Zenbo and Quarkly CEO Maria Lopez", "NNP CC NNP NN NNP NNP", "ORG - ORG - - -"},
		{"Zenbo ’s founder spoke", "NNP POS NN VBD", "ORG - - -"},
		{"the Zenbo boss left", "DT NNP NN VBD", "- ORG - -"},
		{"Former CEO Maria Lopez", "JJ NN NNP NNP", "- - - -"},   // not a proper noun
		{"the spokesman Zenbo said", "DT NN NNP VBD", "- - - -"}, // not before a company title
	}
	for _, tt := range tests {
		words, pos := strings.Fields(tt.words), strings.Fields(tt.pos)
		labels := make([]string, len(words))
		titleCues(words, pos, labels, make([]bool, len(words)))
		got := make([]string, len(labels))
		for i, l := range labels {
			got[i] = l
			if l == "" {
				got[i] = "-"
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q: labels %q, want %q", tt.words, g, tt.want)
		}
	}
}
