package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"

	flag "github.com/spf13/pflag"

	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/build"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/openie"
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/schema"
)

func runExtract(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	var opt build.Options
	addInputFlags(fs, &opt.Input)
	format := fs.String("format", "jsonl", "output: jsonl (one fact a line), nquads (the quads build would store), text (the body text facts are read from, a '# id' line before each article), blocks (JSONL: every block of prepared text with its kind and offsets) or carb (open tuples of text files with one sentence a line; - for stdin)")
	base := fs.String("base", schema.DefaultBase, "namespace of newsgraph IRIs in nquads output")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 && len(opt.Feeds) == 0 {
		return usageError{"give at least one article file, folder, URL or --feed"}
	}
	prog := build.NewProgress(e.stderr)
	opt.Event = prog.Event
	switch *format {
	case "jsonl", "nquads":
	case "text", "blocks":
		sum, err := build.WriteText(ctx, opt, fs.Args(), e.stdout, *format == "blocks")
		if err != nil {
			return err
		}
		return inputProblems(sum.Skipped())
	case "carb":
		return extractCARB(ctx, e, fs.Args())
	default:
		return usageError{fmt.Sprintf("unknown --format %q (jsonl, nquads, text, blocks or carb)", *format)}
	}
	w := bufio.NewWriter(e.stdout)
	var write func(*extract.Result) error
	switch *format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		write = func(r *extract.Result) error {
			for i := range r.Facts {
				if err := enc.Encode(&r.Facts[i]); err != nil {
					return err
				}
			}
			return nil
		}
	case "nquads":
		voc := schema.NewVocabulary(*base)
		qw := nquads.NewWriter(w)
		write = func(r *extract.Result) error {
			for _, q := range schema.ArticleQuadsAll(r.Article, r.Entities, r.Facts) {
				if err := qw.WriteQuad(export.RDFQuad(voc, q)); err != nil {
					return err
				}
			}
			return nil
		}
	}
	// Articles in order of their id, not of the input: the same articles give the same output
	// whatever order the files or folders were given in.
	opt.ByID = true
	sum, err := build.Extract(ctx, opt, fs.Args(), write)
	prog.Done()
	if err != nil {
		return err
	}
	return finish(w, sum.Skipped())
}

// extractCARB writes the open tuples of files holding one sentence a line ("-" is stdin) in the
// CaRB/OpenIE benchmark format. Each line is one sentence, however the segmenter would split it;
// there is no article preparation.
func extractCARB(ctx context.Context, e *env, paths []string) error {
	p, err := openie.Default()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	problems := 0
	err = p.RunFiles(ctx, paths, os.Stdin, w, func(err error) {
		problems++
		fmt.Fprintln(e.stderr, err)
	})
	if err != nil {
		return err
	}
	return finish(w, problems)
}

// finish flushes the output of a command that skips bad input, and says how much it skipped.
func finish(w *bufio.Writer, problems int) error {
	if err := w.Flush(); err != nil {
		return err
	}
	return inputProblems(problems)
}

// inputProblems is the error of a command that skipped n pieces of input (nil when n is 0).
func inputProblems(n int) error {
	if n > 0 {
		return partialError{fmt.Sprintf("%d input problem(s): see the messages above", n)}
	}
	return nil
}
