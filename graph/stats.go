package graph

import (
	"context"
	"runtime/debug"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Stats counts what a store holds.
type Stats struct {
	Articles   int            `json:"articles"`
	Entities   int            `json:"entities"`
	Statements int            `json:"statements"`
	Quads      int64          `json:"quads"`
	ByType     map[string]int `json:"entities_by_type"`
	// ByPredicate counts statements (fact occurrences) by canonical predicate.
	ByPredicate map[string]int `json:"facts_by_predicate"`
}

// Stats counts the store's articles, entities by type and facts by predicate in one pass.
func (s *Store) Stats(ctx context.Context) (_ *Stats, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	st := &Stats{ByType: map[string]int{}, ByPredicate: map[string]int{}}
	err = s.EachQuad(ctx, "", func(q quad.Quad) error {
		st.Quads++
		subj := iriOf(q.Subject)
		switch iriOf(q.Predicate) {
		case schema.PropType:
			class := iriOf(q.Object)
			switch {
			case class == schema.ClassArticle:
				st.Articles++
			case class == schema.ClassStatement:
				st.Statements++
			case !strings.HasPrefix(subj, "article/"):
				if t, ok := schema.TypeOfClass(class); ok {
					st.Entities++
					st.ByType[t.Label]++
				}
			}
		case schema.PropPredicate:
			st.ByPredicate[schema.PredicateName(iriOf(q.Object))]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return st, nil
}
