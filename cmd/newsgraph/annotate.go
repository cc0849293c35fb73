package main

import (
	"bufio"
	"context"
	"fmt"
	"io"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/annotate"
	"github.com/newsgraph/newsgraph/extract/input"
)

// runAnnotate annotates articles (any input build reads) and CoNLL-U files (.conllu, whose
// documents, sentences and tokens are kept as given) and prints them in order of the arguments.
func runAnnotate(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	format := fs.String("format", "conllu", "output: conllu (tags, trees, entity mentions in MISC) or conll2012 (coreference chains, as scorers read them)")
	maxBytes := fs.Int64("max-bytes", input.DefaultMaxBytes, "skip articles larger than this many bytes")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"give at least one article file or folder, or CoNLL-U file"}
	}
	var write func(io.Writer, *annotate.Document) error
	switch *format {
	case "conllu":
		write = annotate.WriteCoNLLU
	case "conll2012":
		write = annotate.WriteCoNLL2012
	default:
		return usageError{fmt.Sprintf("unknown --format %q (conllu or conll2012)", *format)}
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		return err
	}
	an := annotate.New(x)
	w := bufio.NewWriter(e.stdout)
	p := &problems{w: e.stderr}
	rd := input.Reader{MaxBytes: *maxBytes, Problem: p.input}
	err = an.Paths(ctx, rd, fs.Args(), func(d *annotate.Document) error { return write(w, d) }, p.report)
	if err != nil {
		return err
	}
	return finish(w, p.n)
}
