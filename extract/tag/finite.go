package tag

import (
	"cmp"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// Reading is another tag the tagger might have given one word: a finite verb reading of a word
// it tagged otherwise.
type Reading struct {
	Index int    // the word's index in the sentence
	Tag   string // the finite tag (VBD or VBZ)
	// Margin is how much more the tagger's last pass scored its own choice than this reading:
	// the smaller, the closer the call.
	Margin int32
}

// FiniteReadings returns the finite readings the tagger passed over in toks, the closest call
// first: a past participle or an adjective in -ed read as a past tense (VBN or JJ as VBD:
// "Ruritania fired/VBN rounds", "its terms sparked/JJ anger"), a lower-case plural noun in -s
// read as a present tense (NNS as VBZ: "the action accuses/NNS him"). Words the dictionary tags,
// and words that cannot be verbs, are never offered. toks are read, not changed.
func (m *Model) FiniteReadings(toks []doc.Token) []Reading {
	if len(toks) == 0 {
		return nil
	}
	s := m.getScratch(len(toks))
	defer m.pool.Put(s)
	m.predict(s, len(toks), func(i int) string { return word(&toks[i]) })
	sc := sentenceCase(s.lx)
	var out []Reading
	for i := range toks {
		if s.fixed[i] != noTag || s.nonVerb[i] {
			continue
		}
		t := finiteReading(m.tags[s.tags[i]], word(&toks[i]))
		alt, ok := m.tagIDs[t]
		if !ok {
			continue
		}
		scores := m.lastScores(s, i, sc)
		out = append(out, Reading{Index: i, Tag: t, Margin: scores[s.tags[i]] - scores[alt]})
	}
	slices.SortStableFunc(out, func(a, b Reading) int { return cmp.Compare(a.Margin, b.Margin) })
	return out
}

// TagAs is Tag with the word at index r.Index given tag r.Tag: the words after it are tagged again
// with that tag as their left context, as the tagger would have tagged them had it chosen so.
func (m *Model) TagAs(toks []doc.Token, r Reading) {
	t, ok := m.tagIDs[r.Tag]
	if !ok || r.Index < 0 || r.Index >= len(toks) {
		m.Tag(toks)
		return
	}
	s := m.getScratch(len(toks))
	defer m.pool.Put(s)
	m.predict(s, len(toks), func(i int) string { return word(&toks[i]) })
	sc := sentenceCase(s.lx)
	s.tags[r.Index] = t
	for j := r.Index + 1; j < len(toks); j++ {
		if s.fixed[j] == noTag {
			s.tags[j] = m.best(s, j, m.lastScores(s, j, sc))
		}
	}
	m.write(s, toks)
}

// finiteReading returns the finite tag a word w tagged t might have instead ("" if none).
func finiteReading(t, w string) string {
	switch t {
	case "VBN":
		return "VBD"
	case "JJ":
		if strings.HasSuffix(w, "ed") && w == strings.ToLower(w) {
			return "VBD" // "its terms sparked/JJ backlash"
		}
	case "NNS":
		if strings.HasSuffix(w, "s") && w == strings.ToLower(w) && !Nominal(w) {
			return "VBZ"
		}
	}
	return ""
}

// nominalSuffixes end plural nouns made from other words, which no verb ends in:
// "preparations", "statements", "players".
var nominalSuffixes = []string{"ions", "ments", "nesses", "ities", "ers", "ors", "ists", "ships", "ances", "ences", "ings"}

// Nominal reports whether a word ends in a suffix that makes plural nouns ("preparations",
// "players"): no verb form ends so, whatever a tagger says.
func Nominal(w string) bool {
	for _, s := range nominalSuffixes {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// lastScores returns the last pass's scores of the classes of word i, given the tags before it
// in s.tags (and, for a two-pass model, the first pass's tags in s.first). The slice is scratch
// space, valid until the next call.
func (m *Model) lastScores(s *scratch, i int, sc uint64) []int32 {
	nt := len(m.tags)
	p1, p2 := prevTags(s.tags, i)
	if m.both != nil {
		all := s.sc[:2*nt]
		s.feats = tagFeatures(s.feats[:0], s.lx, i, p1, p2)
		s.feats = rightFeatures(s.feats, s.lx, i, p1, s.first)
		copy(all[nt:], s.sc2[i*nt:(i+1)*nt])
		m.both.Score(s.feats, all) // adds to the first pass's classes too: unused
		return all[nt:]
	}
	w, right := m.w, []int(nil)
	if m.w2 != nil {
		w, right = m.w2, s.first
	}
	scores := s.sc[:nt]
	s.feats = features(s.feats[:0], s.lx, i, p1, p2, sc)
	if right != nil {
		s.feats = rightFeatures(s.feats, s.lx, i, p1, right)
	}
	clear(scores)
	w.Score(s.feats, scores)
	return scores
}
