package storetest

import (
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// SyntheticArticle is one invented article of Synthetic: its id and its quads, as
// schema.ArticleQuadsAll gives them.
type SyntheticArticle struct {
	ID    string
	Quads []quad.Quad
}

// Synthetic returns n invented articles for benchmarks, the same on every call: 18 facts each
// (every ninth negated) between entities of a pool of 300 people, organisations and places,
// with an alias for every subject; about 250 quads an article, a shape close to extracted news.
func Synthetic(n int) []SyntheticArticle {
	types := []string{schema.TypePerson, schema.TypeOrg, schema.TypeGPE}
	preds := []string{"praised", "criticized", "met with", "replied to", "said"}
	pool := make([]schema.Entity, 300)
	for i := range pool {
		name := fmt.Sprintf("Entity %d Synth", i)
		pool[i] = schema.Entity{ID: schema.EntityIRI(types[i%len(types)], name), Name: name, Type: types[i%len(types)]}
	}
	rec := func(e schema.Entity, aliases ...string) schema.EntityRecord {
		return schema.EntityRecord{ID: e.ID, Name: e.Name, Type: e.Type, Aliases: aliases}
	}
	out := make([]SyntheticArticle, n)
	for a := range out {
		id := fmt.Sprintf("synthetic/%03d.txt", a)
		art := schema.Article{ID: id, Title: "Synthetic " + id, Source: "Bench Post", Hash: fmt.Sprintf("%064x", a)}
		var recs []schema.EntityRecord
		var facts []schema.Fact
		for f := 0; f < 18; f++ {
			subj, o := pool[(a*7+f)%len(pool)], pool[(a*13+f*5+1)%len(pool)]
			recs = append(recs, rec(subj, "S"+subj.Name), rec(o))
			facts = append(facts, schema.Fact{Doc: id, Sentence: f, Start: f * 100, End: f*100 + 90,
				Evidence: fmt.Sprintf("%s did something to %s in sentence %d.", subj.Name, o.Name, f),
				Subject:  subj, Predicate: preds[f%len(preds)], Relation: preds[f%len(preds)],
				Object: schema.Object{Entity: o}, Confidence: float64(f%10) / 10, Negated: f%9 == 8})
		}
		out[a] = SyntheticArticle{ID: id, Quads: schema.ArticleQuadsAll(art, recs, facts)}
	}
	return out
}
