package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// EachQuad calls fn for every stored quad, or with doc set, for every quad labelled with that
// article. Order is the store's own; callers that print sort what they collect.
func (s *Store) EachQuad(ctx context.Context, doc string, fn func(quad.Quad) error) error {
	var it cgraph.Iterator
	if doc == "" {
		it = s.qs.QuadsAllIterator()
	} else {
		ref := s.qs.ValueOf(schema.Label(doc))
		if ref == nil {
			return fmt.Errorf("no article %q in the store", doc)
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

// StoredEntity is an entity of the store: its id, name and type, and the number of articles
// that mention it.
type StoredEntity struct {
	schema.EntityRecord
	Articles int
}

// Entities returns the id, name, type and number of mentioning articles of every stored entity,
// sorted by id, for linking new articles to what the store already knows. An entity stored with
// several spellings of its name (articles built at different times) gets the smallest.
func (s *Store) Entities(ctx context.Context) ([]StoredEntity, error) {
	recs := map[string]*StoredEntity{}
	get := func(id string) *StoredEntity {
		r := recs[id]
		if r == nil {
			r = &StoredEntity{EntityRecord: schema.EntityRecord{ID: id}}
			recs[id] = r
		}
		return r
	}
	// Mentions are counted by node reference: resolving every quad to values would read the
	// whole store.
	mentions := map[any]int{}
	if err := s.eachRef(ctx, quad.Predicate, quad.IRI(schema.PropMentionedIn), func(ref cgraph.Ref) error {
		mentions[cgraph.ToKey(s.qs.QuadDirection(ref, quad.Subject))]++
		return nil
	}); err != nil {
		return nil, fmt.Errorf("read entities: %w", err)
	}
	for _, prop := range []string{schema.PropName, schema.PropType} {
		err := s.eachRef(ctx, quad.Predicate, quad.IRI(prop), func(ref cgraph.Ref) error {
			q := s.qs.Quad(ref)
			id := iriOf(q.Subject)
			if !isEntityIRI(id) {
				return nil
			}
			r := get(id)
			if prop == schema.PropName {
				if name := quad.ToString(q.Object); r.Name == "" || name < r.Name {
					r.Name = name
				}
				r.Articles = mentions[cgraph.ToKey(s.qs.QuadDirection(ref, quad.Subject))]
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

// eachQuadWith calls fn for every quad whose direction d holds v.
func (s *Store) eachQuadWith(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	return s.eachRef(ctx, d, v, func(ref cgraph.Ref) error { return fn(s.qs.Quad(ref)) })
}

// eachRef calls fn with a reference to every quad whose direction d is v, without reading the
// quad's values (fn may ask the store for what it needs).
func (s *Store) eachRef(ctx context.Context, d quad.Direction, v quad.Value, fn func(cgraph.Ref) error) error {
	ref := s.qs.ValueOf(v)
	if ref == nil {
		return nil
	}
	it := s.qs.QuadIterator(d, ref)
	defer it.Close()
	for it.Next(ctx) {
		if err := fn(it.Result()); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// ArticleCount returns the number of articles in the store.
func (s *Store) ArticleCount(ctx context.Context) (int, error) {
	n := 0
	err := s.eachQuadWith(ctx, quad.Object, quad.IRI(schema.ClassArticle), func(q quad.Quad) error {
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
