package main

import (
	"flag"
	"fmt"
	"os"
	"text/tabwriter"
	"time"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/parse"
	"github.com/newsgraph/newsgraph/extract/tag"
)

// evaluate prints accuracy, speed, size and load time of the embedded tagger and parser, or with
// -md the markdown rows of markdownTable.
func evaluate(args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	data := fs.String("data", "", "folder with en_ewt-ud-{dev,test}.conllu (default: shared/train/ud-ewt)")
	md := fs.Bool("md", false, "print the figures of issue 13 as markdown rows with their targets: tagger and parser on EWT test and GUM dev (all, news), names on GUM dev (all, news) and UNER test")
	gum := fs.String("gum", "", "with -md: folder with en_gum-cc-dev.conllu (default: shared/train/gum)")
	uner := fs.String("uner", "", "with -md: folder with en_ewt-ud-test.iob2 (default: shared/train/uner-ewt)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *md {
		return markdownTable(os.Stdout, *data, *gum, *uner)
	}
	dir, err := ewtDir(*data)
	if err != nil {
		return err
	}
	start := time.Now()
	tm, err := tag.Load()
	if err != nil {
		return err
	}
	tagLoad := time.Since(start)
	start = time.Now()
	pm, err := parse.Load()
	if err != nil {
		return err
	}
	parseLoad := time.Since(start)

	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "split\tXPOS %\tlemma %\tUAS %\tLAS %\ttag words/s\tparse words/s\t")
	for _, split := range []string{"dev", "test"} {
		sents, err := readSplit(dir, split)
		if err != nil {
			return err
		}
		ts := tag.Evaluate(tm, sents)
		// Speed: tag then parse every sentence through the run-time API, one core.
		toks := make([][]doc.Token, len(sents))
		words := 0
		for i, s := range sents {
			toks[i] = make([]doc.Token, len(s.Words))
			for j, wd := range s.Words {
				toks[i][j].Text = wd.Form
			}
			words += len(s.Words)
		}
		start := time.Now()
		for _, t := range toks {
			tm.Tag(t)
		}
		tagSpeed := float64(words) / time.Since(start).Seconds()
		start = time.Now()
		for _, t := range toks {
			pm.Parse(t)
		}
		parseSpeed := float64(words) / time.Since(start).Seconds()
		tags := make([][]string, len(sents))
		for i, t := range toks {
			tags[i] = make([]string, len(t))
			for j := range t {
				tags[i][j] = t[j].Tag
			}
		}
		ps := parse.Evaluate(pm, sents, tags)
		fmt.Fprintf(w, "%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.0f\t%.0f\t\n", split, ts.XPOSAcc(), ts.LemmaAcc(), ps.UAS(), ps.LAS(), tagSpeed, parseSpeed)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Printf("\nUAS/LAS: predicted tags, punctuation included, full relations (CoNLL 2018 style)\n")
	fmt.Printf("tagger: model %.1f MB, %d features, load %s\n", float64(tag.ModelSize())/1e6, tm.Features(), tagLoad.Round(time.Millisecond))
	fmt.Printf("parser: model %.1f MB, %d features, load %s\n", float64(parse.ModelSize())/1e6, pm.Features(), parseLoad.Round(time.Millisecond))
	return nil
}
