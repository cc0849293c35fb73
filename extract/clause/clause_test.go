package clause

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/internal/conllu"
)

// fixture reads the hand-made parses of testdata/clauses.conllu as doc tokens, by sent_id.
func fixture(t *testing.T) map[string][]doc.Token {
	t.Helper()
	fx, err := conllu.ReadTokensFile("testdata/clauses.conllu")
	if err != nil {
		t.Fatal(err)
	}
	return fx
}

func TestExtract(t *testing.T) {
	fx := fixture(t)
	tests := []struct {
		sent string
		verb int // token index of the clause's verb
		want Clause
	}{
		{"particle", 2, Clause{Lemma: "hit", Particle: "back", Prep: "at", Subject: 0, Object: 5, Relation: "hit back at", Parent: -1}},
		{"passive", 3, Clause{Lemma: "criticise", Subject: 5, Object: 1, Passive: true, Relation: "was criticised", Parent: -1}},
		{"participle", 6, Clause{Lemma: "reply", Prep: "to", Subject: 0, Object: 8, Inherited: true, Relation: "replying to", Parent: -1}},
		{"speech", 2, Clause{Lemma: "say", Subject: 0, Object: -1, Content: Span{Start: 4, End: 9}, Relation: "said", Parent: -1}},
		{"speech", 6, Clause{Lemma: "praise", Subject: 4, Object: 8, Relation: "praised", Parent: 0}},
		{"participlenoun", 7, Clause{Lemma: "sell", Subject: 0, Object: 8, Inherited: true, Relation: "selling", Parent: -1}},
		{"passivepatient", 9, Clause{Lemma: "send", Subject: -1, Object: 7, Passive: true, Relation: "was sent", Parent: -1}},
		{"passivehead", 8, Clause{Lemma: "move", Prep: "to", Subject: 0, Object: 10, Inherited: true, Relation: "moving to", Parent: -1}},
		{"scene", 5, Clause{Lemma: "say", Subject: 4, Object: -1, Content: Span{Start: 6, End: 9}, Relation: "said", Parent: -1}},
		{"quotedaux", 8, Clause{Lemma: "say", Subject: 7, Object: -1, Content: Span{Start: 1, End: 5}, Relation: "said", Parent: -1}}, // the quotation whole, its subject too
		{"negation", 4, Clause{Lemma: "praise", Subject: 0, Object: 5, Negated: true, Relation: "did not praise", Parent: -1}},
		{"coordination", 6, Clause{Lemma: "reply", Prep: "to", Subject: 0, Object: 8, Inherited: true, Relation: "replied to", Parent: -1}},
		{"modal", 3, Clause{Lemma: "meet", Subject: 0, Object: 4, Modal: "could", Relation: "could meet", Parent: -1}},
		{"control", 6, Clause{Lemma: "leave", Subject: 3, Object: -1, Inherited: true, Relation: "leave", Parent: -1}},
		{"advparticle", 2, Clause{Lemma: "hit", Particle: "back", Prep: "at", Subject: 0, Object: 6, Relation: "hit back at", Parent: -1}},
		{"twosubjects", 5, Clause{Lemma: "slam", Subject: 3, Object: 6, Relation: "slammed", Parent: -1}},
		// A fronted statement's subject the parse hung on the speech verb is the statement's.
		{"frontedsubject", 6, Clause{Lemma: "say", Subject: 5, Object: -1, Content: Span{Start: 0, End: 5}, Relation: "said", Parent: -1}},
		{"according", 10, Clause{Lemma: "grow", Subject: -1, Object: -1, Relation: "grew", Parent: -1}}, // the source is no subject
		{"coordinated", 1, Clause{Lemma: "propose", Subject: 0, Object: -1, Content: Span{Start: 3, End: 9}, Parts: []Span{{Start: 3, End: 5}, {Start: 7, End: 9}}, Relation: "proposed", Parent: -1}},
		// Verbs sharing one subject are one statement: "create jobs" alone would lose its subject.
		{"sharedsubject", 1, Clause{Lemma: "say", Subject: 0, Object: -1, Content: Span{Start: 2, End: 10}, Parts: []Span{{Start: 2, End: 10}}, Relation: "said", Parent: -1}},
		{"stopshort", 5, Clause{Lemma: "endorse", Subject: 1, Object: 8, Negated: true, Inherited: true, Relation: "stopped short of endorsing", Parent: -1}},
		{"refused", 3, Clause{Lemma: "meet", Subject: 0, Object: 4, Negated: true, Inherited: true, Relation: "refused to meet", Parent: -1}},
		{"twoobjects", 1, Clause{Lemma: "hail", Subject: 0, Object: 7, Relation: "hailed", Parent: -1}},
		{"relative", 4, Clause{Lemma: "praise", Subject: 0, Object: -1, Inherited: true, Relation: "praised", Parent: -1}},
		{"objectcontrol", 6, Clause{Lemma: "leak", Subject: 3, Object: 8, Inherited: true, Relation: "leaking", Parent: -1}},
		// "that" after a listener opens what was told, however the parse hung it.
		{"toldthat", 7, Clause{Lemma: "agree", Subject: 5, Object: -1, Relation: "had agreed", Parent: -1}},
		// A clause of time under a denying verb is not denied; its infinitive is.
		{"declinedwhen", 6, Clause{Lemma: "take", Subject: 5, Object: 8, Relation: "took", Parent: -1}},
		{"declinedwhen", 3, Clause{Lemma: "look", Subject: 0, Object: -1, Negated: true, Inherited: true, Relation: "declined to look", Parent: -1}},
		// A fronted past participle is passive: the subject it shares is its patient.
		{"frontedparticiple", 0, Clause{Lemma: "educate", Prep: "at", Subject: -1, Object: 4, Passive: true, Relation: "Educated at", Parent: -1}},
		{"indefinite", 5, Clause{Lemma: "back", Subject: 3, Object: 6, Inherited: true, Conditional: true, Relation: "backed", Parent: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.sent, func(t *testing.T) {
			toks, ok := fx[tt.sent]
			if !ok {
				t.Fatalf("no fixture sentence %q", tt.sent)
			}
			var got *Clause
			cs := Extract(toks)
			for i := range cs {
				if cs[i].Verb == tt.verb {
					got = &cs[i]
				}
			}
			if got == nil {
				t.Fatalf("no clause at verb %d in %+v", tt.verb, cs)
			}
			tt.want.Verb = tt.verb
			if !tt.want.Content.Empty() && tt.want.Parts == nil {
				tt.want.Parts = []Span{tt.want.Content}
			}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("clause\n got %+v\nwant %+v", *got, tt.want)
			}
		})
	}
}

func TestExtractOddInput(t *testing.T) {
	cases := map[string][]doc.Token{
		"empty":        nil,
		"unparsed":     {{Text: "word", Tag: "VBD", Head: -1}},
		"self-loop":    {{Text: "went", Tag: "VBD", Head: 0, Dep: "root"}},
		"out of range": {{Text: "went", Tag: "VBD", Head: 7, Dep: "conj"}, {Text: "x", Tag: "NN", Head: -5, Dep: "nsubj"}},
		"cycle":        {{Text: "a", Tag: "VBD", Head: 1, Dep: "conj"}, {Text: "b", Tag: "VBD", Head: 0, Dep: "ccomp"}},
	}
	for name, toks := range cases {
		t.Run(name, func(t *testing.T) {
			_ = Extract(toks) // must not panic or loop
		})
	}
}

// TestCompoundHalf checks that the second half of a hyphened modifier ("tsunami-hit") heads no
// clause, whatever the parse made of it, while a hyphened verb with an auxiliary does ("was
// cross-examined").
func TestCompoundHalf(t *testing.T) {
	// words builds tokens from "text/TAG/head/dep" items; "-" is written without spaces.
	words := func(items ...string) []doc.Token {
		var toks []doc.Token
		pos := 0
		for i, it := range items {
			f := strings.Split(it, "/")
			head := 0
			fmt.Sscan(f[2], &head)
			if i > 0 && f[0] != "-" && items[i-1][0] != '-' {
				pos++ // a space
			}
			toks = append(toks, doc.Token{Text: f[0], Lemma: f[0], Tag: f[1], Head: head, Dep: f[3], Start: pos, End: pos + len(f[0])})
			pos += len(f[0])
		}
		return toks
	}
	hit := words("Aid/NN/1/nsubj", "reached/VBD/-1/root", "the/DT/3/det", "tsunami/NN/5/obl", "-/HYPH/3/punct", "hit/VBD/1/conj", "towns/NNS/5/obj", "././1/punct")
	for _, c := range Extract(hit) {
		if c.Verb == 5 {
			t.Errorf("clause at the second half of \"tsunami-hit\": %+v", c)
		}
	}
	changing := words("England/NNP/1/nsubj", "rotated/VBD/-1/root", "a/DT/5/det", "constantly/RB/5/advmod", "-/HYPH/3/punct", "changing/VBG/1/conj", "midfield/NN/5/obj", "././1/punct")
	for _, c := range Extract(changing) {
		if c.Verb == 5 {
			t.Errorf("clause at the second half of \"constantly-changing\": %+v", c)
		}
	}
	examined := words("Holm/NNP/4/nsubj:pass", "was/VBD/4/aux:pass", "cross/JJ/4/amod", "-/HYPH/2/punct", "examined/VBN/-1/root", "././4/punct")
	found := false
	for _, c := range Extract(examined) {
		found = found || c.Verb == 4
	}
	if !found {
		t.Error("no clause at \"was cross-examined\"")
	}
}
