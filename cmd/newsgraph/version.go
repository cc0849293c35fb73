package main

import (
	"context"
	"fmt"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/internal/cli"
	"github.com/newsgraph/newsgraph/internal/version"
)

func runVersion(_ context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return cli.Usagef("version takes no arguments")
	}
	fmt.Fprintln(e.Stdout, version.Line())
	return nil
}
