package main

import (
	"context"
	"errors"
	"fmt"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/graph"
)

var verifyCommand = command{
	name:    "verify",
	summary: "check that a store is whole: its file, every page, every quad",
	usage:   "[--db PATH|URL] [--backend bolt|postgres]",
	example: "newsgraph verify --db newsgraph.db",
	run:     runVerify,
}

func runVerify(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	var sf storeFlags
	sf.add(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"verify takes no arguments"}
	}
	if err := sf.check(); err != nil {
		return err
	}
	rep, err := graph.Verify(ctx, graph.Options{Backend: sf.backend, Path: sf.db})
	if err != nil {
		if errors.Is(err, graph.ErrDamaged) {
			return fmt.Errorf("%w\nRebuild it (newsgraph build), or restore a copy", err)
		}
		return err
	}
	if rep.Pages > 0 {
		fmt.Fprintf(e.stdout, "%s: ok: %d pages, %d quads\n", input.QuoteName(sf.db), rep.Pages, rep.Quads)
	} else {
		fmt.Fprintf(e.stdout, "ok: %d quads\n", rep.Quads)
	}
	return nil
}
