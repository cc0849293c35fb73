package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/internal/cli"
	"github.com/newsgraph/newsgraph/schema"
)

func runLoad(ctx context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	format := fs.String("format", "", "input format: "+strings.Join(export.ReadFormats(), "|")+" (default: by file extension)")
	base := fs.String("base", schema.DefaultBase, "namespace of newsgraph IRIs in the input")
	batch := fs.Int("batch", graph.BatchQuads, "quads written per transaction (rounded up to whole articles for extract output)")
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return cli.Usagef("give at least one file of quads")
	}
	if *batch < 1 {
		return cli.Usagef("--batch must be at least 1")
	}
	formats := make([]string, fs.NArg())
	for i, p := range fs.Args() {
		f, ok := *format, *format != ""
		if !ok {
			f, ok = export.ReadFormatOf(p)
		}
		if !ok {
			return cli.Usagef("%s: unknown file type: give --format", p)
		}
		formats[i] = f
	}
	start := time.Now()
	st, err := e.Store.Open(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	n := 0
	for i, p := range fs.Args() {
		r, err := export.OpenFile(p, formats[i], *base)
		if err == nil {
			var k int
			k, err = st.LoadQuads(ctx, r, *batch)
			r.Close()
			n += k
		}
		if err != nil {
			return fmt.Errorf("%s: %w (%d quads loaded before it; loading again adds what is missing)", input.QuoteName(p), err, n)
		}
	}
	fmt.Fprintf(e.Stderr, "loaded %s: %d quads from %d file(s) in %.1fs\n", e.Store.DB, n, fs.NArg(), time.Since(start).Seconds())
	return nil
}
