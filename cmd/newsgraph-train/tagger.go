package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/newsgraph/newsgraph/extract/tag"
)

func trainTagger(args []string) error {
	fs := flag.NewFlagSet("tagger", flag.ContinueOnError)
	data := fs.String("data", "", "folder with en_ewt-ud-{train,dev,test}.conllu (default: shared/train/ud-ewt)")
	epochs := fs.Int("epochs", 8, "training epochs")
	out := fs.String("out", "extract/tag/model.bin", "model file to write")
	minW := fs.Float64("min-weight", 0.05, "drop averaged weights smaller than this")
	seed := fs.Int64("seed", 1, "shuffling seed")
	folds := fs.Int("jackknife", 4, "folds for the second pass's first-pass tags (0 or 1: one pass only)")
	more := fs.String("also", "", "CoNLL-U files of more training sentences, comma-separated (e.g. GUM's train file)")
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
	start := time.Now()
	m, err := tag.Train(train, tag.TrainOptions{Epochs: *epochs, Seed: *seed, Folds: *folds, MinWeight: *minW, Log: os.Stdout, Dev: dev})
	if err != nil {
		return err
	}
	fmt.Printf("trained in %s\n", time.Since(start).Round(time.Second))
	d, t := tag.Evaluate(m, dev), tag.Evaluate(m, test)
	fmt.Printf("dev:  XPOS %.2f%%  lemma %.2f%%  (%d words)\n", d.XPOSAcc(), d.LemmaAcc(), d.Tokens)
	fmt.Printf("test: XPOS %.2f%%  lemma %.2f%%  (%d words)\n", t.XPOSAcc(), t.LemmaAcc(), t.Tokens)
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
