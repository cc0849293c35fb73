package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/schema"
)

var loadCommand = command{
	name:    "load",
	summary: "load quads written by extract or export (N-Quads, JSON-LD, PQuads) into the graph store",
	usage:   "[--db PATH] [--backend bolt|memory] [--format nquads|jsonld|pquads] [--base IRI] [--batch N] FILE...",
	example: "newsgraph extract --format nquads seeds/ > seeds.nq && newsgraph load --db merged.db seeds.nq",
	run:     runLoad,
}

// loadFormat returns the format of a file by its extension.
func loadFormat(path string) (string, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".nq", ".nquads":
		return export.NQuads, true
	case ".jsonld", ".json":
		return export.JSONLD, true
	case ".pq", ".pquads":
		return export.PQuads, true
	}
	return "", false
}

func runLoad(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	var sf storeFlags
	sf.add(fs)
	format := fs.String("format", "", "input format: "+strings.Join(export.ReadFormats(), "|")+" (default: by file extension)")
	base := fs.String("base", schema.DefaultBase, "namespace of newsgraph IRIs in the input")
	batch := fs.Int("batch", graph.BatchQuads, "quads written per transaction (rounded up to whole articles for extract output)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"give at least one file of quads"}
	}
	if *batch < 1 {
		return usageError{"--batch must be at least 1"}
	}
	formats := make([]string, fs.NArg())
	for i, p := range fs.Args() {
		f, ok := *format, *format != ""
		if !ok {
			f, ok = loadFormat(p)
		}
		if !ok {
			return usageError{fmt.Sprintf("%s: unknown file type: give --format", p)}
		}
		formats[i] = f
	}
	start := time.Now()
	st, err := sf.open(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	n := 0
	for i, p := range fs.Args() {
		k, err := loadFile(ctx, st, p, formats[i], *base, *batch)
		n += k
		if err != nil {
			return fmt.Errorf("%s: %w (%d quads loaded before it; loading again adds what is missing)", input.QuoteName(p), err, n)
		}
	}
	fmt.Fprintf(e.stderr, "loaded %s: %d quads from %d file(s) in %.1fs\n", sf.db, n, fs.NArg(), time.Since(start).Seconds())
	return nil
}

// loadFile writes the quads of one file in transactions of about batch quads, each ending
// before an article node, so that the quads of an article, which extract writes together, land
// in one transaction (but never more than 4×batch quads, for input in another order). The file
// is parsed on its own goroutine while the store writes the batch before: on two cores parsing
// and writing overlap. It returns the number of quads written.
func loadFile(ctx context.Context, st *graph.Store, path, format, base string, batch int) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r, err := export.Reader(format, f, base)
	if err != nil {
		return 0, err
	}
	defer r.Close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []quad.Quad, 1)
	var readErr error // set before batches is closed
	go func() {
		defer close(batches)
		send := func(b []quad.Quad) bool {
			select {
			case batches <- b:
				return true
			case <-ctx.Done():
				return false
			}
		}
		pending := make([]quad.Quad, 0, batch)
		for {
			q, err := r.ReadQuad()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				readErr = err
				return
			}
			if len(pending) >= batch && isArticleNode(q) || len(pending) >= 4*batch {
				if !send(pending) {
					return
				}
				pending = make([]quad.Quad, 0, batch)
			}
			pending = append(pending, q)
		}
		send(pending)
	}()
	n := 0
	for b := range batches {
		if err := st.WriteArticles(ctx, b); err != nil {
			cancel()
			for range batches { // let the reader end
			}
			return n, err
		}
		n += len(b)
	}
	if readErr == nil {
		readErr = ctx.Err()
	}
	return n, readErr
}

// isArticleNode reports whether q says that something is an article: the first quad of an
// article in extract's output.
func isArticleNode(q quad.Quad) bool {
	return q.Predicate == quad.IRI(schema.PropType) && q.Object == quad.IRI(schema.ClassArticle)
}
