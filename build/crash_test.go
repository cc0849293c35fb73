package build_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/build"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/fixture"
	"github.com/newsgraph/newsgraph/internal/testbin"
)

// childEnv names the environment variable that makes the test binary a build in a subprocess
// (childBuild), for the tests that kill one: it holds the childArgs as JSON.
const childEnv = "NEWSGRAPH_TEST_BUILD_CHILD"

// childArgs are the store and options of a build in a subprocess.
type childArgs struct {
	DB             string
	Batch, Workers int
	Inputs         []string
}

// childBuild runs the build of the childArgs in childEnv with Resume set, printing "hook KIND N"
// on stderr at each Extracted and Stored event (N counting articles extracted, or stored, by
// this run) and "resumed N" when it resumes, and returns the exit status.
func childBuild() int {
	var a childArgs
	if err := json.Unmarshal([]byte(os.Getenv(childEnv)), &a); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Options{Backend: "bolt", Path: a.DB})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	opt := build.Options{Store: st, Batch: a.Batch, Resume: true, Input: build.Input{Workers: a.Workers}, Event: func(ev build.Event) {
		switch ev.Kind {
		case build.Extracted:
			fmt.Fprintf(os.Stderr, "hook extracted %d\n", ev.N)
		case build.Stored:
			fmt.Fprintf(os.Stderr, "hook stored %d\n", ev.N)
		case build.Resumed:
			fmt.Fprintf(os.Stderr, "resumed %d\n", ev.N)
		}
	}}
	if _, err := build.Run(ctx, opt, a.Inputs); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// child is a build run in a subprocess.
type child struct {
	cmd    *exec.Cmd
	lines  chan string // stderr, line by line; closed at EOF
	stderr strings.Builder
}

// startBuild starts the build of a in a subprocess.
func startBuild(t *testing.T, a childArgs) *child {
	t.Helper()
	bin, err := testbin.NoRace()
	if err != nil {
		t.Fatal(err)
	}
	js, _ := json.Marshal(a)
	c := &child{cmd: exec.Command(bin), lines: make(chan string, 1024)}
	c.cmd.Env = append(os.Environ(), childEnv+"="+string(js))
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

// waitFor reads stderr until the hook line of kind with a count of at least n; it reports
// false if the process ended first.
func (c *child) waitFor(kind string, n int) bool {
	for l := range c.lines {
		c.stderr.WriteString(l + "\n")
		var k string
		var m int
		if _, err := fmt.Sscanf(l, "hook %s %d", &k, &m); err == nil && k == kind && m >= n {
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

// cleanBuild builds corpus into a new store and returns its quads by label and N-Quads export.
func cleanBuild(t *testing.T, inputs ...string) (map[string][]string, []string) {
	t.Helper()
	clean := filepath.Join(t.TempDir(), "clean.db")
	runBuild(t, clean, build.Options{}, inputs...)
	return storedQuads(t, clean), exportLines(t, clean)
}

// Cancelling a build (as Ctrl-C does) while it extracts or while it stores, then running it
// again, ends with the graph of an uninterrupted build; also when the store held articles before
// (whose entities the interrupted build linked to).
func TestCancelledBuildResumes(t *testing.T) {
	corpus, paths := fixture.NewCorpus(t, 10)
	first := paths[:4] // built before, in the "prefilled" cases
	cleanQuads, clean := cleanBuild(t, corpus)
	prefilled := filepath.Join(t.TempDir(), "prefilled.db")
	runBuild(t, prefilled, build.Options{}, first...)
	runBuild(t, prefilled, build.Options{}, corpus)
	prefilledQuads, prefilledLines := storedQuads(t, prefilled), exportLines(t, prefilled)
	for _, tc := range []struct {
		kind    build.EventKind
		after   int
		prefill bool
	}{{build.Extracted, 3, false}, {build.Stored, 4, false}, {build.Stored, 2, false}, {build.Extracted, 2, true}, {build.Stored, 2, true}} {
		t.Run(fmt.Sprintf("%d-%d-prefill=%v", tc.kind, tc.after, tc.prefill), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "g.db")
			want, wantQuads := clean, cleanQuads
			if tc.prefill {
				runBuild(t, db, build.Options{}, first...)
				want, wantQuads = prefilledLines, prefilledQuads
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			st := openStore(t, db)
			sum, err := build.Run(ctx, build.Options{Store: st, Batch: 2, Resume: true, Input: build.Input{Workers: 2}, Event: func(ev build.Event) {
				if ev.Kind == tc.kind && ev.N == tc.after {
					cancel()
				}
			}}, []string{corpus})
			st.Close()
			if !errors.Is(err, context.Canceled) || !sum.Kept {
				t.Fatalf("cancelled build: %v, spool kept %v", err, sum.Kept)
			}
			if _, err := os.Stat(db + ".spool"); err != nil {
				t.Errorf("no spool kept: %v", err)
			}
			checkWhole(t, storedQuads(t, db), wantQuads)
			resumed := -1
			again := runBuild(t, db, build.Options{Resume: true, Event: func(ev build.Event) {
				if ev.Kind == build.Resumed {
					resumed = ev.N
				}
			}}, corpus)
			if resumed != again.Resumed || resumed < 0 {
				t.Errorf("second run did not resume (event %d, summary %d)", resumed, again.Resumed)
			}
			if got := exportLines(t, db); !slices.Equal(got, want) {
				t.Errorf("resumed build differs from an uninterrupted one:\n%s", fixture.LineDiff(want, got))
			}
			if _, err := os.Stat(db + ".spool"); !os.IsNotExist(err) {
				t.Errorf("spool left after a complete build: %v", err)
			}
		})
	}
}

// A spool left by a build of other input is not resumed.
func TestSpoolOfOtherBuildIsDiscarded(t *testing.T) {
	corpus, paths := fixture.NewCorpus(t, 4)
	db := filepath.Join(t.TempDir(), "g.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st := openStore(t, db)
	_, err := build.Run(ctx, build.Options{Store: st, Resume: true, Event: func(ev build.Event) {
		if ev.Kind == build.Extracted && ev.N == 2 {
			cancel()
		}
	}}, []string{corpus})
	st.Close()
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled build: %v", err)
	}
	var restarted error
	sum := runBuild(t, db, build.Options{Resume: true, Event: func(ev build.Event) {
		if ev.Kind == build.Restarted {
			restarted = ev.Err
		}
	}}, paths[0])
	if restarted == nil || !strings.Contains(restarted.Error(), "left by an interrupted build of other input") || sum.Stored != 1 || sum.Resumed != 0 {
		t.Errorf("build of other input: restarted %v, %+v", restarted, sum)
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
	corpus, _ := fixture.NewCorpus(t, n)
	wantQuads, want := cleanBuild(t, corpus)
	for seed := range uint64(6) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 7))
			db := filepath.Join(t.TempDir(), "g.db")
			for kill := 0; kill < 2; kill++ {
				// A point in either pass: after the k-th article extracted or stored, plus a
				// few hundred microseconds, so that some kills land inside a transaction.
				kind, at := []string{"extracted", "stored", "stored"}[rng.IntN(3)], 1+rng.IntN(n/2)
				delay := time.Duration(rng.IntN(800)) * time.Microsecond
				c := startBuild(t, childArgs{DB: db, Batch: 1 + rng.IntN(3), Workers: 2, Inputs: []string{corpus}})
				killed := c.waitFor(kind, at)
				if killed {
					time.Sleep(delay)
					c.cmd.Process.Signal(syscall.SIGKILL)
				}
				c.wait(t)
				if _, err := os.Stat(db); err != nil {
					continue // killed before the store was created
				}
				got := storedQuads(t, db)
				checkWhole(t, got, wantQuads)
				t.Logf("killed %v after %s %d + %v: %d of %d articles stored", killed, kind, at, delay, len(got)-1, n)
			}
			last := startBuild(t, childArgs{DB: db, Inputs: []string{corpus}})
			if code := last.wait(t); code != 0 {
				t.Fatalf("re-run after the kills: exit %d:\n%s", code, last.stderr.String())
			}
			if got := exportLines(t, db); !slices.Equal(got, want) {
				t.Errorf("build completed after kills differs from an uninterrupted one:\n%s", fixture.LineDiff(want, got))
			}
		})
	}
}

// BenchmarkRun builds a generated corpus of 40 small articles into a new bolt store, end to end
// (extraction, resolution, batched writes). Reports articles/s.
func BenchmarkRun(b *testing.B) {
	corpus, paths := fixture.NewCorpus(b, 40)
	dir := b.TempDir()
	for i := range b.N {
		runBuild(b, filepath.Join(dir, fmt.Sprint(i, ".db")), build.Options{}, corpus)
	}
	b.ReportMetric(float64(len(paths)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
