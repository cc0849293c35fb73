package graph

import (
	"context"
	"fmt"
	"runtime/debug"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// EachQuad calls fn for every stored quad, or with doc set, for every quad labelled with that
// article. Order is the store's own; callers that print sort what they collect.
func (s *Store) EachQuad(ctx context.Context, doc string, fn func(quad.Quad) error) (err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
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

// mentions counts the mentioned_in quads of every node, by its IRI. On Cayley's stores they are
// counted by node reference, and only the distinct nodes are resolved to IRIs: resolving every
// quad would read its four values.
func (s *Store) mentions(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	if s.pg != nil {
		err := s.pg.eachQuad(ctx, quad.Predicate, quad.IRI(schema.PropMentionedIn), func(q quad.Quad) error {
			out[iriOf(q.Subject)]++
			return nil
		})
		return out, err
	}
	type node struct {
		ref cgraph.Ref
		n   int
	}
	byRef := map[any]*node{}
	err := s.eachRef(ctx, quad.Predicate, quad.IRI(schema.PropMentionedIn), func(ref cgraph.Ref) error {
		subj := s.qs.QuadDirection(ref, quad.Subject)
		k := cgraph.ToKey(subj)
		if byRef[k] == nil {
			byRef[k] = &node{ref: subj}
		}
		byRef[k].n++
		return nil
	})
	for _, nd := range byRef {
		out[iriOf(s.qs.NameOf(nd.ref))] += nd.n
	}
	return out, err
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
