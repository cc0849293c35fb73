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

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/fixture"
)

// exportLines returns the sorted N-Quads export of a store.
func exportLines(t *testing.T, db string) []string {
	t.Helper()
	code, out, stderr := newsgraph(t, "export", "--db", db, "--format", "nquads")
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
	code, _, stderr := newsgraph(t, append([]string{"build"}, args...)...)
	if code != exitOK {
		t.Fatalf("build %v: exit %d: %s", args, code, stderr)
	}
	return stderr
}

// extract --format nquads prints the quads build stores (each entity quad once per article).
func TestExtractNQuadsIsWhatBuildStores(t *testing.T) {
	dir, _ := fixture.NewCorpus(t, 6)
	db := filepath.Join(t.TempDir(), "g.db")
	mustBuild(t, "--db", db, dir)
	want := exportLines(t, db)
	code, out, stderr := newsgraph(t, "extract", "--format", "nquads", dir)
	if code != exitOK {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	slices.Sort(lines)
	if got := slices.Compact(lines); !slices.Equal(got, want) {
		t.Errorf("extract --format nquads differs from the stored graph:\n%s", fixture.LineDiff(want, got))
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
	corpus, _ := fixture.NewCorpus(t, 8)
	clean := filepath.Join(t.TempDir(), "clean.db")
	mustBuild(t, "--db", clean, corpus)
	// The problem of an empty file, read while the articles before it are extracted, is when
	// the build is interrupted (as by Ctrl-C).
	os.WriteFile(filepath.Join(corpus, "a003x.txt"), nil, 0o644)
	db := filepath.Join(t.TempDir(), "g.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := &cancelWriter{match: "empty file", cancel: cancel}
	code := program.Run(ctx, &strings.Builder{}, w, []string{"build", "--db", db, "--batch", "1", corpus})
	stderr := w.b.String()
	if code != exitPartial || !strings.Contains(stderr, "newsgraph build: interrupted: ") ||
		!strings.Contains(stderr, "articles stored by this run") || !strings.Contains(stderr, "run the same build again to resume") {
		t.Fatalf("interrupted build: exit %d, stderr:\n%s", code, stderr)
	}
	code, _, stderr = newsgraph(t, "build", "--db", db, corpus)
	if code != exitPartial || !strings.Contains(stderr, "resuming the interrupted build") {
		t.Errorf("second run: exit %d (the empty file is still skipped), stderr:\n%s", code, stderr)
	}
	if want, got := exportLines(t, clean), exportLines(t, db); !slices.Equal(got, want) {
		t.Errorf("resumed build differs from an uninterrupted one:\n%s", fixture.LineDiff(want, got))
	}
}

// build says apart what the store had and what came twice in its own input, and what it skips
// with exit 1; it counts quads as stats does.
func TestBuildReportsWhatItLeftOut(t *testing.T) {
	dir := t.TempDir()
	seed := filepath.Join(seedsDir, "000_be2f5d5120d4f8a5.txt")
	fixture.WriteFiles(t, dir, map[string]string{
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
		{"csv folder", []string{csvs}, exitPartial, []string{"no articles", "1 .csv", "--csv-text COLUMN", "1 article(s) or path(s) skipped"}},
		{"csv folder with --csv-text", []string{"--csv-text", "text", csvs}, exitOK, []string{"1 new articles"}},
		{"empty folder", []string{empty}, exitPartial, []string{"the folder is empty", "warning: the input held no article"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := newsgraph(t, append([]string{"build", "--db", db}, tc.args...)...)
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
			_, stats, _ := newsgraph(t, "stats", "--db", db)
			if built == nil || !regexp.MustCompile(`(?m)^quads +`+built[1]+`$`).MatchString(stats) {
				t.Errorf("build and stats count quads differently:\n%s\n%s", stderr, stats)
			}
		})
	}
}

// Every command's --help names, in its synopsis and in its --backend flag, the backends the
// command accepts, and the command refuses the others as a usage error.
func TestBackendListsAgree(t *testing.T) {
	list := regexp.MustCompile(`--backend ([a-z|]+)\]`)
	flagList := regexp.MustCompile(`store backend: ([a-z|]+)`)
	nq := filepath.Join(t.TempDir(), "one.nq")
	os.WriteFile(nq, []byte("<a> <b> <c> .\n"), 0o644)
	// Arguments that let each command reach its store.
	args := map[string][]string{
		"build": {seedsDir}, "load": {nq}, "query": {"g.V().All()"}, "export": {"--format", "nquads"},
		"timeline": {"x"}, "remove": {"--doc", "x"}, "correct": {"list"}, "stats": nil, "verify": nil, "serve": nil,
	}
	n := 0
	for _, c := range commands {
		_, _, help := newsgraph(t, c.Name, "--help")
		m, f := list.FindStringSubmatch(help), flagList.FindStringSubmatch(help)
		if m == nil && f == nil {
			continue
		}
		n++
		if m == nil || f == nil || m[1] != f[1] {
			t.Errorf("%s --help: the synopsis and the --backend flag disagree:\n%s", c.Name, help)
			continue
		}
		a, ok := args[c.Name]
		if !ok {
			t.Logf("%s: no arguments known to reach the store", c.Name)
			continue
		}
		for _, b := range graph.Backends {
			code, _, stderr := newsgraph(t, append([]string{c.Name, "--backend", b, "--db", filepath.Join(t.TempDir(), "none.db")}, a...)...)
			refused := code == exitUsage && strings.Contains(stderr, "--backend")
			if accepted := slices.Contains(strings.Split(m[1], "|"), b); accepted == refused {
				t.Errorf("%s --backend %s: exit %d (listed: %v):\n%s", c.Name, b, code, accepted, stderr)
			}
		}
	}
	if n < len(args) {
		t.Errorf("only %d commands take --backend", n)
	}
}
