// Package percep is the averaged multi-class perceptron (Collins 2002) shared by newsgraph's
// tagger and parser: a Trainer that learns sparse weights over hashed features, and a compact
// read-only Model (pruned, int16-quantized, sparse rows) that scores features without
// allocating. It knows nothing about words, tags or trees; feature extraction is the caller's.
// A Model is safe for concurrent use; a Trainer is not.
package percep

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
)

// Hash helpers: features are uint64 keys built from a template id and interned or hashed values,
// with no strings allocated per feature.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix is the splitmix64 finalizer.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// F1 returns the feature key of template t with value a.
func F1(t, a uint64) uint64 { return mix(t*0x9e3779b97f4a7c15 ^ a) }

// F2 returns the feature key of template t with values a and b.
func F2(t, a, b uint64) uint64 { return mix(mix(t*0x9e3779b97f4a7c15^a) + b) }

// F3 returns the feature key of template t with values a, b and c.
func F3(t, a, b, c uint64) uint64 { return mix(mix(mix(t*0x9e3779b97f4a7c15^a)+b) + c) }

// Str returns the FNV-1a hash of s.
func Str(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// Interleave appends to out the features of a and b merged in an order: the i-th feature
// appended is b's next one where fromB(i), else a's next one. Training scores features in a
// fixed order (float sums depend on it), while scoring with a Model may take them in groups.
func Interleave(out, a, b []uint64, fromB func(i int) bool) []uint64 {
	for i, n := 0, len(a)+len(b); i < n; i++ {
		if fromB(i) && len(b) > 0 || len(a) == 0 {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return out
}

// entry is one class weight of a training row: w the current weight, u the sum of
// update*timestamp used to average.
type entry struct {
	c int32
	w float32
	u float64
}

// pend counts the instances in which a feature not yet in the model was updated.
type pend struct {
	t float64 // last instance counted
	n int32
}

// Trainer learns an averaged perceptron over hashed features. Not safe for concurrent use.
type Trainer struct {
	// Classes is the number of classes.
	Classes int
	// MinUpdates, when above 1, keeps a feature out of the model until it has been part of that
	// many updates: a frequency cut-off that keeps rare features from memorizing the data.
	MinUpdates int
	index      map[uint64]int32
	pending    map[uint64]pend // updates seen for features not yet in the model
	rows       [][]entry
	t          float64 // instances seen
}

// NewTrainer returns a trainer for the given number of classes.
func NewTrainer(classes int) *Trainer {
	return &Trainer{Classes: classes, index: make(map[uint64]int32)}
}

// Score adds the current (not averaged) weights of feats to scores (len Classes).
func (tr *Trainer) Score(feats []uint64, scores []float32) {
	for _, f := range feats {
		if r, ok := tr.index[f]; ok {
			for _, e := range tr.rows[r] {
				scores[e.c] += e.w
			}
		}
	}
}

// Tick counts one training instance; call once per prediction, before any Update for it.
func (tr *Trainer) Tick() { tr.t++ }

// Update adds delta to the weight of class c for every feature in feats.
func (tr *Trainer) Update(feats []uint64, c int, delta float32) {
	for _, f := range feats {
		r, ok := tr.index[f]
		if !ok && tr.MinUpdates > 1 {
			if tr.pending == nil {
				tr.pending = map[uint64]pend{}
			}
			p := tr.pending[f]
			if p.t != tr.t { // count instances, not the several Update calls of one instance
				p.t, p.n = tr.t, p.n+1
				tr.pending[f] = p
			}
			if p.n < int32(tr.MinUpdates) {
				continue
			}
			delete(tr.pending, f)
		}
		if !ok {
			r = int32(len(tr.rows))
			tr.index[f] = r
			tr.rows = append(tr.rows, nil)
		}
		row := tr.rows[r]
		found := false
		for i := range row {
			if row[i].c == int32(c) {
				row[i].w += delta
				row[i].u += tr.t * float64(delta)
				found = true
				break
			}
		}
		if !found {
			tr.rows[r] = append(row, entry{c: int32(c), w: delta, u: tr.t * float64(delta)})
		}
	}
}

// Features returns the number of distinct features with weights.
func (tr *Trainer) Features() int { return len(tr.rows) }

// Model averages the weights, drops those whose magnitude is below minWeight, quantizes the rest
// to int16 and returns the compact model. The trainer can continue training afterwards.
func (tr *Trainer) Model(minWeight float64) *Model {
	t := tr.t
	if t == 0 {
		t = 1
	}
	avg := func(e entry) float64 { return float64(e.w) - e.u/t }
	// Keys are stored as 32-bit fingerprints: rows whose fingerprints collide are merged.
	merged := map[uint32]map[int32]float64{}
	maxAbs := 0.0
	for k, r := range tr.index {
		fp := uint32(k)
		row := merged[fp]
		if row == nil {
			row = map[int32]float64{}
			merged[fp] = row
		}
		for _, e := range tr.rows[r] {
			row[e.c] += avg(e)
		}
	}
	keys := make([]uint32, 0, len(merged))
	for k, row := range merged {
		keys = append(keys, k)
		for _, w := range row {
			maxAbs = max(maxAbs, math.Abs(w))
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	scale := 1.0
	if maxAbs > 0 {
		scale = 32000 / maxAbs
	}
	m := &Model{Classes: tr.Classes, Scale: float32(scale)}
	m.off = append(m.off, 0)
	type ce struct {
		c int32
		q int16
	}
	var buf []ce
	for _, k := range keys {
		buf = buf[:0]
		for c, a := range merged[k] {
			if math.Abs(a) < minWeight {
				continue
			}
			q := int16(math.Round(a * scale))
			if q != 0 {
				buf = append(buf, ce{c, q})
			}
		}
		if len(buf) == 0 {
			continue
		}
		sort.Slice(buf, func(i, j int) bool { return buf[i].c < buf[j].c })
		m.keys = append(m.keys, k)
		for _, e := range buf {
			m.ent = append(m.ent, uint32(e.c)<<16|uint32(uint16(e.q)))
		}
		m.off = append(m.off, uint32(len(m.ent)))
	}
	m.build()
	return m
}

// Model is a compact averaged-perceptron model: sparse int16 rows keyed by feature hash. Safe for
// concurrent use.
type Model struct {
	// Classes is the number of classes.
	Classes int
	// Scale is the factor by which float weights were multiplied before quantizing.
	Scale float32
	keys  []uint32 // 32-bit feature fingerprints (low bits of the feature keys), sorted
	off   []uint32 // row i is ent[off[i]:off[i+1]]
	ent   []uint32 // class<<16 | uint16(weight)
	// table is an open-addressing table of the features (linear probing, at most half full):
	// fingerprint<<32 | row start<<8 | row length, 0 for an empty slot.
	table []uint64
	// run holds the sparse rows as Score reads them (as in ent); a row's start is its index in
	// run.
	run []uint32
	// dense holds the rows with more than a third of the classes (length 0 in the table; a row's
	// start is its index in dense): word j of a row holds the weights of classes 4j to 4j+3, 16
	// bits each, offset by 1<<15 so that Score adds them as unsigned lanes.
	dense []uint64
}

// denseWords returns the number of words of a dense row of m.
func (m *Model) denseWords() int { return (m.Classes + 3) / 4 }

func (m *Model) build() {
	if len(m.ent) >= 1<<24 {
		// Decoder refuses such models; Trainer, Sum and Concat make none in this repository.
		panic(fmt.Sprintf("percep: %d weights: row starts are 24-bit", len(m.ent)))
	}
	m.table = make([]uint64, 2*len(m.keys)+16) // at most half full
	m.run = make([]uint32, 0, len(m.ent))
	q := m.denseWords()
	// Dense rows start after one unused row, so that no table entry is 0 (an empty slot).
	m.dense = make([]uint64, q)
	for _, i := range m.byLength() {
		k := m.keys[i]
		row := m.ent[m.off[i]:m.off[i+1]]
		var start, n int
		if 3*len(row) > m.Classes {
			start = len(m.dense)
			d := make([]uint64, q)
			for j := range d {
				d[j] = 0x8000800080008000 // weight 0 in every lane
			}
			for _, e := range row {
				c := e >> 16
				d[c/4] ^= uint64(uint16(e)) << (16 * (c % 4))
			}
			m.dense = append(m.dense, d...)
		} else {
			start, n = len(m.run), len(row)
			m.run = append(m.run, row...)
		}
		p := m.slot(k)
		for m.table[p] != 0 {
			if p++; p == uint64(len(m.table)) {
				p = 0
			}
		}
		m.table[p] = uint64(k)<<32 | uint64(start)<<8 | uint64(n)
	}
}

// byLength returns the row indices by decreasing row length (then in key order). Features
// with long rows are the frequent ones: placed first, their rows share cache lines and their
// table slots need no probing.
func (m *Model) byLength() []int32 {
	var count [257]int32 // by 256 - row length: the counts, then where each length starts
	for i := range m.keys {
		count[256-(m.off[i+1]-m.off[i])]++
	}
	for l, c := int32(0), int32(0); l < 257; l++ {
		count[l], c = c, c+count[l]
	}
	order := make([]int32, len(m.keys))
	for i := range m.keys {
		l := 256 - (m.off[i+1] - m.off[i])
		order[count[l]] = int32(i)
		count[l]++
	}
	return order
}

// slot returns the home slot of fingerprint k: fingerprints are hash bits, so their high bits
// spread them evenly over the table.
func (m *Model) slot(k uint32) uint64 { return uint64(k) * uint64(len(m.table)) >> 32 }

// lanes selects the low 16 bits of each 32-bit half of a word.
const lanes = 0x0000ffff0000ffff

// Score adds the quantized weights of feats to scores (len Classes).
func (m *Model) Score(feats []uint64, scores []int32) {
	// Phases: find every feature's row, load each sparse row's first word, then add the rows.
	// The loads of each phase are independent, so the processor overlaps their cache misses.
	// Dense rows are added at the end of a chunk, four rows at a time, four classes at a time as
	// two words of two 32-bit lanes (the even and the odd classes of each group of four); their
	// offsets are taken off at the end.
	const chunkLen = 128 // at most 128 offset weights of 1<<16 each in a 32-bit lane
	var found [chunkLen]uint64
	var first [chunkLen]uint32
	var even, odd [64]uint64     // Classes ≤ 255
	var denseAt [chunkLen]uint32 // starts of the dense rows found
	table, run, dense := m.table, m.run, m.dense
	size := uint64(len(table))
	q := uint32(m.denseWords())
	scores = scores[:m.Classes]
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), chunkLen)]
		feats = feats[len(chunk):]
		// Every feature's home slot is loaded first, with no branch between the loads (a
		// branch on a value still loading would hold up the loads after it when mispredicted);
		// the features whose home slot holds another feature probe on afterwards.
		for i, f := range chunk {
			found[i] = table[uint64(uint32(f))*size>>32]
		}
		n := 0
		for i, f := range chunk {
			k, v := uint32(f), found[i]
			for p := uint64(k) * size >> 32; v != 0 && uint32(v>>32) != k; v = table[p] {
				if p++; p == size {
					p = 0
				}
			}
			if v != 0 {
				found[n] = v
				n++
			}
		}
		for i, v := range found[:n] {
			if v&0xff != 0 {
				first[i] = run[uint32(v>>8)&0xffffff]
			}
		}
		nd := 0
		for i, v := range found[:n] {
			start, ln := uint32(v>>8)&0xffffff, uint32(v&0xff)
			if ln == 0 {
				denseAt[nd] = start
				nd++
				continue
			}
			e := first[i]
			scores[e>>16] += int32(int16(uint16(e)))
			for _, e := range run[start+1 : start+ln] {
				scores[e>>16] += int32(int16(uint16(e)))
			}
		}
		if nd > 0 {
			ev, od := even[:q], odd[:q]
			at := denseAt[:nd]
			for ; len(at) >= 4; at = at[4:] { // four rows at a time: fewer updates of ev and od
				r0, r1 := dense[at[0]:at[0]+q], dense[at[1]:at[1]+q]
				r2, r3 := dense[at[2]:at[2]+q], dense[at[3]:at[3]+q]
				r1, r2, r3 = r1[:len(r0)], r2[:len(r0)], r3[:len(r0)]
				ev, od := ev[:len(r0)], od[:len(r0)]
				for j, x := range r0 {
					y, z, w := r1[j], r2[j], r3[j]
					ev[j] += x&lanes + y&lanes + z&lanes + w&lanes
					od[j] += x>>16&lanes + y>>16&lanes + z>>16&lanes + w>>16&lanes
				}
			}
			for _, st := range at {
				row := dense[st : st+q]
				ev, od := ev[:len(row)], od[:len(row)]
				for j, x := range row {
					ev[j] += x & lanes
					od[j] += x >> 16 & lanes
				}
			}
			m.addDense(scores, ev, od, uint32(nd)<<15)
		}
	}
}

// addDense adds the lane sums of dense rows to scores, taking off bias from each, and clears
// the sums.
func (m *Model) addDense(scores []int32, even, odd []uint64, bias uint32) {
	full := m.Classes / 4
	for j := 0; j < full; j++ {
		e, o := even[j], odd[j]
		s := scores[4*j : 4*j+4]
		s[0] += int32(uint32(e) - bias)
		s[1] += int32(uint32(o) - bias)
		s[2] += int32(uint32(e>>32) - bias)
		s[3] += int32(uint32(o>>32) - bias)
	}
	for c := 4 * full; c < m.Classes; c++ { // the last, partial group
		v := even[c/4]
		if c%2 == 1 {
			v = odd[c/4]
		}
		if c%4 >= 2 {
			v >>= 32
		}
		scores[c] += int32(uint32(v) - bias)
	}
	clear(even)
	clear(odd)
}

// Features returns the number of features in the model.
func (m *Model) Features() int { return len(m.keys) }

// Weights returns the number of non-zero weights in the model.
func (m *Model) Weights() int { return len(m.ent) }

// AppendBinary appends the model's encoding to b.
func (m *Model) AppendBinary(b []byte) ([]byte, error) {
	b = binary.AppendUvarint(b, uint64(m.Classes))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.Scale))
	b = binary.AppendUvarint(b, uint64(len(m.keys)))
	var prev uint32
	for i, k := range m.keys { // keys are sorted: store deltas
		b = binary.AppendUvarint(b, uint64(k-prev))
		prev = k
		b = binary.AppendUvarint(b, uint64(m.off[i+1]-m.off[i]))
	}
	for _, e := range m.ent {
		b = binary.AppendUvarint(b, uint64(e>>16))
		b = binary.LittleEndian.AppendUint16(b, uint16(e))
	}
	return b, nil
}

// Decoder reads the simple binary encodings used by newsgraph's model files.
type Decoder struct {
	b   []byte
	err error
}

// NewDecoder returns a decoder over b.
func NewDecoder(b []byte) *Decoder { return &Decoder{b: b} }

// Err returns the first error met, if any.
func (d *Decoder) Err() error { return d.err }

// Uvarint reads an unsigned varint.
func (d *Decoder) Uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errors.New("truncated or bad varint")
		return 0
	}
	d.b = d.b[n:]
	return v
}

// Len reads a length and checks it is at most max.
func (d *Decoder) Len(max int) int {
	v := d.Uvarint()
	if v > uint64(max) {
		if d.err == nil {
			d.err = fmt.Errorf("length %d exceeds %d", v, max)
		}
		return 0
	}
	return int(v)
}

// Uint16 reads a little-endian uint16.
func (d *Decoder) Uint16() uint16 {
	if d.err != nil {
		return 0
	}
	if len(d.b) < 2 {
		d.err = errors.New("truncated")
		return 0
	}
	v := binary.LittleEndian.Uint16(d.b)
	d.b = d.b[2:]
	return v
}

// Uint32 reads a little-endian uint32.
func (d *Decoder) Uint32() uint32 {
	if d.err != nil {
		return 0
	}
	if len(d.b) < 4 {
		d.err = errors.New("truncated")
		return 0
	}
	v := binary.LittleEndian.Uint32(d.b)
	d.b = d.b[4:]
	return v
}

// String reads a length-prefixed string.
func (d *Decoder) String() string {
	n := d.Len(1 << 20)
	if d.err != nil {
		return ""
	}
	if len(d.b) < n {
		d.err = errors.New("truncated string")
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

// AppendString appends a length-prefixed string to b.
func AppendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// Model decodes a model written by AppendBinary.
func (d *Decoder) Model() (*Model, error) {
	m := &Model{Classes: d.Len(255)}
	m.Scale = math.Float32frombits(d.Uint32())
	n := d.Len(1 << 28)
	if d.err != nil {
		return nil, d.err
	}
	if m.Classes > 255 {
		return nil, fmt.Errorf("%d classes, at most 255", m.Classes)
	}
	m.keys = make([]uint32, n)
	m.off = make([]uint32, n+1)
	var prev uint32
	for i := 0; i < n; i++ {
		prev += uint32(d.Uvarint())
		m.keys[i] = prev
		rl := d.Len(m.Classes)
		if rl == 0 && d.err == nil {
			d.err = errors.New("empty weight row")
		}
		m.off[i+1] = m.off[i] + uint32(rl)
	}
	if d.err != nil {
		return nil, d.err
	}
	m.ent = make([]uint32, m.off[n])
	for i := range m.ent {
		c := d.Len(m.Classes - 1)
		m.ent[i] = uint32(c)<<16 | uint32(d.Uint16())
	}
	if d.err != nil {
		return nil, d.err
	}
	if m.off[n] >= 1<<24 { // row starts are 24-bit
		return nil, fmt.Errorf("%d weights, at most %d", m.off[n], 1<<24-1)
	}
	m.build()
	return m, nil
}

// Prune returns a copy of m without the weights whose quantized magnitude is below minQ, and
// without features left with no weights.
func (m *Model) Prune(minQ int) *Model {
	return m.filter(func(out, row []uint32) []uint32 {
		for _, e := range row {
			if magnitude(e) >= minQ {
				out = append(out, e)
			}
		}
		return out
	})
}

// PruneFeatures returns a copy of m without the features none of whose weights has a quantized
// magnitude of minQ or more; the features kept keep all their weights.
func (m *Model) PruneFeatures(minQ int) *Model {
	return m.filter(func(out, row []uint32) []uint32 {
		for _, e := range row {
			if magnitude(e) >= minQ {
				return append(out, row...)
			}
		}
		return out
	})
}

// magnitude returns the absolute quantized weight of entry e.
func magnitude(e uint32) int {
	w := int(int16(uint16(e)))
	return max(w, -w)
}

// filter returns a copy of m whose rows are keep's (keep appends what it keeps of a row to out);
// features with empty rows are dropped.
func (m *Model) filter(keep func(out, row []uint32) []uint32) *Model {
	p := &Model{Classes: m.Classes, Scale: m.Scale, off: []uint32{0}}
	for i, k := range m.keys {
		n := len(p.ent)
		if p.ent = keep(p.ent, m.ent[m.off[i]:m.off[i+1]]); len(p.ent) > n {
			p.keys = append(p.keys, k)
			p.off = append(p.off, uint32(len(p.ent)))
		}
	}
	p.build()
	return p
}

// Concat returns a model with the classes of a then those of b (class a.Classes+c is b's class
// c): scoring a feature list once gives the scores of both. Each half keeps its model's scale.
func Concat(a, b *Model) (*Model, error) {
	if a.Classes+b.Classes > 255 {
		return nil, fmt.Errorf("percep: concatenation of models with %d and %d classes: more than 255", a.Classes, b.Classes)
	}
	m := &Model{Classes: a.Classes + b.Classes, Scale: a.Scale, off: []uint32{0}}
	m.keys = make([]uint32, 0, max(len(a.keys), len(b.keys)))
	m.ent = make([]uint32, 0, len(a.ent)+len(b.ent))
	shift := uint32(a.Classes) << 16
	i, j := 0, 0
	for i < len(a.keys) || j < len(b.keys) { // merge the sorted keys
		switch {
		case j == len(b.keys) || i < len(a.keys) && a.keys[i] < b.keys[j]:
			m.keys = append(m.keys, a.keys[i])
			m.ent = append(m.ent, a.ent[a.off[i]:a.off[i+1]]...)
			i++
		case i == len(a.keys) || b.keys[j] < a.keys[i]:
			m.keys = append(m.keys, b.keys[j])
			for _, e := range b.ent[b.off[j]:b.off[j+1]] {
				m.ent = append(m.ent, e+shift)
			}
			j++
		default: // the same key in both
			m.keys = append(m.keys, a.keys[i])
			m.ent = append(m.ent, a.ent[a.off[i]:a.off[i+1]]...)
			for _, e := range b.ent[b.off[j]:b.off[j+1]] {
				m.ent = append(m.ent, e+shift)
			}
			i++
			j++
		}
		m.off = append(m.off, uint32(len(m.ent)))
	}
	m.build()
	return m, nil
}

// Sum returns a model whose weights are the sums of a's and b's (an ensemble of two models over
// the same classes and feature templates), re-quantized.
func Sum(a, b *Model) (*Model, error) {
	if a.Classes != b.Classes {
		return nil, fmt.Errorf("percep: sum of models with %d and %d classes", a.Classes, b.Classes)
	}
	rows := map[uint32]map[int32]float64{}
	add := func(m *Model) {
		for i, k := range m.keys {
			r := rows[k]
			if r == nil {
				r = map[int32]float64{}
				rows[k] = r
			}
			for _, e := range m.ent[m.off[i]:m.off[i+1]] {
				r[int32(e>>16)] += float64(int16(uint16(e))) / float64(m.Scale)
			}
		}
	}
	add(a)
	add(b)
	keys := make([]uint32, 0, len(rows))
	maxAbs := 0.0
	for k, r := range rows {
		keys = append(keys, k)
		for _, w := range r {
			maxAbs = max(maxAbs, math.Abs(w))
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	scale := 1.0
	if maxAbs > 0 {
		scale = 32000 / maxAbs
	}
	m := &Model{Classes: a.Classes, Scale: float32(scale), off: []uint32{0}}
	for _, k := range keys {
		cs := make([]int32, 0, len(rows[k]))
		for c := range rows[k] {
			cs = append(cs, c)
		}
		sort.Slice(cs, func(i, j int) bool { return cs[i] < cs[j] })
		n := len(m.ent)
		for _, c := range cs {
			if q := int16(math.Round(rows[k][c] * scale)); q != 0 {
				m.ent = append(m.ent, uint32(c)<<16|uint32(uint16(q)))
			}
		}
		if len(m.ent) > n {
			m.keys = append(m.keys, k)
			m.off = append(m.off, uint32(len(m.ent)))
		}
	}
	m.build()
	return m, nil
}
