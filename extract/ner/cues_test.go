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

func TestPlaceThenName(t *testing.T) {
	tests := []struct {
		words string
		i, j  int
		want  int
	}{
		{"Zembla 's ambassador to Germany Ada Quorble said", 4, 7, 1},
		{"the envoy to New Zealand Ada Quorble left", 3, 7, 2},
		{"the envoy to the United States Ada Quorble left", 4, 8, 2},
		{"the ambassador to France John Quorble spoke", 3, 6, 1},  // a given name the gazetteers know
		{"the ambassador to France Paris Quorble spoke", 3, 6, 0}, // a place
		{"he went to Germany Ada Quorble", 3, 6, 0},               // no title before "to"
		{"the ambassador to Germany Quorble said", 3, 5, 0},       // one word after the place
		{"the ambassador to Oslo City Hall went", 3, 6, 0},        // words of a place's name
		{"the ambassador in Germany Ada Quorble said", 3, 6, 0},   // not "to"
		{"the ambassador to Zembla Ada Quorble said", 3, 6, 0},    // no place the gazetteers know
	}
	for _, tt := range tests {
		if got := placeThenName(strings.Fields(tt.words), tt.i, tt.j); got != tt.want {
			t.Errorf("placeThenName(%q, %d, %d) = %d, want %d", tt.words, tt.i, tt.j, got, tt.want)
		}
	}
}

func TestNameBeforeOf(t *testing.T) {
	tests := []struct {
		words string
		j     int
		want  int
	}{
		{"John Quorble of Zenda Party", 5, 2},
		{"Mary Ann Quorble of the Zenda Party", 7, 3},
		{"John Quorble of Zenda", 4, 0},          // one word after "of"
		{"Quorble of Zenda Party", 4, 0},         // no given name first
		{"John Securities of Zenda Party", 5, 0}, // a word that ends an organisation's name
		{"John Paris of Zenda Party", 5, 0},      // a place
		{"John Quorble Zenda Holm Party", 5, 0},  // no "of"
	}
	for _, tt := range tests {
		if got := nameBeforeOf(strings.Fields(tt.words), 0, tt.j); got != tt.want {
			t.Errorf("nameBeforeOf(%q, 0, %d) = %d, want %d", tt.words, tt.j, got, tt.want)
		}
	}
}
