package parse

import "github.com/newsgraph/newsgraph/extract/tag/percep"

// Special word and tag values for absent positions and the root.
const (
	noneW = 1
	rootW = 2
	noneP = 0
	rootP = 1 << 20
	noneL = 1 << 21
)

// sent holds the hashed words and tag ids of one sentence; index n is the root.
type sent struct {
	w []uint64
	p []uint64
	// amb holds each word's ambiguity class: the tags it had in the training treebank (0 unknown).
	amb []uint64
	// suf holds hashes of the lower-cased last three bytes of each word.
	suf []uint64
	// punct[i] and verb[i] count punctuation and verb tags among words 0..i-1.
	punct, verb []int32
}

// between returns capped counts of punctuation and verbs strictly between words a and b.
func (t *sent) between(a, b int) (uint64, uint64) {
	if a < 0 || b < 0 {
		return 9, 9
	}
	if a > b {
		a, b = b, a
	}
	n := len(t.punct) - 2
	a, b = min(a, n), min(b, n)
	if b <= a+1 {
		return 0, 0
	}
	return uint64(min(t.punct[b]-t.punct[a+1], 3)), uint64(min(t.verb[b]-t.verb[a+1], 3))
}

func (t *sent) word(i int) uint64 {
	if i < 0 {
		return noneW
	}
	return t.w[i]
}

func (t *sent) suffix(i int) uint64 {
	if i < 0 {
		return noneW
	}
	return t.suf[i]
}

func (t *sent) ambig(i int) uint64 {
	if i < 0 {
		return noneW
	}
	return t.amb[i]
}

func (t *sent) tag(i int) uint64 {
	if i < 0 {
		return noneP
	}
	return t.p[i]
}

func lab(s *state, i int) uint64 {
	if i < 0 || s.label[i] < 0 {
		return noneL
	}
	return uint64(s.label[i])
}

func child(a []int, i int) int {
	if i < 0 {
		return -1
	}
	return a[i]
}

func dist(a, b int) uint64 {
	if a < 0 || b < 0 {
		return 0
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	default:
		return 7
	}
}

func val(a []int, i int) uint64 {
	if i < 0 {
		return 100
	}
	return uint64(min(a[i], 6))
}

func set(a []uint64, i int) uint64 {
	if i < 0 {
		return 1 << 63
	}
	return a[i]
}

// features appends the feature keys of configuration s over sentence t (Zhang & Nivre 2011
// templates adapted to arc-hybrid: s1 plays the part of s0's head): those of stackFeatures and
// bufferFeatures, in the order of their template numbers (the order training has always used).
func features(out []uint64, s *state, t *sent) []uint64 {
	var sf [128]uint64
	var bf [16]uint64
	return percep.Interleave(out, stackFeatures(sf[:0], s, t), bufferFeatures(bf[:0], s, t),
		func(i int) bool { return bufferTemplate[i+1] })
}

// bufferTemplate marks the template numbers of bufferFeatures.
var bufferTemplate = [128]bool{7: true, 8: true, 9: true, 10: true, 11: true, 12: true, 13: true,
	14: true, 24: true, 33: true, 34: true, 110: true, 122: true, 124: true}

// bufferFeatures appends the features that read only the buffer's first three words, so stay
// the same from one transition to the next until a SHIFT.
func bufferFeatures(out []uint64, s *state, t *sent) []uint64 {
	b0, b1, b2 := s.bf(0), s.bf(1), s.bf(2)
	b0w, b0p := t.word(b0), t.tag(b0)
	b1w, b1p := t.word(b1), t.tag(b1)
	b2w, b2p := t.word(b2), t.tag(b2)
	f1, f2, f3 := percep.F1, percep.F2, percep.F3
	return append(out,
		f1(7, b0w), f1(8, b0p), f2(9, b0w, b0p),
		f1(10, b1w), f1(11, b1p), f2(12, b1w, b1p),
		f1(13, b2w), f1(14, b2p), f2(24, b0p, b1p), f2(33, b0w, b1w), f3(34, b0p, b1p, b2p),
		f2(110, t.suffix(b0), b0p), f2(122, t.ambig(b0), b0p), f1(124, t.ambig(b1)),
	)
}

// stackFeatures appends the other features: those that read the stack or the arcs made.
func stackFeatures(out []uint64, s *state, t *sent) []uint64 {
	s0, s1, s2 := s.st(0), s.st(1), s.st(2)
	b0, b1 := s.bf(0), s.bf(1)
	s0w, s0p := t.word(s0), t.tag(s0)
	s1w, s1p := t.word(s1), t.tag(s1)
	s2w, s2p := t.word(s2), t.tag(s2)
	b0w, b0p := t.word(b0), t.tag(b0)
	b1w, b1p := t.word(b1), t.tag(b1)
	s0l1, s0l2 := child(s.lc1, s0), child(s.lc2, s0)
	s0r1, s0r2 := child(s.rc1, s0), child(s.rc2, s0)
	s1l1 := child(s.lc1, s1)
	s1r1, s1r2 := child(s.rc1, s1), child(s.rc2, s1)
	b0l1, b0l2 := child(s.lc1, b0), child(s.lc2, b0)
	s0l1p, s0l2p, s0r1p, s0r2p := t.tag(s0l1), t.tag(s0l2), t.tag(s0r1), t.tag(s0r2)
	s1r1p, s1r2p, s1l1p := t.tag(s1r1), t.tag(s1r2), t.tag(s1l1)
	b0l1p, b0l2p := t.tag(b0l1), t.tag(b0l2)
	d := dist(s0, b0)
	d1 := dist(s1, s0)
	f1, f2, f3 := percep.F1, percep.F2, percep.F3
	pu, vb := t.between(s0, b0)
	pu1, vb1 := t.between(s1, s0)
	var s0n, b0p1 uint64 = noneP, noneP // tags of the words right after s0 and right before b0
	if s0 >= 0 && s0+1 < s.n {
		s0n = t.p[s0+1]
	}
	if b0 > 0 {
		b0p1 = t.p[b0-1]
	}
	return append(out,
		// single words
		f1(1, s0w), f1(2, s0p), f2(3, s0w, s0p),
		f1(4, s1w), f1(5, s1p), f2(6, s1w, s1p),
		f1(15, s2p), f1(16, s2w),
		// pairs
		f3(17, s0w, s0p, f2(0, b0w, b0p)), f3(18, s0w, s0p, b0w), f3(19, s0w, b0w, b0p),
		f3(20, s0w, s0p, b0p), f3(21, s0p, b0w, b0p), f2(22, s0w, b0w), f2(23, s0p, b0p),
		f3(25, s1w, s1p, f2(0, s0w, s0p)), f2(26, s1w, s0w), f2(27, s1p, s0p),
		f2(28, s1p, b0p), f2(29, s1w, b0w), f3(30, s1p, s0w, s0p), f3(31, s1w, s1p, s0p),
		f2(32, s0w, b1w),
		// triples
		f3(35, s0p, b0p, b1p), f3(36, s1p, s0p, b0p),
		f3(37, s0p, s0l1p, b0p), f3(38, s0p, s0r1p, b0p), f3(39, s0p, b0p, b0l1p),
		f3(40, s2p, s1p, s0p), f3(41, s1p, s1r1p, s0p), f3(42, s1p, s0p, s0l1p),
		f3(43, s1p, s0p, s0r1p),
		// distance
		f2(44, s0w, d), f2(45, s0p, d), f2(46, b0w, d), f2(47, b0p, d),
		f3(48, s0w, b0w, d), f3(49, s0p, b0p, d), f3(50, s1p, s0p, d1), f3(51, s1w, s0w, d1),
		f2(52, s0w, d1), f2(53, s1w, d1),
		// valency
		f2(54, s0w, val(s.nr, s0)), f2(55, s0p, val(s.nr, s0)), f2(56, s0w, val(s.nl, s0)),
		f2(57, s0p, val(s.nl, s0)), f2(58, b0w, val(s.nl, b0)), f2(59, b0p, val(s.nl, b0)),
		f2(60, s1p, val(s.nr, s1)), f2(61, s1p, val(s.nl, s1)),
		// children
		f1(62, t.word(s0l1)), f1(63, s0l1p), f1(64, lab(s, s0l1)),
		f1(65, t.word(s0r1)), f1(66, s0r1p), f1(67, lab(s, s0r1)),
		f1(68, t.word(b0l1)), f1(69, b0l1p), f1(70, lab(s, b0l1)),
		f1(71, t.word(s1r1)), f1(72, s1r1p), f1(73, lab(s, s1r1)),
		f1(74, s1l1p), f1(75, lab(s, s1l1)),
		f1(76, t.word(s0l2)), f1(77, s0l2p), f1(78, lab(s, s0l2)),
		f1(79, t.word(s0r2)), f1(80, s0r2p), f1(81, lab(s, s0r2)),
		f1(82, t.word(b0l2)), f1(83, b0l2p), f1(84, lab(s, b0l2)),
		f3(85, s0p, s0l1p, s0l2p), f3(86, s0p, s0r1p, s0r2p), f3(87, b0p, b0l1p, b0l2p),
		f3(88, s1p, s1r1p, s1r2p),
		f3(89, s0p, lab(s, s0l1), lab(s, s0l2)), f3(90, s0p, lab(s, s0r1), lab(s, s0r2)),
		f3(91, b0p, lab(s, b0l1), lab(s, b0l2)), f2(92, s1p, lab(s, s1r1)),
		// label sets
		f2(93, s0w, set(s.rset, s0)), f2(94, s0p, set(s.rset, s0)), f2(95, s0w, set(s.lset, s0)),
		f2(96, s0p, set(s.lset, s0)), f2(97, b0w, set(s.lset, b0)), f2(98, b0p, set(s.lset, b0)),
		f2(99, s1p, set(s.rset, s1)), f2(100, s1p, set(s.lset, s1)),
		// buffer-empty and stack-depth context
		f2(101, uint64(min(len(s.stack), 4)), boolU(b0 < 0)), f3(102, s0p, s1p, boolU(b0 < 0)),
		// words between
		f3(103, s0p, b0p, f2(0, pu, vb)), f3(104, s1p, s0p, f2(0, pu1, vb1)), f2(105, s0w, f2(0, pu, vb)),
		f2(106, b0w, f2(0, pu, vb)), f3(107, s0p, s0n, b0p), f3(108, s0p, b0p1, b0p),
		// suffixes and more lexical pairs
		f2(109, t.suffix(s0), s0p), f1(111, t.suffix(s1)),
		f3(112, s0w, b0p, b1p), f3(113, s0p, b0w, b1p), f2(114, s1w, b0p), f3(115, s1p, b0w, b0p),
		f3(116, s0p, boolU(s1 == s.n), b0p), f3(117, s0p, boolU(s1 == s.n), uint64(min(s.n-s.b, 5))),
		f3(118, s0w, s0p, boolU(s1 == s.n)), f3(119, s1p, s0p, b1p), f3(120, s0p, s0r1p, lab(s, s0r1)),
		// ambiguity classes: robust to tagging errors
		f2(121, t.ambig(s0), s0p), f2(123, t.ambig(s1), s1p),
		f2(125, t.ambig(s0), t.ambig(b0)), f2(126, t.ambig(s1), t.ambig(s0)), f3(127, t.ambig(s0), b0p, b1p),
	)
}

func boolU(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
