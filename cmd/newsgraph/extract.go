package main

import (
	"bufio"
	"context"
	"os"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/build"
	"github.com/newsgraph/newsgraph/extract/openie"
	"github.com/newsgraph/newsgraph/internal/cli"
	"github.com/newsgraph/newsgraph/schema"
)

func runExtract(ctx context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	var opt build.Options
	addInputFlags(fs, &opt.Input)
	format := fs.String("format", "jsonl", "output: jsonl (one fact a line), nquads (the quads build would store), text (the body text facts are read from, a '# id' line before each article), blocks (JSONL: every block of prepared text with its kind and offsets) or carb (open tuples of text files with one sentence a line; - for stdin)")
	base := fs.String("base", schema.DefaultBase, "namespace of newsgraph IRIs in nquads output")
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 && len(opt.Feeds) == 0 {
		return cli.Usagef("give at least one article file, folder, URL or --feed")
	}
	prog := build.NewProgress(e.Stderr)
	opt.Event = prog.Event
	var sum build.Summary
	var err error
	switch *format {
	case build.FactsJSONL, build.FactsNQuads:
		sum, err = build.WriteFacts(ctx, opt, fs.Args(), e.Stdout, *format, *base)
	case "text", "blocks":
		sum, err = build.WriteText(ctx, opt, fs.Args(), e.Stdout, *format == "blocks")
	case "carb":
		return extractCARB(ctx, e, fs.Args())
	default:
		return cli.Usagef("unknown --format %q (jsonl, nquads, text, blocks or carb)", *format)
	}
	prog.Done()
	if err != nil {
		return err
	}
	return cli.InputProblems(sum.Skipped())
}

// extractCARB writes the open tuples of files holding one sentence a line ("-" is stdin) in the
// CaRB/OpenIE benchmark format. Each line is one sentence, however the segmenter would split it;
// there is no article preparation.
func extractCARB(ctx context.Context, e *cli.Env, paths []string) error {
	p, err := openie.Default()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.Stdout)
	probs := &cli.Problems{W: e.Stderr}
	if err := p.RunFiles(ctx, paths, os.Stdin, w, probs.Report); err != nil {
		return err
	}
	return probs.Finish(w)
}
