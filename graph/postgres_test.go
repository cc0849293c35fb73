package graph

import (
	"context"
	"fmt"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/internal/fixture"
)

func TestRedactURL(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://bob:s3cret@db.example.org:5432/news?sslmode=disable": "postgres://bob:xxxxx@db.example.org:5432/news?sslmode=disable",
		"postgresql://bob@127.0.0.1/news":                                "postgresql://bob@127.0.0.1/news",
		"postgres://bob@host/news?password=s3cret&sslmode=disable":       "postgres://bob@host/news?password=xxxxx&sslmode=disable",
		"postgres://bob:s3cret@host:xx/news?password=s3cret":             "postgres://xxxxx@host:xx/news?xxxxx",
		"newsgraph.db": "newsgraph.db",
	} {
		if got := redactURL(in); got != want {
			t.Errorf("redactURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPgURL(t *testing.T) {
	for _, tc := range []struct {
		in       string
		readOnly bool
		want     string // "" when an error is wanted
	}{
		{"postgres://u@h/db", false, "postgres://u@h/db?connect_timeout=10"},
		{"postgres://u@h/db?connect_timeout=3&sslmode=disable", true, "postgres://u@h/db?connect_timeout=3&default_transaction_read_only=on&sslmode=disable"},
		{"", false, ""},
		{"mysql://u@h/db", false, ""},
		{"postgres://u:secret@h:port/db", false, ""},
	} {
		got, err := pgURL(tc.in, tc.readOnly)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("pgURL(%q) = %q, want an error", tc.in, got)
		case tc.want == "" && strings.Contains(err.Error(), "secret"):
			t.Errorf("pgURL(%q): error %q shows the password", tc.in, err)
		case tc.want != "" && (err != nil || got != tc.want):
			t.Errorf("pgURL(%q, %v) = %q, %v; want %q", tc.in, tc.readOnly, got, err, tc.want)
		}
	}
}

// An unreachable server is an error naming the URL, without its password.
func TestOpenPostgresUnreachable(t *testing.T) {
	const u = "postgres://bob:s3cret@127.0.0.1:1/news?sslmode=disable"
	_, err := Open(context.Background(), Options{Backend: "postgres", Path: u})
	if err == nil {
		t.Fatal("opened a store on a closed port")
	}
	if msg := err.Error(); !strings.Contains(msg, "postgres://bob:xxxxx@127.0.0.1:1/news") || strings.Contains(msg, "s3cret") {
		t.Errorf("error %q: want the URL without its password", msg)
	}
}

// pgCount returns the number of rows of a table of the store's schema.
func pgCount(t testing.TB, st *Store, table string) int {
	t.Helper()
	var n int
	if err := st.b.(postgresBackend).pg.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// pgRows returns the rows of Cayley's tables, as text, sorted: every column of nodes (the
// reference count included) and the hashes of quads.
func pgRows(t testing.TB, st *Store) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		"SELECT encode(hash, 'hex'), refs, encode(value, 'hex'), value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time FROM nodes ORDER BY hash",
		"SELECT encode(subject_hash, 'hex'), encode(predicate_hash, 'hex'), encode(object_hash, 'hex'), encode(label_hash, 'hex') FROM quads ORDER BY 1, 2, 3, 4",
	} {
		rows, err := st.b.(postgresBackend).pg.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%v\n", vals)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return b.String()
}

// The bulk write path writes the rows Cayley's own writer writes, reference counts included,
// so that Cayley's delete path leaves no node behind.
func TestPostgresRowsMatchCayley(t *testing.T) {
	ctx := context.Background()
	arts := fixtureArticles()
	ours, _ := fresh(t, "postgres")
	if err := ours.WriteArticles(ctx, arts[0].Quads(), arts[1].Quads()); err != nil {
		t.Fatal(err)
	}
	fixture.Load(t, ours, arts...) // again: adds no reference
	cayley, _ := fresh(t, "postgres")
	var deltas []cgraph.Delta
	for _, q := range distinct(arts...) {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	if err := cayley.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	if got, want := pgRows(t, ours), pgRows(t, cayley); got != want {
		t.Errorf("rows differ from Cayley's writer's:\nours:\n%s\ncayley:\n%s", got, want)
	}
	for _, a := range arts {
		if _, err := ours.Remove(ctx, a.Article.ID); err != nil {
			t.Fatal(err)
		}
	}
	if n, q := pgCount(t, ours, "nodes"), pgCount(t, ours, "quads"); n != 0 || q != 0 {
		t.Errorf("after removing every article: %d nodes, %d quads left", n, q)
	}
}

// distinct returns the distinct quads of articles in order.
func distinct(arts ...fixture.Article) []quad.Quad {
	seen := map[quad.Quad]bool{}
	var out []quad.Quad
	for _, a := range arts {
		for _, q := range a.Quads() {
			if !seen[q] {
				seen[q] = true
				out = append(out, q)
			}
		}
	}
	return out
}

// A transaction that fails half way leaves nothing behind: PostgreSQL refuses a string that is
// not UTF-8 after the batch's other values are staged.
func TestPostgresWriteRollsBack(t *testing.T) {
	st, _ := fresh(t, "postgres")
	arts := fixtureArticles()
	bad := append(arts[1].Quads()[:len(arts[1].Quads()):len(arts[1].Quads())],
		quad.Make(quad.IRI("article/b.txt"), quad.IRI("title"), quad.String("caf\xe9"), quad.IRI("article/b.txt")))
	if err := st.WriteArticles(context.Background(), arts[0].Quads(), bad); err == nil {
		t.Fatal("PostgreSQL accepted a string that is not UTF-8")
	}
	if n, q := pgCount(t, st, "nodes"), pgCount(t, st, "quads"); n != 0 || q != 0 {
		t.Errorf("a failed transaction left %d nodes and %d quads", n, q)
	}
}
