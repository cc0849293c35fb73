package graph

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/internal/fixture"
	"github.com/newsgraph/newsgraph/schema"
)

// correctionArticle is a third invented article for the correction tests: "A. Ruiz" (another
// entity than Ana Ruiz, as extraction might make her) praises Lakeport, and two of its
// sentences assert the same edge (Lakeport praised Nordwind Energy), so that rejecting one of
// them must keep the edge.
func correctionArticle() fixture.Article {
	aRuiz := schema.EntityRecord{ID: "person/a-ruiz", Name: "A. Ruiz", Type: schema.TypePerson, Aliases: []string{"Ruiz"}}
	nw := fixture.Record(fixture.Entity(schema.TypeOrg, "Nordwind Energy"))
	lake := fixture.Record(fixture.Entity(schema.TypeGPE, "Lakeport"))
	f := func(sent int, s, o schema.EntityRecord, ev string) schema.Fact {
		return fixture.Fact("c.txt", sent, fixture.Of(s), "praised", "praised", fixture.Of(o), 0.8, ev)
	}
	return fixture.Article{Article: schema.Article{ID: "c.txt", Title: "Harbour news", Source: "Coast Courier", Hash: "hc"},
		Entities: []schema.EntityRecord{aRuiz, nw, lake},
		Facts: []schema.Fact{
			f(0, aRuiz, lake, "A. Ruiz praised Lakeport."),
			f(1, lake, nw, "Lakeport praised Nordwind Energy."),
			f(2, lake, nw, "Lakeport praised Nordwind Energy again."),
		}}
}

// stmtOf returns the id of the statement of arts whose evidence is ev.
func stmtOf(t testing.TB, ev string, arts ...fixture.Article) string {
	t.Helper()
	for _, a := range arts {
		for _, q := range a.Quads() {
			if iriOf(q.Predicate) == schema.PropEvidence && quad.ToString(q.Object) == ev {
				return iriOf(q.Subject)
			}
		}
	}
	t.Fatalf("no statement with evidence %q", ev)
	return ""
}

// graphLines returns the store's quads but for the correction layer, as sorted N-Quads lines:
// what the N-Quads export writes, before it expands IRIs.
func graphLines(t testing.TB, st *Store) []string {
	t.Helper()
	var out []string
	for _, l := range quadLines(t, st, "") {
		if !strings.HasPrefix(l, "<correction/") {
			out = append(out, l)
		}
	}
	return out
}

// Every kind of correction on every backend: its effect on a Gizmo query and on the quads an
// export writes; made again, it is refused; it survives removing and re-adding the articles it
// concerns; undone, the store is the uncorrected one quad for quad; and carried to a store
// that holds only the first article, it corrects the articles written after it the same way.
func TestCorrections(t *testing.T) {
	fix := fixtureArticles()
	arts := []fixture.Article{fix[0], fix[1], correctionArticle()}
	first, later := arts[:1], arts[1:]
	for _, tc := range []struct {
		name        string
		c           schema.Correction
		query       string
		before      string // the query's answer before the correction
		after       string // and after
		gone, added []string
	}{
		{
			name:   "reject",
			c:      schema.Correction{Kind: "reject", Target: stmtOf(t, "Jón Bell hit back at Ruiz.", arts...)},
			query:  `g.V("<person/jon-bell>").Out("<criticized>").All()`,
			before: "<person/ana-ruiz>",
			after:  "",
			gone:   []string{`<person/jon-bell> <criticized> <person/ana-ruiz> <article/b.txt> .`},
		},
		{
			name:   "reject one of two statements of an edge",
			c:      schema.Correction{Kind: "reject", Target: stmtOf(t, "Lakeport praised Nordwind Energy again.", arts...)},
			query:  `g.V("<gpe/lakeport>").Out("<praised>").All()`,
			before: "<org/nordwind-energy>",
			after:  "<org/nordwind-energy>",
			gone: []string{"<" + stmtOf(t, "Lakeport praised Nordwind Energy again.", arts...) +
				`> <evidence> "Lakeport praised Nordwind Energy again." <article/c.txt> .`},
		},
		{
			name:   "merge",
			c:      schema.Correction{Kind: "merge", Target: "<person/ana-ruiz>", Value: "person/a-ruiz"},
			query:  `g.V("<person/ana-ruiz>").Out("<praised>").All()`,
			before: "<org/nordwind-energy>,<org/nordwind-energy>",
			after:  "<gpe/lakeport>,<org/nordwind-energy>,<org/nordwind-energy>",
			gone:   []string{`<person/a-ruiz> <name> "A. Ruiz" .`, `<person/a-ruiz> <type> <Person> .`},
			added: []string{`<person/ana-ruiz> <alias> "A. Ruiz" .`,
				`<person/ana-ruiz> <praised> <gpe/lakeport> <article/c.txt> .`,
				`<person/ana-ruiz> <mentioned_in> <article/c.txt> <article/c.txt> .`},
		},
		{
			name:   "retype",
			c:      schema.Correction{Kind: "retype", Target: "gpe/lakeport", Value: "loc"},
			query:  `g.V().Has("<type>", "<Place>").All()`,
			before: "",
			after:  "<gpe/lakeport>",
			gone:   []string{`<gpe/lakeport> <type> <AdministrativeArea> .`},
			added:  []string{`<gpe/lakeport> <type> <Place> .`},
		},
		{
			name:   "rename",
			c:      schema.Correction{Kind: "rename", Target: "org/nordwind-energy", Value: "Nordwind Energy AS"},
			query:  `g.V("<org/nordwind-energy>").Out("<name>").All()`,
			before: "Nordwind Energy",
			after:  "Nordwind Energy AS",
			gone:   []string{`<org/nordwind-energy> <name> "Nordwind Energy" .`},
			added:  []string{`<org/nordwind-energy> <alias> "Nordwind Energy" .`},
		},
	} {
		for _, backend := range Backends {
			t.Run(tc.name+"/"+backend, func(t *testing.T) {
				ctx := context.Background()
				plain, _ := fresh(t, backend)
				fixture.Load(t, plain, arts...)
				want := graphLines(t, plain)
				st, _ := fresh(t, backend)
				fixture.Load(t, st, arts...)
				if got := strings.Join(gizmoNames(t, st, tc.query), ","); got != tc.before {
					t.Fatalf("before: %s = %s, want %s", tc.query, got, tc.before)
				}
				res, err := st.Correct(ctx, tc.c)
				if err != nil {
					t.Fatalf("Correct(%v): %v", tc.c, err)
				}
				if res.ID != 1 || res.Removed == 0 {
					t.Errorf("Correct(%v) = %+v, want correction 1 that removed quads", tc.c, res)
				}
				if got := strings.Join(gizmoNames(t, st, tc.query), ","); got != tc.after {
					t.Errorf("after: %s = %s, want %s", tc.query, got, tc.after)
				}
				corrected := graphLines(t, st)
				for _, l := range tc.gone {
					if !slices.Contains(want, l) || slices.Contains(corrected, l) {
						t.Errorf("%s: in the store before %v, gone after: want both", l, slices.Contains(want, l))
					}
				}
				for _, l := range tc.added {
					if slices.Contains(want, l) || !slices.Contains(corrected, l) {
						t.Errorf("%s: not in the store before %v, there after: want both", l, !slices.Contains(want, l))
					}
				}
				if _, err := st.Correct(ctx, tc.c); !errors.Is(err, ErrCorrected) && !errors.Is(err, ErrNoEntity) {
					t.Errorf("the same correction again: %v, want ErrCorrected or ErrNoEntity", err)
				}

				for _, a := range later {
					if _, err := st.Remove(ctx, a.Article.ID); err != nil {
						t.Fatal(err)
					}
				}
				fixture.Load(t, st, later...)
				diffLines(t, "corrected, after removing and re-adding the later articles", graphLines(t, st), corrected)

				if _, err := st.UndoCorrection(ctx, res.ID); err != nil {
					t.Fatalf("UndoCorrection(%d): %v", res.ID, err)
				}
				diffLines(t, "undone", quadLines(t, st, ""), want)
				if backend == "postgres" { // the nodes too, with their reference counts
					diffLines(t, "undone, rows", strings.Split(pgRows(t, st), "\n"), strings.Split(pgRows(t, plain), "\n"))
				}
				if cs, err := st.Corrections(ctx); err != nil || len(cs) != 0 {
					t.Errorf("Corrections after the undo = %v, %v; want none", cs, err)
				}

				carried, _ := fresh(t, backend)
				fixture.Load(t, carried, first...)
				if _, err := carried.ImportCorrections(ctx, []schema.Correction{tc.c}); err != nil {
					t.Fatalf("ImportCorrections: %v", err)
				}
				fixture.Load(t, carried, later...)
				diffLines(t, "carried to a store before its later articles", graphLines(t, carried), corrected)
				if _, err := carried.UndoCorrection(ctx, 1); err != nil {
					t.Fatalf("UndoCorrection(1) of the carried correction: %v", err)
				}
				diffLines(t, "carried, undone", quadLines(t, carried, ""), want)
			})
		}
	}
}

// Undoing a correction that a later one builds on (a merge, then a rename of the entity that
// stayed) leaves the store as the later one alone makes it.
func TestUndoUnderLaterCorrection(t *testing.T) {
	ctx := context.Background()
	fix := fixtureArticles()
	arts := []fixture.Article{fix[0], fix[1], correctionArticle()}
	merge := schema.Correction{Kind: "merge", Target: "person/ana-ruiz", Value: "person/a-ruiz"}
	rename := schema.Correction{Kind: "rename", Target: "person/ana-ruiz", Value: "Ana María Ruiz"}
	for _, backend := range Backends {
		t.Run(backend, func(t *testing.T) {
			renamed, _ := fresh(t, backend)
			fixture.Load(t, renamed, arts...)
			if _, err := renamed.Correct(ctx, rename); err != nil {
				t.Fatal(err)
			}
			st, _ := fresh(t, backend)
			fixture.Load(t, st, arts...)
			for _, c := range []schema.Correction{merge, rename} {
				if _, err := st.Correct(ctx, c); err != nil {
					t.Fatalf("Correct(%v): %v", c, err)
				}
			}
			if _, err := st.Correct(ctx, schema.Correction{Kind: "rename", Target: "person/a-ruiz", Value: "X"}); !errors.Is(err, ErrNoEntity) ||
				!strings.Contains(err.Error(), "correction 1 merged it into person/ana-ruiz") {
				t.Errorf("renaming the entity merged away: %v, want ErrNoEntity saying where it went", err)
			}
			if _, err := st.UndoCorrection(ctx, 1); err != nil {
				t.Fatal(err)
			}
			diffLines(t, "merge undone under the rename", graphLines(t, st), graphLines(t, renamed))
			cs, err := st.Corrections(ctx)
			if err != nil || len(cs) != 1 || cs[0].ID != 2 || cs[0].Kind != "rename" {
				t.Errorf("Corrections = %v, %v; want the rename, still correction 2", cs, err)
			}
		})
	}
}

// Corrections that cannot apply are refused with an error naming what is wrong.
func TestCorrectionErrors(t *testing.T) {
	ctx := context.Background()
	st := readFixture(t)
	for _, tc := range []struct {
		c    schema.Correction
		want error
		says string
	}{
		{schema.Correction{Kind: "reject", Target: "stmt/000000000000000000000000"}, ErrNoFact, "stmt/000000000000000000000000"},
		{schema.Correction{Kind: "reject", Target: "person/ana-ruiz"}, ErrBadCorrection, `"person/ana-ruiz" is not a fact id`},
		{schema.Correction{Kind: "merge", Target: "person/ana-ruiz", Value: "person/ana-ruis"}, ErrNoEntity, "person/ana-ruis (did you mean person/ana-ruiz (Ana Ruiz)?)"},
		{schema.Correction{Kind: "merge", Target: "person/ana-ruiz", Value: "person/ana-ruiz"}, ErrBadCorrection, "with itself"},
		{schema.Correction{Kind: "retype", Target: "gpe/lakeport", Value: "CITY"}, ErrBadCorrection, `unknown entity type "CITY"`},
		{schema.Correction{Kind: "retype", Target: "gpe/lakeport", Value: "GPE"}, ErrCorrected, "of type GPE already"},
		{schema.Correction{Kind: "rename", Target: "gpe/nowhere", Value: "Nowhere"}, ErrNoEntity, "gpe/nowhere"},
		{schema.Correction{Kind: "rename", Target: "gpe/lakeport", Value: " "}, ErrBadCorrection, "empty name"},
		{schema.Correction{Kind: "rename", Target: "article/a.txt", Value: "A"}, ErrBadCorrection, "not an entity id"},
		{schema.Correction{Kind: "split", Target: "gpe/lakeport"}, ErrBadCorrection, `unknown kind of correction "split"`},
	} {
		_, err := st.Correct(ctx, tc.c)
		if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("Correct(%v) = %v, want %v saying %q", tc.c, err, tc.want, tc.says)
		}
	}
	if _, err := st.UndoCorrection(ctx, 7); !errors.Is(err, ErrNoCorrection) || !strings.Contains(err.Error(), "7 (the store has none)") {
		t.Errorf("UndoCorrection(7) = %v, want ErrNoCorrection", err)
	}
	layer := schema.CorrectionQuads(schema.Correction{ID: 1, Kind: "rename", Target: "gpe/lakeport", Value: "L"})
	if err := st.Write(ctx, layer); !errors.Is(err, ErrCorrectionQuads) {
		t.Errorf("writing quads of the correction layer as an article: %v, want ErrCorrectionQuads", err)
	}
	if cs, err := st.Corrections(ctx); err != nil || len(cs) != 0 {
		t.Errorf("Corrections after refused ones = %v, %v; want none", cs, err)
	}
}

// The portable form of corrections reads back as written, and importing it twice adds nothing
// the second time.
func TestCorrectionsPortable(t *testing.T) {
	ctx := context.Background()
	cs := []schema.Correction{
		{ID: 1, Kind: "reject", Target: "stmt/0123456789abcdef01234567"},
		{ID: 2, Kind: "merge", Target: "person/ana-ruiz", Value: "person/a-ruiz"},
		{ID: 3, Kind: "retype", Target: "gpe/lakeport", Value: "LOC"},
		{ID: 4, Kind: "rename", Target: "org/nordwind-energy", Value: "Nordwind \"Energy\"\nAS"},
	}
	var buf bytes.Buffer
	if err := WriteCorrections(&buf, cs); err != nil {
		t.Fatal(err)
	}
	back, err := ReadCorrections(bytes.NewReader(buf.Bytes()))
	if err != nil || len(back) != len(cs) {
		t.Fatalf("ReadCorrections = %v, %v", back, err)
	}
	for i := range cs {
		if back[i] != cs[i] {
			t.Errorf("correction %d read back as %+v, want %+v", i+1, back[i], cs[i])
		}
	}
	st := readFixture(t)
	added, err := st.ImportCorrections(ctx, back)
	if err != nil || len(added) != len(cs) {
		t.Fatalf("ImportCorrections = %v, %v; want %d added", added, err, len(cs))
	}
	if added[0].Removed != 0 || added[2].Removed == 0 {
		t.Errorf("ImportCorrections = %+v: want the reject of a fact the store lacks to remove nothing, the retype to remove its type", added)
	}
	if again, err := st.ImportCorrections(ctx, back); err != nil || len(again) != 0 {
		t.Errorf("importing again = %v, %v; want nothing added", again, err)
	}
	if _, err := ReadCorrections(strings.NewReader("<a> <b> <c> .\n")); err == nil {
		t.Error("ReadCorrections of quads that are no corrections: no error")
	}
}

// The undo record keeps every kind of value the store holds as it was.
func TestRecordRoundTrip(t *testing.T) {
	for _, q := range []quad.Quad{
		quad.Make(quad.IRI("stmt/1"), quad.IRI("sentence"), quad.Int(3), quad.IRI("article/a b.txt")),
		quad.Make(quad.IRI("stmt/1"), quad.IRI("confidence"), quad.Float(0.1), quad.IRI("article/a.txt")),
		quad.Make(quad.IRI("stmt/1"), quad.IRI("negated"), quad.Bool(true), quad.IRI("article/a.txt")),
		quad.Make(quad.IRI("person/x"), quad.IRI("name"), quad.String("Zoë \"Z\" \\ Ångström\n"), nil),
		quad.Make(quad.IRI("person/x"), quad.IRI("type"), quad.IRI("Person"), nil),
	} {
		enc, err := encodeQuad(q)
		if err != nil {
			t.Fatal(err)
		}
		if back, err := decodeQuad(enc); err != nil || back != q {
			t.Errorf("decodeQuad(encodeQuad(%#v)) = %#v, %v", q, back, err)
		}
	}
	if _, err := decodeQuad("not base64!"); err == nil {
		t.Error("decodeQuad of garbage: no error")
	}
}

// A merge into an entity the store does not hold yet (corrections carried to a new store before
// its build) gives that entity the name and type of the one merged away, so that it is an entity
// the explorer can show until its own articles come.
func TestMergeIntoEntityNotStored(t *testing.T) {
	ctx := context.Background()
	st := memoryStore(t)
	merge := schema.Correction{Kind: "merge", Target: "person/ana-ruiz", Value: "person/a-ruiz"}
	if _, err := st.ImportCorrections(ctx, []schema.Correction{merge}); err != nil {
		t.Fatal(err)
	}
	fixture.Load(t, st, correctionArticle())
	n, err := st.Entity(ctx, "person/ana-ruiz")
	if err != nil || n.Name != "A. Ruiz" || n.Type != "PERSON" || strings.Join(n.Aliases, ",") != "Ruiz" || n.Articles != 1 {
		t.Errorf("Entity(person/ana-ruiz) = %+v, %v; want A. Ruiz, PERSON, alias Ruiz, 1 article", n, err)
	}
	if _, err := st.Entity(ctx, "person/a-ruiz"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Entity(person/a-ruiz) = %v, want ErrNotFound: it is merged away", err)
	}
}
