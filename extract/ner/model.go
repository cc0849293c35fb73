package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

// The labels the statistical model predicts (UniversalNER's types), in IOB2.
var rawLabels = [...]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

const nLabels = len(rawLabels)

// labelIndex maps an IOB2 tag over PER/ORG/LOC to its index; unknown tags are O.
func labelIndex(tag string) uint8 {
	for i, l := range rawLabels {
		if l == tag {
			return uint8(i)
		}
	}
	return 0
}

// allowed reports whether label b may follow label a (a == nLabels is the sentence start):
// an I- tag only continues a B- or I- tag of its own type.
func allowed(a, b int) bool {
	if b == 0 || b%2 == 1 {
		return true
	}
	return a != nLabels && a != 0 && (a+1)/2 == b/2
}

// weights is a read-only feature table: open addressing over 64-bit feature hashes, with one row
// of nLabels weights per feature.
type weights struct {
	keys  []uint64
	rows  []float32
	mask  uint64
	trans [(nLabels + 1) * nLabels]float32
}

// row returns the weights of feature f, or nil when the model does not know it.
func (w *weights) row(f uint64) []float32 {
	if f == 0 {
		f = 1 // 0 marks an empty slot
	}
	for i := f & w.mask; ; i = (i + 1) & w.mask {
		k := w.keys[i]
		if k == f {
			j := int(i) * nLabels
			return w.rows[j : j+nLabels : j+nLabels]
		}
		if k == 0 {
			return nil
		}
	}
}

// newWeights builds a table from feature → row maps.
func newWeights(feats []uint64, rows [][nLabels]float32, trans []float32) *weights {
	size := uint64(16)
	for size < uint64(len(feats))*2 {
		size <<= 1
	}
	w := &weights{keys: make([]uint64, size), rows: make([]float32, size*uint64(nLabels)), mask: size - 1}
	for j, f := range feats {
		if f == 0 {
			f = 1
		}
		i := f & w.mask
		for w.keys[i] != 0 && w.keys[i] != f {
			i = (i + 1) & w.mask
		}
		w.keys[i] = f
		copy(w.rows[i*uint64(nLabels):], rows[j][:])
	}
	copy(w.trans[:], trans)
	return w
}

// Model is a trained named-entity recogniser. It is safe for concurrent use.
type Model struct {
	w      *weights
	dict   Dict
	epochs int
	pool   sync.Pool
}

func newModel(w *weights, dict Dict) *Model {
	m := &Model{w: w, dict: dict}
	m.pool.New = func() any { return &scratch{dict: dict} }
	return m
}

// tagWords labels words with indices into rawLabels, using s's buffers; the result aliases s.path.
func (m *Model) tagWords(s *scratch, words, pos []string) []uint8 {
	n := len(words)
	if n == 0 {
		return nil
	}
	s.prepare(words, pos)
	if cap(s.score) < n*nLabels {
		s.score = make([]float32, n*nLabels)
		s.back = make([]uint8, n*nLabels)
	}
	s.score, s.back = s.score[:n*nLabels], s.back[:n*nLabels]
	if cap(s.path) < n {
		s.path = make([]uint8, n)
	}
	s.path = s.path[:n]
	var em [nLabels]float32
	for i := 0; i < n; i++ {
		em = [nLabels]float32{}
		s.feats = s.features(s.feats[:0], i)
		for _, f := range s.feats {
			if r := m.w.row(f); r != nil {
				for k := range em {
					em[k] += r[k]
				}
			}
		}
		viterbiStep(&m.w.trans, s.score, s.back, i, &em)
	}
	viterbiBack(s.score, s.back, s.path)
	return s.path
}

// viterbiStep fills column i of the lattice from emission scores em.
func viterbiStep(trans *[(nLabels + 1) * nLabels]float32, score []float32, back []uint8, i int, em *[nLabels]float32) {
	cur := score[i*nLabels : i*nLabels+nLabels]
	for b := 0; b < nLabels; b++ {
		if i == 0 {
			if !allowed(nLabels, b) {
				cur[b] = float32(math.Inf(-1))
				continue
			}
			cur[b] = em[b] + trans[nLabels*nLabels+b]
			continue
		}
		prev := score[(i-1)*nLabels : i*nLabels]
		best, arg := float32(math.Inf(-1)), 0
		for a := 0; a < nLabels; a++ {
			if !allowed(a, b) {
				continue
			}
			if v := prev[a] + trans[a*nLabels+b]; v > best {
				best, arg = v, a
			}
		}
		cur[b] = best + em[b]
		back[i*nLabels+b] = uint8(arg)
	}
}

// viterbiBack follows the back pointers into path.
func viterbiBack(score []float32, back []uint8, path []uint8) {
	n := len(path)
	last := score[(n-1)*nLabels : n*nLabels]
	best := 0
	for k := 1; k < nLabels; k++ {
		if last[k] > last[best] {
			best = k
		}
	}
	path[n-1] = uint8(best)
	for i := n - 1; i > 0; i-- {
		path[i-1] = back[i*nLabels+int(path[i])]
	}
}

// TagWords labels a sentence of words with the statistical model alone, in UniversalNER's IOB2
// tags (B-PER, I-ORG, O...): no gazetteer rules, no label mapping. It is what the accuracy figures
// on UniversalNER measure.
func (m *Model) TagWords(words []string) []string { return m.TagWordsPOS(words, nil) }

// TagWordsPOS is TagWords with the words' part-of-speech tags (Penn; nil or "" when not known).
func (m *Model) TagWordsPOS(words, pos []string) []string {
	s := m.pool.Get().(*scratch)
	defer m.pool.Put(s)
	path := m.tagWords(s, words, pos)
	out := make([]string, len(words))
	for i, l := range path {
		out[i] = rawLabels[l]
	}
	return out
}

// Model file format (little endian): magic "NGNER1\n", uint32 feature count n, float32 scale,
// (nLabels+1)*nLabels float32 transition weights, n feature hashes (ascending, as uvarint
// deltas), n*nLabels int16 weights quantised by scale, then the word list: uint32 count d, d word
// hashes (ascending, uvarint deltas) and d class bytes.
const magic = "NGNER1\n"

// WriteTo writes the model in its compact binary format: weights quantised to 16 bits.
func (m *Model) WriteTo(out io.Writer) (int64, error) {
	var feats []uint64
	var rows [][nLabels]float32
	maxAbs := float32(0)
	for i, k := range m.w.keys {
		if k == 0 {
			continue
		}
		var r [nLabels]float32
		copy(r[:], m.w.rows[i*nLabels:])
		feats = append(feats, k)
		rows = append(rows, r)
		for _, v := range r {
			maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
		}
	}
	sortFeats(feats, rows)
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	var buf bytes.Buffer
	buf.WriteString(magic)
	le := binary.LittleEndian
	buf.Write(le.AppendUint32(nil, uint32(len(feats))))
	buf.Write(le.AppendUint32(nil, math.Float32bits(scale)))
	for _, v := range m.w.trans {
		buf.Write(le.AppendUint32(nil, math.Float32bits(v)))
	}
	// Keys as deltas in varints: sorted hashes compress well.
	prev := uint64(0)
	for _, k := range feats {
		buf.Write(binary.AppendUvarint(nil, k-prev))
		prev = k
	}
	for _, r := range rows {
		for _, v := range r {
			q := int16(math.Round(float64(v / scale)))
			buf.Write(le.AppendUint16(nil, uint16(q)))
		}
	}
	// The word list: sorted hashes as varint deltas, then one class byte each.
	dk := make([]uint64, 0, len(m.dict))
	for k := range m.dict {
		dk = append(dk, k)
	}
	slices.Sort(dk)
	buf.Write(le.AppendUint32(nil, uint32(len(dk))))
	prev = 0
	for _, k := range dk {
		buf.Write(binary.AppendUvarint(nil, k-prev))
		prev = k
	}
	for _, k := range dk {
		buf.WriteByte(m.dict[k])
	}
	n, err := out.Write(buf.Bytes())
	if err != nil {
		return int64(n), fmt.Errorf("ner: write model: %w", err)
	}
	return int64(n), nil
}

// Decode reads a model written by WriteTo.
func Decode(b []byte) (*Model, error) {
	if !bytes.HasPrefix(b, []byte(magic)) {
		return nil, errors.New("ner: model: bad magic (not a newsgraph NER model)")
	}
	b = b[len(magic):]
	le := binary.LittleEndian
	need := 8 + 4*(nLabels+1)*nLabels
	if len(b) < need {
		return nil, errors.New("ner: model: truncated header")
	}
	n := int(le.Uint32(b))
	scale := math.Float32frombits(le.Uint32(b[4:]))
	var trans [(nLabels + 1) * nLabels]float32
	for i := range trans {
		trans[i] = math.Float32frombits(le.Uint32(b[8+4*i:]))
	}
	b = b[need:]
	if n < 0 || n > len(b) {
		return nil, fmt.Errorf("ner: model: bad feature count %d", n)
	}
	feats := make([]uint64, n)
	prev := uint64(0)
	for i := range feats {
		d, k := binary.Uvarint(b)
		if k <= 0 {
			return nil, fmt.Errorf("ner: model: bad feature key %d", i)
		}
		b = b[k:]
		prev += d
		feats[i] = prev
	}
	if len(b) < n*nLabels*2+4 {
		return nil, fmt.Errorf("ner: model: want %d weight bytes, have %d", n*nLabels*2, len(b))
	}
	rows := make([][nLabels]float32, n)
	for i := range rows {
		for k := 0; k < nLabels; k++ {
			rows[i][k] = float32(int16(le.Uint16(b[(i*nLabels+k)*2:]))) * scale
		}
	}
	b = b[n*nLabels*2:]
	nd := int(le.Uint32(b))
	b = b[4:]
	if nd < 0 || nd > len(b) {
		return nil, fmt.Errorf("ner: model: bad word-list size %d", nd)
	}
	dk := make([]uint64, nd)
	prev = 0
	for i := range dk {
		d, k := binary.Uvarint(b)
		if k <= 0 {
			return nil, fmt.Errorf("ner: model: bad word-list key %d", i)
		}
		b = b[k:]
		prev += d
		dk[i] = prev
	}
	if len(b) != nd {
		return nil, fmt.Errorf("ner: model: want %d word-list classes, have %d bytes", nd, len(b))
	}
	var dict Dict
	if nd > 0 {
		dict = make(Dict, nd)
		for i, k := range dk {
			dict[k] = b[i]
		}
	}
	return newModel(newWeights(feats, rows, trans[:]), dict), nil
}
