package parse

import (
	"math/rand"
	"slices"
	"testing"
)

// clone copies a state deeply.
func clone(s *state) *state {
	c := &state{n: s.n, b: s.b}
	c.stack = slices.Clone(s.stack)
	c.head, c.label = slices.Clone(s.head), slices.Clone(s.label)
	c.lc1, c.lc2, c.rc1, c.rc2 = slices.Clone(s.lc1), slices.Clone(s.lc2), slices.Clone(s.rc1), slices.Clone(s.rc2)
	c.nl, c.nr = slices.Clone(s.nl), slices.Clone(s.nr)
	c.lset, c.rset = slices.Clone(s.lset), slices.Clone(s.rset)
	return c
}

// bestReachable returns the most gold heads any completion of s gets right (brute force).
func bestReachable(s *state, gold []int) int {
	if s.terminal() {
		c := 0
		for i := 0; i < s.n; i++ {
			if s.head[i] == gold[i] {
				c++
			}
		}
		return c
	}
	best := -1
	for _, a := range legal(s) {
		c := clone(s)
		c.apply(a)
		best = max(best, bestReachable(c, gold))
	}
	return best
}

// legal returns the legal unlabeled actions (label 0 for arcs).
func legal(s *state) []int {
	var as []int
	if s.canShift() {
		as = append(as, 0)
	}
	if s.canLeft() {
		as = append(as, leftAction(0))
	}
	if s.canRight() {
		as = append(as, rightAction(0))
	}
	return as
}

// randomProjective returns random projective heads (n for the root) with one root word, built
// span by span: a span's head takes the heads of its sub-spans to either side as dependents.
func randomProjective(rng *rand.Rand, n int) []int {
	h := make([]int, n)
	var build func(lo, hi, head int)
	build = func(lo, hi, head int) { // [lo, hi) is one subtree attached to head
		r := lo + rng.Intn(hi-lo)
		h[r] = head
		for a := lo; a < r; { // split [lo, r) into sub-spans
			b := a + 1 + rng.Intn(r-a)
			build(a, b, r)
			a = b
		}
		for a := r + 1; a < hi; {
			b := a + 1 + rng.Intn(hi-a)
			build(a, b, r)
			a = b
		}
	}
	build(0, n, n)
	return h
}

func isTree(h []int) bool {
	n := len(h)
	for i := range h {
		k, steps := i, 0
		for k != n {
			k = h[k]
			if steps++; steps > n {
				return false
			}
		}
	}
	return true
}

func isProjective(h []int) bool {
	n := len(h)
	for d, hd := range h {
		if hd == n {
			continue
		}
		for k := min(hd, d) + 1; k < max(hd, d); k++ {
			if !dominates(h, hd, k) {
				return false
			}
		}
	}
	return true
}

func TestStaticOracleReproducesGold(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for trial := 0; trial < 300; trial++ {
		n := 1 + rng.Intn(12)
		gold := randomProjective(rng, n)
		var s state
		s.reset(n)
		for !s.terminal() {
			cs, cl, cr := s.costs(gold)
			switch {
			case cl == 0:
				s.apply(leftAction(0))
			case cr == 0:
				s.apply(rightAction(0))
			case cs == 0:
				s.apply(0)
			default:
				t.Fatalf("gold %v: no zero-cost transition at stack %v buffer %d", gold, s.stack, s.b)
			}
		}
		if !slices.Equal(s.head[:n], gold) {
			t.Fatalf("oracle built %v, gold %v", s.head[:n], gold)
		}
	}
}

func TestDynamicOracleCosts(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for trial := 0; trial < 100; trial++ {
		n := 1 + rng.Intn(6)
		gold := randomProjective(rng, n)
		var s state
		s.reset(n)
		for !s.terminal() { // walk a random path, checking every legal action's cost on the way
			before := bestReachable(&s, gold)
			cs, cl, cr := s.costs(gold)
			for _, a := range legal(&s) {
				c := clone(&s)
				c.apply(a)
				want := before - bestReachable(c, gold)
				got := []int{cs, cl, cr}[actionKind(a)]
				if got != want {
					t.Fatalf("gold %v stack %v buffer %d: action kind %d cost %d, brute force %d",
						gold, s.stack, s.b, actionKind(a), got, want)
				}
			}
			as := legal(&s)
			s.apply(as[rng.Intn(len(as))])
		}
	}
}

func TestProjectivize(t *testing.T) {
	tests := []struct {
		name  string
		heads []int
	}{
		{"projective", []int{1, 4, 1, 1}},
		{"crossing", []int{2, 4, 4, 1}},
		{"nested crossing", []int{3, 6, 0, 6, 1, 3}},
	}
	for _, tt := range tests {
		h := slices.Clone(tt.heads)
		projectivize(h)
		if !isTree(h) || !isProjective(h) {
			t.Errorf("%s: projectivize(%v) = %v, not a projective tree", tt.name, tt.heads, h)
		}
		if isProjective(tt.heads) && !slices.Equal(h, tt.heads) {
			t.Errorf("%s: projective tree changed to %v", tt.name, h)
		}
	}
}
