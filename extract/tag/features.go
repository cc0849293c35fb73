package tag

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/tag/percep"
)

// lex holds the hashed lexical properties of one token, computed once per call.
type lex struct {
	form  uint64    // exact form
	lower uint64    // lower-cased form
	pre   [4]uint64 // lower-cased prefixes of 1-4 runes
	suf   [4]uint64 // lower-cased suffixes of 1-4 runes
	shape uint64    // word shape: X, x, d and other characters, runs collapsed to two
	flags uint64    // capitalisation, digit and hyphen flags
	amb   uint64    // ambiguity class: the tags the word had in training (0 unknown)
}

// Padding values for positions before and after the sentence.
var (
	padStart  = lex{form: percep.Str("-START-"), lower: percep.Str("-START-"), shape: 1, flags: 1 << 10}
	padStart2 = lex{form: percep.Str("-START2-"), lower: percep.Str("-START2-"), shape: 2, flags: 1 << 11}
	padEnd    = lex{form: percep.Str("-END-"), lower: percep.Str("-END-"), shape: 3, flags: 1 << 12}
	padEnd2   = lex{form: percep.Str("-END2-"), lower: percep.Str("-END2-"), shape: 4, flags: 1 << 13}
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// lexOf computes the hashed properties of word s without allocating.
func lexOf(s string) lex {
	var l lex
	l.form = percep.Str(s)
	// Lower-cased hash and rune boundaries for prefixes and suffixes.
	h := uint64(fnvOffset)
	sh := uint64(fnvOffset)
	var last byte
	run := 0
	n := 0
	var upper, lower, digit, hyphen, other bool
	firstUpper := false
	for i, r := range s {
		lr := unicode.ToLower(r)
		var buf [4]byte
		k := utf8.EncodeRune(buf[:], lr)
		for j := 0; j < k; j++ {
			h ^= uint64(buf[j])
			h *= fnvPrime
		}
		if n < 4 {
			l.pre[n] = h
		}
		n++
		var c byte
		switch {
		case unicode.IsUpper(r):
			c, upper = 'X', true
			if i == 0 {
				firstUpper = true
			}
		case unicode.IsLetter(r):
			c, lower = 'x', true
		case unicode.IsDigit(r):
			c, digit = 'd', true
		case r == '-':
			c, hyphen = '-', true
		default:
			c, other = byte(r), true
			if r >= utf8.RuneSelf {
				c = '?'
			}
		}
		if c == last {
			run++
		} else {
			run = 1
			last = c
		}
		if run <= 2 {
			sh ^= uint64(c)
			sh *= fnvPrime
		}
	}
	l.lower = h
	for k := 0; k < 4 && k < n; k++ {
		// suffix of k+1 runes: hash the lower-cased tail
		l.suf[k] = sufHash(s, k+1)
	}
	for k := n; k < 4; k++ {
		l.pre[k] = l.lower
		l.suf[k] = l.lower
	}
	l.shape = sh
	var f uint64
	if upper {
		f |= 1
	}
	if lower {
		f |= 2
	}
	if digit {
		f |= 4
	}
	if hyphen {
		f |= 8
	}
	if other {
		f |= 16
	}
	if firstUpper {
		f |= 32
	}
	if upper && !lower {
		f |= 64
	}
	l.flags = f
	return l
}

// sufHash hashes the lower-cased last k runes of s.
func sufHash(s string, k int) uint64 {
	i := len(s)
	for j := 0; j < k && i > 0; j++ {
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	h := uint64(fnvOffset)
	for _, r := range s[i:] {
		var buf [4]byte
		n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		for j := 0; j < n; j++ {
			h ^= uint64(buf[j])
			h *= fnvPrime
		}
	}
	return h
}

// Feature templates.
const (
	tBias = iota + 1
	tWord
	tForm
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tPre4
	tShape
	tFlags
	tP1
	tP2
	tP1P2
	tP1Word
	tW1
	tW1Suf3
	tW2
	tN1
	tN1Suf3
	tN2
	tW1W0
	tW0N1
	tN1Shape
	tW1Shape
	tP1Suf3
	tP1N1
	tFlagsFirst
	tN1N2
	tW1P1
	tN1Suf2
	tW0Suf3N1
	tN1Flags
	tP1Shape
	tAmb
	tAmbN1
	tAmbN2
	tAmbW1
	tP1Amb
	tAmbAmbN1
	tWordAmbN1
	tAmbN1N2
	tSuf3AmbN1
	tCaseCtx
	tSentCase
	tSentCaseWord
	tP1Flags
	tW1FormW0
)

// features appends the features of position i (in padded lex slice lx, where lx[i+2] is the
// token) given the two previous predicted tags (0 = start) to out: its word features and tag
// features in template order (the order training has always used).
func features(out []uint64, lx []lex, i int, p1, p2, sentCase uint64) []uint64 {
	var wf [40]uint64
	var tf [10]uint64
	return percep.Interleave(out, wordFeatures(wf[:0], lx, i, sentCase), tagFeatures(tf[:0], lx, i, p1, p2),
		func(k int) bool { return tagTemplate[k+tBias] })
}

// tagTemplate marks the templates of tagFeatures.
var tagTemplate = [tW1FormW0 + 1]bool{tP1: true, tP2: true, tP1P2: true, tP1Word: true, tP1Suf3: true,
	tP1N1: true, tW1P1: true, tP1Shape: true, tP1Amb: true, tP1Flags: true}

// wordFeatures appends the features of position i that do not read predicted tags: in a
// two-pass model, both passes share them.
func wordFeatures(out []uint64, lx []lex, i int, sentCase uint64) []uint64 {
	w := &lx[i+2]
	w1, w2 := &lx[i+1], &lx[i]
	n1, n2 := &lx[i+3], &lx[i+4]
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	return append(out,
		percep.F1(tBias, 0),
		percep.F1(tWord, w.lower),
		percep.F1(tForm, w.form),
		percep.F1(tSuf1, w.suf[0]),
		percep.F1(tSuf2, w.suf[1]),
		percep.F1(tSuf3, w.suf[2]),
		percep.F1(tSuf4, w.suf[3]),
		percep.F1(tPre1, w.pre[0]),
		percep.F1(tPre2, w.pre[1]),
		percep.F1(tPre3, w.pre[2]),
		percep.F1(tPre4, w.pre[3]),
		percep.F1(tShape, w.shape),
		percep.F1(tFlags, w.flags),
		percep.F1(tW1, w1.lower),
		percep.F1(tW1Suf3, w1.suf[2]),
		percep.F1(tW2, w2.lower),
		percep.F1(tN1, n1.lower),
		percep.F1(tN1Suf3, n1.suf[2]),
		percep.F1(tN2, n2.lower),
		percep.F2(tW1W0, w1.lower, w.lower),
		percep.F2(tW0N1, w.lower, n1.lower),
		percep.F1(tN1Shape, n1.shape),
		percep.F1(tW1Shape, w1.shape),
		percep.F2(tFlagsFirst, w.flags, first),
		percep.F2(tN1N2, n1.lower, n2.lower),
		percep.F1(tN1Suf2, n1.suf[1]),
		percep.F2(tW0Suf3N1, w.suf[2], n1.suf[2]),
		percep.F1(tN1Flags, n1.flags),
		percep.F1(tAmb, w.amb),
		percep.F1(tAmbN1, n1.amb),
		percep.F1(tAmbN2, n2.amb),
		percep.F1(tAmbW1, w1.amb),
		percep.F2(tAmbAmbN1, w.amb, n1.amb),
		percep.F2(tWordAmbN1, w.lower, n1.amb),
		percep.F2(tAmbN1N2, n1.amb, n2.amb),
		percep.F2(tSuf3AmbN1, w.suf[2], n1.amb),
		percep.F3(tCaseCtx, w1.flags, w.flags, n1.flags),
		percep.F3(tSentCase, sentCase, w.flags, first),
		percep.F2(tSentCaseWord, sentCase, w.lower),
		percep.F2(tW1FormW0, w1.form, w.form),
	)
}

// tagFeatures appends the features of position i that read the two previous predicted tags.
func tagFeatures(out []uint64, lx []lex, i int, p1, p2 uint64) []uint64 {
	w := &lx[i+2]
	w1, n1 := &lx[i+1], &lx[i+3]
	return append(out,
		percep.F1(tP1, p1),
		percep.F1(tP2, p2),
		percep.F2(tP1P2, p1, p2),
		percep.F2(tP1Word, p1, w.lower),
		percep.F2(tP1Suf3, p1, w.suf[2]),
		percep.F2(tP1N1, p1, n1.lower),
		percep.F2(tW1P1, w1.lower, p1),
		percep.F2(tP1Shape, p1, w.shape),
		percep.F2(tP1Amb, p1, w.amb),
		percep.F2(tP1Flags, p1, w.flags),
	)
}

// sentenceCase buckets how capitalised the sentence's words are (headlines, shouting, lower-case
// web text), from the flags of the padded lex slice.
func sentenceCase(lx []lex) uint64 {
	words, title, upper := 0, 0, 0
	for _, l := range lx[2 : len(lx)-2] {
		if l.flags&3 == 0 { // no letters
			continue
		}
		words++
		if l.flags&32 != 0 {
			title++
		}
		if l.flags&64 != 0 {
			upper++
		}
	}
	switch {
	case words == 0:
		return 0
	case upper*10 >= words*8:
		return 1
	case title*10 >= words*6:
		return 2
	case title == 0:
		return 3
	case title*10 >= words*3:
		return 4
	}
	return 5
}

// Second-pass templates.
const (
	tRN1 = iota + 100
	tRN2
	tRN1N2
	tRP1N1
	tRWordN1
	tRN1Word
	tRSuf3N1
	tRW1N1
)

// rightFeatures appends the second pass's features: the first pass's tags of the next two words.
func rightFeatures(out []uint64, lx []lex, i int, p1 uint64, right []int) []uint64 {
	n1, n2 := uint64(1000), uint64(1001)
	if i+1 < len(right) {
		n1 = uint64(right[i+1] + 1)
	}
	if i+2 < len(right) {
		n2 = uint64(right[i+2] + 1)
	}
	w := &lx[i+2]
	return append(out,
		percep.F1(tRN1, n1),
		percep.F1(tRN2, n2),
		percep.F2(tRN1N2, n1, n2),
		percep.F2(tRP1N1, p1, n1),
		percep.F2(tRWordN1, w.lower, n1),
		percep.F2(tRN1Word, n1, lx[i+3].lower),
		percep.F2(tRSuf3N1, w.suf[2], n1),
		percep.F3(tRW1N1, lx[i+1].lower, w.lower, n1),
	)
}
