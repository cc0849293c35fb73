package graph

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/internal/fixture"
	"github.com/newsgraph/newsgraph/schema"
)

// fixtureArticles returns two invented articles about invented people and organisations: Ana
// Ruiz praises Nordwind Energy in both (the same fact, two quads), Jon Bell criticises Ana Ruiz
// (only in b), and Nordwind Energy is based in Lakeport (only in a); one negated and one
// reported statement make no edges. Each article calls Ana Ruiz by an alias of its own.
func fixtureArticles() []fixture.Article {
	ana := fixture.Entity(schema.TypePerson, "Ana Ruiz")
	nw := fixture.Entity(schema.TypeOrg, "Nordwind Energy")
	jon := fixture.Entity(schema.TypePerson, "Jón Bell")
	lake := fixture.Entity(schema.TypeGPE, "Lakeport")
	f := fixture.Fact
	neg := f("b.txt", 2, jon, schema.PredPraised, "praise", nw, 0.5, "Bell did not praise Nordwind.")
	neg.Negated = true
	rep := f("b.txt", 3, nw, "accused", "accused", jon, 0.4, "Ruiz said Nordwind had accused Bell of lying.")
	rep.Modality, rep.AttributedTo = schema.ModalityReported, &ana
	a := schema.Article{ID: "a.txt", Title: "Wind farm approved", Source: "North Herald", Date: "2024-05-01", Hash: "ha"}
	b := schema.Article{ID: "b.txt", Title: "Critics speak", Source: "Lakeport Daily", Hash: "hb"}
	return []fixture.Article{
		{Article: a, Entities: []schema.EntityRecord{fixture.Record(ana, "Minister Ruiz"), fixture.Record(nw, "Nordwind"), fixture.Record(lake)}, Facts: []schema.Fact{
			f("a.txt", 0, ana, schema.PredPraised, "praised", nw, 0.9, "Minister Ana Ruiz praised Nordwind Energy on Monday."),
			f("a.txt", 1, nw, "based in", "based in", lake, 0.8, "Nordwind Energy, based in Lakeport, will build it."),
		}},
		{Article: b, Entities: []schema.EntityRecord{fixture.Record(ana, "Ruiz"), fixture.Record(nw, "Nordwind"), fixture.Record(jon)}, Facts: []schema.Fact{
			f("b.txt", 0, ana, schema.PredPraised, "lauded", nw, 0.6, "Ruiz lauded Nordwind again."),
			f("b.txt", 1, jon, schema.PredCriticized, "hit back at", ana, 0.7, "Jón Bell hit back at Ruiz."),
			neg, rep,
		}},
	}
}

// readFixture returns a memory store holding the fixture articles.
func readFixture(t testing.TB) *Store {
	t.Helper()
	return memoryStore(t, fixtureArticles()...)
}

// memoryStore returns a memory store holding the articles, written one article at a time; it
// is closed when the test ends.
func memoryStore(t testing.TB, arts ...fixture.Article) *Store {
	t.Helper()
	st, err := Open(context.Background(), Options{Backend: "memory"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	fixture.Load(t, st, arts...)
	return st
}
