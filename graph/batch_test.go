package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// syntheticArticle returns the quads of an invented article of about 130 quads: 8 entities, 8
// facts, entities shared with the articles next to it.
func syntheticArticle(i int) []quad.Quad {
	id := fmt.Sprintf("a%06d.txt", i)
	var ents []schema.EntityRecord
	for k := range 8 {
		name := fmt.Sprintf("Person %d", (i/4+k)%5000)
		ents = append(ents, schema.EntityRecord{ID: schema.EntityIRI("PERSON", name), Name: name, Type: "PERSON"})
	}
	var facts []schema.Fact
	for k := range 8 {
		s, o := ents[k], ents[(k+1)%len(ents)]
		facts = append(facts, schema.Fact{Doc: id, Sentence: k, Start: 100 * k, End: 100*k + 90,
			Evidence: fmt.Sprintf("%s praised %s in sentence %d of %s.", s.Name, o.Name, k, id),
			Subject:  schema.Entity{ID: s.ID, Name: s.Name, Type: s.Type}, Predicate: "praised", Relation: "praised",
			Object: schema.Object{Entity: schema.Entity{ID: o.ID, Name: o.Name, Type: o.Type}}, Confidence: 0.8})
	}
	return schema.ArticleQuadsAll(schema.Article{ID: id, Hash: fmt.Sprint("h", i)}, ents, facts)
}

// BenchmarkWriteArticles writes articles into a bolt store, one transaction per batch: what
// build's --batch changes. Reports quads/s.
func BenchmarkWriteArticles(b *testing.B) {
	for _, batch := range []int{1, 10, 100} {
		b.Run(fmt.Sprint("batch=", batch), func(b *testing.B) {
			ctx := context.Background()
			st, err := Open(ctx, Options{Backend: "bolt", Path: filepath.Join(b.TempDir(), "b.db")})
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			arts := make([][]quad.Quad, 0, batch)
			quads := 0
			b.ResetTimer()
			for i := range b.N {
				arts = append(arts, syntheticArticle(i))
				quads += len(arts[len(arts)-1])
				if len(arts) == batch || i == b.N-1 {
					if err := st.WriteArticles(ctx, arts); err != nil {
						b.Fatal(err)
					}
					arts = arts[:0]
				}
			}
			b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}
