package parse

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/tag/percep"
)

// TestFeatureOrder pins the order of features: training sums float weights in this order, so
// another order would train a (slightly) different model from the same data. The expected hash
// is that of the order the shipped model was trained with.
func TestFeatureOrder(t *testing.T) {
	const want = 0x735acfee1e14d214
	m, err := newModel([]string{"det", "nsubj", "punct", "root"}, []string{".", "DT", "NNS", "VBD"})
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"The", "dogs", "barked", "."}
	tags := []string{"DT", "NNS", "VBD", "."}
	gold := []int{1, 2, 4, 2} // heads, 4 for the root
	var sc scratch
	m.fill(&sc.t, len(words), func(i int) string { return words[i] }, func(i int) string { return tags[i] })
	st := &sc.st
	st.reset(len(words))
	h := uint64(0)
	for steps := 0; !st.terminal(); steps++ {
		for _, f := range features(nil, st, &sc.t) {
			h = percep.F2(0, h, f)
		}
		cs, cl, cr := st.costs(gold)
		switch { // follow the oracle
		case cl == 0:
			st.apply(leftAction(steps % 3))
		case cr == 0:
			st.apply(rightAction(3))
		case cs == 0:
			st.apply(0)
		default:
			t.Fatalf("no zero-cost transition at step %d", steps)
		}
	}
	if h != want {
		t.Errorf("feature order hash %#x, want %#x", h, uint64(want))
	}
}
