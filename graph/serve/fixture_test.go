package serve

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/fixture"
	"github.com/newsgraph/newsgraph/schema"
)

// The fixture: two invented articles about invented people and organisations.
var (
	maria  = fixture.Record(fixture.Entity(schema.TypePerson, "Maria Lopez"), "Lopez", "Mayor Lopez")
	acme   = fixture.Record(fixture.Entity(schema.TypeOrg, "Acme Shipping"), "Acme")
	tomas  = fixture.Record(fixture.Entity(schema.TypePerson, "Tomás Varga"))
	trust  = fixture.Record(fixture.Entity(schema.TypeOrg, "Green Harbour Trust"))
	elin   = fixture.Record(fixture.Entity(schema.TypeGPE, "Port Elin"))
	ledger = schema.Article{ID: "a1.txt", Title: "Harbour deal signed", Source: "The Coastal Ledger", Date: "2024-03-01", URL: "https://example.org/a1", Hash: "h1"}
	post   = schema.Article{ID: "a2.txt", Title: "Mayor answers critics", Source: "Valley Post", Date: "2024-03-02", URL: "https://example.org/a2", Hash: "h2"}
)

// fact is fixture.Fact between the entities of two records.
func fact(doc string, sent int, s schema.EntityRecord, pred, rel string, o schema.EntityRecord, conf float64, evidence string) schema.Fact {
	return fixture.Fact(doc, sent, fixture.Of(s), pred, rel, fixture.Of(o), conf, evidence)
}

// fixtureStore returns a memory store holding the fixture.
func fixtureStore(t testing.TB) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), graph.Options{Backend: "memory"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	neg := fact("a2.txt", 3, maria, "praised", "praise", trust, 0.6, "Lopez did not praise the Green Harbour Trust.")
	neg.Negated = true
	a1 := []schema.Fact{
		fact("a1.txt", 0, maria, "praised", "praised", acme, 0.9, "Mayor Maria Lopez praised Acme Shipping for the new harbour deal."),
		fact("a1.txt", 1, trust, "criticized", "condemned", acme, 0.6, "The Green Harbour Trust condemned Acme Shipping over the dredging plan."),
		fact("a1.txt", 2, acme, "based in", "based in", elin, 0.95, "Acme Shipping, based in Port Elin, employs 400 people."),
	}
	a2 := []schema.Fact{
		fact("a2.txt", 0, tomas, "criticized", "hit out at", maria, 0.8, "Councillor Tomás Varga hit out at Maria Lopez on Tuesday."),
		fact("a2.txt", 1, maria, "praised", "hailed", acme, 0.7, "Lopez hailed Acme as a partner for Port Elin."),
		fact("a2.txt", 2, maria, "replied to", "responded to", tomas, 0.75, "Lopez responded to Varga in a statement."),
		neg,
	}
	// every fact the date of its article, the criticism "on Tuesday" the Tuesday before
	for i := range a1 {
		a1[i].Time = &schema.Time{Value: "2024-03-01", Text: "2024-03-01", Kind: schema.TimeReported}
	}
	for i := range a2 {
		a2[i].Time = &schema.Time{Value: "2024-03-02", Text: "2024-03-02", Kind: schema.TimeReported}
	}
	a2[0].Time = &schema.Time{Value: "2024-02-27", Text: "on Tuesday", Kind: schema.TimeEvent}
	fixture.Load(t, st,
		fixture.Article{Article: ledger, Entities: []schema.EntityRecord{maria, acme, trust, elin}, Facts: a1},
		fixture.Article{Article: post, Entities: []schema.EntityRecord{maria, acme, tomas, trust, elin}, Facts: a2})
	return st
}
