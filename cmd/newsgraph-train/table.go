package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/annotate"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/parse"
	"github.com/newsgraph/newsgraph/extract/tag"
	"github.com/newsgraph/newsgraph/internal/shared"
)

// The targets of issue 13 for the linguistic models.
const (
	targetXPOS      = 95.5 // % on EWT test and GUM dev
	targetLASEWT    = 84.5
	targetLASGUM    = 84.0
	targetNamesGUM  = 0.80 // entity F1 on GUM dev names
	targetNamesNews = 0.85
	targetUNER      = 0.75
)

// gumNews reports whether a GUM document id is of the news genre.
func gumNews(doc string) bool { return strings.HasPrefix(doc, "GUM_news_") }

// newsOnly returns the sentences of news documents of a GUM treebank (documents start at a
// "# newdoc id" comment).
func newsOnly(sents tag.Treebank) tag.Treebank {
	var out tag.Treebank
	news := false
	for _, s := range sents {
		if s.NewDoc != "" {
			news = gumNews(s.NewDoc)
		}
		if news {
			out = append(out, s)
		}
	}
	return out
}

// tagParse scores the tagger and, on its tags, the parser on sents: XPOS %, UAS %, LAS %.
func tagParse(tm *tag.Model, pm *parse.Model, sents tag.Treebank) (xpos, uas, las float64) {
	ts := tag.Evaluate(tm, sents)
	tags := make([][]string, len(sents))
	for i, s := range sents {
		toks := make([]doc.Token, len(s.Words))
		for j, w := range s.Words {
			toks[j].Text = w.Form
		}
		tm.Tag(toks)
		tags[i] = make([]string, len(toks))
		for j := range toks {
			tags[i][j] = toks[j].Tag
		}
	}
	ps := parse.Evaluate(pm, sents, tags)
	return ts.XPOSAcc(), ps.UAS(), ps.LAS()
}

// met says whether a figure reaches its target, and by how much it misses it.
func met(v, target float64, format string) string {
	if v >= target {
		return "met"
	}
	return "missed by " + fmt.Sprintf(format, target-v)
}

// markdownTable prints the figures of the embedded models as markdown rows (measure, value,
// target, met): tagger and parser on EWT test and GUM dev (all and news), names on GUM dev (all
// and news) and UNER EWT test. eval/models.sh adds the coreference rows.
func markdownTable(w io.Writer, ewtDirFlag, gumFlag, unerFlag string) error {
	dir, err := ewtDir(ewtDirFlag)
	if err != nil {
		return err
	}
	gumDir := gumFlag
	if gumDir == "" {
		if gumDir, err = shared.Path("train", "gum"); err != nil {
			return fmt.Errorf("GUM data (use -gum): %w", err)
		}
	}
	unerDir := unerFlag
	if unerDir == "" {
		if unerDir, err = shared.Path("train", "uner-ewt"); err != nil {
			return fmt.Errorf("UniversalNER EWT data (use -uner): %w", err)
		}
	}
	tm, err := tag.Load()
	if err != nil {
		return err
	}
	pm, err := parse.Load()
	if err != nil {
		return err
	}
	ewt, err := readSplit(dir, "test")
	if err != nil {
		return err
	}
	gumPath := filepath.Join(gumDir, "en_gum-cc-dev.conllu")
	gum, err := tag.ReadTreebank(gumPath)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "| measure | value | target | |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, set := range []struct {
		name   string
		sents  tag.Treebank
		target float64 // LAS target, 0 for none
	}{
		{"UD EWT test", ewt, targetLASEWT},
		{"GUM dev, all genres", gum, targetLASGUM},
		{"GUM dev, news", newsOnly(gum), 0},
	} {
		x, u, l := tagParse(tm, pm, set.sents)
		words := 0
		for _, s := range set.sents {
			words += len(s.Words)
		}
		if set.target > 0 {
			fmt.Fprintf(w, "| %s (%d words): tagger XPOS %% | %.2f | >= %.1f | %s |\n", set.name, words, x, targetXPOS, met(x, targetXPOS, "%.2f"))
			fmt.Fprintf(w, "| %s: parser UAS / LAS %% (predicted tags) | %.2f / %.2f | LAS >= %.1f | %s |\n", set.name, u, l, set.target, met(l, set.target, "%.2f"))
		} else {
			fmt.Fprintf(w, "| %s (%d words): tagger XPOS %% | %.2f | | |\n", set.name, words, x)
			fmt.Fprintf(w, "| %s: parser UAS / LAS %% (predicted tags) | %.2f / %.2f | | |\n", set.name, u, l)
		}
	}

	x, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	f, err := os.Open(gumPath)
	if err != nil {
		return err
	}
	names, err := annotate.New(x).Names(f, gumPath)
	f.Close()
	if err != nil {
		return err
	}
	for _, set := range []struct {
		name   string
		keep   func(string) bool
		target float64
	}{
		{"GUM dev, all genres", nil, targetNamesGUM},
		{"GUM dev, news", gumNews, targetNamesNews},
	} {
		s := scoreNamesRow(annotate.ScoreNames(names, set.keep))
		fmt.Fprintf(w, "| %s: names F1 (P / R; %s) | %.3f (%.3f / %.3f) | >= %.2f | %s |\n", set.name, s.detail, s.f1, s.p, s.r, set.target, met(s.f1, set.target, "%.3f"))
	}

	test, err := ner.ReadIOBFile(filepath.Join(unerDir, "en_ewt-ud-test.iob2"))
	if err != nil {
		return err
	}
	for i := range test {
		test[i].POS = tm.TagWords(test[i].Words)
	}
	nm, err := ner.Default()
	if err != nil {
		return err
	}
	u := ner.Evaluate(nm, test).Overall
	fmt.Fprintf(w, "| UNER EWT test: entity F1 (P / R; predicted tags, model alone) | %.3f (%.3f / %.3f) | >= %.2f | %s |\n", u.F1(), u.Precision(), u.Recall(), targetUNER, met(u.F1(), targetUNER, "%.3f"))
	return nil
}

// nameRow is one names figure with its per-class F1s.
type nameRow struct {
	f1, p, r float64
	detail   string
}

// scoreNamesRow summarises names scores: overall F1, precision, recall, and F1 per class.
func scoreNamesRow(s ner.Scores) nameRow {
	var parts []string
	for _, c := range []string{annotate.ClassPerson, annotate.ClassOrg, annotate.ClassPlace} {
		k := s.ByLabel[c]
		parts = append(parts, fmt.Sprintf("%s %.2f of %d", c, k.F1(), k.Gold))
	}
	o := s.Overall
	return nameRow{o.F1(), o.Precision(), o.Recall(), strings.Join(parts, ", ")}
}
