package main

import (
	"context"
	"errors"
	"fmt"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/graph"
)

func runVerify(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"verify takes no arguments"}
	}
	rep, err := graph.Verify(ctx, graph.Options{Backend: e.store.backend, Path: e.store.db})
	if err != nil {
		if errors.Is(err, graph.ErrDamaged) {
			return fmt.Errorf("%w\nRebuild it (newsgraph build), or restore a copy", err)
		}
		return err
	}
	if rep.Pages > 0 {
		fmt.Fprintf(e.stdout, "%s: ok: %d pages, %d quads\n", input.QuoteName(e.store.db), rep.Pages, rep.Quads)
	} else {
		fmt.Fprintf(e.stdout, "ok: %d quads\n", rep.Quads)
	}
	return nil
}
