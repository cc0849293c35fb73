// Package testbin gives tests a copy of their own test binary built without the race detector,
// to run as a subprocess (the CLI, a query worker): the race detector makes each process slow
// to start and maps terabytes of address space, which address-space limits cannot allow. Only
// tests may import it; it runs the go command.
package testbin

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"testing"
)

// dir holds the binary built, when one was.
var dir string

// NoRace returns the path of the running test binary when it was built without -race, else that
// of the same package's tests built without it (once a process, with `go test -c` in the working
// directory, which go test sets to the package's folder). Cleanup removes what it built.
var NoRace = sync.OnceValues(func() (string, error) {
	bi, ok := debug.ReadBuildInfo()
	if !ok || !slices.Contains(bi.Settings, debug.BuildSetting{Key: "-race", Value: "true"}) {
		return os.Args[0], nil
	}
	d, err := os.MkdirTemp("", "newsgraph-test-")
	if err != nil {
		return "", err
	}
	dir = d
	bin := filepath.Join(d, "norace.test")
	out, err := exec.Command("go", "test", "-c", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go test -c: %w\n%s", err, out)
	}
	return bin, nil
})

// Cleanup removes the binary NoRace built; call it from TestMain after the tests.
func Cleanup() {
	if dir != "" {
		os.RemoveAll(dir)
	}
}

// Main runs the tests of m while it holds the value hold returns (something whose caches the
// tests share between runs, such as an extract.Extractor and the models it keeps decoded), then
// calls Cleanup and exits with the tests' status. A failing hold exits with status 2.
func Main(m *testing.M, hold func() (any, error)) {
	v, err := hold()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	runtime.KeepAlive(v)
	Cleanup()
	os.Exit(code)
}
