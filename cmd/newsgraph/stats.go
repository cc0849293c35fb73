package main

import (
	"context"
	"encoding/json"
	"fmt"
	flag "github.com/spf13/pflag"
	"sort"
	"text/tabwriter"
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
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "articles\t%d\nentities\t%d\nfacts (statements)\t%d\nquads\t%d\n", s.Articles, s.Entities, s.Statements, s.Quads)
	fmt.Fprintln(tw, "\nentity type\tcount")
	for _, kv := range byCount(s.ByType) {
		fmt.Fprintf(tw, "%s\t%d\n", kv.k, kv.v)
	}
	fmt.Fprintln(tw, "\npredicate\tfacts")
	for _, kv := range byCount(s.ByPredicate) {
		fmt.Fprintf(tw, "%s\t%d\n", kv.k, kv.v)
	}
	return tw.Flush()
}

type kv struct {
	k string
	v int
}

// byCount sorts a count map by count, then key.
func byCount(m map[string]int) []kv {
	out := make([]kv, 0, len(m))
	for k, v := range m {
		out = append(out, kv{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].v != out[j].v {
			return out[i].v > out[j].v
		}
		return out[i].k < out[j].k
	})
	return out
}
