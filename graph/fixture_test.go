package graph

import (
	"context"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// fixtureArticle is one article of the test fixture: its id, text hash and quads.
type fixtureArticle struct {
	id, hash string
	quads    []quad.Quad
}

// fixtureArticles returns two invented articles about invented people and organisations: Ana
// Ruiz praises Nordwind Energy in both (the same fact, two quads), Jon Bell criticises Ana Ruiz
// (only in b), and Nordwind Energy is based in Lakeport (only in a); one negated and one
// reported statement make no edges. Each article calls Ana Ruiz by an alias of its own.
func fixtureArticles() []fixtureArticle {
	ana := schema.EntityRecord{ID: "person/ana-ruiz", Name: "Ana Ruiz", Type: "PERSON"}
	nw := schema.EntityRecord{ID: "org/nordwind-energy", Name: "Nordwind Energy", Type: "ORG", Aliases: []string{"Nordwind"}}
	jon := schema.EntityRecord{ID: "person/jon-bell", Name: "Jón Bell", Type: "PERSON"}
	lake := schema.EntityRecord{ID: "gpe/lakeport", Name: "Lakeport", Type: "GPE"}
	anaA, anaB := ana, ana
	anaA.Aliases, anaB.Aliases = []string{"Minister Ruiz"}, []string{"Ruiz"}
	e := func(r schema.EntityRecord) schema.Entity { return schema.Entity{ID: r.ID, Name: r.Name, Type: r.Type} }
	f := func(doc string, sent int, s schema.EntityRecord, p, rel string, o schema.EntityRecord, conf float64, ev string) schema.Fact {
		return schema.Fact{Doc: doc, Sentence: sent, Evidence: ev, Subject: e(s), Predicate: p, Relation: rel,
			Object: schema.Object{Entity: e(o)}, Confidence: conf, End: len(ev)}
	}
	neg := f("b.txt", 2, jon, "praised", "praise", nw, 0.5, "Bell did not praise Nordwind.")
	neg.Negated = true
	rep := f("b.txt", 3, nw, "accused", "accused", jon, 0.4, "Ruiz said Nordwind had accused Bell of lying.")
	rep.Modality, rep.AttributedTo = "reported", &schema.Entity{ID: ana.ID, Name: ana.Name, Type: ana.Type}
	a := schema.Article{ID: "a.txt", Title: "Wind farm approved", Source: "North Herald", Date: "2024-05-01", Hash: "ha"}
	b := schema.Article{ID: "b.txt", Title: "Critics speak", Source: "Lakeport Daily", Hash: "hb"}
	return []fixtureArticle{
		{a.ID, a.Hash, schema.ArticleQuadsAll(a, []schema.EntityRecord{anaA, nw, lake}, []schema.Fact{
			f("a.txt", 0, ana, "praised", "praised", nw, 0.9, "Minister Ana Ruiz praised Nordwind Energy on Monday."),
			f("a.txt", 1, nw, "based in", "based in", lake, 0.8, "Nordwind Energy, based in Lakeport, will build it."),
		})},
		{b.ID, b.Hash, schema.ArticleQuadsAll(b, []schema.EntityRecord{anaB, nw, jon}, []schema.Fact{
			f("b.txt", 0, ana, "praised", "lauded", nw, 0.6, "Ruiz lauded Nordwind again."),
			f("b.txt", 1, jon, "criticized", "hit back at", ana, 0.7, "Jón Bell hit back at Ruiz."),
			neg, rep,
		})},
	}
}

// readFixture returns a memory store holding the fixture articles.
func readFixture(t testing.TB) *Store {
	t.Helper()
	var qs [][]quad.Quad
	for _, a := range fixtureArticles() {
		qs = append(qs, a.quads)
	}
	return memoryStore(t, qs...)
}

// memoryStore returns a memory store holding the quads of each article, written one article at
// a time; it is closed when the test ends.
func memoryStore(t testing.TB, articles ...[]quad.Quad) *Store {
	t.Helper()
	ctx := context.Background()
	st, err := Open(ctx, Options{Backend: "memory"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, qs := range articles {
		if err := st.Write(ctx, qs); err != nil {
			t.Fatal(err)
		}
	}
	return st
}
