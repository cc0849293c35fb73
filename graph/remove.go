package graph

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// ErrNoArticle is returned when an article id is not in the store.
var ErrNoArticle = errors.New("no such article in the store")

// Removed says what Remove took out of the store.
type Removed struct {
	// Quads is the number of quads deleted.
	Quads int
	// Statements counts the article's fact occurrences (statement nodes) deleted.
	Statements int
	// Entities are the ids of the entities no other article mentions any more, deleted with
	// their names, types and aliases; sorted.
	Entities []string
}

// Remove deletes one article from the store in one transaction: every quad labelled with it
// (the article node, its direct fact edges, its statements and their provenance, its mentions
// of entities), and the unlabelled quads (name, type, aliases) of every entity and predicate
// that no other article's quad uses any more. What other articles say stays as it was: the same
// fact stated by another article is another quad, with that article's label. The result is the
// graph the other articles alone give (tested), with two exceptions: an entity that other
// articles mention keeps the aliases the removed article gave it (aliases belong to the entity,
// see schema.EntityQuads), and where an entity's id came from cross-article resolution with the
// removed article (a bare surname linked to the full name it gave), those ids stay as they were
// built. No other process may write to the
// store meanwhile: a writer that has seen an entity's name and type does not send them again
// (Store.WriteArticles).
func (s *Store) Remove(ctx context.Context, doc string) (_ *Removed, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	if s.readOnly {
		return nil, ErrReadOnly
	}
	del := map[quad.Quad]bool{}
	var order []quad.Quad
	nodes := map[quad.IRI]bool{} // nodes the article's quads touch
	res := &Removed{}
	err = s.eachQuadWith(ctx, quad.Label, schema.Label(doc), func(q quad.Quad) error {
		if del[q] {
			return nil
		}
		del[q] = true
		order = append(order, q)
		for _, v := range [...]quad.Value{q.Subject, q.Object} {
			if iri, ok := v.(quad.IRI); ok {
				nodes[iri] = true
			}
		}
		if iriOf(q.Predicate) == schema.PropType && iriOf(q.Object) == schema.ClassStatement {
			res.Statements++
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read article %q: %w", doc, err)
	}
	if len(order) == 0 {
		return nil, fmt.Errorf("%w: %q", ErrNoArticle, doc)
	}
	// A node no other article uses loses its unlabelled quads too: an entity's name, type and
	// aliases, a predicate's <type> <Predicate>.
	ids := make([]string, 0, len(nodes))
	for n := range nodes {
		ids = append(ids, string(n))
	}
	sort.Strings(ids)
	for _, id := range ids {
		used, err := s.usedElsewhere(ctx, quad.IRI(id), del)
		if err != nil {
			return nil, err
		}
		if used {
			continue
		}
		entity := false
		if err := s.eachQuadWith(ctx, quad.Subject, quad.IRI(id), func(q quad.Quad) error {
			if q.Label == nil && !del[q] {
				del[q] = true
				order = append(order, q)
				if _, ok := schema.TypeOfClass(iriOf(q.Object)); ok && iriOf(q.Predicate) == schema.PropType {
					entity = true
				}
			}
			return nil
		}); err != nil {
			return nil, fmt.Errorf("read quads of %s: %w", id, err)
		}
		if entity {
			res.Entities = append(res.Entities, id)
		}
	}
	deltas := make([]cgraph.Delta, len(order))
	for i, q := range order {
		deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Delete}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.written.forget()
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
		return nil, fmt.Errorf("remove article %q (%d quads): %w", doc, len(deltas), err)
	}
	res.Quads = len(deltas)
	return res, nil
}

// usedElsewhere reports whether a labelled quad that is not in del uses node in any direction.
func (s *Store) usedElsewhere(ctx context.Context, node quad.IRI, del map[quad.Quad]bool) (bool, error) {
	for _, d := range [...]quad.Direction{quad.Subject, quad.Object, quad.Predicate} {
		err := s.eachQuadWith(ctx, d, node, func(q quad.Quad) error {
			if q.Label != nil && !del[q] {
				return errStop
			}
			return nil
		})
		if errors.Is(err, errStop) {
			return true, nil
		}
		if err != nil {
			return false, fmt.Errorf("read quads of %s: %w", node, err)
		}
	}
	return false, nil
}
