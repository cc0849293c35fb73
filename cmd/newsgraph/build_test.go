package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/internal/storetest"
)

// exportLines returns the sorted N-Quads export of a store.
func exportLines(t *testing.T, db string) []string {
	t.Helper()
	code, out, stderr := cli(t, "export", "--db", db, "--format", "nquads")
	if code != exitOK {
		t.Fatalf("export %s: exit %d: %s", db, code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	slices.Sort(lines)
	return lines
}

// mustBuild runs a build that must succeed and returns its stderr.
func mustBuild(t *testing.T, args ...string) string {
	t.Helper()
	code, _, stderr := cli(t, append([]string{"build"}, args...)...)
	if code != exitOK {
		t.Fatalf("build %v: exit %d: %s", args, code, stderr)
	}
	return stderr
}

// extract --format nquads prints the quads build stores (each entity quad once per article).
func TestExtractNQuadsIsWhatBuildStores(t *testing.T) {
	dir, _ := storetest.NewCorpus(t, 6)
	db := filepath.Join(t.TempDir(), "g.db")
	mustBuild(t, "--db", db, dir)
	want := exportLines(t, db)
	code, out, stderr := cli(t, "extract", "--format", "nquads", dir)
	if code != exitOK {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	slices.Sort(lines)
	if got := slices.Compact(lines); !slices.Equal(got, want) {
		t.Errorf("extract --format nquads differs from the stored graph:\n%s", storetest.LineDiff(want, got))
	}
}

// cancelWriter is a stderr that cancels the command's context when a line holding match is
// written to it.
type cancelWriter struct {
	mu     sync.Mutex
	b      strings.Builder
	match  string
	cancel context.CancelFunc
}

func (w *cancelWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if strings.Contains(string(p), w.match) {
		w.cancel()
	}
	return w.b.Write(p)
}

// An interrupted build says what it stored and how to go on, exits 1, and the same build run
// again resumes it to the graph of an uninterrupted build.
func TestInterruptedBuildSaysHowToResume(t *testing.T) {
	corpus, _ := storetest.NewCorpus(t, 8)
	clean := filepath.Join(t.TempDir(), "clean.db")
	mustBuild(t, "--db", clean, corpus)
	// The problem of an empty file, read while the articles before it are extracted, is when
	// the build is interrupted (as by Ctrl-C).
	os.WriteFile(filepath.Join(corpus, "a003x.txt"), nil, 0o644)
	db := filepath.Join(t.TempDir(), "g.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := &cancelWriter{match: "empty file", cancel: cancel}
	code := run(ctx, &env{stdout: &strings.Builder{}, stderr: w}, []string{"build", "--db", db, "--batch", "1", corpus})
	stderr := w.b.String()
	if code != exitPartial || !strings.Contains(stderr, "newsgraph build: interrupted: ") ||
		!strings.Contains(stderr, "articles stored by this run") || !strings.Contains(stderr, "run the same build again to resume") {
		t.Fatalf("interrupted build: exit %d, stderr:\n%s", code, stderr)
	}
	code, _, stderr = cli(t, "build", "--db", db, corpus)
	if code != exitPartial || !strings.Contains(stderr, "resuming the interrupted build") {
		t.Errorf("second run: exit %d (the empty file is still skipped), stderr:\n%s", code, stderr)
	}
	if want, got := exportLines(t, clean), exportLines(t, db); !slices.Equal(got, want) {
		t.Errorf("resumed build differs from an uninterrupted one:\n%s", storetest.LineDiff(want, got))
	}
}

// build says apart what the store had and what came twice in its own input, and what it skips
// with exit 1; it counts quads as stats does.
func TestBuildReportsWhatItLeftOut(t *testing.T) {
	dir := t.TempDir()
	seed := filepath.Join(seedsDir, "000_be2f5d5120d4f8a5.txt")
	storetest.WriteFiles(t, dir, map[string]string{
		"csvs/news.csv": "text,category\n\"Ana Berg praised Omar Haddad in Marvik on Monday.\",politics\n",
		"empty/":        "",
	})
	csvs, empty := filepath.Join(dir, "csvs"), filepath.Join(dir, "empty")
	db := filepath.Join(dir, "g.db")
	for _, tc := range []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"fresh", []string{seedsDir}, exitOK, []string{"5 new articles (0 already stored, 0 duplicate text within this run)"}},
		{"again, one file twice", []string{seedsDir, seed}, exitOK, []string{
			"0 new articles (5 already stored, 1 duplicate text within this run)",
			seed + ": same text as an earlier article of this run (000_be2f5d5120d4f8a5.txt): skipped"}},
		{"csv folder", []string{csvs}, exitPartial, []string{"no articles", "1 .csv", "1 article(s) or path(s) skipped"}},
		{"csv folder with --csv-text", []string{"--csv-text", "text", csvs}, exitOK, []string{"1 new articles"}},
		{"empty folder", []string{empty}, exitPartial, []string{"the folder is empty", "warning: the input held no article"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := cli(t, append([]string{"build", "--db", db}, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit %d, want %d:\n%s", code, tc.code, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			if tc.name != "fresh" {
				return
			}
			built := regexp.MustCompile(`, (\d+) quads in `).FindStringSubmatch(stderr)
			_, stats, _ := cli(t, "stats", "--db", db)
			if built == nil || !regexp.MustCompile(`(?m)^quads +`+built[1]+`$`).MatchString(stats) {
				t.Errorf("build and stats count quads differently:\n%s\n%s", stderr, stats)
			}
		})
	}
}
