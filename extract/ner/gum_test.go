package ner

import (
	"reflect"
	"strings"
	"testing"
)

// TestReadGUMNames converts a hand-written GUM-style fixture: honorifics kept in a person's name,
// role titles and "the" left out, a nationality, a description, a pronoun and an event not names,
// a place nested in an organisation's name left out, a mention across sentences dropped,
// titles alone and a title with its office ("the President of Zembla") not a person's name.
func TestReadGUMNames(t *testing.T) {
	sents, err := ReadGUMNamesFile("testdata/gum.conllu")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"B-PER I-PER O O B-PER I-PER O O B-LOC I-LOC O",     // Mr. Walker met President Lena Okafor in the United States .
		"O O O B-ORG I-ORG I-ORG O O O O",                   // Americans love the University of Dunmore and the spring .
		"O O B-LOC I-LOC O O B-PER I-PER I-PER O O O O O O", // She visited Port Elspeth , which Sir Tomas Rey founded for the Harvest Games .
		"B-PER I-PER O O O B-PER I-PER O",                   // Lord Vane spoke to Professor Ida Marsh .
		"O",                                                 // Kira
		"O O O",                                             // Holm wrote .
		"O O O O O O O B-LOC O",                             // Mr. President , ask the President of Zembla .
		"B-PER I-PER O O",                                   // Ada Moss left .
		"O O B-PER I-PER O O",                               // French President Ola Nord spoke .
	}
	if len(sents) != len(want) {
		t.Fatalf("got %d sentences, want %d", len(sents), len(want))
	}
	for i, w := range want {
		s := sents[i]
		if got := strings.Join(s.Tags, " "); got != w {
			t.Errorf("sentence %d %q:\n got  %s\n want %s", i+1, strings.Join(s.Words, " "), got, w)
		}
		if len(s.Words) != len(s.Tags) || s.POS != nil {
			t.Errorf("sentence %d: %d words, %d tags, POS %v", i+1, len(s.Words), len(s.Tags), s.POS)
		}
	}
	for i, s := range sents {
		if s.Doc != "GUM_news_fixture" {
			t.Errorf("sentence %d: document %q, want GUM_news_fixture", i+1, s.Doc)
		}
	}
	if got := sents[0].Words[:2]; !reflect.DeepEqual(got, []string{"Mr.", "Walker"}) {
		t.Errorf("words %v, want the file's forms", got)
	}
}

func TestReadGUMNamesErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"closed first", "1\tAda\tAda\tPROPN\tNNP\t_\t0\troot\t_\tEntity=3)\n", "gum.conllu:1: entity 3 closed at word 1 before it opened"},
		{"format", "1\tAda\tAda\tPROPN\tNNP\t_\t0\troot\n", "gum.conllu:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadGUMNames(strings.NewReader(tt.in), "gum.conllu")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
	if _, err := ReadGUMNamesFile("testdata/missing.conllu"); err == nil {
		t.Error("missing file: no error")
	}
}
