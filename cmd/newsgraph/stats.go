package main

import (
	"context"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph/present"
)

func runStats(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	asJSON := fs.Bool("json", false, "print JSON instead of tables")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"stats takes no arguments"}
	}
	st, err := e.store.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, s, true)
	}
	return present.WriteStats(e.stdout, s)
}
