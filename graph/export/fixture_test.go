package export

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/storetest"
	"github.com/newsgraph/newsgraph/schema"
)

// The small hand-written graph of the tests: invented people and organisations in two articles,
// with the awkward characters every format must escape (quotes, backslash, ampersand, tab, line
// break, non-ASCII, a space in an article id).

func ent(typ, name, mention string) schema.Entity {
	return schema.Entity{ID: schema.EntityIRI(typ, name), Name: name, Type: typ, Mention: mention}
}

func obj(e schema.Entity) schema.Object { return schema.Object{Entity: e} }

var (
	ada     = ent("PERSON", "Ada Quill", "")
	tomas   = ent("PERSON", "Tomás Reyne", "")
	freight = ent("ORG", `Borealis "Blue" Freight & Co`, "")
	council = ent("ORG", "Marrow Council", "")
	veyra   = ent("GPE", "Port Veyra", "")
	lantern = ent("PRODUCT", `Lantern\9`, "")
)

func record(e schema.Entity, aliases ...string) schema.EntityRecord {
	return schema.EntityRecord{ID: e.ID, Name: e.Name, Type: e.Type, Aliases: aliases}
}

func with(e schema.Entity, mention string) schema.Entity { e.Mention = mention; return e }

type fixtureArticle struct {
	article  schema.Article
	entities []schema.EntityRecord
	facts    []schema.Fact
}

func fixture() []fixtureArticle {
	const a1, a2 = "a1.txt", "news/a 2.txt"
	ev1 := "Ada Quill hailed Borealis \"Blue\" Freight & Co\tyesterday."
	ev2 := "The firm did not criticise the Marrow Council.\nIt said so."
	ev3 := `Quill said prices would fall "soon" \ maybe.`
	ev4 := "Tomás Reyne praised Borealis for its Lantern\\9."
	ev5 := "The council replied to Quill, Reyne said."
	ev6 := "Marrow Council met Port Veyra's mayor; Borealis launched the Lantern\\9."
	return []fixtureArticle{
		{
			article: schema.Article{ID: a1, Title: "Freight & praise", Source: "The Veyra Post",
				URL: "https://example.org/a1?x=1&y=2", Date: "2031-04-05", File: "testdata/a1.txt", Hash: "aa11"},
			entities: []schema.EntityRecord{
				record(ada, "Quill", "A. Quill"),
				record(freight, "Borealis", `"Blue" Freight`),
				record(council),
			},
			facts: []schema.Fact{
				{Doc: a1, Sentence: 0, Start: 0, End: len(ev1), Evidence: ev1, Subject: ada, Predicate: "praised",
					Relation: "hailed", CAMEO: "051", Object: obj(freight), Confidence: 0.9,
					Time: &schema.Time{Value: "2031-04-04", Text: "on Friday", Kind: schema.TimeEvent}},
				{Doc: a1, Sentence: 1, Start: 60, End: 60 + len(ev2), Evidence: ev2, Subject: with(freight, "The firm"),
					Predicate: "criticized", Relation: "criticise", Object: obj(council), Confidence: 0.6, Negated: true},
				{Doc: a1, Sentence: 2, Start: 120, End: 120 + len(ev3), Evidence: ev3, Subject: with(ada, "Quill"),
					Predicate: "said", Relation: "said", Object: schema.Object{Literal: `prices would fall "soon" \ maybe`},
					Confidence: 0.8, Time: &schema.Time{Value: "2031-04-05", Text: "2031-04-05", Kind: schema.TimeReported}},
			},
		},
		{
			article: schema.Article{ID: a2, Title: "Reyne on Borealis", Hash: "bb22"},
			entities: []schema.EntityRecord{
				record(tomas, "Reyne"),
				record(freight, "Borealis"),
				record(ada, "Quill"),
				record(council, "the council"),
				record(veyra),
				record(lantern),
			},
			facts: []schema.Fact{
				{Doc: a2, Sentence: 0, Start: 0, End: len(ev4), Evidence: ev4, Subject: tomas, Predicate: "praised",
					Relation: "praised", Object: obj(with(freight, "Borealis")), Confidence: 0.75},
				{Doc: a2, Sentence: 1, Start: 50, End: 50 + len(ev5), Evidence: ev5, Subject: with(council, "The council"),
					Predicate: "replied to", Relation: "replied to", Object: obj(with(ada, "Quill")), Confidence: 0.5,
					Modality: "reported", AttributedTo: &tomas},
				{Doc: a2, Sentence: 2, Start: 100, End: 100 + len(ev6), Evidence: ev6, Subject: council,
					Predicate: "met with", Relation: "met", Object: obj(veyra), Confidence: 0.7,
					Time: &schema.Time{Value: "2030-03/..", Text: "since March", Kind: schema.TimeEvent}},
				{Doc: a2, Sentence: 2, Start: 100, End: 100 + len(ev6), Evidence: ev6, Subject: with(freight, "Borealis"),
					Predicate: "launched", Relation: "launched", Object: obj(lantern), Confidence: 1,
					Time: &schema.Time{Value: "2029", Text: "in 2029", Kind: schema.TimeEvent}},
				// The same fact as in a1, stated again by a2: its edge has two sources.
				{Doc: a2, Sentence: 3, Start: 200, End: 230, Evidence: "Quill praised Borealis.", Subject: with(ada, "Quill"),
					Predicate: "praised", Relation: "praised", Object: obj(with(freight, "Borealis")), Confidence: 0.95},
			},
		},
	}
}

// fixtureQuads returns every quad of the fixture.
func fixtureQuads() []quad.Quad {
	var qs []quad.Quad
	for _, a := range fixture() {
		qs = append(qs, schema.ArticleQuadsAll(a.article, a.entities, a.facts)...)
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
	for _, a := range fixture() {
		if err := s.Write(context.Background(), schema.ArticleQuadsAll(a.article, a.entities, a.facts)); err != nil {
			t.Fatalf("load fixture article %s: %v", a.article.ID, err)
		}
	}
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
