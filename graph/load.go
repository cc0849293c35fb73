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

// Write adds one article's quads to the store in one transaction: all of them are stored, or
// none. Quads already present are skipped, so writing the same article twice changes nothing.
// It is WriteArticles with one article.
func (s *Store) Write(ctx context.Context, quads []quad.Quad) error {
	return s.WriteArticles(ctx, quads)
}

// WriteArticles adds the quads of several articles (one slice each, as
// schema.ArticleQuadsAll returns them) to the store in one transaction: every article is stored
// whole, or, when it fails, none of them is. Quads already present, or given twice, are stored
// once, so writing an article again changes nothing.
//
// One transaction costs a commit (an fsync on bolt and PostgreSQL) and, on PostgreSQL, a few
// round trips to the server whatever its size: a builder that collects articles and writes
// them together, about BatchQuads quads at a time, loads several times faster than one
// transaction per article (BenchmarkLoad). A failed batch can be retried article by article to
// find the one at fault.
func (s *Store) WriteArticles(ctx context.Context, articles ...[]quad.Quad) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.readOnly {
		return ErrReadOnly
	}
	n := 0
	for _, a := range articles {
		n += len(a)
	}
	seen := make(map[quad.Quad]struct{}, n)
	quads := make([]quad.Quad, 0, n)
	for i, a := range articles {
		for _, q := range a {
			if !q.IsValid() {
				return fmt.Errorf("article %d of %d: incomplete quad %v (subject, predicate and object are required)", i+1, len(articles), q)
			}
			if _, dup := seen[q]; !dup {
				seen[q] = struct{}{}
				quads = append(quads, q)
			}
		}
	}
	if len(quads) == 0 {
		return nil
	}
	var err error
	if s.pg != nil {
		err = s.pg.write(ctx, quads)
	} else {
		deltas := make([]cgraph.Delta, len(quads))
		for i, q := range quads {
			deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
		}
		err = s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true})
	}
	if err != nil {
		return fmt.Errorf("write %d quads of %d article(s): %w", len(quads), len(articles), err)
	}
	return nil
}

// BatchQuads is the size of the transactions WriteArticles is fastest with, in quads: about 50
// articles of news. Larger batches gain little and hold more in memory.
const BatchQuads = 20000
