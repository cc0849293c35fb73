package main

import (
	"context"
	"fmt"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/internal/version"
)

func runVersion(_ context.Context, e *env, fs *flag.FlagSet, args []string) error {
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"version takes no arguments"}
	}
	fmt.Fprintln(e.stdout, version.Line())
	return nil
}
