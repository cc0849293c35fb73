package main

import (
	"flag"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/extract/parse"
	"github.com/newsgraph/newsgraph/extract/tag"
)

func trainParser(args []string) error {
	fs := flag.NewFlagSet("parser", flag.ContinueOnError)
	data := fs.String("data", "", "folder with en_ewt-ud-{train,dev,test}.conllu (default: shared/train/ud-ewt)")
	epochs := fs.Int("epochs", 12, "training epochs")
	out := fs.String("out", "extract/parse/model.bin", "model file to write")
	tagger := fs.String("tagger", "extract/tag/model.bin", "tagger model for dev and test tags")
	folds := fs.Int("jackknife", 4, "train tags come from taggers trained on the other folds (0: gold tags)")
	tagEpochs := fs.Int("tag-epochs", 8, "epochs of each jackknife tagger")
	explore := fs.Float64("explore", 0.9, "probability of following the model's wrong predictions in training")
	minW := fs.Float64("min-weight", 0.1, "drop averaged weights smaller than this from each trained model")
	seed := fs.Int64("seed", 1, "shuffling seed")
	minUpd := fs.Int("min-updates", 2, "features join the model after this many updates")
	members := fs.Int("ensemble", 2, "train this many models with successive seeds and sum their weights")
	prune := fs.Float64("prune", 1.2, "drop summed weights smaller than this from the written model")
	pruneFeat := fs.Float64("prune-features", 3, "then drop the features whose summed weights are all smaller than this (fewer features: faster parsing)")
	more := fs.String("also", "", "CoNLL-U files of more training sentences, comma-separated (e.g. GUM's train file: more genres, news among them)")
	exclude := fs.String("exclude", "", "with -also: folder whose files gum-GENRE-NAME.txt name GUM documents (GUM_GENRE_NAME) left out of training, so that the extraction measured on them stays unseen (default: shared/eval/dev-gold/texts; \"-\" for none)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	train, dev, test, err := readEWT(*data)
	if err != nil {
		return err
	}
	if train, err = addTreebanks(train, *more, *exclude); err != nil {
		return err
	}
	tb, err := os.ReadFile(*tagger)
	if err != nil {
		return fmt.Errorf("tagger model: %w", err)
	}
	tm, err := tag.Decode(tb)
	if err != nil {
		return err
	}
	start := time.Now()
	var trainTags [][]string
	if *folds > 1 {
		trainTags, err = jackknife(train, *folds, *tagEpochs, *seed)
		if err != nil {
			return err
		}
		fmt.Printf("jackknifed train tags (%d folds) in %s\n", *folds, time.Since(start).Round(time.Second))
	}
	devTags, testTags := tagAll(tm, dev), tagAll(tm, test)
	models := make([]*parse.Model, *members)
	errs := make([]error, *members)
	var wg sync.WaitGroup
	for i := range models {
		wg.Add(1)
		go func(i int) { // members train two at a time, one per core
			defer wg.Done()
			opt := parse.TrainOptions{
				Epochs: *epochs, Seed: *seed + int64(i), Explore: *explore, MinWeight: *minW, MinUpdates: *minUpd,
			}
			if i == 0 {
				opt.Log, opt.Dev, opt.DevTags = os.Stdout, dev, devTags
			}
			models[i], errs[i] = parse.Train(train, trainTags, opt)
		}(i)
		if i%2 == 1 {
			wg.Wait()
		}
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	m, err := parse.Ensemble(models...)
	if err != nil {
		return err
	}
	if len(models) > 1 {
		d := parse.Evaluate(m, dev, devTags)
		fmt.Printf("ensemble of %d: dev UAS %.2f%% LAS %.2f%% before pruning\n", len(models), d.UAS(), d.LAS())
	}
	m = m.Pruned(*prune).PrunedFeatures(*pruneFeat)
	fmt.Printf("trained in %s\n", time.Since(start).Round(time.Second))
	d, t := parse.Evaluate(m, dev, devTags), parse.Evaluate(m, test, testTags)
	fmt.Printf("dev  (predicted tags): UAS %.2f%%  LAS %.2f%%  (%d words, punctuation included)\n", d.UAS(), d.LAS(), d.Words)
	fmt.Printf("test (predicted tags): UAS %.2f%%  LAS %.2f%%  (%d words, punctuation included)\n", t.UAS(), t.LAS(), t.Words)
	b, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Printf("wrote %s (%d bytes, %d features)\n", *out, len(b), m.Features())
	return nil
}

// tagAll tags every sentence's forms.
func tagAll(m *tag.Model, sents tag.Treebank) [][]string {
	out := make([][]string, len(sents))
	for i, s := range sents {
		words := make([]string, len(s.Words))
		for j, w := range s.Words {
			words[j] = w.Form
		}
		out[i] = m.TagWords(words)
	}
	return out
}

// jackknife tags each of k folds of train with a tagger trained on the other folds, two at a time.
func jackknife(train tag.Treebank, k, epochs int, seed int64) ([][]string, error) {
	out := make([][]string, len(train))
	errs := make([]error, k)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for f := 0; f < k; f++ {
		wg.Add(1)
		go func(f int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var rest, held tag.Treebank
			var idx []int
			for i, s := range train {
				if i%k == f {
					held = append(held, s)
					idx = append(idx, i)
				} else {
					rest = append(rest, s)
				}
			}
			m, err := tag.Train(rest, tag.TrainOptions{Epochs: epochs, Seed: seed + int64(f)})
			if err != nil {
				errs[f] = fmt.Errorf("jackknife fold %d: %w", f, err)
				return
			}
			for j, tags := range tagAll(m, held) {
				out[idx[j]] = tags
			}
		}(f)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
