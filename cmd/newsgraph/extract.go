package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/build"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/openie"
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
	var sum build.Summary
	var err error
	switch *format {
	case build.FactsJSONL, build.FactsNQuads:
		sum, err = build.WriteFacts(ctx, opt, fs.Args(), e.stdout, *format, *base)
	case "text", "blocks":
		sum, err = build.WriteText(ctx, opt, fs.Args(), e.stdout, *format == "blocks")
	case "carb":
		return extractCARB(ctx, e, fs.Args())
	default:
		return usageError{fmt.Sprintf("unknown --format %q (jsonl, nquads, text, blocks or carb)", *format)}
	}
	prog.Done()
	if err != nil {
		return err
	}
	return inputProblems(sum.Skipped())
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
	probs := &problems{w: e.stderr}
	if err := p.RunFiles(ctx, paths, os.Stdin, w, probs.report); err != nil {
		return err
	}
	return finish(w, probs.n)
}

// problems prints on stderr the problems with the input of a command that skips bad input, and
// counts them.
type problems struct {
	w io.Writer
	n int // the problems printed, warnings aside
}

// report prints and counts err.
func (p *problems) report(err error) {
	p.n++
	fmt.Fprintln(p.w, err)
}

// input prints err, and counts it unless it is a warning; it is an input.Reader.Problem.
func (p *problems) input(err *input.Error) {
	if !err.Warn {
		p.n++
	}
	fmt.Fprintln(p.w, err)
}

// finish flushes the output of a command that skips bad input, and says how much it skipped.
func finish(w *bufio.Writer, n int) error {
	if err := w.Flush(); err != nil {
		return err
	}
	return inputProblems(n)
}

// inputProblems is the error of a command that skipped n pieces of input (nil when n is 0).
func inputProblems(n int) error {
	if n > 0 {
		return partialError{fmt.Sprintf("%d input problem(s): see the messages above", n)}
	}
	return nil
}
