package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/lexicon"
)

// Feature templates. Each feature is a uint64 hash of its template and its values; the hashes are
// computed from precomputed per-token hashes, so extraction allocates nothing per feature.
const (
	fBias uint64 = iota + 1
	fWord
	fLower
	fShape
	fPre2
	fPre3
	fPre4
	fSuf2
	fSuf3
	fSuf4
	fLowerM1
	fLowerP1
	fLowerM2
	fLowerP2
	fBiM1
	fBiP1
	fShapeM1
	fShapeP1
	fShape3
	fFirstShape
	fFlags
	fFlagsM1
	fFlagsP1
	fGaz
	fGazM1
	fGazP1
	fGazWord
	fSkipM1P1
	fWordM1
	fWordP1
	fLen
	fLowerCap
	fPos
	fPosM1
	fPosP1
	fPosFlags
	fPos3
	fDict
	fDictM1
	fDictP1
)

// Token flags.
const (
	flInitCap uint64 = 1 << iota
	flAllCaps
	flHasDigit
	flHasHyphen
	flHasPeriod
	flNoLetter
	flMixedCase
	flFirst
)

// tokInfo holds the per-token hashes features are built from.
type tokInfo struct {
	word, lower, shape uint64
	pre2, pre3, pre4   uint64
	suf2, suf3, suf4   uint64
	flags              uint64
	gaz                uint64 // lexicon class of the phrase covering the token, with its B/I position
	lex                uint64 // lexicon class of the token alone
	nLen               uint64
	pos                uint64 // hash of the part-of-speech tag, 0 when not set
	dict               uint64 // dictionary class of the word (see Dict), 0 when not listed
}

const (
	hOffset = 14695981039346656037
	hPrime  = 1099511628211
)

// mix is the splitmix64 finaliser: it spreads a value over all 64 bits.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

func feat1(t, a uint64) uint64    { return mix(t<<56 ^ mix(a)) }
func feat2(t, a, b uint64) uint64 { return mix(t<<56 ^ mix(a) ^ mix(b+0x51ed27)) }
func feat3(t, a, b, c uint64) uint64 {
	return mix(t<<56 ^ mix(a) ^ mix(b+0x51ed27) ^ mix(c+0x3c6ef372))
}

func hashBytes(b []byte) uint64 {
	h := uint64(hOffset)
	for _, c := range b {
		h = (h ^ uint64(c)) * hPrime
	}
	return h
}

func hashString(s string) uint64 {
	h := uint64(hOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * hPrime
	}
	return h
}

// scratch holds the buffers one recognition call needs; pooled so calls do not allocate.
type scratch struct {
	dict  Dict
	info  []tokInfo
	words []string
	low   []byte
	feats []uint64
	score []float32
	back  []uint8
	path  []uint8
	seen  []bool
}

// prepare fills s.info for words.
// pos, when not nil, holds the words' part-of-speech tags ("" for none).
func (s *scratch) prepare(words, pos []string) {
	n := len(words)
	if cap(s.info) < n {
		s.info = make([]tokInfo, n)
	}
	s.info = s.info[:n]
	for i, w := range words {
		s.info[i] = s.tokenInfo(w, i == 0)
		if s.dict != nil {
			s.info[i].dict = uint64(s.dict[s.info[i].lower])
		}
		if i < len(pos) && pos[i] != "" {
			s.info[i].pos = hashString(pos[i]) | 1
		}
	}
	// Gazetteer phrases, longest match first, left to right.
	for i := 0; i < n; {
		m, e := lexicon.Match(words, i)
		if m == 0 {
			i++
			continue
		}
		c := uint64(e.Class)
		for j := i; j < i+m; j++ {
			pos := uint64(2) // inside
			if j == i {
				pos = 1 // begins
			}
			s.info[j].gaz = c<<2 | pos
		}
		i += m
	}
	for i, w := range words {
		if e, ok := lexicon.Lookup(w); ok {
			s.info[i].lex = uint64(e.Class)
		}
	}
}

// tokenInfo computes the hashes of one word.
func (s *scratch) tokenInfo(w string, first bool) tokInfo {
	var t tokInfo
	s.low = s.low[:0]
	var shape uint64 = hOffset
	var last rune = -1
	upper, lower, letters, digits, runes := 0, 0, 0, 0, 0
	for i := 0; i < len(w); {
		r, size := rune(w[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(w[i:])
		}
		i += size
		runes++
		var cls rune
		switch {
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z', r >= utf8.RuneSelf && unicode.IsUpper(r):
			cls, upper, letters = 'X', upper+1, letters+1
		case r < utf8.RuneSelf && 'a' <= r && r <= 'z', r >= utf8.RuneSelf && unicode.IsLetter(r):
			cls, lower, letters = 'x', lower+1, letters+1
		case '0' <= r && r <= '9':
			cls, digits = 'd', digits+1
		default:
			cls = r
			switch r {
			case '-':
				t.flags |= flHasHyphen
			case '.':
				t.flags |= flHasPeriod
			}
		}
		if cls != last {
			shape = (shape ^ uint64(cls)) * hPrime
			last = cls
		}
		lr := unicode.ToLower(r)
		if lr < utf8.RuneSelf {
			s.low = append(s.low, byte(lr))
		} else {
			s.low = utf8.AppendRune(s.low, lr)
		}
	}
	t.word = hashString(w)
	t.lower = hashBytes(s.low)
	t.shape = shape
	l := s.low
	pick := func(k int, suffix bool) uint64 {
		if len(l) < k {
			return 0
		}
		if suffix {
			return hashBytes(l[len(l)-k:])
		}
		return hashBytes(l[:k])
	}
	t.pre2, t.pre3, t.pre4 = pick(2, false), pick(3, false), pick(4, false)
	t.suf2, t.suf3, t.suf4 = pick(2, true), pick(3, true), pick(4, true)
	if upper > 0 && w[0] < utf8.RuneSelf && 'A' <= w[0] && w[0] <= 'Z' || upper > 0 && w[0] >= utf8.RuneSelf && unicode.IsUpper([]rune(w)[0]) {
		t.flags |= flInitCap
	}
	if upper > 0 && lower == 0 {
		t.flags |= flAllCaps
	}
	if upper > 1 && lower > 0 {
		t.flags |= flMixedCase
	}
	if digits > 0 {
		t.flags |= flHasDigit
	}
	if letters == 0 {
		t.flags |= flNoLetter
	}
	if first {
		t.flags |= flFirst
	}
	switch {
	case runes <= 2:
		t.nLen = uint64(runes)
	case runes <= 4:
		t.nLen = 3
	default:
		t.nLen = 5
	}
	return t
}

// boundary values stand for the words before the start and after the end of a sentence.
const (
	bos uint64 = 0xb05b05b05
	eos uint64 = 0xe05e05e05
)

// features appends the features of token i to dst.
func (s *scratch) features(dst []uint64, i int) []uint64 {
	info := s.info
	n := len(info)
	t := &info[i]
	low := func(j int) uint64 {
		if j < 0 {
			return bos
		}
		if j >= n {
			return eos
		}
		return info[j].lower
	}
	word := func(j int) uint64 {
		if j < 0 {
			return bos
		}
		if j >= n {
			return eos
		}
		return info[j].word
	}
	shape := func(j int) uint64 {
		if j < 0 {
			return bos
		}
		if j >= n {
			return eos
		}
		return info[j].shape
	}
	flags := func(j int) uint64 {
		if j < 0 {
			return bos
		}
		if j >= n {
			return eos
		}
		return info[j].flags
	}
	gaz := func(j int) uint64 {
		if j < 0 || j >= n {
			return 0
		}
		return info[j].gaz
	}
	dst = append(dst,
		feat1(fBias, 0),
		feat1(fWord, t.word),
		feat1(fLower, t.lower),
		feat1(fShape, t.shape),
		feat1(fPre2, t.pre2),
		feat1(fPre3, t.pre3),
		feat1(fPre4, t.pre4),
		feat1(fSuf2, t.suf2),
		feat1(fSuf3, t.suf3),
		feat1(fSuf4, t.suf4),
		feat1(fLowerM1, low(i-1)),
		feat1(fLowerP1, low(i+1)),
		feat1(fLowerM2, low(i-2)),
		feat1(fLowerP2, low(i+2)),
		feat2(fBiM1, low(i-1), t.lower),
		feat2(fBiP1, t.lower, low(i+1)),
		feat2(fShapeM1, shape(i-1), t.shape),
		feat2(fShapeP1, t.shape, shape(i+1)),
		feat3(fShape3, shape(i-1), t.shape, shape(i+1)),
		feat2(fFlags, t.flags, t.nLen),
		feat2(fFlagsM1, flags(i-1), t.flags),
		feat2(fFlagsP1, t.flags, flags(i+1)),
		feat2(fSkipM1P1, low(i-1), low(i+1)),
		feat2(fWordM1, word(i-1), t.flags),
		feat2(fWordP1, word(i+1), t.flags),
	)
	dst = append(dst, feat2(fLowerCap, t.lower, t.flags&(flInitCap|flAllCaps|flFirst)))
	if t.pos != 0 {
		pos := func(j int) uint64 {
			if j < 0 {
				return bos
			}
			if j >= n {
				return eos
			}
			return info[j].pos
		}
		dst = append(dst,
			feat1(fPos, t.pos),
			feat2(fPosM1, pos(i-1), t.pos),
			feat2(fPosP1, t.pos, pos(i+1)),
			feat2(fPosFlags, t.pos, t.flags&(flInitCap|flAllCaps|flFirst)),
			feat3(fPos3, pos(i-1), t.pos, pos(i+1)),
		)
	}
	if s.dict != nil {
		dict := func(j int) uint64 {
			if j < 0 {
				return bos
			}
			if j >= n {
				return eos
			}
			return info[j].dict
		}
		cf := t.flags & (flInitCap | flAllCaps | flFirst)
		dst = append(dst,
			feat2(fDict, t.dict, cf),
			feat3(fDictM1, dict(i-1), t.dict, cf),
			feat3(fDictP1, t.dict, dict(i+1), cf),
		)
	}
	if t.flags&flFirst != 0 {
		dst = append(dst, feat2(fFirstShape, t.shape, t.lower))
	}
	if g := t.gaz; g != 0 {
		dst = append(dst, feat2(fGaz, g, t.flags&(flInitCap|flAllCaps)))
	}
	if g := gaz(i - 1); g != 0 {
		dst = append(dst, feat2(fGazM1, g, t.flags&(flInitCap|flAllCaps)))
	}
	if g := gaz(i + 1); g != 0 {
		dst = append(dst, feat2(fGazP1, g, t.flags&(flInitCap|flAllCaps)))
	}
	if t.lex != 0 {
		dst = append(dst, feat2(fGazWord, t.lex, t.flags&(flInitCap|flAllCaps)))
	}
	return dst
}

// Dict maps the hash of a lower-cased word to the forms a word list has of it: DictCapitalised
// ("Florida"), DictLower ("table") or both ("Bill", "bill").
type Dict map[uint64]uint8

// Dictionary classes.
const (
	DictCapitalised uint8 = 1 << iota
	DictLower
)

// ReadDict reads a word list, one word a line (as /usr/share/dict/words): possessives ("'s") are
// skipped.
func ReadDict(r io.Reader) (Dict, error) {
	d := Dict{}
	sc := bufio.NewScanner(r)
	var s scratch
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasSuffix(w, "'s") {
			continue
		}
		t := s.tokenInfo(w, false)
		c := DictLower
		if t.flags&(flInitCap|flAllCaps) != 0 {
			c = DictCapitalised
		}
		d[t.lower] |= c
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: word list: %w", err)
	}
	return d, nil
}
