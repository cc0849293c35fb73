package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"

	"github.com/newsgraph/newsgraph/internal/fixture"
	"github.com/newsgraph/newsgraph/internal/storetest"
	"github.com/newsgraph/newsgraph/schema"
)

// The store contract: every backend of Backends passes the same checks (like Cayley's
// graph/graphtest). The postgres cases need a server (storetest.PostgresEnv); they skip
// without one, and under CI fail.
func TestStoreContract(t *testing.T) {
	checks := []struct {
		name string
		run  func(t *testing.T, backend string)
	}{
		{"Presence", checkPresence},
		{"Idempotent", checkIdempotent},
		{"Entities", checkEntities},
		{"Gizmo", checkGizmo},
		{"EachQuad", checkEachQuad},
		{"Has", checkHas},
		{"RoundTrip", checkRoundTrip},
		{"Atomic", checkAtomic},
		{"Remove", checkRemove},
		{"RemoveUnknown", checkRemoveUnknown},
		{"ReadOnly", checkReadOnly},
		{"ConcurrentReaders", checkConcurrentReaders},
		{"BackslashText", checkBackslashText},
	}
	for _, backend := range Backends {
		t.Run(backend, func(t *testing.T) {
			for _, c := range checks {
				t.Run(c.name, func(t *testing.T) { c.run(t, backend) })
			}
		})
	}
}

// openAt opens the store of backend at path, closed when the test ends.
func openAt(t testing.TB, backend, path string, readOnly bool) *Store {
	t.Helper()
	st, err := Open(context.Background(), Options{Backend: backend, Path: path, ReadOnly: readOnly})
	if err != nil {
		t.Fatalf("open %s store: %v", backend, err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Errorf("close %s store: %v", backend, err)
		}
	})
	return st
}

// fresh opens a new, empty store of backend and returns it with its location.
func fresh(t testing.TB, backend string) (*Store, string) {
	t.Helper()
	path := storetest.Location(t, backend)
	return openAt(t, backend, path, false), path
}

// quadLines returns the store's quads (of one article, with doc set) as sorted N-Quads lines.
func quadLines(t testing.TB, st *Store, doc string) []string {
	t.Helper()
	var lines []string
	err := st.EachQuad(context.Background(), doc, func(q quad.Quad) error {
		lines = append(lines, q.NQuad())
		return nil
	})
	if err != nil {
		t.Fatalf("EachQuad(%q): %v", doc, err)
	}
	sort.Strings(lines)
	return lines
}

// wantLines returns the distinct quads of articles as sorted N-Quads lines.
func wantLines(arts ...fixture.Article) []string {
	var lines []string
	for _, q := range distinct(arts...) {
		lines = append(lines, q.NQuad())
	}
	sort.Strings(lines)
	return lines
}

// diffLines fails t with the lines only one side has.
func diffLines(t testing.TB, what string, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	in := func(l []string, s string) bool { _, ok := slices.BinarySearch(l, s); return ok }
	var b strings.Builder
	for _, g := range got {
		if !in(want, g) {
			fmt.Fprintf(&b, "\n  extra:   %s", g)
		}
	}
	for _, w := range want {
		if !in(got, w) {
			fmt.Fprintf(&b, "\n  missing: %s", w)
		}
	}
	t.Errorf("%s: %d quads, want %d:%s", what, len(got), len(want), b.String())
}

func checkPresence(t *testing.T, backend string) {
	ctx := context.Background()
	st, _ := fresh(t, backend)
	arts := fixtureArticles()
	fixture.Load(t, st, arts[0])
	for _, tc := range []struct {
		id, hash string
		want     Presence
		other    string
	}{
		{"a.txt", "ha", Present, "a.txt"},
		{"a.txt", "hx", IDConflict, "a.txt"},
		{"c.txt", "ha", SameText, "a.txt"},
		{"b.txt", "hb", Absent, ""},
	} {
		p, other, err := st.Presence(ctx, tc.id, tc.hash)
		if err != nil || p != tc.want || other != tc.other {
			t.Errorf("Presence(%s, %s) = %v, %q, %v; want %v, %q", tc.id, tc.hash, p, other, err, tc.want, tc.other)
		}
	}
}

func checkIdempotent(t *testing.T, backend string) {
	ctx := context.Background()
	arts := fixtureArticles()
	st, _ := fresh(t, backend)
	fixture.Load(t, st, arts...)
	want := wantLines(arts...)
	diffLines(t, "one transaction an article", quadLines(t, st, ""), want)
	fixture.Load(t, st, arts...)
	if err := st.WriteArticles(ctx, arts[1].Quads(), arts[0].Quads()); err != nil {
		t.Fatal(err)
	}
	diffLines(t, "after writing everything again", quadLines(t, st, ""), want)
	batch, _ := fresh(t, backend)
	if err := batch.WriteArticles(ctx, arts[0].Quads(), arts[1].Quads(), arts[0].Quads()); err != nil {
		t.Fatal(err)
	}
	diffLines(t, "both articles in one transaction", quadLines(t, batch, ""), want)
}

func checkEntities(t *testing.T, backend string) {
	st, _ := fresh(t, backend)
	fixture.Load(t, st, fixtureArticles()...)
	got, err := st.Entities(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// With the number of articles that mention each: build weighs stored entities by it.
	want := []StoredEntity{
		{schema.EntityRecord{ID: "gpe/lakeport", Name: "Lakeport", Type: "GPE"}, 1},
		{schema.EntityRecord{ID: "org/nordwind-energy", Name: "Nordwind Energy", Type: "ORG"}, 2},
		{schema.EntityRecord{ID: "person/ana-ruiz", Name: "Ana Ruiz", Type: "PERSON"}, 2},
		{schema.EntityRecord{ID: "person/jon-bell", Name: "Jón Bell", Type: "PERSON"}, 1},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Entities = %v\nwant %v", got, want)
	}
	if n, err := st.ArticleCount(context.Background()); err != nil || n != 2 {
		t.Errorf("ArticleCount = %d, %v; want 2", n, err)
	}
}

// gizmoNames runs a Gizmo query whose results are {"id": name} and returns the names sorted.
func gizmoNames(t testing.TB, st *Store, q string) []string {
	t.Helper()
	res, err := st.Gizmo(context.Background(), q, QueryLimits{})
	if err != nil {
		t.Fatalf("Gizmo(%s): %v", q, err)
	}
	var names []string
	for _, r := range res {
		m, ok := r.(map[string]interface{})
		if !ok {
			t.Fatalf("Gizmo(%s): result %#v is not an object", q, r)
		}
		names = append(names, fmt.Sprint(m["id"]))
	}
	sort.Strings(names)
	return names
}

func checkGizmo(t *testing.T, backend string) {
	st, _ := fresh(t, backend)
	fixture.Load(t, st, fixtureArticles()...)
	for q, want := range map[string]string{
		`g.V("<org/nordwind-energy>").In("<praised>").Unique().Out("<name>").All()`:                                                  "Ana Ruiz",
		`g.V("<org/nordwind-energy>").In("<praised>").Out("<name>").All()`:                                                           "Ana Ruiz,Ana Ruiz", // one edge per article
		`g.V("<person/ana-ruiz>").Both(g.V().Has("<type>", "<Predicate>")).Unique().Out("<name>").All()`:                             "Jón Bell,Nordwind Energy",
		`g.V("<org/nordwind-energy>").In("<object>").Has("<predicate>", "<praised>").Out("<article>").Unique().Out("<title>").All()`: "Critics speak,Wind farm approved",
	} {
		if got := strings.Join(gizmoNames(t, st, q), ","); got != want {
			t.Errorf("%s\n= %s, want %s", q, got, want)
		}
	}
	if _, err := st.Gizmo(context.Background(), `g.V(`, QueryLimits{}); err == nil {
		t.Error("a Gizmo syntax error gave no error")
	}
}

func checkEachQuad(t *testing.T, backend string) {
	st, _ := fresh(t, backend)
	arts := fixtureArticles()
	fixture.Load(t, st, arts...)
	diffLines(t, "every quad", quadLines(t, st, ""), wantLines(arts...))
	var labelled []string
	for _, q := range arts[0].Quads() {
		if q.Label != nil {
			labelled = append(labelled, q.NQuad())
		}
	}
	sort.Strings(labelled)
	diffLines(t, "quads of a.txt", quadLines(t, st, "a.txt"), labelled)
	// An article the store does not hold is an error on every backend, also once removed.
	if _, err := st.Remove(context.Background(), "b.txt"); err != nil {
		t.Fatal(err)
	}
	for _, doc := range []string{"nope.txt", "b.txt"} {
		err := st.EachQuad(context.Background(), doc, func(quad.Quad) error { return nil })
		if !errors.Is(err, ErrNoArticle) || !strings.Contains(err.Error(), fmt.Sprintf("%q", doc)) {
			t.Errorf("EachQuad(%q): %v, want ErrNoArticle naming it", doc, err)
		}
	}
}

func checkHas(t *testing.T, backend string) {
	st, _ := fresh(t, backend)
	fixture.Load(t, st, fixtureArticles()...)
	for _, c := range []struct {
		v    quad.Value
		want bool
	}{
		{quad.IRI("person/ana-ruiz"), true},
		{quad.String("person/ana-ruiz"), false},
		{quad.String("Ana Ruiz"), true},
		{quad.IRI("Ana Ruiz"), false},
		{quad.IRI("praised"), true},
		{quad.IRI("person/nobody"), false},
		{nil, false},
	} {
		if got, err := st.Has(context.Background(), c.v); err != nil || got != c.want {
			t.Errorf("Has(%#v) = %v, %v; want %v", c.v, got, err, c.want)
		}
	}
}

// checkRoundTrip writes every quad as Cayley's pquads and loads them into another store.
func checkRoundTrip(t *testing.T, backend string) {
	ctx := context.Background()
	src, _ := fresh(t, backend)
	fixture.Load(t, src, fixtureArticles()...)
	var buf bytes.Buffer
	w := pquads.NewWriter(&buf, &pquads.Options{Full: true})
	if err := src.EachQuad(ctx, "", w.WriteQuad); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	r := pquads.NewReader(&buf, 1<<20)
	defer r.Close()
	var qs []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		qs = append(qs, q)
	}
	dst, _ := fresh(t, backend)
	if err := dst.Write(ctx, qs); err != nil {
		t.Fatal(err)
	}
	diffLines(t, "re-loaded", quadLines(t, dst, ""), quadLines(t, src, ""))
}

// checkAtomic: a batch with a bad article stores none of its articles.
func checkAtomic(t *testing.T, backend string) {
	st, _ := fresh(t, backend)
	arts := fixtureArticles()
	bad := append(slices.Clone(arts[1].Quads()), quad.Quad{Subject: quad.IRI("x"), Predicate: quad.IRI("y")})
	err := st.WriteArticles(context.Background(), arts[0].Quads(), bad)
	if err == nil || !strings.Contains(err.Error(), "article 2 of 2") {
		t.Errorf("writing an incomplete quad: %v, want an error naming article 2", err)
	}
	if got := quadLines(t, st, ""); len(got) != 0 {
		t.Errorf("a failed batch left %d quads", len(got))
	}
}

// checkRemove removes each article from a store of both and compares the rest with a store
// built from the other article alone, plus the aliases the removed article gave to entities
// the other one mentions (aliases belong to the entity: schema.EntityQuads).
func checkRemove(t *testing.T, backend string) {
	ctx := context.Background()
	arts := fixtureArticles()
	for i, gone := range []string{"person/jon-bell", "gpe/lakeport"} {
		removed, kept := arts[1-i], arts[i]
		t.Run(removed.Article.ID, func(t *testing.T) {
			st, _ := fresh(t, backend)
			fixture.Load(t, st, arts...)
			res, err := st.Remove(ctx, removed.Article.ID)
			if err != nil {
				t.Fatal(err)
			}
			only, _ := fresh(t, backend)
			fixture.Load(t, only, kept)
			want := quadLines(t, only, "")
			surviving := map[quad.Value]bool{}
			for _, q := range kept.Quads() {
				surviving[q.Subject] = true
			}
			stays := 0
			for _, q := range removed.Quads() {
				if q.Predicate == quad.IRI(schema.PropAlias) && surviving[q.Subject] {
					if l := q.NQuad(); !slices.Contains(want, l) {
						want = append(want, l)
						stays++
					}
				}
			}
			if stays == 0 {
				t.Fatal("the fixture gives no alias of its own to an entity both articles mention")
			}
			sort.Strings(want)
			diffLines(t, "after Remove("+removed.Article.ID+")", quadLines(t, st, ""), want)
			if strings.Join(res.Entities, ",") != gone {
				t.Errorf("removed entities %v, want %s", res.Entities, gone)
			}
			n := len(wantLines(arts...)) - len(wantLines(kept)) - stays
			if res.Quads != n || res.Statements == 0 {
				t.Errorf("Removed %+v, want %d quads and some statements", res, n)
			}
			if p, _, _ := st.Presence(ctx, removed.Article.ID, removed.Article.Hash); p != Absent {
				t.Errorf("Presence after Remove = %v", p)
			}
			if _, err := st.Remove(ctx, removed.Article.ID); !errors.Is(err, ErrNoArticle) {
				t.Errorf("second Remove: %v, want ErrNoArticle", err)
			}
			// The article can come back.
			fixture.Load(t, st, removed)
			diffLines(t, "written again", quadLines(t, st, ""), wantLines(arts...))
		})
	}
}

func checkRemoveUnknown(t *testing.T, backend string) {
	st, _ := fresh(t, backend)
	fixture.Load(t, st, fixtureArticles()...)
	before := quadLines(t, st, "")
	for _, id := range []string{"nope.txt", ""} {
		if _, err := st.Remove(context.Background(), id); !errors.Is(err, ErrNoArticle) || !strings.Contains(err.Error(), fmt.Sprintf("%q", id)) {
			t.Errorf("Remove(%q): %v, want ErrNoArticle naming it", id, err)
		}
	}
	diffLines(t, "after removing unknown articles", quadLines(t, st, ""), before)
}

func checkReadOnly(t *testing.T, backend string) {
	if backend == "memory" {
		t.Skip("the memory store holds nothing to open again")
	}
	ctx := context.Background()
	path := storetest.Location(t, backend)
	if _, err := Open(ctx, Options{Backend: backend, Path: path, ReadOnly: true}); !errors.Is(err, ErrNoStore) {
		t.Errorf("read-only open of an empty location: %v, want ErrNoStore", err)
	}
	w, err := Open(ctx, Options{Backend: backend, Path: path})
	if err != nil {
		t.Fatal(err)
	}
	arts := fixtureArticles()
	fixture.Load(t, w, arts[0])
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	st := openAt(t, backend, path, true)
	if p, _, err := st.Presence(ctx, "a.txt", "ha"); p != Present || err != nil {
		t.Errorf("Presence on a read-only store = %v, %v", p, err)
	}
	if got := strings.Join(gizmoNames(t, st, `g.V("<org/nordwind-energy>").In("<praised>").Out("<name>").All()`), ","); got != "Ana Ruiz" {
		t.Errorf("Gizmo on a read-only store = %s", got)
	}
	if err := st.Write(ctx, arts[1].Quads()); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Write on a read-only store: %v, want ErrReadOnly", err)
	}
	if _, err := st.Remove(ctx, "a.txt"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Remove on a read-only store: %v, want ErrReadOnly", err)
	}
	diffLines(t, "read-only store", quadLines(t, st, ""), wantLines(arts[0]))
}

// checkConcurrentReaders runs queries from several goroutines at once (the race detector
// checks the memory store's lock).
func checkConcurrentReaders(t *testing.T, backend string) {
	st, _ := fresh(t, backend)
	fixture.Load(t, st, fixtureArticles()...)
	ctx := context.Background()
	want := len(quadLines(t, st, ""))
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := st.Gizmo(ctx, `g.V().Has("<type>", "<Person>").Out("<name>").All()`, QueryLimits{}); err != nil {
				errs <- err
			}
			s, err := st.Stats(ctx)
			if err != nil {
				errs <- err
			} else if s.Quads != int64(want) {
				errs <- fmt.Errorf("Stats counted %d quads, want %d", s.Quads, want)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// checkBackslashText: text that reads like an escape (the four characters \x00, which Cayley's
// SQL store wrote for a NUL byte) comes back as itself, and its article can be removed.
func checkBackslashText(t *testing.T, backend string) {
	ctx := context.Background()
	st, _ := fresh(t, backend)
	art := schema.Article{ID: "c.txt", Title: `C:\x00 and \\x00`, Hash: "hc"}
	ent := schema.EntityRecord{ID: "person/x00", Name: `Mr \x00`, Type: "PERSON"}
	quads := schema.ArticleQuadsAll(art, []schema.EntityRecord{ent}, nil)
	if err := st.Write(ctx, quads); err != nil {
		t.Fatal(err)
	}
	want := make([]string, 0, len(quads))
	for _, q := range quads {
		want = append(want, q.NQuad())
	}
	slices.Sort(want)
	want = slices.Compact(want)
	diffLines(t, "read back", quadLines(t, st, ""), want)
	if _, err := st.Remove(ctx, art.ID); err != nil {
		t.Fatalf("remove the article: %v", err)
	}
	if n := quadLines(t, st, ""); len(n) != 0 {
		t.Errorf("%d quads left after the removal: %v", len(n), n)
	}
	if backend == "postgres" {
		nul := quad.Make(quad.IRI("person/x00"), quad.IRI("name"), quad.String("a\x00b"), nil)
		if err := st.Write(ctx, []quad.Quad{nul}); !errors.Is(err, ErrNULInText) {
			t.Errorf("writing a NUL byte: %v, want ErrNULInText", err)
		}
	}
}
