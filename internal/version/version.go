// Package version says which newsgraph is running: the module version and the commit Go
// recorded in the binary when it was built, and Go's version.
//
// It reads the build information only: it must not print, and it imports no package of the
// module.
package version

import (
	"runtime"
	"runtime/debug"
)

// Line is "newsgraph VERSION [COMMIT[+dirty]] GO" for the running binary: the module version Go
// recorded ("(devel)" for a build from a working tree), the first 12 digits of the commit when
// the build recorded it ("+dirty" when the tree had changes), and Go's version.
func Line() string {
	bi, ok := debug.ReadBuildInfo()
	return line(bi, ok, runtime.Version())
}

// line is Line for the build information bi (ok unset: none) and Go version goVersion.
func line(bi *debug.BuildInfo, ok bool, goVersion string) string {
	v, commit, dirty := "(devel)", "", false
	if ok {
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
	out := "newsgraph " + v
	if commit != "" {
		if len(commit) > 12 {
			commit = commit[:12]
		}
		if dirty {
			commit += "+dirty"
		}
		out += " " + commit
	}
	return out + " " + goVersion
}
