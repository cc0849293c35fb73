package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// TestNameTags checks the tags of names on hand-made tokens: a verb inside a name the recogniser
// found becomes a proper noun when capitalised or after the name's hyphen; a lower-case verb the
// recogniser wrongly took into a name, and a verb outside names, keep their tags.
func TestNameTags(t *testing.T) {
	tok := func(text, tag, ent string) doc.Token { return doc.Token{Text: text, Tag: tag, Ent: ent} }
	tests := []struct {
		name    string
		toks    []doc.Token
		want    []string
		changed bool
	}{
		{"hyphenated given name", []doc.Token{tok("Chan", "NNP", "B-PERSON"), tok("Tak", "NNP", "I-PERSON"),
			tok("-", ",", "I-PERSON"), tok("sing", "VBG", "I-PERSON"), tok("won", "VBD", "O")},
			[]string{"NNP", "NNP", "HYPH", "NNP", "VBD"}, true},
		{"name that begins with a verb", []doc.Token{tok("Save", "VB", "B-ORG"), tok("the", "DT", "I-ORG"),
			tok("Children", "NNPS", "I-ORG"), tok("said", "VBD", "O")},
			[]string{"NNP", "DT", "NNPS", "VBD"}, true},
		{"lower-case verb in a mislabelled name", []doc.Token{tok("I", "PRP", "B-GPE"), tok("ran", "VBD", "I-GPE")},
			[]string{"PRP", "VBD"}, false},
		{"no name", []doc.Token{tok("Acme", "NNP", "O"), tok("Sells", "VBZ", "O")},
			[]string{"NNP", "VBZ"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			changed := nameTags(tt.toks)
			for i := range tt.toks {
				if tt.toks[i].Tag != tt.want[i] {
					t.Errorf("%q tagged %s, want %s", tt.toks[i].Text, tt.toks[i].Tag, tt.want[i])
				}
			}
			if changed != tt.changed {
				t.Errorf("changed = %v, want %v", changed, tt.changed)
			}
		})
	}
}

// TestNameTagsRepair checks on an invented sentence that a clause whose subject is a hyphenated
// name the tagger split into a gerund is read: the name is the subject of the verb after it.
func TestNameTagsRepair(t *testing.T) {
	r := extractText(t, "Chan Tak-sing defeated Tom Brandt by 400 votes in the city.\n")
	if findFact(r.Facts, "Chan Tak-sing | defeat | Tom Brandt") < 0 {
		t.Errorf("no fact %q among %d facts", "Chan Tak-sing | defeat | Tom Brandt", len(r.Facts))
	}
}
