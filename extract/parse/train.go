package parse

import (
	"errors"
	"fmt"
	"io"
	"math/rand"
	"slices"

	"github.com/newsgraph/newsgraph/extract/tag"
	"github.com/newsgraph/newsgraph/extract/tag/percep"
)

// TrainOptions controls training.
type TrainOptions struct {
	// Epochs is the number of passes over the training data (default 15).
	Epochs int
	// Seed seeds shuffling and exploration.
	Seed int64
	// Explore is the probability of following the model's own (possibly wrong) prediction from
	// the second epoch on, as in Goldberg & Nivre's error exploration (default 0.9; negative: never).
	Explore float64
	// MinWeight drops averaged weights of smaller magnitude from the final model (default 0.05).
	MinWeight float64
	// MinUpdates is the trainer's feature cut-off (see percep.Trainer.MinUpdates).
	MinUpdates int
	// Log, if not nil, receives one progress line per epoch.
	Log io.Writer
	// Dev and DevTags, if set, are parsed after some epochs and the scores logged.
	Dev     tag.Treebank
	DevTags [][]string
}

// Train learns a parser from gold trees; tags[i] are the (predicted) tags of sentence i's words,
// or nil to use the gold XPOS. Non-projective trees are projectivized by lifting arcs; sentences
// without a well-formed tree are skipped.
func Train(train tag.Treebank, tags [][]string, opt TrainOptions) (*Model, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 15
	}
	if opt.Explore == 0 {
		opt.Explore = 0.9
	}
	if opt.MinWeight == 0 {
		opt.MinWeight = 0.05
	}
	if tags != nil && len(tags) != len(train) {
		return nil, fmt.Errorf("parse: train: %d tag sequences for %d sentences", len(tags), len(train))
	}
	labelSet, tagSet := map[string]bool{"root": true}, map[string]bool{}
	type ex struct {
		words, tags []string
		gold        []int // heads, n for the root
		glab        []int
	}
	var data []ex
	for i, s := range train {
		if !s.HasTree() {
			continue
		}
		e := ex{}
		for j, w := range s.Words {
			e.words = append(e.words, w.Form)
			t := w.XPOS
			if tags != nil {
				t = tags[i][j]
			}
			e.tags = append(e.tags, t)
			tagSet[t] = true
			labelSet[w.Deprel] = true
		}
		data = append(data, e)
	}
	if len(data) == 0 {
		return nil, errors.New("parse: train: no sentences with trees")
	}
	labels := sortedSet(labelSet)
	m, err := newModel(labels, sortedSet(tagSet))
	if err != nil {
		return nil, err
	}
	m.amb = ambiguityClasses(train)
	lid := map[string]int{}
	for i, l := range labels {
		lid[l] = i
	}
	k := 0
	for _, s := range train {
		if !s.HasTree() {
			continue
		}
		n := len(s.Words)
		g, gl := make([]int, n), make([]int, n)
		for j, w := range s.Words {
			g[j] = w.Head - 1
			if w.Head == 0 {
				g[j] = n
			}
			gl[j] = lid[w.Deprel]
		}
		projectivize(g)
		data[k].gold, data[k].glab = g, gl
		k++
	}

	tr := percep.NewTrainer(classes(len(labels)))
	tr.MinUpdates = opt.MinUpdates
	rng := rand.New(rand.NewSource(opt.Seed))
	sc := &scratch{sc: make([]int32, classes(len(labels)))}
	scores := make([]float32, classes(len(labels)))
	costs := make([]int, 1+2*len(labels))
	for ep := 1; ep <= opt.Epochs; ep++ {
		rng.Shuffle(len(data), func(i, j int) { data[i], data[j] = data[j], data[i] })
		errs, steps := 0, 0
		for _, e := range data {
			n := len(e.words)
			m.fill(&sc.t, n, func(i int) string { return e.words[i] }, func(i int) string { return e.tags[i] })
			st := &sc.st
			st.reset(n)
			for !st.terminal() {
				sc.feats = features(sc.feats[:0], st, &sc.t)
				clear(scores)
				tr.Tick()
				tr.Score(sc.feats, scores)
				m.labeledCosts(st, e.gold, e.glab, costs)
				pred, gold := -1, -1
				var predSc, goldSc float32
				minCost := -1
				for _, c := range costs {
					if c >= 0 && (minCost < 0 || c < minCost) {
						minCost = c
					}
				}
				for a, c := range costs {
					if c < 0 {
						continue
					}
					v := scores[actionKind(a)] + scores[3+a]
					if pred < 0 || v > predSc {
						pred, predSc = a, v
					}
					if c == minCost && (gold < 0 || v > goldSc) {
						gold, goldSc = a, v
					}
				}
				steps++
				next := gold
				if costs[pred] > minCost {
					errs++
					tr.Update(sc.feats, 3+gold, 1)
					tr.Update(sc.feats, 3+pred, -1)
					if actionKind(gold) != actionKind(pred) {
						tr.Update(sc.feats, actionKind(gold), 1)
						tr.Update(sc.feats, actionKind(pred), -1)
					}
					if ep > 1 && opt.Explore > 0 && rng.Float64() < opt.Explore {
						next = pred
					}
				} else {
					next = pred
				}
				st.apply(next)
			}
		}
		if opt.Log != nil {
			line := fmt.Sprintf("parser epoch %d: %.2f%% transitions wrong, features %d", ep, 100*float64(errs)/float64(steps), tr.Features())
			if len(opt.Dev) > 0 && (ep == opt.Epochs || ep%3 == 0) {
				m.w = tr.Model(opt.MinWeight)
				r := Evaluate(m, opt.Dev, opt.DevTags)
				line += fmt.Sprintf(" dev UAS %.2f%% LAS %.2f%%", r.UAS(), r.LAS())
			}
			fmt.Fprintln(opt.Log, line)
		}
	}
	m.w = tr.Model(opt.MinWeight)
	return m, nil
}

// labeledCosts fills costs (one per action) with each action's cost, -1 when illegal.
func (m *Model) labeledCosts(st *state, gold, glab []int, costs []int) {
	cs, cl, cr := st.costs(gold)
	costs[0] = cs
	s0, s1 := st.st(0), st.st(1)
	rootOnly := st.rootOnly()
	for l := range m.labels {
		isRoot := l == m.rootL
		a, b := leftAction(l), rightAction(l)
		costs[a], costs[b] = -1, -1
		if cl >= 0 && !isRoot {
			costs[a] = cl
			if gold[s0] == st.b && glab[s0] != l {
				costs[a]++
			}
		}
		if cr >= 0 && isRoot == rootOnly {
			costs[b] = cr
			if gold[s0] == s1 && glab[s0] != l {
				costs[b]++
			}
		}
	}
}

// projectivize lifts non-projective arcs (heads, n for the root) until the tree is projective:
// the shortest non-projective arc's dependent is reattached to its head's head.
func projectivize(head []int) {
	n := len(head)
	for iter := 0; iter < 4*n; iter++ {
		best, bestLen := -1, 0
		for d := 0; d < n; d++ {
			h := head[d]
			if h == n {
				continue
			}
			lo, hi := min(h, d), max(h, d)
			for k := lo + 1; k < hi; k++ {
				if !dominates(head, h, k) {
					if best < 0 || hi-lo < bestLen {
						best, bestLen = d, hi-lo
					}
					break
				}
			}
		}
		if best < 0 {
			return
		}
		head[best] = head[head[best]]
	}
}

// dominates reports whether h is an ancestor of k.
func dominates(head []int, h, k int) bool {
	n := len(head)
	for steps := 0; k != n && steps <= n; steps++ {
		k = head[k]
		if k == h {
			return true
		}
	}
	return h == n
}

func sortedSet(s map[string]bool) []string {
	out := make([]string, 0, len(s))
	for k := range s {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Result counts attachment scores over all words, punctuation included (CoNLL 2018 style).
type Result struct {
	// Words is the number of words scored.
	Words int
	// Heads counts correct heads; Labeled counts correct heads with correct full relations.
	Heads, Labeled int
}

// UAS returns the unlabeled attachment score in percent.
func (r Result) UAS() float64 { return pct(r.Heads, r.Words) }

// LAS returns the labeled attachment score in percent.
func (r Result) LAS() float64 { return pct(r.Labeled, r.Words) }

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Evaluate parses the gold sentences with the given tags (nil: gold XPOS) and scores them.
func Evaluate(m *Model, sents tag.Treebank, tags [][]string) Result {
	var r Result
	for i, s := range sents {
		words := make([]string, len(s.Words))
		tg := make([]string, len(s.Words))
		for j, w := range s.Words {
			words[j], tg[j] = w.Form, w.XPOS
			if tags != nil {
				tg[j] = tags[i][j]
			}
		}
		heads, deps := m.ParseWords(words, tg)
		for j, w := range s.Words {
			r.Words++
			if heads[j]+1 == w.Head {
				r.Heads++
				if deps[j] == w.Deprel {
					r.Labeled++
				}
			}
		}
	}
	return r
}

// ambiguityClasses maps the hash of every word seen at least twice in train to a hash of the
// gold tags it had at least 5% of the time.
func ambiguityClasses(train tag.Treebank) map[uint64]uint64 {
	counts := map[uint64]map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			h := wordHash(w.Form)
			if counts[h] == nil {
				counts[h] = map[string]int{}
			}
			counts[h][w.XPOS]++
		}
	}
	out := map[uint64]uint64{}
	for h, c := range counts {
		n := 0
		for _, k := range c {
			n += k
		}
		if n < 2 {
			continue
		}
		cls := uint64(1469598103934665603)
		for _, t := range sortedSet(keysOf(c)) {
			if float64(c[t]) >= 0.05*float64(n) {
				cls = (cls ^ percep.Str(t)) * 1099511628211
			}
		}
		out[h] = cls
	}
	return out
}

func keysOf(m map[string]int) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}
