package main

import (
	"bufio"
	"context"
	flag "github.com/spf13/pflag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

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
	if *format == "csv" && *out != "" && csvFolder(*out) {
		// "-o story" or "-o story/": the folder of nodes.csv, edges.csv and statements.csv, made if need be.
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
	}
	if fi, err := os.Stat(*out); *out != "" && err == nil && fi.IsDir() {
		if *format != "csv" {
			return cli.Usagef("-o %s is a folder: only --format csv writes a folder (nodes.csv, edges.csv, statements.csv)", *out)
		}
		return export.WriteCSVDir(ctx, st, *out, export.Options{Format: *format, Doc: *doc, Base: *base})
	}
	var w io.Writer = e.Stdout
	var f *os.File
	if *out != "" {
		if f, err = os.Create(*out); err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	if *format == "html" {
		err = serve.WriteStandalone(ctx, st, bw, *doc)
	} else {
		err = export.Write(ctx, st, bw, export.Options{Format: *format, Doc: *doc, Base: *base})
	}
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if f != nil {
		return f.Close()
	}
	return nil
}

// csvFolder reports whether -o names a folder for --format csv: one that exists, one written
// with a trailing slash, or a name without an extension (a file is "story.csv").
func csvFolder(out string) bool {
	if fi, err := os.Stat(out); err == nil {
		return fi.IsDir()
	}
	return strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(os.PathSeparator)) || filepath.Ext(out) == ""
}
