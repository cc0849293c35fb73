package tag

import (
	"errors"
	"fmt"
	"io"
	"math/rand"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/internal/conllu"
	"github.com/newsgraph/newsgraph/extract/tag/percep"
)

// TrainOptions controls training.
type TrainOptions struct {
	// Epochs is the number of passes over the training data (default 10).
	Epochs int
	// Seed seeds the shuffling of sentences between epochs.
	Seed int64
	// MinWeight drops averaged weights of smaller magnitude from the final model (default 0.05).
	MinWeight float64
	// Log, if not nil, receives one progress line per epoch.
	Log io.Writer
	// Folds, when above 1, adds a second pass that also reads the first pass's tags of the
	// following words; its training tags come from first-pass models jackknifed over Folds folds.
	Folds int
	// Dev, if not empty, is tagged after some epochs and its accuracy logged.
	Dev []*conllu.Sentence
}

// Train learns a tagger and lemmatizer from sentences with gold XPOS and lemmas.
func Train(train []*conllu.Sentence, opt TrainOptions) (*Model, error) {
	if len(train) == 0 {
		return nil, errors.New("tag: train: no sentences")
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.MinWeight == 0 {
		opt.MinWeight = 0.05
	}
	m := &Model{tagIDs: map[string]int{}}
	for _, s := range train {
		for _, w := range s.Words {
			if _, ok := m.tagIDs[w.XPOS]; !ok {
				m.tagIDs[w.XPOS] = 0
				m.tags = append(m.tags, w.XPOS)
			}
		}
	}
	if _, ok := m.tagIDs["NN"]; !ok {
		m.tags = append(m.tags, "NN")
	}
	slices.Sort(m.tags)
	for i, t := range m.tags {
		m.addTag(t, i)
	}
	m.buildDict(train)
	m.buildAmb(train)
	m.buildLemmas(train)

	m.w = m.trainPass(train, nil, opt, 1)
	if opt.Folds > 1 {
		right, err := m.jackknife(train, opt)
		if err != nil {
			return nil, err
		}
		m.w2 = m.trainPass(train, right, opt, 2)
	}
	return m, nil
}

// jackknife returns first-pass tags of every training sentence from first-pass models trained
// on the other folds.
func (m *Model) jackknife(train []*conllu.Sentence, opt TrainOptions) ([][]int, error) {
	out := make([][]int, len(train))
	fo := opt
	fo.Log, fo.Dev = nil, nil
	for f := 0; f < opt.Folds; f++ {
		var rest []*conllu.Sentence
		var held []int
		for i, s := range train {
			if i%opt.Folds == f {
				held = append(held, i)
			} else {
				rest = append(rest, s)
			}
		}
		fo.Seed = opt.Seed + int64(f) + 1
		fm := m.with(m.trainPass(rest, nil, fo, 1), nil)
		for _, i := range held {
			words := make([]string, len(train[i].Words))
			for j, w := range train[i].Words {
				words[j] = w.Form
			}
			sc := fm.getScratch(len(words))
			fm.predict(sc, len(words), func(k int) string { return words[k] }) // fm has one pass
			out[i] = append([]int(nil), sc.tags...)
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "tagger jackknife fold %d/%d done\n", f+1, opt.Folds)
		}
	}
	return out, nil
}

// trainPass trains one pass's weights; right holds first-pass tags for the second pass.
func (m *Model) trainPass(train []*conllu.Sentence, right [][]int, opt TrainOptions, passNo int) *percep.Model {
	tr := percep.NewTrainer(len(m.tags))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	scores := make([]float32, len(m.tags))
	var lx []lex
	var feats []uint64
	var pred []int
	for ep := 1; ep <= opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			s := train[si]
			n := len(s.Words)
			lx = append(lx[:0], padStart2, padStart)
			for _, w := range s.Words {
				l := lexOf(w.Form)
				l.amb = m.amb[l.lower]
				lx = append(lx, l)
			}
			lx = append(lx, padEnd, padEnd2)
			sc := sentenceCase(lx)
			var r []int
			if right != nil {
				r = right[si]
			}
			pred = pred[:0]
			for i := 0; i < n; i++ {
				gold := m.tagIDs[s.Words[i].XPOS]
				if t, ok := m.dict[s.Words[i].Form]; ok {
					pred = append(pred, int(t))
					total++
					if int(t) == gold {
						correct++
					}
					continue
				}
				var p1, p2 uint64
				if i > 0 {
					p1 = uint64(pred[i-1] + 1)
				}
				if i > 1 {
					p2 = uint64(pred[i-2] + 1)
				}
				feats = features(feats[:0], lx, i, p1, p2, sc)
				if r != nil {
					feats = rightFeatures(feats, lx, i, p1, r)
				}
				clear(scores)
				tr.Tick()
				tr.Score(feats, scores)
				best := 0
				for c := 1; c < len(scores); c++ {
					if scores[c] > scores[best] {
						best = c
					}
				}
				if best != gold {
					tr.Update(feats, gold, 1)
					tr.Update(feats, best, -1)
				} else {
					correct++
				}
				total++
				pred = append(pred, best)
			}
		}
		if opt.Log != nil {
			line := fmt.Sprintf("tagger pass %d epoch %d: train %.2f%% features %d", passNo, ep, 100*float64(correct)/float64(total), tr.Features())
			if len(opt.Dev) > 0 && (ep == opt.Epochs || ep%4 == 0) {
				em := m.with(tr.Model(opt.MinWeight), nil)
				if passNo == 2 {
					em = m.with(m.w, em.w)
				}
				sc := Evaluate(em, opt.Dev)
				line += fmt.Sprintf(" dev XPOS %.2f%% lemma %.2f%%", sc.XPOSAcc(), sc.LemmaAcc())
			}
			fmt.Fprintln(opt.Log, line)
		}
	}
	return tr.Model(opt.MinWeight)
}

// buildDict records words seen at least 20 times with one tag at least 97% of the time.
func (m *Model) buildDict(train []*conllu.Sentence) {
	counts := map[string]map[int]int{}
	for _, s := range train {
		for _, w := range s.Words {
			c := counts[w.Form]
			if c == nil {
				c = map[int]int{}
				counts[w.Form] = c
			}
			c[m.tagIDs[w.XPOS]]++
		}
	}
	m.dict = map[string]uint16{}
	for wd, c := range counts {
		n, best, bestN := 0, 0, -1
		for _, t := range sortedKeys(c) {
			n += c[t]
			if c[t] > bestN {
				best, bestN = t, c[t]
			}
		}
		if n >= 20 && float64(bestN)/float64(n) >= 0.97 {
			m.dict[wd] = uint16(best)
		}
	}
}

// buildAmb records the ambiguity class of lower-cased words seen at least 3 times: the tags
// they had at least 5% of the time.
func (m *Model) buildAmb(train []*conllu.Sentence) {
	counts := map[uint64][]int{}
	for _, s := range train {
		for _, w := range s.Words {
			h := lexOf(w.Form).lower
			c := counts[h]
			if c == nil {
				c = make([]int, len(m.tags))
				counts[h] = c
			}
			c[m.tagIDs[w.XPOS]]++
		}
	}
	m.amb = map[uint64]uint64{}
	for h, c := range counts {
		n := 0
		for _, k := range c {
			n += k
		}
		if n < 3 {
			continue
		}
		cls := uint64(fnvOffset)
		for t, k := range c {
			if float64(k) >= 0.05*float64(n) {
				cls = (cls ^ uint64(t+1)) * fnvPrime
			}
		}
		m.amb[h] = cls
	}
}

// ruleOf returns the rule turning base into lemma.
func ruleOf(base, lemma string) rule {
	p := 0
	for p < len(base) && p < len(lemma) && base[p] == lemma[p] {
		p++
	}
	return rule{Strip: len(base) - p, Add: lemma[p:]}
}

// buildLemmas learns suffix rules per tag and the exceptions the rules get wrong.
func (m *Model) buildLemmas(train []*conllu.Sentence) {
	type key struct {
		t    int
		base string
	}
	lemmas := map[key]map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			if w.Lemma == "_" || w.Lemma == "" {
				continue
			}
			t := m.tagIDs[w.XPOS]
			base := w.Form
			if !m.proper[t] {
				base = strings.ToLower(w.Form)
			}
			k := key{t, base}
			if lemmas[k] == nil {
				lemmas[k] = map[string]int{}
			}
			lemmas[k][w.Lemma]++
		}
	}
	best := func(c map[string]int) string {
		b, bn := "", -1
		for _, l := range sortedKeys(c) {
			if c[l] > bn {
				b, bn = l, c[l]
			}
		}
		return b
	}
	// Rules: for every suffix length, count the rules of distinct (tag, base) types.
	ruleCounts := map[uint64]map[rule]int{}
	for k, c := range lemmas {
		r := ruleOf(k.base, best(c))
		for n := 0; n <= min(4, len(k.base)); n++ {
			if r.Strip > n && n < len(k.base) {
				continue // the rule must rewrite within the suffix it is keyed by
			}
			sk := sufKey(k.t, k.base, n)
			if ruleCounts[sk] == nil {
				ruleCounts[sk] = map[rule]int{}
			}
			ruleCounts[sk][r]++
		}
	}
	m.lemRules = map[uint64]rule{}
	for sk, c := range ruleCounts {
		var br rule
		bn := -1
		for r, n := range c {
			if n > bn || (n == bn && (r.Strip < br.Strip || (r.Strip == br.Strip && r.Add < br.Add))) {
				br, bn = r, n
			}
		}
		m.lemRules[sk] = br
	}
	m.lemEx = map[uint64]string{}
	for k, c := range lemmas {
		l := best(c)
		if m.applyRules(k.base, k.t) == l {
			continue
		}
		lx := lexOf(k.base)
		h := lx.lower
		if m.proper[k.t] {
			h = lx.form
		}
		m.lemEx[percep.F1(uint64(k.t), h)] = l
	}
}

// Score counts tagging and lemmatization results.
type Score struct {
	// Tokens is the number of words scored.
	Tokens int
	// XPOS and Lemma count correct tags and lemmas.
	XPOS, Lemma int
}

// XPOSAcc returns the tag accuracy in percent.
func (s Score) XPOSAcc() float64 { return pct(s.XPOS, s.Tokens) }

// LemmaAcc returns the lemma accuracy in percent.
func (s Score) LemmaAcc() float64 { return pct(s.Lemma, s.Tokens) }

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Evaluate tags the gold sentences' forms and counts correct tags and lemmas.
func Evaluate(m *Model, sents []*conllu.Sentence) Score {
	var sc Score
	var words []string
	for _, s := range sents {
		words = words[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		tags := m.TagWords(words)
		for i, w := range s.Words {
			sc.Tokens++
			if tags[i] == w.XPOS {
				sc.XPOS++
			}
			if m.Lemma(w.Form, tags[i]) == w.Lemma {
				sc.Lemma++
			}
		}
	}
	return sc
}

// Treebank is a list of CoNLL-U sentences, as read by ReadTreebank; the training command and the
// parser use it to reach the shared internal reader.
type Treebank = []*conllu.Sentence

// ReadTreebank reads every sentence of a CoNLL-U file.
func ReadTreebank(path string) (Treebank, error) { return conllu.ReadFile(path) }

// with returns a model sharing m's tag set, dictionaries and lemmatizer with the given weights.
func (m *Model) with(w, w2 *percep.Model) *Model {
	n := &Model{tags: m.tags, tagIDs: m.tagIDs, dict: m.dict, amb: m.amb, w: w, w2: w2,
		lemEx: m.lemEx, lemRules: m.lemRules, proper: m.proper, verb: m.verb}
	n.joinPasses()
	return n
}
