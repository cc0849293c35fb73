package main

import (
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/internal/cli"
	"github.com/newsgraph/newsgraph/internal/testbin"
)

// The exit statuses, as the tests name them.
const (
	exitOK      = cli.ExitOK
	exitPartial = cli.ExitPartial
	exitUsage   = cli.ExitUsage
)

// TestMain lets the tests run this test binary as the newsgraph command: with
// NEWSGRAPH_TEST_MAIN=1 it is main (the Gizmo query workers of query and serve run so).
func TestMain(m *testing.M) {
	if os.Getenv("NEWSGRAPH_TEST_MAIN") == "1" {
		main()
	}
	// Queries run in worker processes: this test binary (without -race) as newsgraph.
	workerCommand = func() ([]string, []string, error) {
		bin, err := testbin.NoRace()
		return []string{bin, "gizmo-worker"}, []string{"NEWSGRAPH_TEST_MAIN=1"}, err
	}
	// The tests run the CLI many times in this process. Holding one Extractor keeps the models
	// it shares with every other (extract.New) decoded between runs; a build alone lets them go.
	testbin.Main(m, func() (any, error) { return extract.New(extract.Options{}) })
}
