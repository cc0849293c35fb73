package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/coref"
)

// TestReactionConjunct checks that "backlash from X and Y" makes both X and Y critics of the
// plan's author, also when the parse hangs Y on the reaction noun.
func TestReactionConjunct(t *testing.T) {
	d := handDoc(t, "Maria/Maria/NNP/3/nmod:poss/B-PERSON Lopez/Lopez/NNP/0/flat/I-PERSON 's/'s/POS/0/case/O "+
		"plan/plan/NN/4/nsubj/O sparked/spark/VBD/-1/root/O backlash/backlash/NN/4/obj/O from/from/IN/7/case/O "+
		"Zenda/Zenda/NNP/5/nmod/B-GPE and/and/CC/9/cc/O Ruritania/Ruritania/NNP/5/conj/B-GPE ././././punct/O")
	b := newFactBuilder(d, coref.Resolve(d))
	critics := map[string]bool{}
	for _, f := range b.reactionFacts(0) {
		if f.Predicate == "criticized" && !f.Object.IsLiteral() && f.Object.Entity.Name == "Maria Lopez" {
			critics[f.Subject.Name] = true
		}
	}
	for _, c := range []string{"Zenda", "Ruritania"} {
		if !critics[c] {
			t.Errorf("%s is no critic of Maria Lopez (critics: %v)", c, critics)
		}
	}
}
