package export

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// syntheticStore returns a memory store of about 50,000 quads: 200 articles of 18 facts each
// over a pool of 300 invented entities.
func syntheticStore(b *testing.B) (*graph.Store, int) {
	b.Helper()
	ctx := context.Background()
	s := openStore(b, "memory")
	types := []string{"PERSON", "ORG", "GPE"}
	preds := []string{"praised", "criticized", "met with", "replied to", "said"}
	pool := make([]schema.Entity, 300)
	for i := range pool {
		pool[i] = ent(types[i%len(types)], fmt.Sprintf("Entity %d Synth", i), "")
	}
	for a := 0; a < 200; a++ {
		id := fmt.Sprintf("synthetic/%03d.txt", a)
		art := schema.Article{ID: id, Title: "Synthetic " + id, Source: "Bench Post", Hash: fmt.Sprintf("%064x", a)}
		var recs []schema.EntityRecord
		var facts []schema.Fact
		for f := 0; f < 18; f++ {
			subj, o := pool[(a*7+f)%len(pool)], pool[(a*13+f*5+1)%len(pool)]
			recs = append(recs, record(subj, "S"+subj.Name), record(o))
			facts = append(facts, schema.Fact{Doc: id, Sentence: f, Start: f * 100, End: f*100 + 90,
				Evidence: fmt.Sprintf("%s did something to %s in sentence %d.", subj.Name, o.Name, f),
				Subject:  subj, Predicate: preds[f%len(preds)], Relation: preds[f%len(preds)],
				Object: obj(o), Confidence: float64(f%10) / 10, Negated: f%9 == 8})
		}
		if err := s.Write(ctx, schema.ArticleQuadsAll(art, recs, facts)); err != nil {
			b.Fatal(err)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	return s, int(st.Quads)
}

func BenchmarkExportNQuads(b *testing.B) {
	s, n := syntheticStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Write(ctx, s, io.Discard, Options{Format: NQuads}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "quads")
}
