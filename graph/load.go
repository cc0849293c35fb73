package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Presence says whether an article is already in the store.
type Presence int

// The answers of (*Store).Presence.
const (
	// Absent: neither the id nor the text is in the store.
	Absent Presence = iota
	// Present: the article is stored with this id and this text.
	Present
	// SameText: the text is stored under another id.
	SameText
	// IDConflict: the id is stored with a different text.
	IDConflict
)

// Presence tells whether the article with the given id and text hash is already stored. When the
// text is stored under another id, that id is returned too.
func (s *Store) Presence(ctx context.Context, id, hash string) (Presence, string, error) {
	node := quad.IRI(schema.ArticleIRI(id))
	stored, err := s.firstValue(ctx, path.StartPath(s.qs, node).Out(quad.IRI(schema.PropHash)))
	if err != nil {
		return Absent, "", fmt.Errorf("look up article %s: %w", id, err)
	}
	if stored != nil {
		if quad.ToString(stored) == hash {
			return Present, id, nil
		}
		return IDConflict, id, nil
	}
	other, err := s.firstValue(ctx, path.StartPath(s.qs, quad.String(hash)).In(quad.IRI(schema.PropHash)).Out(quad.IRI(schema.PropID)))
	if err != nil {
		return Absent, "", fmt.Errorf("look up article text %s: %w", hash, err)
	}
	if other != nil {
		return SameText, quad.ToString(other), nil
	}
	return Absent, "", nil
}

// firstValue returns the first value p reaches, or nil.
func (s *Store) firstValue(ctx context.Context, p *path.Path) (quad.Value, error) {
	v, err := p.Iterate(ctx).FirstValue(s.qs)
	if err != nil {
		return nil, err
	}
	return v, nil
}

// Write adds quads to the store in one transaction: all of them are stored, or none. Quads
// already present are skipped, so writing the same article twice changes nothing.
func (s *Store) Write(ctx context.Context, quads []quad.Quad) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	deltas := make([]cgraph.Delta, len(quads))
	for i, q := range quads {
		deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
	}
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
		return fmt.Errorf("write %d quads: %w", len(quads), err)
	}
	return nil
}
