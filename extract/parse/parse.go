// Package parse is newsgraph's dependency parser: a greedy arc-hybrid transition-based parser
// (Kuhlmann et al. 2011) trained with the dynamic oracle of Goldberg & Nivre (2013) and an
// averaged perceptron over Zhang & Nivre (2011) style feature templates (the shipped model sums
// the weights of perceptrons trained with different seeds), labelling arcs with full
// Universal Dependencies relations as in CoNLL-U column 8 ("nsubj:pass", "acl:relcl"). The
// model is trained by cmd/newsgraph-train on UD English EWT with predicted tags and embedded in
// the package.
//
// It reads tokens' Norm (or Text) and Tag and writes only Head and Dep; it does not tag, split
// sentences or read files at run time. It never panics on any input and always produces a tree
// with one root. A loaded Model is safe for concurrent use.
package parse

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/internal/modelcache"
	"github.com/newsgraph/newsgraph/extract/tag/percep"
)

//go:embed model.bin
var embedded []byte

const magic = "newsgraph-parser-v1"

// Model is a trained parser, read-only after loading and safe for concurrent use.
type Model struct {
	labels []string
	tagIDs map[string]uint64
	tags   []string
	rootL  int               // index of "root" in labels
	amb    map[uint64]uint64 // word hash → ambiguity class
	w      *percep.Model
	pool   sync.Pool
}

type scratch struct {
	st    state
	t     sent
	feats []uint64
	sc    []int32
	bufSc []int32 // scores of the buffer features, kept until the buffer front moves
}

// Load decodes the embedded model. Each call decodes anew; use Default to share one.
func Load() (*Model, error) {
	m, err := Decode(embedded)
	if err != nil {
		return nil, fmt.Errorf("parse: embedded model: %w", err)
	}
	return m, nil
}

// Default returns the embedded model shared by everybody who holds it, loading it when nobody
// does (a model nobody holds any more is left to the garbage collector).
func Default() (*Model, error) { return cache.Get() }

var cache = modelcache.New(Load)

// Labels returns the dependency relations the model predicts.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// Features returns the number of features in the model.
func (m *Model) Features() int { return m.w.Features() }

// wordHash returns the hash of the lower-cased word, allocating only for non-ASCII upper case.
func wordHash(s string) uint64 {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return percep.Str(strings.ToLower(s))
		}
	}
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func (m *Model) fill(t *sent, n int, word, tg func(int) string) {
	if cap(t.w) < n+1 {
		t.w = make([]uint64, n+1)
		t.p = make([]uint64, n+1)
	}
	t.w, t.p = t.w[:n+1], t.p[:n+1]
	if cap(t.suf) < n+1 {
		t.suf = make([]uint64, n+1)
		t.amb = make([]uint64, n+1)
	}
	t.suf, t.amb = t.suf[:n+1], t.amb[:n+1]
	t.suf[n], t.amb[n] = rootW, rootW
	if cap(t.punct) < n+2 {
		t.punct = make([]int32, n+2)
		t.verb = make([]int32, n+2)
	}
	t.punct, t.verb = t.punct[:n+2], t.verb[:n+2]
	for i := 0; i < n; i++ {
		tag := tg(i)
		wd := word(i)
		t.w[i] = wordHash(wd)
		t.amb[i] = m.amb[t.w[i]]
		t.suf[i] = wordHash(wd[max(0, len(wd)-3):]) ^ 0x5bd1e995
		t.p[i] = m.tagIDs[tag] // 0 when unknown
		t.punct[i+1], t.verb[i+1] = t.punct[i], t.verb[i]
		if tag == "," || tag == ":" || tag == "." || tag == "-LRB-" || tag == "-RRB-" {
			t.punct[i+1]++
		}
		if strings.HasPrefix(tag, "VB") || tag == "MD" {
			t.verb[i+1]++
		}
	}
	t.punct[n+1], t.verb[n+1] = t.punct[n], t.verb[n]
	t.w[n], t.p[n] = rootW, rootP
}

// Parse sets Head (-1 for the root, else an index into toks) and Dep of every token, reading
// Norm (Text when empty) and Tag.
func (m *Model) Parse(toks []doc.Token) {
	if len(toks) == 0 {
		return
	}
	s, _ := m.pool.Get().(*scratch)
	if s == nil {
		s = &scratch{sc: make([]int32, classes(len(m.labels))), bufSc: make([]int32, classes(len(m.labels)))}
	}
	defer m.pool.Put(s)
	n := len(toks)
	m.fill(&s.t, n, func(i int) string {
		if toks[i].Norm != "" {
			return toks[i].Norm
		}
		return toks[i].Text
	}, func(i int) string { return toks[i].Tag })
	m.run(s, n)
	for i := range toks {
		h := s.st.head[i]
		if h == n || h < 0 {
			toks[i].Head = -1
		} else {
			toks[i].Head = h
		}
		toks[i].Dep = m.labels[s.st.label[i]]
	}
}

// ParseWords returns heads (-1 root) and relations for words tagged tags (for evaluation).
func (m *Model) ParseWords(words, tags []string) ([]int, []string) {
	toks := make([]doc.Token, len(words))
	for i := range words {
		toks[i].Text, toks[i].Tag = words[i], tags[i]
	}
	m.Parse(toks)
	heads := make([]int, len(toks))
	deps := make([]string, len(toks))
	for i, t := range toks {
		heads[i], deps[i] = t.Head, t.Dep
	}
	return heads, deps
}

// run parses the sentence in s.t greedily.
func (m *Model) run(s *scratch, n int) {
	st := &s.st
	st.reset(n)
	bufAt := -1 // the buffer front whose buffer features s.bufSc holds
	for !st.terminal() {
		// Where one transition is legal, best would pick it whatever the scores.
		if len(st.stack) == 1 { // only the root on the stack: SHIFT
			st.apply(0)
			continue
		}
		if !st.canShift() && len(st.stack) == 2 { // one word left: RIGHT(root)
			st.apply(rightAction(m.rootL))
			continue
		}
		if st.b != bufAt { // the buffer features change only with SHIFT
			s.feats = bufferFeatures(s.feats[:0], st, &s.t)
			clear(s.bufSc)
			m.w.Score(s.feats, s.bufSc)
			bufAt = st.b
		}
		s.feats = stackFeatures(s.feats[:0], st, &s.t)
		copy(s.sc, s.bufSc)
		m.w.Score(s.feats, s.sc)
		st.apply(m.best(st, s.sc))
	}
	// Safety net: the system always ends with a tree, but never leave a word unattached.
	for i := 0; i < n; i++ {
		if st.head[i] < 0 || st.label[i] < 0 {
			st.head[i], st.label[i] = n, m.rootL
		}
	}
}

// best returns the highest-scoring legal action: the first in the order SHIFT, LEFT(0),
// RIGHT(0), LEFT(1), RIGHT(1)... where several score the same.
func (m *Model) best(st *state, sc []int32) int {
	best, bestSc := -1, int32(0)
	if st.canShift() {
		best, bestSc = 0, sc[shift]+sc[3]
	}
	canLeft, canRight, rootOnly := st.canLeft(), st.canRight(), st.rootOnly()
	kl, kr := sc[left], sc[right]
	acts := sc[4:] // LEFT(l) is acts[2l], RIGHT(l) acts[2l+1]
	for l := range m.labels {
		isRoot := l == m.rootL
		if canLeft && !isRoot {
			if v := kl + acts[2*l]; best < 0 || v > bestSc {
				best, bestSc = leftAction(l), v
			}
		}
		if canRight && isRoot == rootOnly {
			if v := kr + acts[2*l+1]; best < 0 || v > bestSc {
				best, bestSc = rightAction(l), v
			}
		}
	}
	return best
}

// MarshalBinary encodes the model (gzip-compressed) for the model file.
func (m *Model) MarshalBinary() ([]byte, error) {
	b := percep.AppendString(nil, magic)
	b = percep.AppendString(b, strings.Join(m.labels, "\n"))
	b = percep.AppendString(b, strings.Join(m.tags, "\n"))
	ak := make([]uint64, 0, len(m.amb))
	for k := range m.amb {
		ak = append(ak, k)
	}
	slices.Sort(ak)
	b = binary.AppendUvarint(b, uint64(len(ak)))
	for _, k := range ak {
		b = binary.LittleEndian.AppendUint64(b, k)
		b = binary.LittleEndian.AppendUint64(b, m.amb[k])
	}
	b, err := m.w.AppendBinary(b)
	if err != nil {
		return nil, err
	}
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if _, err := zw.Write(b); err != nil {
		return nil, fmt.Errorf("parse: compress model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("parse: compress model: %w", err)
	}
	return z.Bytes(), nil
}

// classes returns the number of weight classes for n labels: the three transition kinds, whose
// weights every labelled action of the kind shares, then SHIFT, LEFT(l) and RIGHT(l). An
// action's score is its kind's weight plus its own.
func classes(n int) int { return 3 + 1 + 2*n }

// Decode decodes a model written by MarshalBinary.
func Decode(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parse: model: %w", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("parse: model: %w", err)
	}
	d := percep.NewDecoder(b)
	if s := d.String(); s != magic {
		return nil, fmt.Errorf("parse: model: not a parser model (header %q)", s)
	}
	labels := strings.Split(d.String(), "\n")
	tags := strings.Split(d.String(), "\n")
	if d.Err() != nil {
		return nil, fmt.Errorf("parse: model: %w", d.Err())
	}
	m, err := newModel(labels, tags)
	if err != nil {
		return nil, err
	}
	n := d.Len(1 << 24)
	for i := 0; i < n; i++ {
		k := uint64(d.Uint32()) | uint64(d.Uint32())<<32
		m.amb[k] = uint64(d.Uint32()) | uint64(d.Uint32())<<32
	}
	if d.Err() != nil {
		return nil, fmt.Errorf("parse: model: %w", d.Err())
	}
	if m.w, err = d.Model(); err != nil {
		return nil, fmt.Errorf("parse: model weights: %w", err)
	}
	if m.w.Classes != classes(len(m.labels)) {
		return nil, fmt.Errorf("parse: model: %d weight classes for %d labels", m.w.Classes, len(m.labels))
	}
	return m, nil
}

func newModel(labels, tags []string) (*Model, error) {
	m := &Model{labels: labels, tags: tags, tagIDs: map[string]uint64{}, rootL: -1, amb: map[uint64]uint64{}}
	for i, l := range labels {
		if l == "root" {
			m.rootL = i
		}
	}
	if m.rootL < 0 || len(labels) < 2 || len(labels) > 64 {
		return nil, fmt.Errorf("parse: model: bad label set (%d labels, root required, at most 64)", len(labels))
	}
	for i, t := range tags {
		m.tagIDs[t] = uint64(i + 1)
	}
	return m, nil
}

// ModelSize returns the size in bytes of the embedded model file.
func ModelSize() int { return len(embedded) }

// Pruned returns a copy of m without the weights whose magnitude is below minWeight.
func (m *Model) Pruned(minWeight float64) *Model {
	p, _ := newModel(m.labels, m.tags)
	p.w, p.amb = m.w.Prune(m.quantized(minWeight)), m.amb
	return p
}

// PrunedFeatures returns a copy of m without the features whose weights all have a magnitude
// below minWeight (the features kept keep all their weights).
func (m *Model) PrunedFeatures(minWeight float64) *Model {
	p, _ := newModel(m.labels, m.tags)
	p.w, p.amb = m.w.PruneFeatures(m.quantized(minWeight)), m.amb
	return p
}

// quantized returns weight w in the units of m's stored weights.
func (m *Model) quantized(w float64) int { return int(math.Round(w * float64(m.w.Scale))) }

// Ensemble returns a model whose weights are the sums of the given models' weights; the models
// must have been trained on the same treebank (same labels, tags and ambiguity classes).
func Ensemble(models ...*Model) (*Model, error) {
	if len(models) == 0 {
		return nil, fmt.Errorf("parse: ensemble of no models")
	}
	first := models[0]
	p, err := newModel(first.labels, first.tags)
	if err != nil {
		return nil, err
	}
	p.w, p.amb = first.w, first.amb
	for _, m := range models[1:] {
		if !slices.Equal(m.labels, first.labels) || !slices.Equal(m.tags, first.tags) || len(m.amb) != len(first.amb) {
			return nil, fmt.Errorf("parse: ensemble of models trained on different data")
		}
		if p.w, err = percep.Sum(p.w, m.w); err != nil {
			return nil, fmt.Errorf("parse: ensemble: %w", err)
		}
	}
	return p, nil
}
