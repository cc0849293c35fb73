package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/tag"
	"github.com/newsgraph/newsgraph/internal/shared"
)

// trainNER trains the named-entity recogniser on UniversalNER English EWT (and, with -also-gum,
// the names of GUM's train split), prints dev and test F1 per label and overall, and writes
// extract/ner/model.bin. The epochs are chosen on UNER dev (with GUM dev when GUM is added); the
// final model is retrained on UNER train+dev and GUM train, so GUM dev stays held out.
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
	gumTrain := fs.String("also-gum", "", "GUM CoNLL-U file (en_gum-cc-train.conllu) whose names are added to training (see ner.ReadGUMNames)")
	gumDev := fs.String("gum-dev", "", "with -also-gum: GUM CoNLL-U file added to dev for choosing the epochs, never trained on (default: en_gum-cc-dev.conllu beside -also-gum)")
	finalEpochs := fs.Int("final-epochs", 0, "with -final: retrain for this many epochs instead of the number chosen on dev (0: the chosen)")
	gumExclude := fs.String("gum-exclude", "", "with -also-gum: folder whose files gum-GENRE-NAME.txt name GUM documents (GUM_GENRE_NAME) left out of training, so that the extraction measured on them stays unseen (default: shared/eval/dev-gold/texts; \"-\" for none)")
	gumSkip := fs.String("gum-skip-genres", "", "with -also-gum: comma-separated GUM genres left out of training (\"voyage,conversation,vlog\")")
	gumWeight := fs.Int("gum-weight", 1, "with -also-gum: how many times each GUM sentence is trained on")
	averageWith := fs.String("average-with", "", "model file whose weights are averaged with the trained model's (a model soup): e.g. the UniversalNER-only model, with -also-gum")
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
	var gum, gumDevSents []ner.Sentence
	if *gumTrain != "" {
		if gum, err = ner.ReadGUMNamesFile(*gumTrain); err != nil {
			return fmt.Errorf("GUM names: %w", err)
		}
		if gum, err = excludeGUMDocs(gum, *gumExclude); err != nil {
			return err
		}
		gum = skipGUMGenres(gum, *gumSkip)
		if *gumDev == "" {
			*gumDev = filepath.Join(filepath.Dir(*gumTrain), "en_gum-cc-dev.conllu")
		}
		if gumDevSents, err = ner.ReadGUMNamesFile(*gumDev); err != nil {
			return fmt.Errorf("GUM names: %w", err)
		}
	}
	if *usePOS {
		tm, err := tag.Default()
		if err != nil {
			return fmt.Errorf("part-of-speech tagger: %w", err)
		}
		for _, set := range [][]ner.Sentence{train, dev, test, gum, gumDevSents} {
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
	if len(gum) > 0 {
		fmt.Printf("GUM: %d train sentences (%d names) weighted %d, %d dev sentences (%d names)\n", len(gum), countNames(gum), *gumWeight, len(gumDevSents), countNames(gumDevSents))
	}
	for i := 0; i < *gumWeight; i++ {
		train = append(train, gum...)
	}
	start := time.Now()
	opt := ner.TrainOptions{Epochs: *epochs, Seed: *seed, MinWeight: float32(*minW), NoPOSCopy: *usePOS, Dict: dict, Seeds: *seeds, Log: os.Stdout}
	m, err := ner.Train(train, append(append([]ner.Sentence(nil), dev...), gumDevSents...), opt)
	if err != nil {
		return err
	}
	if *final {
		opt.Epochs = m.Epochs()
		if *finalEpochs > 0 {
			opt.Epochs = *finalEpochs
		}
		fmt.Printf("retraining on train+dev for %d epochs (UNER dev scores below are then not held out; GUM dev is)\n", opt.Epochs)
		all := append(append([]ner.Sentence(nil), train...), dev...)
		if m, err = ner.Train(all, nil, opt); err != nil {
			return err
		}
	}
	fmt.Printf("trained in %s, %d features\n", time.Since(start).Round(time.Second), m.Features())
	if *averageWith != "" {
		b, err := os.ReadFile(*averageWith)
		if err != nil {
			return fmt.Errorf("-average-with: %w", err)
		}
		other, err := ner.Decode(b)
		if err != nil {
			return fmt.Errorf("-average-with %s: %w", *averageWith, err)
		}
		m = ner.Average(m, other)
		fmt.Printf("averaged with %s: %d features\n", *averageWith, m.Features())
	}
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
	}{{"dev", dev}, {"test", test}, {"gum-dev", gumDevSents}} {
		if len(split.sents) == 0 {
			continue
		}
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

// excludeGUMDocs returns sents without the GUM documents that dir holds as texts (see
// gumDocsIn).
func excludeGUMDocs(sents []ner.Sentence, dir string) ([]ner.Sentence, error) {
	skip, dir, err := gumDocsIn(dir)
	if err != nil || skip == nil {
		return sents, err
	}
	out := sents[:0:0]
	left := map[string]bool{}
	for _, s := range sents {
		if skip[s.Doc] {
			left[s.Doc] = true
			continue
		}
		out = append(out, s)
	}
	fmt.Printf("GUM: %d documents left out (their texts are in %s)\n", len(left), dir)
	return out, nil
}

// gumDocsIn returns the ids of the GUM documents whose texts dir holds (see gumDocOfText), and
// the folder read: dir "" is the development gold's texts in the shared data, "-" none (a nil
// set). Training on GUM leaves these out, so that the extraction measured on them stays unseen.
func gumDocsIn(dir string) (map[string]bool, string, error) {
	if dir == "-" {
		return nil, dir, nil
	}
	if dir == "" {
		p, err := shared.Path("eval", "dev-gold", "texts")
		if err != nil {
			return nil, dir, fmt.Errorf("development gold texts (use -gum-exclude or -exclude): %w", err)
		}
		dir = p
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, dir, fmt.Errorf("GUM documents to leave out: %w", err)
	}
	skip := map[string]bool{}
	for _, e := range entries {
		if id, ok := gumDocOfText(e.Name()); ok {
			skip[id] = true
		}
	}
	return skip, dir, nil
}

// skipGUMGenres returns sents without the sentences of GUM documents of the comma-separated
// genres (a document GUM_GENRE_NAME is of genre GENRE).
func skipGUMGenres(sents []ner.Sentence, genres string) []ner.Sentence {
	skip := map[string]bool{}
	for _, g := range strings.Split(genres, ",") {
		if g = strings.TrimSpace(g); g != "" {
			skip[g] = true
		}
	}
	if len(skip) == 0 {
		return sents
	}
	out := sents[:0:0]
	for _, s := range sents {
		parts := strings.SplitN(s.Doc, "_", 3)
		if len(parts) == 3 && skip[parts[1]] {
			continue
		}
		out = append(out, s)
	}
	fmt.Printf("GUM: genres %s left out, %d of %d sentences kept\n", genres, len(out), len(sents))
	return out
}

// gumDocOfText returns the GUM document id of a text file named after it ("gum-news-korea.txt"
// is GUM_news_korea), and whether the name is of that form.
func gumDocOfText(name string) (string, bool) {
	base, ok := strings.CutSuffix(name, ".txt")
	if !ok {
		return "", false
	}
	parts := strings.SplitN(base, "-", 3)
	if len(parts) != 3 || parts[0] != "gum" || parts[1] == "" || parts[2] == "" {
		return "", false
	}
	return "GUM_" + parts[1] + "_" + parts[2], true
}

// countNames returns how many names (B- tags) sents hold.
func countNames(sents []ner.Sentence) int {
	n := 0
	for _, s := range sents {
		for _, t := range s.Tags {
			if strings.HasPrefix(t, "B-") {
				n++
			}
		}
	}
	return n
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
