package graph

import (
	"context"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// EachQuad calls fn for every stored quad, or with doc set, for every quad labelled with that
// article. Order is the store's own; callers that print sort what they collect.
func (s *Store) EachQuad(ctx context.Context, doc string, fn func(quad.Quad) error) error {
	defer s.reading()()
	if s.pg != nil {
		var label quad.Value
		if doc != "" {
			label = schema.Label(doc)
		}
		if err := s.pg.eachQuad(ctx, quad.Label, label, fn); err != nil {
			return fmt.Errorf("read quads: %w", err)
		}
		return nil
	}
	var it cgraph.Iterator
	if doc == "" {
		it = s.qs.QuadsAllIterator()
	} else {
		ref := s.qs.ValueOf(schema.Label(doc))
		if ref == nil {
			return fmt.Errorf("%w: %q", ErrNoArticle, doc)
		}
		it = s.qs.QuadIterator(quad.Label, ref)
	}
	defer it.Close()
	for it.Next(ctx) {
		if err := fn(s.qs.Quad(it.Result())); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read quads: %w", err)
	}
	return ctx.Err()
}

// Entities returns the name and type of every stored entity, sorted by id, for linking new
// articles to what the store already knows.
func (s *Store) Entities(ctx context.Context) ([]schema.EntityRecord, error) {
	defer s.reading()()
	recs := map[string]*schema.EntityRecord{}
	get := func(id string) *schema.EntityRecord {
		r := recs[id]
		if r == nil {
			r = &schema.EntityRecord{ID: id}
			recs[id] = r
		}
		return r
	}
	for _, prop := range []string{schema.PropName, schema.PropType} {
		err := s.eachQuadWith(ctx, quad.Predicate, quad.IRI(prop), func(q quad.Quad) error {
			id := iriOf(q.Subject)
			if id == "" || strings.HasPrefix(id, "article/") || strings.HasPrefix(id, "stmt/") {
				return nil
			}
			if prop == schema.PropName {
				get(id).Name = quad.ToString(q.Object)
			} else if t, ok := schema.TypeOfClass(iriOf(q.Object)); ok {
				get(id).Type = t.Label
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read entities: %w", err)
		}
	}
	out := make([]schema.EntityRecord, 0, len(recs))
	for _, id := range sortedKeys(recs) {
		if r := recs[id]; r.Name != "" && r.Type != "" {
			out = append(out, *r)
		}
	}
	return out, nil
}
