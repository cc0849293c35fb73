package parse

// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with the dynamic
// oracle of Goldberg & Nivre (2013). Tokens are 0..n-1; the artificial root is n and starts
// alone on the stack. SHIFT moves the buffer's front b0 onto the stack; LEFT(l) makes b0 the
// head of the stack top s0 and pops it; RIGHT(l) makes s1 the head of s0 and pops it. RIGHT with
// s1 = root is allowed only once the buffer is empty, so every parse has exactly one root word.

// Transition kinds.
const (
	shift = iota
	left
	right
)

// action numbers: 0 SHIFT, 1+2l LEFT(l), 2+2l RIGHT(l).
func actionKind(a int) int {
	if a == 0 {
		return shift
	}
	if a%2 == 1 {
		return left
	}
	return right
}

func actionLabel(a int) int { return (a - 1) / 2 }

func leftAction(l int) int  { return 1 + 2*l }
func rightAction(l int) int { return 2 + 2*l }

// state is a parser configuration plus the bookkeeping the features read.
type state struct {
	n      int
	stack  []int
	b      int   // buffer front; the buffer is b..n-1
	head   []int // -1 until attached; n for the root
	label  []int
	lc1    []int // leftmost and second-leftmost children, -1 none
	lc2    []int
	rc1    []int // rightmost and second-rightmost children
	rc2    []int
	nl, nr []int    // left and right valency
	lset   []uint64 // hashes of left and right children's label sets
	rset   []uint64
}

func (s *state) reset(n int) {
	s.n = n
	s.stack = append(s.stack[:0], n)
	s.b = 0
	grow := func(a []int, v int) []int {
		if cap(a) < n+1 {
			a = make([]int, n+1)
		}
		a = a[:n+1]
		for i := range a {
			a[i] = v
		}
		return a
	}
	s.head = grow(s.head, -1)
	s.label = grow(s.label, -1)
	s.lc1, s.lc2 = grow(s.lc1, -1), grow(s.lc2, -1)
	s.rc1, s.rc2 = grow(s.rc1, -1), grow(s.rc2, -1)
	s.nl, s.nr = grow(s.nl, 0), grow(s.nr, 0)
	if cap(s.lset) < n+1 {
		s.lset = make([]uint64, n+1)
		s.rset = make([]uint64, n+1)
	}
	s.lset, s.rset = s.lset[:n+1], s.rset[:n+1]
	clear(s.lset)
	clear(s.rset)
}

func (s *state) terminal() bool { return s.b >= s.n && len(s.stack) == 1 }

// st returns the i-th stack item from the top, or -1.
func (s *state) st(i int) int {
	if i < len(s.stack) {
		return s.stack[len(s.stack)-1-i]
	}
	return -1
}

// bf returns the i-th buffer item, or -1.
func (s *state) bf(i int) int {
	if s.b+i < s.n {
		return s.b + i
	}
	return -1
}

// canShift, canLeft and canRight say which transitions are legal. rootOnly reports that RIGHT
// must use the root label (s1 is the root).
func (s *state) canShift() bool { return s.b < s.n }
func (s *state) canLeft() bool  { return s.b < s.n && len(s.stack) > 1 }
func (s *state) canRight() bool {
	if len(s.stack) < 2 {
		return false
	}
	return s.st(1) != s.n || s.b >= s.n
}
func (s *state) rootOnly() bool { return s.st(1) == s.n }

func (s *state) apply(a int) {
	switch actionKind(a) {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case left:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.arc(s.b, d, actionLabel(a))
	case right:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.arc(s.stack[len(s.stack)-1], d, actionLabel(a))
	}
}

func (s *state) arc(h, d, l int) {
	s.head[d] = h
	s.label[d] = l
	if d < h {
		s.nl[h]++
		s.lset[h] = (s.lset[h] | 1<<(uint(l)&63)) // label sets as bit masks (labels mod 64)
		if s.lc1[h] < 0 || d < s.lc1[h] {
			s.lc2[h], s.lc1[h] = s.lc1[h], d
		} else if s.lc2[h] < 0 || d < s.lc2[h] {
			s.lc2[h] = d
		}
	} else {
		s.nr[h]++
		s.rset[h] = (s.rset[h] | 1<<(uint(l)&63))
		if s.rc1[h] < 0 || d > s.rc1[h] {
			s.rc2[h], s.rc1[h] = s.rc1[h], d
		} else if s.rc2[h] < 0 || d > s.rc2[h] {
			s.rc2[h] = d
		}
	}
}

// costs returns the number of gold arcs (heads gold, n for the root) that SHIFT, LEFT and RIGHT
// would make unreachable; -1 marks an illegal transition. Exact for projective gold trees.
func (s *state) costs(gold []int) (cs, cl, cr int) {
	cs, cl, cr = -1, -1, -1
	s0, s1 := s.st(0), s.st(1)
	inBuf := func(k int) bool { return k >= s.b && k < s.n }
	if s.canShift() {
		b0 := s.b
		cs = 0
		for _, k := range s.stack {
			if gold[b0] == k && k != s0 {
				cs++
			}
			if k < s.n && gold[k] == b0 {
				cs++
			}
		}
	}
	depsInBuf := 0
	if s0 >= 0 && s0 < s.n {
		for k := s.b; k < s.n; k++ {
			if gold[k] == s0 {
				depsInBuf++
			}
		}
	}
	if s.canLeft() {
		cl = depsInBuf
		g := gold[s0]
		if g != s.b && (g == s1 || inBuf(g)) {
			cl++
		}
	}
	if s.canRight() {
		cr = depsInBuf
		g := gold[s0]
		if g != s1 && inBuf(g) {
			cr++
		}
	}
	return cs, cl, cr
}
