package main

import (
	"context"
	"os"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/cli"
)

func runGizmoWorker(ctx context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return cli.Usagef("gizmo-worker takes no arguments: the request comes on standard input")
	}
	return graph.RunQueryWorker(ctx, os.Stdin, e.Stdout)
}

// workerCommand returns the command line (and extra environment) of the Gizmo query worker:
// this program, run again as `newsgraph gizmo-worker`. Tests point it at their own binary.
var workerCommand = func() ([]string, []string, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, nil, err
	}
	return []string{exe, "gizmo-worker"}, nil, nil
}

// newQueryWorker returns the worker that runs Gizmo queries, with memory bytes for each query.
func newQueryWorker(memory uint64) (*graph.QueryWorker, error) {
	argv, env, err := workerCommand()
	if err != nil {
		return nil, err
	}
	return &graph.QueryWorker{Command: argv, Env: env, Memory: memory}, nil
}
