// Package tag is newsgraph's part-of-speech tagger and lemmatizer: a greedy averaged-perceptron
// tagger (Collins 2002, with the feature set of Honnibal's "A good POS tagger in 200 lines" plus
// prefixes, suffixes, shapes, ambiguity classes and wider lexical context) predicting Penn
// Treebank tags (UD XPOS) in two left-to-right passes, the second also reading the first pass's
// tags of the following words (trained on jackknifed first-pass tags); a lemmatizer of exceptions
// learned from a treebank plus suffix rules for unseen words; and UPOS derived by a table. The
// model is trained by cmd/newsgraph-train on UD English EWT and embedded in the package.
//
// It reads tokens and writes only their Tag and Lemma; it does not split sentences, tokenize,
// parse or read files at run time. A loaded Model is safe for concurrent use.
package tag

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/internal/modelcache"
	"github.com/newsgraph/newsgraph/extract/tag/percep"
)

//go:embed model.bin
var embedded []byte

const magic = "newsgraph-tagger-v1"

// Model is a trained tagger and lemmatizer. It is read-only after loading and safe for
// concurrent use.
type Model struct {
	tags   []string
	tagIDs map[string]int
	dict   map[string]uint16 // frequent unambiguous words (exact form) → tag
	amb    map[uint64]uint64 // hash of lower-cased word → ambiguity class
	w      *percep.Model     // first pass
	w2     *percep.Model     // second pass, reading first-pass tags of following words; may be nil
	// both holds w's and w2's rows under one key (w2's classes after w's) when w2 is set: one
	// look-up of a word feature serves both passes.
	both *percep.Model
	// lemmatizer
	lemEx    map[uint64]string // F1(tag, hash of base form) → lemma, where the rules are wrong
	lemRules map[uint64]rule   // F2(tag, suffix length, hash of suffix) → rule
	proper   []bool            // tag keeps case in lemmas (NNP, NNPS)
	verb     []bool            // tag is a verb's (VB…)
	pool     sync.Pool
}

// rule rewrites a base form into a lemma: drop Strip bytes from the end, then append Add.
type rule struct {
	Strip int
	Add   string
}

type scratch struct {
	lx    []lex
	sc2   []int32  // per word, the second pass's scores of its word features
	fixed []uint16 // dictionary tag of each word, noTag if none
	// nonVerb marks each word that cannot be a verb (see cannotBeVerb)
	nonVerb []bool
	tags    []int
	first   []int
	feats   []uint64
	sc      []int32
}

// Load decodes the embedded model. Each call decodes anew; use Default to share one.
func Load() (*Model, error) {
	m, err := Decode(embedded)
	if err != nil {
		return nil, fmt.Errorf("tag: embedded model: %w", err)
	}
	return m, nil
}

// Default returns the embedded model shared by everybody who holds it, loading it when nobody
// does (a model nobody holds any more is left to the garbage collector).
func Default() (*Model, error) { return cache.Get() }

var cache = modelcache.New(Load)

// Tags returns the tag set in class order.
func (m *Model) Tags() []string { return append([]string(nil), m.tags...) }

// Features returns the number of features in the model.
func (m *Model) Features() int {
	if m.w2 != nil {
		return m.w.Features() + m.w2.Features()
	}
	return m.w.Features()
}

func (m *Model) getScratch(n int) *scratch {
	s, _ := m.pool.Get().(*scratch)
	if s == nil {
		s = &scratch{sc: make([]int32, 2*len(m.tags))}
	}
	if cap(s.lx) < n+4 {
		s.lx = make([]lex, n+4)
		s.tags = make([]int, n)
	}
	s.lx = s.lx[:n+4]
	s.tags = s.tags[:n]
	return s
}

func word(t *doc.Token) string {
	if t.Norm != "" {
		return t.Norm
	}
	return t.Text
}

// Tag sets Tag and Lemma of every token, reading Norm (Text when Norm is empty).
func (m *Model) Tag(toks []doc.Token) {
	if len(toks) == 0 {
		return
	}
	s := m.getScratch(len(toks))
	defer m.pool.Put(s)
	m.predict(s, len(toks), func(i int) string { return word(&toks[i]) })
	m.write(s, toks)
}

// write sets the Tag and Lemma of toks from the tags in s.
func (m *Model) write(s *scratch, toks []doc.Token) {
	for i := range toks {
		toks[i].Tag = m.tags[s.tags[i]]
		toks[i].Lemma = m.lemma(word(&toks[i]), s.tags[i], &s.lx[i+2])
	}
}

// TagWords returns the tags of words (a convenience for training and evaluation).
func (m *Model) TagWords(words []string) []string {
	out := make([]string, len(words))
	if len(words) == 0 {
		return out
	}
	s := m.getScratch(len(words))
	defer m.pool.Put(s)
	m.predict(s, len(words), func(i int) string { return words[i] })
	for i := range words {
		out[i] = m.tags[s.tags[i]]
	}
	return out
}

// Lemma returns the lemma of word w tagged t (a Penn tag); unknown tags are treated as nouns.
func (m *Model) Lemma(w, t string) string {
	id, ok := m.tagIDs[t]
	if !ok {
		id = m.tagIDs["NN"]
	}
	l := lexOf(w)
	return m.lemma(w, id, &l)
}

func (m *Model) predict(s *scratch, n int, at func(int) string) {
	// Both passes read the same lexical properties and dictionary tags: compute them once.
	s.lx[0], s.lx[1] = padStart2, padStart
	s.lx[n+2], s.lx[n+3] = padEnd, padEnd2
	s.fixed, s.nonVerb = s.fixed[:0], s.nonVerb[:0]
	for i := 0; i < n; i++ {
		w := at(i)
		s.nonVerb = append(s.nonVerb, cannotBeVerb(w))
		s.lx[i+2] = lexOf(w)
		s.lx[i+2].amb = m.amb[s.lx[i+2].lower]
		t, ok := m.dict[w]
		if !ok {
			t = noTag
		}
		s.fixed = append(s.fixed, t)
	}
	sc := sentenceCase(s.lx)
	if m.both != nil {
		m.twoPasses(s, n, sc)
		return
	}
	m.pass(s, n, sc, m.w, nil)
	if m.w2 != nil {
		s.first = append(s.first[:0], s.tags...)
		m.pass(s, n, sc, m.w2, s.first)
	}
}

// joinPasses sets both from w and w2 where the two have at most 255 classes together (else
// predict scores the passes apart).
func (m *Model) joinPasses() {
	m.both = nil
	if m.w2 != nil {
		m.both, _ = percep.Concat(m.w, m.w2)
	}
}

// noTag marks a word the dictionary does not tag.
const noTag = ^uint16(0)

// pass tags the sentence left to right with weights w, reading s.lx and s.fixed as predict set
// them and sentence case sc; right, if not nil, holds first-pass tags read by the second pass's
// features.
func (m *Model) pass(s *scratch, n int, sc uint64, w *percep.Model, right []int) {
	scores := s.sc[:len(m.tags)]
	for i := 0; i < n; i++ {
		if t := s.fixed[i]; t != noTag {
			s.tags[i] = int(t)
			continue
		}
		p1, p2 := prevTags(s.tags, i)
		s.feats = features(s.feats[:0], s.lx, i, p1, p2, sc)
		if right != nil {
			s.feats = rightFeatures(s.feats, s.lx, i, p1, right)
		}
		clear(scores)
		w.Score(s.feats, scores)
		s.tags[i] = m.best(s, i, scores)
	}
}

// twoPasses tags the sentence with w, then again with w2 reading w's tags of the following
// words. Each word's word features are looked up once, in both, for both passes.
func (m *Model) twoPasses(s *scratch, n int, sc uint64) {
	nt := len(m.tags)
	all := s.sc[:2*nt] // classes of w, then of w2
	if cap(s.sc2) < n*nt {
		s.sc2 = make([]int32, n*nt)
	}
	s.sc2 = s.sc2[:n*nt]
	for i := 0; i < n; i++ {
		if t := s.fixed[i]; t != noTag {
			s.tags[i] = int(t)
			continue
		}
		s.feats = wordFeatures(s.feats[:0], s.lx, i, sc)
		clear(all)
		m.both.Score(s.feats, all)
		copy(s.sc2[i*nt:], all[nt:])
		p1, p2 := prevTags(s.tags, i)
		s.feats = tagFeatures(s.feats[:0], s.lx, i, p1, p2)
		m.both.Score(s.feats, all) // adds to w2's classes too: unused
		s.tags[i] = m.best(s, i, all[:nt])
	}
	s.first = append(s.first[:0], s.tags...)
	for i := 0; i < n; i++ {
		if s.fixed[i] == noTag {
			s.tags[i] = m.best(s, i, m.lastScores(s, i, sc))
		}
	}
}

// prevTags returns the feature values of the tags before position i (0 for the start).
func prevTags(tags []int, i int) (p1, p2 uint64) {
	if i > 0 {
		p1 = uint64(tags[i-1] + 1)
	}
	if i > 1 {
		p2 = uint64(tags[i-2] + 1)
	}
	return p1, p2
}

// addTag records tag t under id i.
func (m *Model) addTag(t string, i int) {
	m.tagIDs[t] = i
	m.proper = append(m.proper, t == "NNP" || t == "NNPS")
	m.verb = append(m.verb, strings.HasPrefix(t, "VB"))
}

// best returns the tag of position i with the highest score among those the word may have.
func (m *Model) best(s *scratch, i int, sc []int32) int {
	if !s.nonVerb[i] {
		return argmax(sc)
	}
	b := -1
	for c := range sc {
		if !m.verb[c] && (b < 0 || sc[c] > sc[b]) {
			b = c
		}
	}
	return b
}

// cannotBeVerb reports whether word w cannot be a verb whatever its context: a lower-case prefix
// hyphened to a capitalised word ("pro-Zenda", "anti-Ruritania", "mid-March", "non-EU") is an
// adjective or a name, never a verb, in the treebanks (49 of 49 in EWT and GUM).
func cannotBeVerb(w string) bool {
	h := strings.LastIndexByte(w, '-')
	if h <= 0 || h+1 >= len(w) || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[h+1:])
	return unicode.IsUpper(r)
}

// argmax returns the first class with the highest score.
func argmax(sc []int32) int {
	best := 0
	for c := 1; c < len(sc); c++ {
		if sc[c] > sc[best] {
			best = c
		}
	}
	return best
}

// lowerASCII reports the lower-cased form of w, allocating only when w has upper-case letters.
func lowerBase(w string) string { return strings.ToLower(w) }

// sufKey returns the rule key of the last k bytes of base under tag t.
func sufKey(t int, base string, k int) uint64 {
	return percep.F3(uint64(t), 7, uint64(k), percep.Str(base[len(base)-k:]))
}

func (m *Model) lemma(w string, t int, l *lex) string {
	proper := m.proper[t]
	var key uint64
	if proper {
		key = percep.F1(uint64(t), l.form)
	} else {
		key = percep.F1(uint64(t), l.lower)
	}
	if s, ok := m.lemEx[key]; ok {
		return s
	}
	twin, hasTwin := m.tagIDs[pastTwin[m.tags[t]]]
	if hasTwin && !proper {
		// An irregular past participle spelt as its past tense ("won", "held") takes the
		// past tense's lemma when the treebank listed only that one, and the other way round.
		if s, ok := m.lemEx[percep.F1(uint64(twin), l.lower)]; ok {
			return s
		}
	}
	base := w
	if !proper {
		base = lowerBase(w)
	}
	out, k := m.applyRulesLen(base, t)
	if hasTwin && !proper {
		// Of the two past forms' suffix rules, the one learned on the longer ending knows the
		// word better ("won": the past tense's rule for "won" over the participle's for "n").
		if o2, k2 := m.applyRulesLen(base, twin); k2 > k {
			out = o2
		}
	}
	switch m.tags[t] {
	case "VBD", "VBN", "VBG":
		return regularStem(base, out)
	}
	return out
}

// pastTwin pairs the past tense and the past participle, whose irregular forms are often one
// spelling ("won", "held", "told").
var pastTwin = map[string]string{"VBD": "VBN", "VBN": "VBD"}

// regularStem checks the lemma the suffix rules gave a regular inflected verb against English
// spelling: the stem of "-ed" or "-ing", that stem with "e", undoubled ("stopped"), or "-ied" as
// "-y". A suffix rule learned from other words that cuts into the stem ("robbed" → "rob" read
// into "absorbed") gives way to the plain stem, and any other lemma is the rules' own
// ("mislead" for "misled"); then the stem is spelt as verbs are: a doubled consonant no verb ends
// in is undoubled ("swimm"), a consonant and l takes an e ("squabbl"), a vowel pair and a
// consonant takes none ("floate"), and a one-syllable CVC stem that did not double, or an -ate,
// -ute, -ude, -ure, -ade, -ize stem, takes its e ("hop" from "hoped", "contemplat").
func regularStem(base, lemma string) string {
	var stem string
	switch {
	case strings.HasSuffix(base, "ed"):
		stem = base[:len(base)-2]
	case strings.HasSuffix(base, "ing"):
		stem = base[:len(base)-3]
	default:
		return lemma
	}
	if len(stem) < 2 {
		return lemma
	}
	last, prev := stem[len(stem)-1], stem[len(stem)-2]
	doubled := last == prev && strings.IndexByte("bdgmnprt", last) >= 0
	switch {
	case lemma == stem || lemma == stem+"e":
	case doubled && lemma == stem[:len(stem)-1]:
	case last == 'i' && strings.HasSuffix(base, "ied") && lemma == stem[:len(stem)-1]+"y":
	case len(lemma) < len(stem) && strings.HasPrefix(stem, lemma):
		lemma = stem // a rule that cut into the stem: "absor" for "absorbed"
	default:
		return lemma // an irregular form the rules know: "mislead" for "misled"
	}
	if lemma == stem && doubled && len(stem) > 3 {
		lemma = stem[:len(stem)-1]
	}
	if lemma == stem && last == 'l' && strings.IndexByte("bcdfgkptz", prev) >= 0 {
		lemma = stem + "e" // "squabbling", "handled": no English verb ends in a consonant and l
	}
	if lemma == stem+"e" && vowelPair(stem) {
		lemma = stem // "floated", "appeared": a stem in two vowels and t, d, n, l, r, m, k or p has no e
	}
	if lemma == stem && (shortCVC(stem) || silentE(stem)) {
		lemma = stem + "e" // "hoped", "voting"; "contemplated", "included", "lecturing"
	}
	return lemma
}

// silentE reports whether a stem of two syllables or more ends as verbs in silent -e do and no
// other verbs: -ate, -ute, -ude, -ure, -ade, -ize after a consonant ("contemplat", "includ",
// "lectur", "upgrad"), and -iate ("associat").
func silentE(stem string) bool {
	n := len(stem)
	if n < 5 || !strings.ContainsAny(stem[:n-2], "aeiou") {
		return false
	}
	switch stem[n-2:] {
	case "at", "ut", "ud", "ur", "ad", "iz":
	default:
		return false
	}
	before := stem[n-3]
	return strings.IndexByte("aeiou", before) < 0 || stem[n-3:] == "iat"
}

// vowelPair reports whether stem ends in two vowels and one of the consonants after which
// English writes no silent e ("float", "explain"; but "praise", "leave", "seize").
func vowelPair(stem string) bool {
	n := len(stem)
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	// A u before the pair is a consonant's ("require", "persuade", "guide"), not a vowel pair's;
	// "ia" and "ea" are often two syllables ("negotiate", "create").
	if n < 3 || strings.IndexByte("tdnlrmkp", stem[n-1]) < 0 || !vowel(stem[n-2]) || !vowel(stem[n-3]) {
		return false
	}
	pair := stem[n-3 : n-1]
	return stem[n-3] != 'u' && pair != "ia" && pair != "ea"
}

// shortCVC reports whether stem is one syllable ending in consonant, single vowel, consonant
// ("hop", "vot"), whose final consonant English doubles before -ed and -ing; w, x and y never
// double.
func shortCVC(stem string) bool {
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	n := len(stem)
	if n < 3 || vowel(stem[n-1]) || strings.IndexByte("wxy", stem[n-1]) >= 0 || !vowel(stem[n-2]) || vowel(stem[n-3]) {
		return false
	}
	for i := 0; i < n-2; i++ {
		if vowel(stem[i]) {
			return false // a second syllable: "visit", "open" do not double
		}
	}
	return true
}

func (m *Model) applyRules(base string, t int) string {
	out, _ := m.applyRulesLen(base, t)
	return out
}

// applyRulesLen is applyRules that also returns the length of the ending whose rule applied (-1
// when none did).
func (m *Model) applyRulesLen(base string, t int) (string, int) {
	for k := min(4, len(base)); k >= 0; k-- {
		r, ok := m.lemRules[sufKey(t, base, k)]
		if !ok {
			continue
		}
		if r.Strip > len(base) || (r.Strip == 0 && r.Add == "") {
			return base, k
		}
		out := base[:len(base)-r.Strip] + r.Add
		if out == "" || !utf8.ValidString(out) {
			return base, k
		}
		return out, k
	}
	return base, -1
}

// MarshalBinary encodes the model (gzip-compressed) for the model file.
func (m *Model) MarshalBinary() ([]byte, error) {
	b := percep.AppendString(nil, magic)
	b = appendUvarint(b, len(m.tags))
	for _, t := range m.tags {
		b = percep.AppendString(b, t)
	}
	dk := sortedKeys(m.dict)
	b = appendUvarint(b, len(dk))
	for _, k := range dk {
		b = percep.AppendString(b, k)
		b = appendUvarint(b, int(m.dict[k]))
	}
	ak := sortedKeys(m.amb)
	b = appendUvarint(b, len(ak))
	for _, k := range ak {
		b = appendU64(b, k)
		b = appendU64(b, m.amb[k])
	}
	ek := sortedKeys(m.lemEx)
	b = appendUvarint(b, len(ek))
	for _, k := range ek {
		b = appendU64(b, k)
		b = percep.AppendString(b, m.lemEx[k])
	}
	rk := sortedKeys(m.lemRules)
	b = appendUvarint(b, len(rk))
	for _, k := range rk {
		b = appendU64(b, k)
		b = appendUvarint(b, m.lemRules[k].Strip)
		b = percep.AppendString(b, m.lemRules[k].Add)
	}
	b, err := m.w.AppendBinary(b)
	if err != nil {
		return nil, err
	}
	if m.w2 != nil {
		b = append(b, 1)
		if b, err = m.w2.AppendBinary(b); err != nil {
			return nil, err
		}
	} else {
		b = append(b, 0)
	}
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if _, err := zw.Write(b); err != nil {
		return nil, fmt.Errorf("tag: compress model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("tag: compress model: %w", err)
	}
	return z.Bytes(), nil
}

// Decode decodes a model written by MarshalBinary.
func Decode(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("tag: model: %w", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("tag: model: %w", err)
	}
	d := percep.NewDecoder(b)
	if s := d.String(); s != magic {
		return nil, fmt.Errorf("tag: model: not a tagger model (header %q)", s)
	}
	m := &Model{tagIDs: map[string]int{}}
	n := d.Len(1 << 12)
	for i := 0; i < n; i++ {
		t := d.String()
		m.tags = append(m.tags, t)
		m.addTag(t, i)
	}
	n = d.Len(1 << 24)
	m.dict = make(map[string]uint16, n)
	for i := 0; i < n; i++ {
		k := d.String()
		m.dict[k] = uint16(d.Len(len(m.tags) - 1))
	}
	n = d.Len(1 << 24)
	m.amb = make(map[uint64]uint64, n)
	for i := 0; i < n; i++ {
		k := readU64(d)
		m.amb[k] = readU64(d)
	}
	n = d.Len(1 << 24)
	m.lemEx = make(map[uint64]string, n)
	for i := 0; i < n; i++ {
		k := readU64(d)
		m.lemEx[k] = d.String()
	}
	n = d.Len(1 << 24)
	m.lemRules = make(map[uint64]rule, n)
	for i := 0; i < n; i++ {
		k := readU64(d)
		s := d.Len(1 << 10)
		m.lemRules[k] = rule{Strip: s, Add: d.String()}
	}
	if d.Err() != nil {
		return nil, fmt.Errorf("tag: model: %w", d.Err())
	}
	m.w, err = d.Model()
	if err != nil {
		return nil, fmt.Errorf("tag: model weights: %w", err)
	}
	if two := d.Len(1); two == 1 {
		if m.w2, err = d.Model(); err != nil {
			return nil, fmt.Errorf("tag: model second-pass weights: %w", err)
		}
	} else if d.Err() != nil {
		return nil, fmt.Errorf("tag: model: %w", d.Err())
	}
	if m.w.Classes != len(m.tags) || (m.w2 != nil && m.w2.Classes != len(m.tags)) || len(m.tags) == 0 {
		return nil, fmt.Errorf("tag: model: %d weight classes for %d tags", m.w.Classes, len(m.tags))
	}
	if _, ok := m.tagIDs["NN"]; !ok {
		return nil, fmt.Errorf("tag: model: tag set lacks NN")
	}
	m.joinPasses()
	return m, nil
}

// ModelSize returns the size in bytes of the embedded model file.
func ModelSize() int { return len(embedded) }
