package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
)

// People, places and organisations of the generated corpus: invented names.
var (
	fxPeople = [][2]string{
		{"Maria", "Lopez"}, {"Tom", "Baker"}, {"Nadia", "Okafor"}, {"Jorge", "Castillo"},
		{"Lena", "Lindqvist"}, {"Omar", "Haddad"}, {"Ivo", "Novak"}, {"Ana", "Berg"},
		{"Pavel", "Dorn"}, {"Rita", "Solano"},
	}
	fxCountries = []string{"Valdoria", "Freedonia", "Ostravia"}
	fxCities    = []string{"Port Elna", "Marvik", "Santa Lys"}
	fxOrgs      = []string{"Borealis Bank", "Acme Corporation", "Northwind Airlines"}
	fxRoles     = []string{"finance minister", "foreign minister", "prime minister"}
	fxDays      = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
)

// newCorpus writes n generated articles to a new folder and returns it and their paths.
func newCorpus(t testing.TB, n int) (string, []string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir, writeCorpus(t, dir, n)
}

// writeCorpus writes n small articles to dir and returns their paths. Odd articles name people
// only by surname, so that their entities are linked to the full names of other articles.
func writeCorpus(t testing.TB, dir string, n int) []string {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	var paths []string
	for i := range n {
		p1, p2, p3 := fxPeople[rng.IntN(len(fxPeople))], fxPeople[rng.IntN(len(fxPeople))], fxPeople[rng.IntN(len(fxPeople))]
		var text string
		if i%2 == 0 {
			text = fmt.Sprintf("%s %s, the %s of %s, praised %s %s on %s in %s.\n%s said the new plan would help farmers across %s.\n%s criticized the %s for the delay.\n",
				p1[0], p1[1], pick(fxRoles), pick(fxCountries), p2[0], p2[1], pick(fxDays), pick(fxCities),
				p1[1], pick(fxCountries), p2[1], pick(fxOrgs))
		} else {
			text = fmt.Sprintf("%s met %s %s in %s on %s.\n%s told reporters that the %s would repay the loan.\nThe %s thanked %s for the support.\n",
				p1[1], p3[0], p3[1], pick(fxCities), pick(fxDays), p3[1], pick(fxOrgs), pick(fxOrgs), p1[1])
		}
		p := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// exportLines builds nothing: it returns the sorted N-Quads export of a store.
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

// build runs a build that must succeed and returns its stderr.
func build(t *testing.T, args ...string) string {
	t.Helper()
	code, _, stderr := cli(t, append([]string{"build"}, args...)...)
	if code != exitOK {
		t.Fatalf("build %v: exit %d: %s", args, code, stderr)
	}
	return stderr
}

func TestBuildSameGraphWhateverWorkersAndOrder(t *testing.T) {
	dir := t.TempDir()
	paths := writeCorpus(t, dir, 12)
	one := filepath.Join(dir, "one.db")
	build(t, "--db", one, "--workers", "1", "--batch", "1", dir)
	want := exportLines(t, one)
	rev := slices.Clone(paths)
	slices.Reverse(rev)
	many := filepath.Join(dir, "many.db")
	build(t, append([]string{"--db", many, "--workers", "4", "--batch", "5"}, rev...)...)
	if got := exportLines(t, many); !slices.Equal(got, want) {
		t.Errorf("the graph depends on workers, batch size or input order:\n%s", lineDiff(want, got))
	}
	// extract --format nquads gives the quads build stores (each entity quad once per article).
	code, out, stderr := cli(t, "extract", "--format", "nquads", dir)
	if code != exitOK {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	slices.Sort(lines)
	if got := slices.Compact(lines); !slices.Equal(got, want) {
		t.Errorf("extract --format nquads differs from the stored graph:\n%s", lineDiff(want, got))
	}
}

// lineDiff shows the lines only one side has.
func lineDiff(want, got []string) string {
	var b strings.Builder
	for _, l := range want {
		if _, ok := slices.BinarySearch(got, l); !ok {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	for _, l := range got {
		if _, ok := slices.BinarySearch(want, l); !ok {
			fmt.Fprintf(&b, "+ %s\n", l)
		}
	}
	return b.String()
}

// Building A and then B links B's mentions to the entities A stored: the same ids as building
// both at once.
func TestIncrementalBuildLinksToStoredEntities(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	write := func(p, text string) {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(a, "Maria Lopez, the finance minister of Valdoria, praised Tom Baker on Monday in Port Elna.\nBaker criticized the Borealis Bank for the delay.\n")
	write(b, "Lopez met Nadia Okafor in Port Elna on Tuesday.\nOkafor told reporters that the bank would repay the loan.\n")
	both := filepath.Join(dir, "both.db")
	build(t, "--db", both, a, b)
	inc := filepath.Join(dir, "inc.db")
	build(t, "--db", inc, a)
	build(t, "--db", inc, b)
	want, got := exportLines(t, both), exportLines(t, inc)
	if !slices.Equal(got, want) {
		t.Errorf("building A then B differs from building A+B:\n%s", lineDiff(want, got))
	}
	if !slices.ContainsFunc(got, func(l string) bool {
		return strings.HasPrefix(l, "<urn:newsgraph:person/maria-lopez> <urn:newsgraph:met> ") && strings.HasSuffix(l, "<urn:newsgraph:article/b.txt> .")
	}) {
		t.Errorf("b.txt's Lopez is not linked to the stored Maria Lopez:\n%s", strings.Join(got, "\n"))
	}

	// The case that differs, documented in README: a surname stored before the full name turns
	// up. The stored article keeps its id; the new one links to the full name.
	rev := filepath.Join(dir, "rev.db")
	build(t, "--db", rev, b)
	build(t, "--db", rev, a)
	revLines := exportLines(t, rev)
	for _, want := range []string{
		"<urn:newsgraph:person/lopez> <urn:newsgraph:met> <urn:newsgraph:person/nadia-okafor> <urn:newsgraph:article/b.txt> .",
		"<urn:newsgraph:person/maria-lopez> <urn:newsgraph:minister_of> <urn:newsgraph:gpe/valdoria> <urn:newsgraph:article/a.txt> .",
	} {
		if !slices.Contains(revLines, want) {
			t.Errorf("B then A: missing %s", want)
		}
	}
}

// stored returns the quads of a store grouped by label ("" for unlabelled ones).
func stored(t testing.TB, db string) map[string][]string {
	t.Helper()
	st, err := graph.Open(context.Background(), graph.Options{Backend: "bolt", Path: db, ReadOnly: true})
	if err != nil {
		t.Fatalf("open %s after the interruption: %v", db, err)
	}
	defer st.Close()
	out := map[string][]string{}
	err = st.EachQuad(context.Background(), "", func(q quad.Quad) error {
		l := ""
		if q.Label != nil {
			l = q.Label.String()
		}
		out[l] = append(out[l], q.String())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, qs := range out {
		slices.Sort(qs)
	}
	return out
}

// checkWhole checks that every article of got has exactly its quads of want, and that the
// unlabelled quads of got are some of want's: the store holds only whole articles.
func checkWhole(t *testing.T, got, want map[string][]string) {
	t.Helper()
	for l, qs := range got {
		if l == "" {
			for _, q := range qs {
				if _, ok := slices.BinarySearch(want[""], q); !ok {
					t.Errorf("unlabelled quad not in the clean build: %s", q)
				}
			}
			continue
		}
		if !slices.Equal(qs, want[l]) {
			t.Errorf("article %s is not whole: %d of its %d quads", l, len(qs), len(want[l]))
		}
	}
}

// interruptedBuild runs a build in-process and cancels it (as Ctrl-C does) at the testHook event
// with count n; it returns the exit status and stderr.
func interruptedBuild(event string, n int, args ...string) (int, string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	testHook = func(ev string, k int) {
		if ev == event && k == n {
			cancel()
		}
	}
	defer func() { testHook = nil }()
	var stderr strings.Builder
	code := run(ctx, &env{stdout: &strings.Builder{}, stderr: &stderr}, append([]string{"build"}, args...))
	return code, stderr.String()
}

// Interrupting a build while it extracts or while it stores, then running it again, ends with
// the graph of an uninterrupted build; also when the store held articles before (whose entities
// the interrupted build linked to).
func TestInterruptedBuildResumes(t *testing.T) {
	dir := t.TempDir()
	corpus, paths := newCorpus(t, 10)
	first := paths[:4] // built before, in the "prefilled" cases
	clean := filepath.Join(dir, "clean.db")
	build(t, "--db", clean, corpus)
	prefilled := filepath.Join(dir, "prefilled.db")
	build(t, append([]string{"--db", prefilled}, first...)...)
	build(t, "--db", prefilled, corpus)
	for _, tc := range []struct {
		event   string
		after   int
		prefill bool
	}{{"extracted", 3, false}, {"stored", 4, false}, {"stored", 2, false}, {"extracted", 2, true}, {"stored", 2, true}} {
		t.Run(fmt.Sprintf("%s-%d-prefill=%v", tc.event, tc.after, tc.prefill), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "g.db")
			ref := clean
			if tc.prefill {
				build(t, append([]string{"--db", db}, first...)...)
				ref = prefilled
			}
			want, wantQuads := exportLines(t, ref), stored(t, ref)
			code, errs := interruptedBuild(tc.event, tc.after, "--db", db, "--batch", "2", "--workers", "2", corpus)
			if code != exitPartial || !strings.Contains(errs, "interrupted: ") || !strings.Contains(errs, "run the same build again to resume") {
				t.Fatalf("interrupted build: exit %d, stderr:\n%s", code, errs)
			}
			if _, err := os.Stat(db + ".spool"); err != nil {
				t.Errorf("no spool kept: %v", err)
			}
			checkWhole(t, stored(t, db), wantQuads)
			stderr := build(t, "--db", db, corpus)
			if !strings.Contains(stderr, "resuming the interrupted build") {
				t.Errorf("second run did not resume:\n%s", stderr)
			}
			if got := exportLines(t, db); !slices.Equal(got, want) {
				t.Errorf("resumed build differs from an uninterrupted one:\n%s", lineDiff(want, got))
			}
			if _, err := os.Stat(db + ".spool"); !os.IsNotExist(err) {
				t.Errorf("spool left after a complete build: %v", err)
			}
		})
	}
}

// A spool left by a build of other input is not resumed.
func TestSpoolOfOtherBuildIsDiscarded(t *testing.T) {
	corpus, paths := newCorpus(t, 4)
	db := filepath.Join(t.TempDir(), "g.db")
	if code, _ := interruptedBuild("extracted", 2, "--db", db, corpus); code != exitPartial {
		t.Fatalf("interrupted build: exit %d", code)
	}
	stderr := build(t, "--db", db, paths[0])
	if !strings.Contains(stderr, "left by an interrupted build of other input: starting afresh") || !strings.Contains(stderr, "1 new articles") {
		t.Errorf("build of other input:\n%s", stderr)
	}
}

// BenchmarkBuild builds a generated corpus of 40 small articles into a new bolt store, end to end
// (extraction, resolution, batched writes). Reports articles/s.
func BenchmarkBuild(b *testing.B) {
	corpus, paths := newCorpus(b, 40)
	dir := b.TempDir()
	for i := range b.N {
		var stderr strings.Builder
		db := filepath.Join(dir, fmt.Sprint(i, ".db"))
		if code := run(context.Background(), &env{stdout: &stderr, stderr: &stderr}, []string{"build", "--db", db, corpus}); code != exitOK {
			b.Fatalf("build: exit %d: %s", code, stderr.String())
		}
	}
	b.ReportMetric(float64(len(paths)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
