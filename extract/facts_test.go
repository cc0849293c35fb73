package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/extract/doc"
)

// TestReflexiveObject checks that a reflexive object names no second party ("Moss blamed
// herself" is no fact about the other woman of the sentence before), while an emphatic
// reflexive beside a subject is left alone.
func TestReflexiveObject(t *testing.T) {
	d := handDoc(t,
		"Ada/Ada/NNP/2/nsubj/B-PERSON Moss/Moss/NNP/0/flat/I-PERSON met/meet/VBD/-1/root/O Anna/Anna/NNP/2/obj/B-PERSON Berg/Berg/NNP/3/flat/I-PERSON ././././punct/O",
		"Moss/Moss/NNP/1/nsubj/B-PERSON blamed/blame/VBD/-1/root/O herself/herself/PRP/1/obj/O ././././punct/O")
	b := newFactBuilder(d, coref.Resolve(d))
	for _, f := range b.facts() {
		if f.Sentence == 1 && !f.Object.IsLiteral() {
			t.Errorf("reflexive object as an entity: %s | %s | %s", f.Subject.Name, f.Predicate, f.Object.Entity.Name)
		}
	}
	for _, c := range []struct {
		tok  doc.Token
		want bool
	}{
		{doc.Token{Text: "herself", Tag: "PRP", Dep: "obj"}, true},
		{doc.Token{Text: "themselves", Tag: "PRP", Dep: "obl"}, true},
		{doc.Token{Text: "himself", Tag: "PRP", Dep: "nmod:npmod"}, false},
		{doc.Token{Text: "him", Tag: "PRP", Dep: "obj"}, false},
	} {
		if got := reflexiveObject(&c.tok); got != c.want {
			t.Errorf("reflexiveObject(%s/%s) = %v, want %v", c.tok.Text, c.tok.Dep, got, c.want)
		}
	}
}
