package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"

	flag "github.com/spf13/pflag"
)

func runVersion(_ context.Context, e *env, fs *flag.FlagSet, args []string) error {
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"version takes no arguments"}
	}
	fmt.Fprintln(e.stdout, versionLine())
	return nil
}

// versionLine is "newsgraph VERSION [COMMIT[+dirty]] GO": the module version Go recorded
// ("(devel)" for a build from a working tree) and the commit when the build recorded it.
func versionLine() string {
	v, commit, dirty := "(devel)", "", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	line := "newsgraph " + v
	if commit != "" {
		if len(commit) > 12 {
			commit = commit[:12]
		}
		if dirty {
			commit += "+dirty"
		}
		line += " " + commit
	}
	return line + " " + runtime.Version()
}
