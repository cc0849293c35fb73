package ner

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// TrainOptions sets up training.
type TrainOptions struct {
	// Epochs is the most passes over the training data; the epoch with the best dev F1 is kept
	// (all of them when there is no dev data).
	Epochs int
	// Seed fixes the shuffling of the training data.
	Seed uint64
	// MinWeight prunes features whose largest averaged weight is smaller in magnitude.
	MinWeight float32
	// NoPOSCopy adds a copy without part-of-speech tags of every training sentence that has them.
	NoPOSCopy bool
	// Seeds is how many models with different shuffles to average (1 when 0).
	Seeds int
	// Dict, when not nil, is a word list whose capitalisation classes become features; it is
	// stored in the model.
	Dict Dict
	// Log, when not nil, receives one progress line per epoch.
	Log io.Writer
}

// Train fits an averaged structured perceptron (Collins 2002) with first-order Viterbi decoding
// over IOB2 tags to train, choosing the number of epochs by entity F1 on dev.
//
// With opt.Seeds > 1 it trains that many models on differently shuffled data (seeds Seed,
// Seed+1, ...) and averages their weights, which lowers the variance the order of the data adds.
func Train(train, dev []Sentence, opt TrainOptions) (*Model, error) {
	k := max(opt.Seeds, 1)
	var models []*Model
	for i := 0; i < k; i++ {
		o := opt
		o.Seed = opt.Seed + uint64(i)
		m, err := trainOne(train, dev, o)
		if err != nil {
			return nil, err
		}
		models = append(models, m)
	}
	if k == 1 {
		return models[0], nil
	}
	m := Average(models...)
	if opt.Log != nil && len(dev) > 0 {
		fmt.Fprintf(opt.Log, "average of %d models: dev F1 %.4f\n", k, Evaluate(m, dev).Overall.F1())
	}
	return m, nil
}

// Average returns the model whose weights are the mean of models' weights, with the word list
// of the first. Train uses it for models trained with different shuffles; averaging models
// trained on different data (a "model soup", Wortsman et al. 2022) combines what each learnt,
// as the parser's ensemble does. It needs at least one model.
func Average(models ...*Model) *Model {
	sum := map[uint64]*[nLabels]float32{}
	var keys []uint64
	var trans [(nLabels + 1) * nLabels]float32
	k := float32(len(models))
	epochs := 0
	for _, m := range models {
		for i, f := range m.w.keys {
			if f == 0 {
				continue
			}
			r, ok := sum[f]
			if !ok {
				r = new([nLabels]float32)
				sum[f] = r
				keys = append(keys, f)
			}
			for l := 0; l < nLabels; l++ {
				r[l] += m.w.rows[i*nLabels+l] / k
			}
		}
		for i, v := range m.w.trans {
			trans[i] += v / k
		}
		epochs = max(epochs, m.epochs)
	}
	slices.Sort(keys)
	rows := make([][nLabels]float32, len(keys))
	for i, f := range keys {
		rows[i] = *sum[f]
	}
	out := newModel(newWeights(keys, rows, trans[:]), models[0].dict)
	out.epochs = epochs
	return out
}

// trainOne trains one model (see Train).
func trainOne(train, dev []Sentence, opt TrainOptions) (*Model, error) {
	if len(train) == 0 {
		return nil, fmt.Errorf("ner: train: no training sentences")
	}
	if opt.NoPOSCopy {
		// Train on every sentence twice, with and without its tags, so the model also works
		// when no tagger has run.
		n := len(train)
		for _, s := range train[:n] {
			if s.POS != nil {
				train = append(train, Sentence{Words: s.Words, Tags: s.Tags})
			}
		}
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	tr := &trainer{index: make(map[uint64]int32, 1<<20)}
	type inst struct {
		gold  []uint8
		offs  []int32 // feature list of token i is feats[offs[i]:offs[i+1]]
		feats []int32
	}
	s := &scratch{dict: opt.Dict}
	data := make([]inst, len(train))
	for si, sent := range train {
		in := inst{gold: make([]uint8, len(sent.Words)), offs: make([]int32, 0, len(sent.Words)+1)}
		s.prepare(sent.Words, sent.POS)
		in.offs = append(in.offs, 0)
		for i := range sent.Words {
			in.gold[i] = labelIndex(sent.Tags[i])
			s.feats = s.features(s.feats[:0], i)
			for _, f := range s.feats {
				in.feats = append(in.feats, tr.id(f))
			}
			in.offs = append(in.offs, int32(len(in.feats)))
		}
		data[si] = in
	}
	tr.w = make([]float32, len(tr.keys)*nLabels)
	tr.acc = make([]float32, len(tr.keys)*nLabels)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6e6572))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var best *Model
	bestF, bestEpoch := -1.0, 0
	var score []float32
	var back, path []uint8
	for ep := 1; ep <= opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, oi := range order {
			in := &data[oi]
			n := len(in.gold)
			score = slices.Grow(score[:0], n*nLabels)[:n*nLabels]
			back = slices.Grow(back[:0], n*nLabels)[:n*nLabels]
			path = slices.Grow(path[:0], n)[:n]
			for i := 0; i < n; i++ {
				var em [nLabels]float32
				for _, f := range in.feats[in.offs[i]:in.offs[i+1]] {
					r := tr.w[int(f)*nLabels : int(f)*nLabels+nLabels]
					for k := range em {
						em[k] += r[k]
					}
				}
				viterbiStep(&tr.trans, score, back, i, &em)
			}
			viterbiBack(score, back, path)
			tr.c++
			if slices.Equal(path, in.gold) {
				continue
			}
			errs++
			for i := 0; i < n; i++ {
				g, p := int(in.gold[i]), int(path[i])
				if g != p {
					for _, f := range in.feats[in.offs[i]:in.offs[i+1]] {
						tr.bump(int(f)*nLabels+g, 1)
						tr.bump(int(f)*nLabels+p, -1)
					}
				}
				gp, pp := nLabels, nLabels
				if i > 0 {
					gp, pp = int(in.gold[i-1]), int(path[i-1])
				}
				if g != p || gp != pp {
					tr.bumpTrans(gp*nLabels+g, 1)
					tr.bumpTrans(pp*nLabels+p, -1)
				}
			}
		}
		m := tr.model(opt.MinWeight, opt.Dict)
		f := -1.0
		if len(dev) > 0 {
			f = Evaluate(m, dev).Overall.F1()
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "epoch %d: %d/%d sentences wrong, dev F1 %.4f\n", ep, errs, len(data), f)
		}
		if len(dev) == 0 || f > bestF {
			best, bestF, bestEpoch = m, f, ep
		}
	}
	best.epochs = bestEpoch
	if opt.Log != nil && len(dev) > 0 {
		fmt.Fprintf(opt.Log, "kept epoch %d (dev F1 %.4f)\n", bestEpoch, bestF)
	}
	return best, nil
}

// trainer holds the perceptron's weights with the running sums that averaging needs.
type trainer struct {
	index    map[uint64]int32
	keys     []uint64
	w, acc   []float32
	trans    [(nLabels + 1) * nLabels]float32
	transAcc [(nLabels + 1) * nLabels]float32
	c        float32
}

func (t *trainer) id(f uint64) int32 {
	if f == 0 {
		f = 1
	}
	if i, ok := t.index[f]; ok {
		return i
	}
	i := int32(len(t.keys))
	t.index[f] = i
	t.keys = append(t.keys, f)
	return i
}

func (t *trainer) bump(i int, d float32)      { t.w[i] += d; t.acc[i] += t.c * d }
func (t *trainer) bumpTrans(i int, d float32) { t.trans[i] += d; t.transAcc[i] += t.c * d }

// model returns the averaged weights as a model, dropping features whose weights are all
// smaller than minWeight in magnitude.
func (t *trainer) model(minWeight float32, dict Dict) *Model {
	var feats []uint64
	var rows [][nLabels]float32
	c := t.c
	if c == 0 {
		c = 1
	}
	for j, k := range t.keys {
		var r [nLabels]float32
		keep := false
		for l := 0; l < nLabels; l++ {
			v := t.w[j*nLabels+l] - t.acc[j*nLabels+l]/c
			r[l] = v
			if float32(math.Abs(float64(v))) >= minWeight && v != 0 {
				keep = true
			}
		}
		if keep {
			feats = append(feats, k)
			rows = append(rows, r)
		}
	}
	var tr [(nLabels + 1) * nLabels]float32
	for i := range tr {
		tr[i] = t.trans[i] - t.transAcc[i]/c
	}
	return newModel(newWeights(feats, rows, tr[:]), dict)
}

// Epochs returns how many training epochs produced the model (0 for a loaded model).
func (m *Model) Epochs() int { return m.epochs }

// Features returns how many features the model keeps.
func (m *Model) Features() int {
	n := 0
	for _, k := range m.w.keys {
		if k != 0 {
			n++
		}
	}
	return n
}

// sortFeats sorts feature hashes ascending, keeping rows in step.
func sortFeats(feats []uint64, rows [][nLabels]float32) {
	sort.Sort(byKey{feats, rows})
}

type byKey struct {
	k []uint64
	r [][nLabels]float32
}

func (b byKey) Len() int           { return len(b.k) }
func (b byKey) Less(i, j int) bool { return b.k[i] < b.k[j] }
func (b byKey) Swap(i, j int) {
	b.k[i], b.k[j] = b.k[j], b.k[i]
	b.r[i], b.r[j] = b.r[j], b.r[i]
}

// Counts holds entity-level counts for precision, recall and F1.
type Counts struct {
	// Gold, Pred and Correct count gold entities, predicted entities and exact matches (same
	// span, same type).
	Gold, Pred, Correct int
}

// Precision is Correct/Pred (0 when nothing was predicted).
func (c Counts) Precision() float64 {
	if c.Pred == 0 {
		return 0
	}
	return float64(c.Correct) / float64(c.Pred)
}

// Recall is Correct/Gold (0 when there is no gold entity).
func (c Counts) Recall() float64 {
	if c.Gold == 0 {
		return 0
	}
	return float64(c.Correct) / float64(c.Gold)
}

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Scores are conlleval-style entity scores: exact span and type.
type Scores struct {
	// Overall counts every entity.
	Overall Counts
	// ByLabel counts per entity type ("PER", "ORG", "LOC").
	ByLabel map[string]Counts
}

// Evaluate tags each sentence's words with the statistical model and scores the entities
// against the sentence's tags.
func Evaluate(m *Model, sents []Sentence) Scores {
	sc := Scores{ByLabel: map[string]Counts{}}
	for _, s := range sents {
		pred := m.TagWordsPOS(s.Words, s.POS)
		sc.Add(s.Tags, pred)
	}
	return sc
}

// Add counts one sentence's gold and predicted IOB2 tags.
func (sc *Scores) Add(gold, pred []string) {
	if sc.ByLabel == nil {
		sc.ByLabel = map[string]Counts{}
	}
	g, p := chunks(gold), chunks(pred)
	for _, c := range g {
		x := sc.ByLabel[c.Label]
		x.Gold++
		sc.ByLabel[c.Label] = x
		sc.Overall.Gold++
	}
	for _, c := range p {
		x := sc.ByLabel[c.Label]
		x.Pred++
		if slices.Contains(g, c) {
			x.Correct++
			sc.Overall.Correct++
		}
		sc.ByLabel[c.Label] = x
		sc.Overall.Pred++
	}
}

// chunks decodes IOB2 tags into spans; an I- tag that does not continue a span starts one
// (as conlleval does).
func chunks(tags []string) []Span {
	var out []Span
	for i := 0; i < len(tags); {
		t := tags[i]
		if len(t) < 3 || (t[:2] != "B-" && t[:2] != "I-") {
			i++
			continue
		}
		lab := t[2:]
		j := i + 1
		for j < len(tags) && len(tags[j]) > 2 && tags[j][:2] == "I-" && tags[j][2:] == lab {
			j++
		}
		out = append(out, Span{Start: i, End: j, Label: lab})
		i = j
	}
	return out
}
