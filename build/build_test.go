package build_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/build"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/internal/fixture"
	"github.com/newsgraph/newsgraph/internal/testbin"
	"github.com/newsgraph/newsgraph/schema"
)

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		os.Exit(childBuild())
	}
	// Holding one Extractor keeps the models every build's extract.New shares decoded between
	// the runs of the tests.
	testbin.Main(m, func() (any, error) { return extract.New(extract.Options{}) })
}

// openStore opens (creating it) the bolt store at db; the caller closes it.
func openStore(t testing.TB, db string) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), graph.Options{Backend: "bolt", Path: db})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// runBuild builds inputs into the bolt store at db with opt (its Store set here) and returns
// the summary; the build must succeed.
func runBuild(t testing.TB, db string, opt build.Options, inputs ...string) build.Summary {
	t.Helper()
	st := openStore(t, db)
	defer st.Close()
	opt.Store = st
	sum, err := build.Run(context.Background(), opt, inputs)
	if err != nil {
		t.Fatalf("build %v: %v", inputs, err)
	}
	return sum
}

// exportLines returns the sorted N-Quads export of the store at db.
func exportLines(t testing.TB, db string) []string {
	t.Helper()
	st, err := graph.Open(context.Background(), graph.Options{Backend: "bolt", Path: db, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var b bytes.Buffer
	if err := export.Write(context.Background(), st, &b, export.Options{Format: export.NQuads}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	slices.Sort(lines)
	return lines
}

// storedQuads returns the quads of the store at db grouped by label ("" for unlabelled ones).
func storedQuads(t testing.TB, db string) map[string][]string {
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

// The graph does not depend on the number of workers, the batch size or the order of the input,
// and Extract gives the quads Run stores.
func TestRunSameGraphWhateverWorkersAndOrder(t *testing.T) {
	dir := t.TempDir()
	paths := fixture.WriteCorpus(t, dir, 12)
	one := filepath.Join(dir, "one.db")
	runBuild(t, one, build.Options{Input: build.Input{Workers: 1}, Batch: 1}, dir)
	want := exportLines(t, one)
	rev := slices.Clone(paths)
	slices.Reverse(rev)
	many := filepath.Join(dir, "many.db")
	runBuild(t, many, build.Options{Input: build.Input{Workers: 4}, Batch: 5}, rev...)
	if got := exportLines(t, many); !slices.Equal(got, want) {
		t.Errorf("the graph depends on workers, batch size or input order:\n%s", fixture.LineDiff(want, got))
	}
	// Extract gives the quads Run stores (each entity quad once per article), in order of
	// article id with ByID.
	voc := schema.NewVocabulary(schema.DefaultBase)
	var out bytes.Buffer
	qw := nquads.NewWriter(&out)
	var ids []string
	_, err := build.Extract(context.Background(), build.Options{ByID: true}, rev, func(r *extract.Result) error {
		ids = append(ids, r.Article.ID)
		for _, q := range schema.ArticleQuadsAll(r.Article, r.Entities, r.Facts) {
			if err := qw.WriteQuad(export.RDFQuad(voc, q)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := qw.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if !slices.IsSorted(ids) || len(ids) != len(paths) {
		t.Errorf("Extract with ByID: articles %v, want %d in order of id", ids, len(paths))
	}
	slices.Sort(lines)
	if got := slices.Compact(lines); !slices.Equal(got, want) {
		t.Errorf("Extract differs from the stored graph:\n%s", fixture.LineDiff(want, got))
	}
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
	runBuild(t, both, build.Options{}, a, b)
	inc := filepath.Join(dir, "inc.db")
	runBuild(t, inc, build.Options{}, a)
	runBuild(t, inc, build.Options{}, b)
	want, got := exportLines(t, both), exportLines(t, inc)
	if !slices.Equal(got, want) {
		t.Errorf("building A then B differs from building A+B:\n%s", fixture.LineDiff(want, got))
	}
	if !slices.ContainsFunc(got, func(l string) bool {
		return strings.HasPrefix(l, "<urn:newsgraph:person/maria-lopez> <urn:newsgraph:met> ") && strings.HasSuffix(l, "<urn:newsgraph:article/b.txt> .")
	}) {
		t.Errorf("b.txt's Lopez is not linked to the stored Maria Lopez:\n%s", strings.Join(got, "\n"))
	}

	// The case that differs, documented in docs: a surname stored before the full name turns
	// up. The stored article keeps its id; the new one links to the full name.
	rev := filepath.Join(dir, "rev.db")
	runBuild(t, rev, build.Options{}, b)
	runBuild(t, rev, build.Options{}, a)
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

// The summary counts apart what was stored, what the store held, what came twice in the run
// and what was skipped, with a reason; on an empty store it counts the quads stats counts.
func TestSummaryCounts(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.Mkdir(corpus, 0o755)
	paths := fixture.WriteCorpus(t, corpus, 4)
	text, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	fixture.WriteFiles(t, dir, map[string]string{
		"copy.txt":       string(text),                                    // a000.txt's text under another id
		"other/a001.txt": "Tom Baker met Ana Berg in Marvik on Friday.\n", // a001.txt's id with another text
		"csvs/news.csv":  "title,text\nOne,\"Ana Berg praised Omar Haddad in Marvik on Monday.\"\nTwo,\"Ivo Novak met Rita Solano in Port Elna on Tuesday.\"\n",
		"empty/":         "",
	})
	copyOf, other := filepath.Join(dir, "copy.txt"), filepath.Join(dir, "other", "a001.txt")
	csvs, empty := filepath.Join(dir, "csvs"), filepath.Join(dir, "empty")
	db := filepath.Join(dir, "g.db")
	for _, tc := range []struct {
		name   string
		opt    build.Options
		inputs []string
		want   build.Summary // the counts compared
		reason error         // of the only problem, when there is one
	}{
		{"fresh", build.Options{}, []string{corpus}, build.Summary{Read: 4, Extracted: 4, Stored: 4}, nil},
		{"again", build.Options{}, []string{corpus}, build.Summary{Read: 4, AlreadyStored: 4}, nil},
		{"copy in run and stored", build.Options{}, []string{copyOf, copyOf}, build.Summary{Read: 2, AlreadyStored: 1, Duplicates: 1}, nil},
		{"id conflict", build.Options{}, []string{other}, build.Summary{Read: 1}, build.ErrIDConflict},
		{"csv without --csv-text", build.Options{}, []string{csvs}, build.Summary{}, input.ErrNoArticles},
		{"csv with --csv-text", build.Options{Input: build.Input{CSVText: "text"}}, []string{csvs}, build.Summary{Read: 2, Extracted: 2, Stored: 2}, nil},
		{"empty folder", build.Options{}, []string{empty}, build.Summary{}, input.ErrNoArticles},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := runBuild(t, db, tc.opt, tc.inputs...)
			counts := func(s build.Summary) [6]int {
				return [...]int{s.Read, s.Extracted, s.Stored, s.AlreadyStored, s.Duplicates, s.Resumed}
			}
			if counts(got) != counts(tc.want) {
				t.Errorf("read, extracted, stored, already stored, duplicates, resumed = %v, want %v", counts(got), counts(tc.want))
			}
			switch {
			case tc.reason == nil && len(got.Problems) > 0:
				t.Errorf("problems: %v", got.Problems)
			case tc.reason != nil && (got.Skipped() != 1 || !errors.Is(got.Problems[0], tc.reason)):
				t.Errorf("problems %v, want one: %v", got.Problems, tc.reason)
			}
			if tc.name == "fresh" {
				st := openStore(t, db)
				s, err := st.Stats(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				if int64(got.Quads) != s.Quads || got.Entities != s.Entities || got.Facts != s.Statements {
					t.Errorf("build counted %d quads, %d entities, %d facts; the store holds %d, %d, %d", got.Quads, got.Entities, got.Facts, s.Quads, s.Entities, s.Statements)
				}
				st.Close()
			}
		})
	}
}

// Problems reach the event callback with their file and reason as they are found, and a
// repeated text is reported as Repeated.
func TestEvents(t *testing.T) {
	dir, paths := fixture.NewCorpus(t, 2)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	var kinds []build.EventKind
	var problems []string
	opt := build.Options{Event: func(ev build.Event) {
		kinds = append(kinds, ev.Kind)
		if ev.Problem != nil {
			problems = append(problems, ev.Problem.Error())
		}
	}}
	sum := runBuild(t, filepath.Join(t.TempDir(), "g.db"), opt, dir, paths[0])
	for _, k := range []build.EventKind{build.Extracting, build.Extracted, build.Storing, build.Stored, build.Problem, build.Repeated} {
		if !slices.Contains(kinds, k) {
			t.Errorf("no event of kind %d in %v", k, kinds)
		}
	}
	want := []string{filepath.Join(dir, "empty.txt") + ": empty file", paths[0] + ": " + build.ErrDuplicate.Error() + " (a000.txt): skipped"}
	if !slices.Equal(problems, want) {
		t.Errorf("problems reported:\n%q\nwant\n%q", problems, want)
	}
	if sum.Stored != 2 || sum.Duplicates != 1 || sum.Skipped() != 1 {
		t.Errorf("summary: %+v", sum)
	}
}
