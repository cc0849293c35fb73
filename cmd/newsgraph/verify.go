package main

import (
	"context"
	"errors"
	"fmt"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/cli"
)

func runVerify(ctx context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return cli.Usagef("verify takes no arguments")
	}
	rep, err := graph.Verify(ctx, e.Store.Options())
	if err != nil {
		if errors.Is(err, graph.ErrDamaged) {
			return fmt.Errorf("%w\nRebuild it (newsgraph build), or restore a copy", err)
		}
		return err
	}
	if rep.Pages > 0 {
		fmt.Fprintf(e.Stdout, "%s: ok: %d pages, %d quads\n", input.QuoteName(e.Store.DB), rep.Pages, rep.Quads)
	} else {
		fmt.Fprintf(e.Stdout, "ok: %d quads\n", rep.Quads)
	}
	return nil
}
