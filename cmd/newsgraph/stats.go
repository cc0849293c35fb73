package main

import (
	"context"
	"encoding/json"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph/present"
)

var statsCommand = command{
	name:    "stats",
	summary: "count the graph's articles, entities by type and facts by predicate",
	usage:   "[--db PATH|URL] [--backend bolt|postgres] [--json]",
	example: "newsgraph stats --db newsgraph.db",
	run:     runStats,
}

func runStats(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	var sf storeFlags
	sf.add(fs)
	asJSON := fs.Bool("json", false, "print JSON instead of tables")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"stats takes no arguments"}
	}
	st, err := sf.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", " ")
		return enc.Encode(s)
	}
	return present.WriteStats(e.stdout, s)
}
