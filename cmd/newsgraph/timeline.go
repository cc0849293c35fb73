package main

import (
	"context"
	"fmt"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/present"
	"github.com/newsgraph/newsgraph/internal/cli"
)

func runTimeline(ctx context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	var r graph.TimeRange
	fs.StringVar(&r.From, "from", "", "keep facts dated on or after DATE (2022, 2022-10 or 2022-10-04)")
	fs.StringVar(&r.To, "to", "", "keep facts dated on or before DATE (2022, 2022-10 or 2022-10-04)")
	asJSON := fs.Bool("json", false, "print the statements as JSON")
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return cli.Usagef("timeline takes one entity: a name (\"Elon Musk\") or an id (person/elon-musk)")
	}
	for _, v := range []string{r.From, r.To} {
		if v != "" && !graph.ValidDate(v) {
			return cli.Usagef("--from and --to take dates such as 2022, 2022-10 or 2022-10-04, not %q", v)
		}
	}
	st, err := e.Store.Open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	id, err := st.FindEntity(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	sts, err := st.Timeline(ctx, id, r)
	if err != nil {
		return err
	}
	if *asJSON {
		if sts == nil {
			sts = []graph.Statement{}
		}
		return cli.PrintJSON(e.Stdout, sts, true)
	}
	name := present.Names(ctx, st)
	if err := present.WriteTimeline(e.Stdout, sts, name); err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "%d dated facts about %s\n", len(sts), name(id))
	return nil
}
