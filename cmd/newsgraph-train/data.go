package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/extract/tag"
	"github.com/newsgraph/newsgraph/internal/shared"
)

// ewtDir returns dir, or the default UD EWT folder in the shared data.
func ewtDir(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	p, err := shared.Path("train", "ud-ewt")
	if err != nil {
		return "", fmt.Errorf("UD EWT data (use -data): %w", err)
	}
	return p, nil
}

// readSplit reads en_ewt-ud-<split>.conllu from dir.
func readSplit(dir, split string) (tag.Treebank, error) {
	return tag.ReadTreebank(filepath.Join(dir, "en_ewt-ud-"+split+".conllu"))
}

// readEWT reads the train, dev and test splits of UD EWT from dir (or the default folder).
func readEWT(dir string) (train, dev, test tag.Treebank, err error) {
	if dir, err = ewtDir(dir); err != nil {
		return nil, nil, nil, err
	}
	if train, err = readSplit(dir, "train"); err != nil {
		return nil, nil, nil, err
	}
	if dev, err = readSplit(dir, "dev"); err != nil {
		return nil, nil, nil, err
	}
	if test, err = readSplit(dir, "test"); err != nil {
		return nil, nil, nil, err
	}
	return train, dev, test, nil
}

// addTreebanks appends the sentences of the comma-separated CoNLL-U files to train ("" adds
// nothing), leaving out the documents (by their "# newdoc id") that exclude names as GUM texts
// (see gumDocsIn).
func addTreebanks(train tag.Treebank, files, exclude string) (tag.Treebank, error) {
	var skip map[string]bool
	for _, f := range strings.Split(files, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		more, err := tag.ReadTreebank(f)
		if err != nil {
			return nil, fmt.Errorf("training data %s: %w", f, err)
		}
		if skip == nil {
			if skip, exclude, err = gumDocsIn(exclude); err != nil {
				return nil, err
			}
		}
		kept, left := withoutDocs(more, skip)
		if left > 0 {
			fmt.Printf("%s: %d documents left out (their texts are in %s)\n", f, left, exclude)
		}
		train = append(train, kept...)
	}
	return train, nil
}

// withoutDocs returns the sentences of tb outside the documents skip names, and how many
// documents it left out.
func withoutDocs(tb tag.Treebank, skip map[string]bool) (tag.Treebank, int) {
	if len(skip) == 0 {
		return tb, 0
	}
	out := tb[:0:0]
	doc, left := "", map[string]bool{}
	for _, s := range tb {
		if s.NewDoc != "" {
			doc = s.NewDoc
		}
		if skip[doc] {
			left[doc] = true
			continue
		}
		out = append(out, s)
	}
	return out, len(left)
}
