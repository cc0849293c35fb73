package main

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/graph/serve"
	"github.com/newsgraph/newsgraph/internal/cli"
	"github.com/newsgraph/newsgraph/schema"
)

func runExport(ctx context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	formats := append(export.Formats(), "html")
	format := fs.String("format", "", "one of: "+strings.Join(formats, ", ")+" (html: a self-contained viewer page)")
	out := fs.StringP("output", "o", "", "write to this file instead of stdout; with --format csv, a folder (nodes.csv, edges.csv, statements.csv) unless the name has an extension")
	doc := fs.String("doc", "", "export only this article's facts and the entities they mention")
	base := fs.String("base", schema.DefaultBase, "namespace of newsgraph IRIs in RDF formats")
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return cli.Usagef("export takes no arguments (did you mean --doc ID?)")
	}
	if !slices.Contains(formats, *format) {
		return cli.Usagef("--format must be one of: %s", strings.Join(formats, ", "))
	}
	st, err := e.Store.Open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	write := export.Write
	if *format == "html" {
		write = func(ctx context.Context, st *graph.Store, w io.Writer, opt export.Options) error {
			return serve.WriteStandalone(ctx, st, w, opt.Doc)
		}
	}
	err = export.WriteFile(ctx, st, *out, e.Stdout, export.Options{Format: *format, Doc: *doc, Base: *base}, write)
	if errors.Is(err, export.ErrFolder) {
		return cli.Usagef("-o %s is a folder: only --format csv writes a folder (nodes.csv, edges.csv, statements.csv)", *out)
	}
	return err
}
