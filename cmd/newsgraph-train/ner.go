package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/tag"
	"github.com/newsgraph/newsgraph/internal/shared"
)

// trainNER trains the named-entity recogniser on UniversalNER English EWT, prints dev and test
// F1 per label and overall, and writes extract/ner/model.bin.
func trainNER(args []string) error {
	fs := flag.NewFlagSet("ner", flag.ContinueOnError)
	data := fs.String("data", "", "folder with en_ewt-ud-{train,dev,test}.iob2 (default: shared/train/uner-ewt)")
	epochs := fs.Int("epochs", 12, "most training epochs (the best on dev is kept)")
	out := fs.String("out", "extract/ner/model.bin", "model file to write")
	minW := fs.Float64("min-weight", 0.05, "drop features whose averaged weights are all smaller than this")
	usePOS := fs.Bool("pos", true, "train with part-of-speech features (tags from extract/tag), and a copy of each sentence without them")
	dictPath := fs.String("dict", "/usr/share/dict/american-english-large", "word list whose capitalisation becomes a feature (SCOWL, Debian package wamerican-large); \"\" for none")
	final := fs.Bool("final", true, "after choosing the epochs on dev, retrain on train+dev for the written model")
	seed := fs.Uint64("seed", 1, "shuffling seed (of the first model)")
	seeds := fs.Int("seeds", 3, "models trained with different shuffles and averaged")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir := *data
	if dir == "" {
		p, err := shared.Path("train", "uner-ewt")
		if err != nil {
			return fmt.Errorf("UniversalNER EWT data (use -data): %w", err)
		}
		dir = p
	}
	read := func(split string) ([]ner.Sentence, error) {
		return ner.ReadIOBFile(filepath.Join(dir, "en_ewt-ud-"+split+".iob2"))
	}
	train, err := read("train")
	if err != nil {
		return err
	}
	dev, err := read("dev")
	if err != nil {
		return err
	}
	test, err := read("test")
	if err != nil {
		return err
	}
	if *usePOS {
		tm, err := tag.Default()
		if err != nil {
			return fmt.Errorf("part-of-speech tagger: %w", err)
		}
		for _, set := range [][]ner.Sentence{train, dev, test} {
			for i := range set {
				set[i].POS = tm.TagWords(set[i].Words)
			}
		}
	}
	var dict ner.Dict
	if *dictPath != "" {
		f, err := os.Open(*dictPath)
		if err != nil {
			return fmt.Errorf("word list (install wamerican-large or use -dict \"\"): %w", err)
		}
		dict, err = ner.ReadDict(f)
		f.Close()
		if err != nil {
			return err
		}
	}
	start := time.Now()
	opt := ner.TrainOptions{Epochs: *epochs, Seed: *seed, MinWeight: float32(*minW), NoPOSCopy: *usePOS, Dict: dict, Seeds: *seeds, Log: os.Stdout}
	m, err := ner.Train(train, dev, opt)
	if err != nil {
		return err
	}
	if *final {
		fmt.Printf("retraining on train+dev for %d epochs (dev scores below are then not held out)\n", m.Epochs())
		opt.Epochs = m.Epochs()
		all := append(append([]ner.Sentence(nil), train...), dev...)
		if m, err = ner.Train(all, nil, opt); err != nil {
			return err
		}
	}
	fmt.Printf("trained in %s, %d features\n", time.Since(start).Round(time.Second), m.Features())
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return err
	}
	// Score the model as it will be loaded (quantised weights).
	q, err := ner.Decode(buf.Bytes())
	if err != nil {
		return err
	}
	for _, split := range []struct {
		name  string
		sents []ner.Sentence
	}{{"dev", dev}, {"test", test}} {
		printScores(split.name, ner.Evaluate(q, split.sents))
		if *usePOS {
			plain := make([]ner.Sentence, len(split.sents))
			for i, s := range split.sents {
				plain[i] = ner.Sentence{Words: s.Words, Tags: s.Tags}
			}
			printScores(split.name+"/no-pos", ner.Evaluate(q, plain))
		}
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Printf("wrote %s (%d bytes)\n", *out, buf.Len())
	return nil
}

// printScores prints precision, recall and F1 per label and overall.
func printScores(name string, s ner.Scores) {
	labels := make([]string, 0, len(s.ByLabel))
	for l := range s.ByLabel {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		c := s.ByLabel[l]
		fmt.Printf("%-5s %-4s P %.4f R %.4f F1 %.4f (gold %d, predicted %d)\n", name, l, c.Precision(), c.Recall(), c.F1(), c.Gold, c.Pred)
	}
	c := s.Overall
	fmt.Printf("%-5s ALL  P %.4f R %.4f F1 %.4f (gold %d, predicted %d)\n", name, c.Precision(), c.Recall(), c.F1(), c.Gold, c.Pred)
}
