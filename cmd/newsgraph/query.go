package main

import (
	"context"
	"fmt"
	"os"
	"time"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/present"
)

func runQuery(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	limit := fs.Int("limit", 100, "stop after N results (0: no limit)")
	format := fs.String("format", "json", "output format: json|table")
	file := fs.StringP("file", "f", "", "read the query from this file")
	timeout := fs.Duration("timeout", 30*time.Second, "stop the query after this long")
	memory := fs.Uint64("memory", 1024, "stop the query when it takes this many MB more than an idle worker")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *timeout <= 0 || *memory == 0 {
		return usageError{"--timeout and --memory must be positive"}
	}
	if *format != "json" && *format != "table" {
		return usageError{fmt.Sprintf("unknown --format %q (json or table)", *format)}
	}
	var q string
	switch {
	case *file != "" && fs.NArg() == 0:
		b, err := os.ReadFile(*file)
		if err != nil {
			return usageError{fmt.Sprintf("query file: %v", err)}
		}
		q = string(b)
	case *file == "" && fs.NArg() == 1:
		q = fs.Arg(0)
	default:
		return usageError{"give one query, or -f FILE"}
	}
	st, err := e.store.open(ctx, true)
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
		return partialError{err.Error()}
	}
	if len(res) == 0 {
		for _, h := range st.QueryHints(ctx, q) {
			fmt.Fprintln(e.stderr, "hint:", h)
		}
	}
	if *format == "table" {
		return present.WriteQueryTable(e.stdout, res, q)
	}
	return printJSON(e.stdout, map[string]interface{}{"result": res}, false)
}
