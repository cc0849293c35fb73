package main

import (
	"bufio"
	"context"
	"io"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/annotate"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/internal/cli"
)

// runAnnotate annotates articles (any input build reads) and CoNLL-U files (.conllu, whose
// documents, sentences and tokens are kept as given) and prints them in order of the arguments.
func runAnnotate(ctx context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	format := fs.String("format", "conllu", "output: conllu (tags, trees, entity mentions in MISC) or conll2012 (coreference chains, as scorers read them)")
	maxBytes := fs.Int64("max-bytes", input.DefaultMaxBytes, "skip articles larger than this many bytes")
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return cli.Usagef("give at least one article file or folder, or CoNLL-U file")
	}
	var write func(io.Writer, *annotate.Document) error
	switch *format {
	case "conllu":
		write = annotate.WriteCoNLLU
	case "conll2012":
		write = annotate.WriteCoNLL2012
	default:
		return cli.Usagef("unknown --format %q (conllu or conll2012)", *format)
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	an := annotate.New(x)
	w := bufio.NewWriter(e.Stdout)
	p := &cli.Problems{W: e.Stderr}
	rd := input.Reader{MaxBytes: *maxBytes, Problem: p.Input}
	err = an.Paths(ctx, rd, fs.Args(), func(d *annotate.Document) error { return write(w, d) }, p.Report)
	if err != nil {
		return err
	}
	return p.Finish(w)
}
