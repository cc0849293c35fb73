package tag

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/tag/percep"
)

// TestFeatureOrder pins the order of features: training sums float weights in this order, so
// another order would train a (slightly) different model from the same data. The expected hash
// is that of the order the shipped model was trained with.
func TestFeatureOrder(t *testing.T) {
	const want = 0x7612673913a51440
	words := []string{"The", "Acme", "board", "met", "on", "Tuesday", "."}
	lx := make([]lex, len(words)+4)
	lx[0], lx[1] = padStart2, padStart
	lx[len(words)+2], lx[len(words)+3] = padEnd, padEnd2
	for i, w := range words {
		lx[i+2] = lexOf(w)
		lx[i+2].amb = uint64(i) // any value
	}
	right := []int{3, 5, 7, 9, 11, 13, 15}
	h := uint64(0)
	for i := range words {
		p1, p2 := uint64(i+1), uint64(2*i)
		for _, f := range rightFeatures(features(nil, lx, i, p1, p2, sentenceCase(lx)), lx, i, p1, right) {
			h = percep.F2(0, h, f)
		}
	}
	if h != want {
		t.Errorf("feature order hash %#x, want %#x", h, uint64(want))
	}
}
