package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/cli"
)

// newsgraph runs one newsgraph command line and returns its exit status, stdout and stderr.
func newsgraph(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := program.Run(context.Background(), &out, &errb, args)
	return code, out.String(), errb.String()
}

// seedsDir is the project's sample corpus.
const seedsDir = "../../seeds"

// buildSeeds builds a fresh store from the seed articles and returns its path.
func buildSeeds(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "seeds.db")
	code, _, stderr := newsgraph(t, "build", "--db", db, seedsDir)
	if code != exitOK {
		t.Fatalf("build exit %d: %s", code, stderr)
	}
	return db
}

func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{nil, exitUsage},
		{[]string{"frobnicate"}, exitUsage},
		{[]string{"--help"}, exitOK},
		{[]string{"build"}, exitUsage},
		{[]string{"query"}, exitUsage},
		{[]string{"export", "--format", "xml"}, exitUsage},
		{[]string{"build", "--no-such-flag", "x"}, exitUsage},
	} {
		code, _, _ := newsgraph(t, tc.args...)
		if code != tc.code {
			t.Errorf("newsgraph %v: exit %d, want %d", tc.args, code, tc.code)
		}
	}
	for _, c := range commands {
		code, _, stderr := newsgraph(t, c.Name, "--help")
		if code != exitOK || !strings.Contains(stderr, "Example:") || !strings.Contains(stderr, "newsgraph "+c.Name) {
			t.Errorf("%s --help: exit %d, help without an example:\n%s", c.Name, code, stderr)
		}
	}
}

func TestBuildTwiceAddsNothing(t *testing.T) {
	db := buildSeeds(t)
	_, before, _ := newsgraph(t, "stats", "--db", db, "--json")
	code, _, stderr := newsgraph(t, "build", "--db", db, seedsDir)
	if code != exitOK {
		t.Fatalf("second build exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "0 new articles (5 already stored, 0 duplicate text within this run)") {
		t.Errorf("second build summary: %s", stderr)
	}
	_, after, _ := newsgraph(t, "stats", "--db", db, "--json")
	if before != after {
		t.Errorf("stats changed by a second build:\nbefore %s\nafter %s", before, after)
	}
	var st struct {
		Articles, Entities, Statements int
	}
	if err := json.Unmarshal([]byte(after), &st); err != nil {
		t.Fatal(err)
	}
	if st.Articles != 5 || st.Entities < 10 || st.Statements < 20 {
		t.Errorf("seed graph too small: %+v", st)
	}
}

func TestBadInputNamesFileAndLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "bad.db")
	code, _, stderr := newsgraph(t, "build", "--db", db, "testdata/bad", "testdata/no-such-dir")
	if code != exitPartial {
		t.Errorf("exit %d, want %d (some input skipped)", code, exitPartial)
	}
	for _, want := range []string{
		"testdata/bad/empty.txt: empty file",
		"testdata/bad/image.txt: binary file",
		"testdata/bad/lines.jsonl:2: malformed JSONL line",
		"testdata/no-such-dir",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	_, out, _ := newsgraph(t, "stats", "--db", db, "--json")
	var st struct{ Articles int }
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if st.Articles != 3 { // fine.txt and the two good JSONL lines
		t.Errorf("stored %d articles, want 3 (the good ones)", st.Articles)
	}
}

func TestUnreadableStore(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := newsgraph(t, "query", "--db", filepath.Join(dir, "missing.db"), `g.V().All()`)
	if code == exitOK || !strings.Contains(stderr, "no graph store") {
		t.Errorf("query on a missing store: exit %d, %s", code, stderr)
	}
	junk := filepath.Join(dir, "junk.db")
	if err := os.WriteFile(junk, []byte("not a database"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = newsgraph(t, "stats", "--db", junk)
	if code == exitOK || !strings.Contains(stderr, "junk.db") {
		t.Errorf("stats on a junk file: exit %d, %s", code, stderr)
	}
}

func TestExportEveryFormat(t *testing.T) {
	db := buildSeeds(t)
	for _, f := range []string{"nquads", "jsonld", "pquads", "graphml", "gml", "dot", "csv", "html"} {
		code, out, stderr := newsgraph(t, "export", "--db", db, "--format", f)
		if code != exitOK || len(out) < 200 {
			t.Errorf("export %s: exit %d, %d bytes: %s", f, code, len(out), stderr)
			continue
		}
		_, again, _ := newsgraph(t, "export", "--db", db, "--format", f)
		if again != out {
			t.Errorf("export %s is not deterministic", f)
		}
	}
	_, out, _ := newsgraph(t, "export", "--db", db, "--format", "csv")
	if !strings.Contains(out, "Dmitry Peskov,PERSON,praised,person/elon-musk") {
		t.Errorf("csv export lacks the praise of Musk by Peskov:\n%s", out)
	}
	dir := t.TempDir()
	if code, _, stderr := newsgraph(t, "export", "--db", db, "--format", "csv", "-o", dir); code != exitOK {
		t.Fatalf("csv to a folder: exit %d: %s", code, stderr)
	}
	for _, f := range []string{"nodes.csv", "edges.csv", "statements.csv"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	// A folder that does not exist yet is made (a name without an extension); a name with one is
	// a file.
	newDir, file := filepath.Join(t.TempDir(), "story"), filepath.Join(t.TempDir(), "story.csv")
	if code, _, stderr := newsgraph(t, "export", "--db", db, "--format", "csv", "-o", newDir); code != exitOK {
		t.Fatalf("csv to a new folder: exit %d: %s", code, stderr)
	}
	if st, err := os.Stat(filepath.Join(newDir, "nodes.csv")); err != nil || st.Size() == 0 {
		t.Errorf("csv -o %s: no nodes.csv in a new folder: %v", newDir, err)
	}
	if code, _, stderr := newsgraph(t, "export", "--db", db, "--format", "csv", "-o", file); code != exitOK {
		t.Fatalf("csv to a file: exit %d: %s", code, stderr)
	}
	if st, err := os.Stat(file); err != nil || st.IsDir() || st.Size() == 0 {
		t.Errorf("csv -o %s: not a file: %v", file, err)
	}
	code, _, _ := newsgraph(t, "export", "--db", db, "--format", "nquads", "--doc", "no-such-article")
	if code == exitOK {
		t.Error("export of an unknown article succeeded")
	}
}

func TestExtractIsDeterministic(t *testing.T) {
	code, out, stderr := newsgraph(t, "extract", "--workers", "3", seedsDir)
	if code != exitOK {
		t.Fatalf("extract exit %d: %s", code, stderr)
	}
	_, again, _ := newsgraph(t, "extract", "--workers", "1", seedsDir)
	if out != again {
		t.Error("extract output depends on the number of workers")
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 30 {
		t.Fatalf("only %d facts from the seeds", len(lines))
	}
	for i, l := range lines {
		var f struct {
			Doc, Predicate, Relation, Evidence string
			Subject                            struct{ ID, Name, Type string }
			Start, End                         int
			Confidence                         float64
		}
		if err := json.Unmarshal([]byte(l), &f); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if f.Doc == "" || f.Predicate == "" || f.Relation == "" || f.Subject.ID == "" || f.End <= f.Start || f.Confidence <= 0 || f.Confidence > 1 {
			t.Errorf("line %d incomplete: %s", i+1, l)
		}
		src, err := os.ReadFile(filepath.Join(seedsDir, f.Doc))
		if err != nil {
			t.Fatalf("line %d: doc %q is not a seed file", i+1, f.Doc)
		}
		if f.End > len(src) {
			t.Errorf("line %d: offsets past the end of %s", i+1, f.Doc)
		}
	}
	code, nq, _ := newsgraph(t, "extract", "--format", "nquads", seedsDir)
	if code != exitOK || !strings.Contains(nq, "<urn:newsgraph:praised>") {
		t.Errorf("extract --format nquads: exit %d, no praise quad", code)
	}
}

func TestQueryFailures(t *testing.T) {
	db := buildSeeds(t)
	if code, _, stderr := newsgraph(t, "query", "--db", db, "g.V(.All()"); code != exitPartial || stderr == "" {
		t.Errorf("syntax error: exit %d, %q", code, stderr)
	}
	if code, _, stderr := newsgraph(t, "query", "--db", db, "--timeout", "200ms", "while(true){}"); code != exitPartial || !strings.Contains(stderr, "time limit") {
		t.Errorf("runaway query: exit %d, %q", code, stderr)
	}
	code, out, _ := newsgraph(t, "query", "--db", db, "--format", "table", `g.V("<person/elon-musk>").Out("<name>").All()`)
	if code != exitOK || !strings.Contains(out, "Elon Musk") || !strings.Contains(out, "(1 results)") {
		t.Errorf("table query: exit %d\n%s", code, out)
	}
}

// TestVersionAndHelpCommand checks "newsgraph version" and "newsgraph help CMD" (the same as
// "newsgraph CMD --help").
func TestVersionAndHelpCommand(t *testing.T) {
	code, out, _ := newsgraph(t, "version")
	if code != exitOK || !strings.HasPrefix(out, "newsgraph ") || !strings.Contains(out, "go1.") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	if code, _, _ := newsgraph(t, "version", "extra"); code != exitUsage {
		t.Errorf("version with an argument: exit %d, want %d", code, exitUsage)
	}
	code, _, help := newsgraph(t, "help", "build")
	_, _, direct := newsgraph(t, "build", "--help")
	if code != exitOK || !strings.Contains(help, "Usage: newsgraph build") || help != direct {
		t.Errorf("help build: exit %d\n%s\nwant what build --help prints:\n%s", code, help, direct)
	}
	if code, _, _ := newsgraph(t, "help", "nosuch"); code != exitUsage {
		t.Errorf("help nosuch: exit %d, want %d", code, exitUsage)
	}
}

// TestQueryHints checks that a query answering nothing says why when it can: an IRI without its
// angle brackets, a path that is never emitted, a Count that is not printed; and that a query
// that answers says nothing more.
func TestQueryHints(t *testing.T) {
	db := buildSeeds(t)
	for _, c := range []struct{ query, hint string }{
		{`g.V("person/elon-musk").In("<praised>").All()`, `"<person/elon-musk>"`},
		{`g.V("<person/elon-musk>").In('praised').All()`, `"<praised>", not "praised"`},
		{`g.V("<person/elon-musk>").In("<praised>")`, "end the path with .All()"},
		{`g.V().Count()`, "g.Emit(g.V().Count())"},
	} {
		code, out, stderr := newsgraph(t, "query", "--db", db, c.query)
		if code != exitOK || !strings.Contains(out, `"result": []`) || !strings.Contains(stderr, "hint: ") || !strings.Contains(stderr, c.hint) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q: want the hint %q", c.query, code, out, stderr, c.hint)
		}
	}
	if _, _, stderr := newsgraph(t, "query", "--db", db, `g.V("<person/elon-musk>").In("<praised>").All()`); strings.Contains(stderr, "hint:") {
		t.Errorf("a query with answers gave a hint: %s", stderr)
	}
	// A string the store holds as a string (a name) is no bare IRI, though nothing answers.
	if _, _, stderr := newsgraph(t, "query", "--db", db, `g.V().Has("<name>", "Elon Musk").In("<no_such>").All()`); strings.Contains(stderr, "angle brackets") {
		t.Errorf("a name taken for a bare IRI: %s", stderr)
	}
}

// TestQueryTableKeepsTagOrder checks that --format table puts the columns in the order the query
// names its tags (id first), not alphabetically.
func TestQueryTableKeepsTagOrder(t *testing.T) {
	db := buildSeeds(t)
	q := `g.V("<person/elon-musk>").In("<praised>").Tag("who").Out("<name>").Tag("name").Back("who").Out("<type>").Tag("class").All()`
	code, out, stderr := newsgraph(t, "query", "--db", db, "--format", "table", q)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if header := strings.Fields(strings.SplitN(out, "\n", 2)[0]); !slices.Equal(header, []string{"id", "who", "name", "class"}) {
		t.Errorf("columns %v, want id who name class:\n%s", header, out)
	}
}

// TestStoreFlags: the commands of the table with a store show the store flags first in their
// usage line and refuse --backend memory unless they only write the store; the others have no
// --db.
func TestStoreFlags(t *testing.T) {
	for _, c := range commands {
		_, _, help := newsgraph(t, c.Name, "--help")
		line, _, _ := strings.Cut(help, "\n")
		code, _, stderr := newsgraph(t, c.Name, "--backend", "memory", "--db", "x", "--no-such-flag")
		want := map[cli.StoreUse]struct {
			usage string
			code  int
			err   string
		}{
			cli.NoStore:     {"Usage: newsgraph " + c.Name + " ", exitUsage, "unknown flag: --backend"},
			cli.StoredStore: {"Usage: newsgraph " + c.Name + " [--db PATH|URL] [--backend bolt|postgres]", exitUsage, "unknown flag: --no-such-flag"},
			cli.AnyStore:    {"Usage: newsgraph " + c.Name + " [--db PATH|URL] [--backend bolt|memory|postgres]", exitUsage, "unknown flag: --no-such-flag"},
		}[c.Store]
		if !strings.HasPrefix(line, want.usage) || (c.Store == cli.NoStore && strings.Contains(line, "--db")) {
			t.Errorf("%s: usage line %q, want it to start %q", c.Name, line, want.usage)
		}
		if code != want.code || !strings.Contains(stderr, want.err) {
			t.Errorf("%s: exit %d, %q; want %d and %q", c.Name, code, stderr, want.code, want.err)
		}
		if c.Store == cli.StoredStore {
			code, _, stderr := newsgraph(t, c.Name, "--backend", "memory", "--db", "x")
			if code != exitUsage || !strings.Contains(stderr, "--backend memory holds nothing between runs") {
				t.Errorf("%s --backend memory: exit %d, %s", c.Name, code, stderr)
			}
		}
	}
}
