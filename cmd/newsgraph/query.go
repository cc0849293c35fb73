package main

import (
	"context"
	"fmt"
	"os"
	"time"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/present"
	"github.com/newsgraph/newsgraph/internal/cli"
)

func runQuery(ctx context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	limit := fs.Int("limit", 100, "stop after N results (0: no limit)")
	format := fs.String("format", "json", "output format: json|table")
	file := fs.StringP("file", "f", "", "read the query from this file")
	timeout := fs.Duration("timeout", 30*time.Second, "stop the query after this long")
	memory := fs.Uint64("memory", 1024, "stop the query when it takes this many MB more than an idle worker")
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	if *timeout <= 0 || *memory == 0 {
		return cli.Usagef("--timeout and --memory must be positive")
	}
	if *format != "json" && *format != "table" {
		return cli.Usagef("unknown --format %q (json or table)", *format)
	}
	var q string
	switch {
	case *file != "" && fs.NArg() == 0:
		b, err := os.ReadFile(*file)
		if err != nil {
			return cli.Usagef("query file: %v", err)
		}
		q = string(b)
	case *file == "" && fs.NArg() == 1:
		q = fs.Arg(0)
	default:
		return cli.Usagef("give one query, or -f FILE")
	}
	st, err := e.Store.Open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	// The query runs in a process of its own, which its limits can stop for real (a script can
	// overflow the stack, or loop inside a built-in where Gizmo's interrupt does not reach).
	w, err := newQueryWorker(*memory << 20)
	if err != nil {
		return err
	}
	res, err := w.Gizmo(ctx, st, q, graph.QueryLimits{Timeout: *timeout, MaxResults: *limit})
	if err != nil {
		return cli.Partial(err)
	}
	if len(res) == 0 {
		for _, h := range st.QueryHints(ctx, q) {
			fmt.Fprintln(e.Stderr, "hint:", h)
		}
	}
	if *format == "table" {
		return present.WriteQueryTable(e.Stdout, res, q)
	}
	return cli.PrintJSON(e.Stdout, map[string]interface{}{"result": res}, false)
}
