package export

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/fixture"
	"github.com/newsgraph/newsgraph/internal/storetest"
	"github.com/newsgraph/newsgraph/schema"
)

// The small hand-written graph of the tests: invented people and organisations in two articles,
// with the awkward characters every format must escape (quotes, backslash, ampersand, tab, line
// break, non-ASCII, a space in an article id).

var (
	ada     = fixture.Entity(schema.TypePerson, "Ada Quill")
	tomas   = fixture.Entity(schema.TypePerson, "Tomás Reyne")
	freight = fixture.Entity(schema.TypeOrg, `Borealis "Blue" Freight & Co`)
	council = fixture.Entity(schema.TypeOrg, "Marrow Council")
	veyra   = fixture.Entity(schema.TypeGPE, "Port Veyra")
	lantern = fixture.Entity(schema.TypeProduct, `Lantern\9`)
)

// fixtureArticles returns the two articles of the fixture.
func fixtureArticles() []fixture.Article {
	const a1, a2 = "a1.txt", "news/a 2.txt"
	ev1 := "Ada Quill hailed Borealis \"Blue\" Freight & Co\tyesterday."
	ev2 := "The firm did not criticise the Marrow Council.\nIt said so."
	ev3 := `Quill said prices would fall "soon" \ maybe.`
	ev4 := "Tomás Reyne praised Borealis for its Lantern\\9."
	ev5 := "The council replied to Quill, Reyne said."
	ev6 := "Marrow Council met Port Veyra's mayor; Borealis launched the Lantern\\9."
	return []fixture.Article{
		{
			Article: schema.Article{ID: a1, Title: "Freight & praise", Source: "The Veyra Post",
				URL: "https://example.org/a1?x=1&y=2", Date: "2031-04-05", File: "testdata/a1.txt", Hash: "aa11"},
			Entities: []schema.EntityRecord{
				fixture.Record(ada, "Quill", "A. Quill"),
				fixture.Record(freight, "Borealis", `"Blue" Freight`),
				fixture.Record(council),
			},
			Facts: []schema.Fact{
				{Doc: a1, Sentence: 0, Start: 0, End: len(ev1), Evidence: ev1, Subject: ada, Predicate: "praised",
					Relation: "hailed", CAMEO: "051", Object: fixture.Object(freight), Confidence: 0.9,
					Time: &schema.Time{Value: "2031-04-04", Text: "on Friday", Kind: schema.TimeEvent}},
				{Doc: a1, Sentence: 1, Start: 60, End: 60 + len(ev2), Evidence: ev2, Subject: fixture.As(freight, "The firm"),
					Predicate: "criticized", Relation: "criticise", Object: fixture.Object(council), Confidence: 0.6, Negated: true},
				{Doc: a1, Sentence: 2, Start: 120, End: 120 + len(ev3), Evidence: ev3, Subject: fixture.As(ada, "Quill"),
					Predicate: "said", Relation: "said", Object: schema.Object{Literal: `prices would fall "soon" \ maybe`},
					Confidence: 0.8, Time: &schema.Time{Value: "2031-04-05", Text: "2031-04-05", Kind: schema.TimeReported}},
			},
		},
		{
			Article: schema.Article{ID: a2, Title: "Reyne on Borealis", Hash: "bb22"},
			Entities: []schema.EntityRecord{
				fixture.Record(tomas, "Reyne"),
				fixture.Record(freight, "Borealis"),
				fixture.Record(ada, "Quill"),
				fixture.Record(council, "the council"),
				fixture.Record(veyra),
				fixture.Record(lantern),
			},
			Facts: []schema.Fact{
				{Doc: a2, Sentence: 0, Start: 0, End: len(ev4), Evidence: ev4, Subject: tomas, Predicate: "praised",
					Relation: "praised", Object: fixture.Object(fixture.As(freight, "Borealis")), Confidence: 0.75},
				{Doc: a2, Sentence: 1, Start: 50, End: 50 + len(ev5), Evidence: ev5, Subject: fixture.As(council, "The council"),
					Predicate: "replied to", Relation: "replied to", Object: fixture.Object(fixture.As(ada, "Quill")), Confidence: 0.5,
					Modality: "reported", AttributedTo: &tomas},
				{Doc: a2, Sentence: 2, Start: 100, End: 100 + len(ev6), Evidence: ev6, Subject: council,
					Predicate: "met with", Relation: "met", Object: fixture.Object(veyra), Confidence: 0.7,
					Time: &schema.Time{Value: "2030-03/..", Text: "since March", Kind: schema.TimeEvent}},
				{Doc: a2, Sentence: 2, Start: 100, End: 100 + len(ev6), Evidence: ev6, Subject: fixture.As(freight, "Borealis"),
					Predicate: "launched", Relation: "launched", Object: fixture.Object(lantern), Confidence: 1,
					Time: &schema.Time{Value: "2029", Text: "in 2029", Kind: schema.TimeEvent}},
				// The same fact as in a1, stated again by a2: its edge has two sources.
				{Doc: a2, Sentence: 3, Start: 200, End: 230, Evidence: "Quill praised Borealis.", Subject: fixture.As(ada, "Quill"),
					Predicate: "praised", Relation: "praised", Object: fixture.Object(fixture.As(freight, "Borealis")), Confidence: 0.95},
			},
		},
	}
}

// fixtureQuads returns every quad of the fixture.
func fixtureQuads() []quad.Quad {
	var qs []quad.Quad
	for _, a := range fixtureArticles() {
		qs = append(qs, a.Quads()...)
	}
	return qs
}

// backends are the store backends the tests run on.
func backends() []string { return graph.Backends }

// openStore opens an empty store of the given backend, closed when the test ends; it skips
// (under CI fails) where the backend cannot run (see storetest.Location).
func openStore(t testing.TB, backend string) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Options{Backend: backend, Path: storetest.Location(t, backend)})
	if err != nil {
		t.Fatalf("open %s store: %v", backend, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close %s store: %v", backend, err)
		}
	})
	return s
}

// fixtureStore returns a store of the given backend holding the fixture.
func fixtureStore(t testing.TB, backend string) *graph.Store {
	t.Helper()
	s := openStore(t, backend)
	fixture.Load(t, s, fixtureArticles()...)
	return s
}

// quadSet returns the set of quads a store holds (values compared with their Go types, so an
// Int and the string "3" differ).
func quadSet(t testing.TB, s *graph.Store) map[quad.Quad]bool {
	t.Helper()
	set := map[quad.Quad]bool{}
	if err := s.EachQuad(context.Background(), "", func(q quad.Quad) error {
		set[q] = true
		return nil
	}); err != nil {
		t.Fatalf("read store: %v", err)
	}
	return set
}

// diffSets describes how two quad sets differ, sorted, or "" when they are equal.
func diffSets(want, got map[quad.Quad]bool) string {
	var lines []string
	for q := range want {
		if !got[q] {
			lines = append(lines, fmt.Sprintf("missing: %s  (%#v)", q.NQuad(), q.Object))
		}
	}
	for q := range got {
		if !want[q] {
			lines = append(lines, fmt.Sprintf("extra:   %s  (%#v)", q.NQuad(), q.Object))
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
