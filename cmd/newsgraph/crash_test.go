package main

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/internal/testbin"
)

// TestMain lets the tests run this test binary as the newsgraph command: with
// NEWSGRAPH_TEST_MAIN=1 it is main, and it prints "hook EVENT N" on stderr at each testHook
// event so that a test can interrupt it at a chosen point.
func TestMain(m *testing.M) {
	if os.Getenv("NEWSGRAPH_TEST_MAIN") == "1" {
		testHook = func(event string, n int) { fmt.Fprintf(os.Stderr, "hook %s %d\n", event, n) }
		main()
	}
	// Queries run in worker processes: this test binary (without -race) as newsgraph.
	workerCommand = func() ([]string, []string, error) {
		bin, err := childBinary()
		return []string{bin, "gizmo-worker"}, []string{"NEWSGRAPH_TEST_MAIN=1"}, err
	}
	// The tests run the CLI many times in this process. Holding one Extractor keeps the models
	// it shares with every other (extract.New) decoded between runs; a build alone lets them go.
	x, err := extract.New(extract.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	runtime.KeepAlive(x)
	testbin.Cleanup()
	os.Exit(code)
}

// childBinary returns the test binary that subprocesses run: this one, or under -race one built
// without it, because loading the extraction models under the race detector takes ten seconds
// a process and these tests start many.
var childBinary = testbin.NoRace

// child is a build run in a subprocess.
type child struct {
	cmd    *exec.Cmd
	lines  chan string // stderr, line by line; closed at EOF
	stderr strings.Builder
}

// startBuild starts `newsgraph build args...` as a subprocess.
func startBuild(t *testing.T, args ...string) *child {
	t.Helper()
	bin, err := childBinary()
	if err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: exec.Command(bin, append([]string{"build"}, args...)...), lines: make(chan string, 1024)}
	c.cmd.Env = append(os.Environ(), "NEWSGRAPH_TEST_MAIN=1")
	pipe, err := c.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(c.lines)
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		io.Copy(io.Discard, pipe)
	}()
	return c
}

// waitFor reads stderr until the hook line of event with a count of at least n; it reports
// false if the process ended first.
func (c *child) waitFor(event string, n int) bool {
	for l := range c.lines {
		c.stderr.WriteString(l + "\n")
		var ev string
		var k int
		if _, err := fmt.Sscanf(l, "hook %s %d", &ev, &k); err == nil && ev == event && k >= n {
			return true
		}
	}
	return false
}

// wait reads the rest of stderr and returns the exit status (-1 when killed).
func (c *child) wait(t *testing.T) int {
	t.Helper()
	for l := range c.lines {
		c.stderr.WriteString(l + "\n")
	}
	err := c.cmd.Wait()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}

// buildFixture writes a corpus of n generated articles and builds it once in-process; it returns
// the corpus folder and the clean build's quads by label and N-Quads export.
func buildFixture(t *testing.T, n int) (string, map[string][]string, []string) {
	t.Helper()
	corpus, _ := newCorpus(t, n)
	clean := filepath.Join(t.TempDir(), "clean.db")
	build(t, "--db", clean, corpus)
	return corpus, stored(t, clean), exportLines(t, clean)
}

// Ctrl-C (SIGINT) stops a build cleanly, while it extracts or while it stores: it says how many
// articles are stored and how to resume, the store holds whole articles only, and running the
// same build again completes it.
func TestInterruptStopsCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("runs builds in subprocesses")
	}
	corpus, wantQuads, want := buildFixture(t, 16)
	for _, at := range []struct {
		event string
		n     int
	}{{"extracted", 4}, {"stored", 5}} {
		t.Run(fmt.Sprint(at.event, at.n), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "g.db")
			c := startBuild(t, "--db", db, "--batch", "1", corpus)
			if !c.waitFor(at.event, at.n) {
				t.Fatalf("build ended before %v: exit %d\n%s", at, c.wait(t), c.stderr.String())
			}
			if err := c.cmd.Process.Signal(os.Interrupt); err != nil {
				t.Fatal(err)
			}
			code := c.wait(t)
			out := c.stderr.String()
			if code != exitPartial || !strings.Contains(out, "newsgraph build: interrupted: ") ||
				!strings.Contains(out, "articles stored by this run") || !strings.Contains(out, "run the same build again to resume") {
				t.Fatalf("after SIGINT: exit %d, stderr:\n%s", code, out)
			}
			checkWhole(t, stored(t, db), wantQuads)
			again := startBuild(t, "--db", db, corpus)
			if code := again.wait(t); code != exitOK || !strings.Contains(again.stderr.String(), "resuming the interrupted build") {
				t.Fatalf("re-run: exit %d, stderr:\n%s", code, again.stderr.String())
			}
			if got := exportLines(t, db); !slices.Equal(got, want) {
				t.Errorf("resumed build differs from an uninterrupted one:\n%s", lineDiff(want, got))
			}
		})
	}
}

// A build killed (SIGKILL) at pseudo-random points leaves a store that opens and holds whole
// articles only, and running the build again completes it to the graph of an uninterrupted
// build. Each seed kills twice in a row before letting the build finish.
func TestKilledBuildLeavesWholeArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("runs builds in subprocesses")
	}
	const n = 24
	corpus, wantQuads, want := buildFixture(t, n)
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 7))
			db := filepath.Join(t.TempDir(), "g.db")
			for kill := 0; kill < 2; kill++ {
				// A point in either pass: after the k-th article extracted or stored, plus a
				// few hundred microseconds, so that some kills land inside a transaction.
				event, at := []string{"extracted", "stored", "stored"}[rng.IntN(3)], 1+rng.IntN(n/2)
				delay := time.Duration(rng.IntN(800)) * time.Microsecond
				c := startBuild(t, "--db", db, "--batch", fmt.Sprint(1+rng.IntN(3)), "--workers", "2", corpus)
				killed := c.waitFor(event, at)
				if killed {
					time.Sleep(delay)
					c.cmd.Process.Signal(syscall.SIGKILL)
				}
				c.wait(t)
				if _, err := os.Stat(db); err != nil {
					continue // killed before the store was created
				}
				got := stored(t, db)
				checkWhole(t, got, wantQuads)
				t.Logf("killed %v after %s %d + %v: %d of %d articles stored", killed, event, at, delay, len(got)-1, n)
			}
			last := startBuild(t, "--db", db, corpus)
			if code := last.wait(t); code != exitOK {
				t.Fatalf("re-run after the kills: exit %d:\n%s", code, last.stderr.String())
			}
			if got := exportLines(t, db); !slices.Equal(got, want) {
				t.Errorf("build completed after kills differs from an uninterrupted one:\n%s", lineDiff(want, got))
			}
		})
	}
}
