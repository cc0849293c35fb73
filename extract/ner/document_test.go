package ner

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// labelled builds a sentence from "word/LABEL" items (LABEL in IOB2, "O" when left out).
func labelled(kind doc.Kind, s string) doc.Sentence {
	var toks []doc.Token
	for _, item := range strings.Fields(s) {
		w, l, ok := strings.Cut(item, "/")
		if !ok {
			l = "O"
		}
		toks = append(toks, doc.Token{Text: w, Norm: w, Ent: l})
	}
	return doc.Sentence{Kind: kind, Tokens: toks}
}

func TestHarmonize(t *testing.T) {
	tests := []struct {
		name string
		in   []string // sentences; a leading "H:" marks a headline
		want []string // the sentences' labels after, space-separated
	}{
		{"surname alone is the person", []string{"Maria/B-PERSON Lopez/I-PERSON spoke .", "Lopez/B-ORG left ."}, []string{"B-PERSON I-PERSON O O", "B-PERSON O O"}},
		{"surname the gazetteers know as a place stays", []string{"Anna/B-PERSON Jordan/I-PERSON spoke .", "Jordan/B-GPE signed ."}, []string{"B-PERSON I-PERSON O O", "B-GPE O O"}},
		{"a name of several words recurs where it was cut", []string{"Bank/B-ORG of/I-ORG Zenda/I-ORG fell .", "Bank of Zenda/B-GPE rose ."}, []string{"B-ORG I-ORG I-ORG O O", "B-ORG I-ORG I-ORG O O"}},
		{"a name of several words recurs where it was missed, not over a person", []string{"The Quill/B-ORG Guild/I-ORG met .", "The Quill Guild met .", "Quill/B-PERSON Guild/B-PERSON met ."}, []string{"O B-ORG I-ORG O O", "O B-ORG I-ORG O O", "B-PERSON B-PERSON O O"}},
		{"a one-word name takes the type of two thirds of its mentions", []string{"Acme/B-ORG rose .", "Acme/B-ORG fell .", "Acme/B-LOC won ."}, []string{"B-ORG O O", "B-ORG O O", "B-ORG O O"}},
		{"no clear majority, no change", []string{"Acme/B-ORG rose .", "Acme/B-LOC won ."}, []string{"B-ORG O O", "B-LOC O O"}},
		{"a surname the model missed, with its given name", []string{"Ms/B-PERSON Lund/I-PERSON spoke .", "She chose Greta Lund ."}, []string{"B-PERSON I-PERSON O O", "O O B-PERSON I-PERSON O"}},
		{"a name with a lower-case last part recurs", []string{"Leung/B-PERSON Ming/I-PERSON -/I-PERSON kin/I-PERSON won .", "Leung Ming - kin of ZTU"}, []string{"B-PERSON I-PERSON I-PERSON I-PERSON O O", "B-PERSON I-PERSON I-PERSON I-PERSON O O"}},
		{"a company named after a person takes which", []string{"Anna/B-PERSON Berg/I-PERSON , which sells hats , grew .", "Anna/B-PERSON Berg/I-PERSON hired Berg/B-PERSON ."}, []string{"B-ORG I-ORG O O O O O O O", "B-ORG I-ORG O B-PERSON O"}},
		{"a one-word owner of a person named in full is an organisation", []string{"Zenith/B-PERSON 's Anna/B-PERSON Berg/I-PERSON won .", "Lopez/B-PERSON 's Anna/B-PERSON Berg/I-PERSON won .", "Maria/B-PERSON Lopez/I-PERSON spoke ."}, []string{"B-ORG O B-PERSON I-PERSON O O", "B-PERSON O B-PERSON I-PERSON O O", "B-PERSON I-PERSON O O"}},
		{"headlines follow and do not vote", []string{"H: Acme/B-LOC Wins/I-LOC", "Acme/B-ORG rose .", "Acme/B-ORG fell ."}, []string{"B-LOC I-LOC", "B-ORG O O", "B-ORG O O"}},
	}
	for _, tt := range tests {
		d := &doc.Doc{}
		for _, s := range tt.in {
			kind := doc.Body
			if rest, ok := strings.CutPrefix(s, "H: "); ok {
				kind, s = doc.Headline, rest
			}
			d.Sentences = append(d.Sentences, labelled(kind, s))
		}
		Harmonize(d)
		for i, s := range d.Sentences {
			var got []string
			for _, tk := range s.Tokens {
				got = append(got, tk.Ent)
			}
			if g := strings.Join(got, " "); g != tt.want[i] {
				t.Errorf("%s: sentence %d labels %s, want %s", tt.name, i, g, tt.want[i])
			}
		}
	}
	Harmonize(&doc.Doc{}) // no sentences: nothing to do, no panic

	// A name does not run across a line break.
	text := "said Anna Berg\nZenith will"
	d := &doc.Doc{Text: text, Sentences: []doc.Sentence{labelled(doc.Body, "said Anna/B-PERSON Berg/I-PERSON Zenith/I-PERSON will")}}
	off := 0
	for i := range d.Sentences[0].Tokens {
		tk := &d.Sentences[0].Tokens[i]
		tk.Start = off + strings.Index(text[off:], tk.Text)
		tk.End = tk.Start + len(tk.Text)
		off = tk.End
	}
	Harmonize(d)
	if got := d.Sentences[0].Tokens[3].Ent; got != "B-PERSON" {
		t.Errorf("the word after a line break is %s, want B-PERSON (a name of its own)", got)
	}
}
