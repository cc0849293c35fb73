package main

import (
	"context"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph/present"
	"github.com/newsgraph/newsgraph/internal/cli"
)

func runStats(ctx context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	asJSON := fs.Bool("json", false, "print JSON instead of tables")
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return cli.Usagef("stats takes no arguments")
	}
	st, err := e.Store.Open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return cli.PrintJSON(e.Stdout, s, true)
	}
	return present.WriteStats(e.Stdout, s)
}
