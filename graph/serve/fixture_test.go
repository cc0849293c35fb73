package serve

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// The fixture: two invented articles about invented people and organisations.
var (
	maria  = schema.EntityRecord{ID: "person/maria-lopez", Name: "Maria Lopez", Type: "PERSON", Aliases: []string{"Lopez", "Mayor Lopez"}}
	acme   = schema.EntityRecord{ID: "org/acme-shipping", Name: "Acme Shipping", Type: "ORG", Aliases: []string{"Acme"}}
	tomas  = schema.EntityRecord{ID: "person/tomas-varga", Name: "Tomás Varga", Type: "PERSON"}
	trust  = schema.EntityRecord{ID: "org/green-harbour-trust", Name: "Green Harbour Trust", Type: "ORG"}
	elin   = schema.EntityRecord{ID: "gpe/port-elin", Name: "Port Elin", Type: "GPE"}
	ledger = schema.Article{ID: "a1.txt", Title: "Harbour deal signed", Source: "The Coastal Ledger", Date: "2024-03-01", URL: "https://example.org/a1", Hash: "h1"}
	post   = schema.Article{ID: "a2.txt", Title: "Mayor answers critics", Source: "Valley Post", Date: "2024-03-02", URL: "https://example.org/a2", Hash: "h2"}
)

func ent(r schema.EntityRecord) schema.Entity {
	return schema.Entity{ID: r.ID, Name: r.Name, Type: r.Type}
}

func obj(r schema.EntityRecord) schema.Object { return schema.Object{Entity: ent(r)} }

func fact(doc string, sent int, s schema.EntityRecord, pred, rel string, o schema.EntityRecord, conf float64, evidence string) schema.Fact {
	return schema.Fact{Doc: doc, Sentence: sent, Start: sent * 100, End: sent*100 + len(evidence), Evidence: evidence,
		Subject: ent(s), Predicate: pred, Relation: rel, Object: obj(o), Confidence: conf}
}

// fixtureStore returns a memory store holding the fixture.
func fixtureStore(t testing.TB) *graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Options{Backend: "memory"})
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
	for _, a := range []struct {
		art   schema.Article
		ents  []schema.EntityRecord
		facts []schema.Fact
	}{
		{ledger, []schema.EntityRecord{maria, acme, trust, elin}, a1},
		{post, []schema.EntityRecord{maria, acme, tomas, trust, elin}, a2},
	} {
		if err := st.Write(ctx, schema.ArticleQuadsAll(a.art, a.ents, a.facts)); err != nil {
			t.Fatal(err)
		}
	}
	return st
}
