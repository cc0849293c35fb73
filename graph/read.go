package graph

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// EachQuad calls fn for every stored quad, or with doc set, for every quad labelled with that
// article. Order is the store's own; callers that print sort what they collect.
func (s *Store) EachQuad(ctx context.Context, doc string, fn func(quad.Quad) error) (err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	var v quad.Value
	if doc != "" {
		v = schema.Label(doc)
		if ok, err := s.b.has(ctx, v); err != nil {
			return fmt.Errorf("read quads: %w", err)
		} else if !ok {
			return fmt.Errorf("%w: %q", ErrNoArticle, doc)
		}
	}
	if err := s.b.eachQuad(ctx, quad.Label, v, fn); err != nil {
		return fmt.Errorf("read quads: %w", err)
	}
	return nil
}

// Has reports whether a stored quad holds the value v (an IRI, a string, ...) in any direction.
// The value's kind counts: the IRI <person/x> and the string "person/x" are two values.
func (s *Store) Has(ctx context.Context, v quad.Value) (_ bool, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	if v == nil {
		return false, nil
	}
	ok, err := s.b.has(ctx, v)
	if err != nil {
		return false, fmt.Errorf("look up %s: %w", v, err)
	}
	return ok, nil
}

// StoredEntity is an entity of the store: its id, name and type, and the number of articles
// that mention it.
type StoredEntity struct {
	schema.EntityRecord
	Articles int
}

// Entities returns the id, name, type and number of mentioning articles of every stored entity,
// sorted by id, for linking new articles to what the store already knows. An entity stored with
// several spellings of its name (articles built at different times) gets the smallest.
func (s *Store) Entities(ctx context.Context) (_ []StoredEntity, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	mentions, err := s.mentions(ctx)
	if err != nil {
		return nil, fmt.Errorf("read entities: %w", err)
	}
	recs := map[string]*StoredEntity{}
	for _, prop := range []string{schema.PropName, schema.PropType} {
		err := s.eachQuadWith(ctx, quad.Predicate, quad.IRI(prop), func(q quad.Quad) error {
			id := iriOf(q.Subject)
			if !isEntityIRI(id) {
				return nil
			}
			r := recs[id]
			if r == nil {
				r = &StoredEntity{EntityRecord: schema.EntityRecord{ID: id}, Articles: mentions[id]}
				recs[id] = r
			}
			if prop == schema.PropName {
				if name := quad.ToString(q.Object); r.Name == "" || name < r.Name {
					r.Name = name
				}
			} else if t, ok := schema.TypeOfClass(iriOf(q.Object)); ok {
				r.Type = t.Label
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read entities: %w", err)
		}
	}
	out := make([]StoredEntity, 0, len(recs))
	for _, id := range sortedKeys(recs) {
		if r := recs[id]; r.Name != "" && r.Type != "" {
			out = append(out, *r)
		}
	}
	return out, nil
}

// mentions counts the mentioned_in quads of every node, by its IRI.
func (s *Store) mentions(ctx context.Context) (map[string]int, error) {
	return s.b.subjectCounts(ctx, quad.Predicate, quad.IRI(schema.PropMentionedIn))
}

// ArticleCount returns the number of articles in the store.
func (s *Store) ArticleCount(ctx context.Context) (_ int, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	n := 0
	err = s.eachQuadWith(ctx, quad.Object, quad.IRI(schema.ClassArticle), func(q quad.Quad) error {
		if iriOf(q.Predicate) == schema.PropType {
			n++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}
