package percep

import (
	"math/rand/v2"
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

// TestScore compares Score with a plain sum over the rows of random models whose rows range
// from one weight to every class (sparse and dense rows), on feature lists longer than Score's
// chunks, with repeated and unknown features.
func TestScore(t *testing.T) {
	for _, classes := range []int{1, 2, 3, 5, 8, 49, 50, 106, 255} {
		rng := rand.New(rand.NewPCG(uint64(classes), 1))
		m := &Model{Classes: classes, Scale: 1, off: []uint32{0}}
		for i := 0; i < 500; i++ {
			m.keys = append(m.keys, uint32(i*7919+1))
			n := 1 + rng.IntN(classes)
			if i%3 == 0 {
				n = classes
			}
			for _, c := range rng.Perm(classes)[:n] {
				w := int16(rng.IntN(65535) - 32767)
				if i%5 == 0 {
					w = []int16{-32768, 32767, -32000}[rng.IntN(3)]
				}
				m.ent = append(m.ent, uint32(c)<<16|uint32(uint16(w)))
			}
			m.off = append(m.off, uint32(len(m.ent)))
		}
		m.build()
		for _, nf := range []int{0, 1, 127, 128, 129, 400} {
			feats := make([]uint64, nf)
			for i := range feats {
				feats[i] = uint64(rng.Uint32())<<32 | uint64(m.keys[rng.IntN(len(m.keys))])
				if i%10 == 0 {
					feats[i] = uint64(rng.Uint32()) // almost surely not a key
				}
			}
			want := make([]int32, classes)
			for _, f := range feats {
				if i, ok := slices.BinarySearch(m.keys, uint32(f)); ok {
					for _, e := range m.ent[m.off[i]:m.off[i+1]] {
						want[e>>16] += int32(int16(uint16(e)))
					}
				}
			}
			got := make([]int32, classes)
			for i := range got {
				got[i] = int32(i) // Score adds to what is there
				want[i] += int32(i)
			}
			m.Score(feats, got)
			if !slices.Equal(got, want) {
				t.Errorf("%d classes, %d features: Score = %v, want %v", classes, nf, got, want)
			}
		}
	}
}

func TestInterleave(t *testing.T) {
	tests := []struct {
		a, b  []uint64
		fromB []bool
		want  []uint64
	}{
		{[]uint64{1, 2}, []uint64{10}, []bool{false, true, false}, []uint64{1, 10, 2}},
		{[]uint64{1, 2}, []uint64{10, 11}, []bool{true, true, false, false}, []uint64{10, 11, 1, 2}},
		{nil, []uint64{10}, []bool{false}, []uint64{10}}, // a exhausted: b's
		{[]uint64{1}, nil, []bool{true}, []uint64{1}},    // b exhausted: a's
		{nil, nil, nil, nil},
	}
	for _, tt := range tests {
		got := Interleave(nil, tt.a, tt.b, func(i int) bool { return tt.fromB[i] })
		if !slices.Equal(got, tt.want) {
			t.Errorf("Interleave(%v, %v, %v) = %v, want %v", tt.a, tt.b, tt.fromB, got, tt.want)
		}
	}
}

func TestPrune(t *testing.T) {
	w := func(c int, q int16) uint32 { return uint32(c)<<16 | uint32(uint16(q)) }
	m := &Model{Classes: 3, Scale: 1, keys: []uint32{10, 20, 30}, off: []uint32{0, 2, 4, 5},
		ent: []uint32{w(0, 5), w(2, 1), w(1, 1), w(2, -2), w(1, -7)}}
	m.build()
	tests := []struct {
		name string
		got  *Model
		keys []uint32
		ent  []uint32
	}{
		{"weights", m.Prune(3), []uint32{10, 30}, []uint32{w(0, 5), w(1, -7)}},
		{"features", m.PruneFeatures(3), []uint32{10, 30}, []uint32{w(0, 5), w(2, 1), w(1, -7)}},
		{"features, low threshold", m.PruneFeatures(2), []uint32{10, 20, 30}, m.ent},
	}
	for _, tt := range tests {
		if !slices.Equal(tt.got.keys, tt.keys) || !slices.Equal(tt.got.ent, tt.ent) {
			t.Errorf("%s: keys %v weights %x, want %v %x", tt.name, tt.got.keys, tt.got.ent, tt.keys, tt.ent)
		}
		sc := make([]int32, 3)
		tt.got.Score([]uint64{10, 20, 30}, sc)
		want := make([]int32, 3)
		for _, e := range tt.ent {
			want[e>>16] += int32(int16(uint16(e)))
		}
		if !slices.Equal(sc, want) {
			t.Errorf("%s: scores %v, want %v", tt.name, sc, want)
		}
	}
}
