package percep

import (
	"slices"
	"testing"
)

// train learns a toy problem: feature i predicts class i%3.
func train(minUpdates int) *Trainer {
	tr := NewTrainer(3)
	tr.MinUpdates = minUpdates
	for ep := 0; ep < 5; ep++ {
		for i := uint64(0); i < 30; i++ {
			feats := []uint64{F1(1, i), F1(2, 0)}
			sc := make([]float32, 3)
			tr.Tick()
			tr.Score(feats, sc)
			best := 0
			for c := range sc {
				if sc[c] > sc[best] {
					best = c
				}
			}
			if gold := int(i % 3); best != gold {
				tr.Update(feats, gold, 1)
				tr.Update(feats, best, -1)
			}
		}
	}
	return tr
}

func predict(m *Model, i uint64) int {
	sc := make([]int32, m.Classes)
	m.Score([]uint64{F1(1, i), F1(2, 0)}, sc)
	best := 0
	for c := range sc {
		if sc[c] > sc[best] {
			best = c
		}
	}
	return best
}

func TestTrainEncodeDecode(t *testing.T) {
	tests := []struct {
		name       string
		minUpdates int
	}{
		{"no cut-off", 1},
		{"cut-off 2", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := train(tt.minUpdates).Model(0)
			b, err := m.AppendBinary(nil)
			if err != nil {
				t.Fatal(err)
			}
			m2, err := NewDecoder(b).Model()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(m.keys, m2.keys) || !slices.Equal(m.ent, m2.ent) {
				t.Fatal("decoded model differs")
			}
			sum, err := Sum(m, m2)
			if err != nil {
				t.Fatal(err)
			}
			for i := uint64(0); i < 30; i++ {
				for _, mm := range []*Model{m2, sum, m.Prune(1)} {
					if got := predict(mm, i); got != int(i%3) {
						t.Errorf("feature %d: class %d, want %d", i, got, i%3)
					}
				}
			}
			if _, err := NewDecoder(b[:len(b)-3]).Model(); err == nil {
				t.Error("truncated model decoded")
			}
		})
	}
}

func TestSumMismatch(t *testing.T) {
	if _, err := Sum(NewTrainer(2).Model(0), NewTrainer(3).Model(0)); err == nil {
		t.Error("sum of models with different classes gave no error")
	}
}
