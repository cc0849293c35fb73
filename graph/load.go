package graph

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"

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
func (s *Store) Presence(ctx context.Context, id, hash string) (_ Presence, _ string, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	stored, err := s.firstOut(ctx, quad.IRI(schema.ArticleIRI(id)), schema.PropHash)
	if err != nil {
		return Absent, "", fmt.Errorf("look up article %s: %w", id, err)
	}
	if stored != nil {
		if quad.ToString(stored) == hash {
			return Present, id, nil
		}
		return IDConflict, id, nil
	}
	var other quad.Value
	err = s.eachQuadWith(ctx, quad.Object, quad.String(hash), func(q quad.Quad) error {
		if iriOf(q.Predicate) != schema.PropHash {
			return nil
		}
		v, err := s.firstOut(ctx, q.Subject, schema.PropID)
		if err != nil || v == nil {
			return err
		}
		other = v
		return errStop
	})
	if err != nil && !errors.Is(err, errStop) {
		return Absent, "", fmt.Errorf("look up article text %s: %w", hash, err)
	}
	if other != nil {
		return SameText, quad.ToString(other), nil
	}
	return Absent, "", nil
}

// firstOut returns the object of the first quad of node with the property prop, or nil.
func (s *Store) firstOut(ctx context.Context, node quad.Value, prop string) (quad.Value, error) {
	var v quad.Value
	err := s.eachQuadWith(ctx, quad.Subject, node, func(q quad.Quad) error {
		if iriOf(q.Predicate) != prop {
			return nil
		}
		v = q.Object
		return errStop
	})
	if err != nil && !errors.Is(err, errStop) {
		return nil, err
	}
	return v, nil
}

// errStop ends a walk over quads early.
var errStop = errors.New("stop")

// Write adds one article's quads to the store in one transaction: all of them are stored, or
// none. Quads already present are skipped, so writing the same article twice changes nothing.
// It is WriteArticles with one article.
func (s *Store) Write(ctx context.Context, quads []quad.Quad) (err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	return s.WriteArticles(ctx, quads)
}

// WriteArticles adds the quads of several articles (one slice each, as
// schema.ArticleQuadsAll returns them) to the store in one transaction: every article is stored
// whole, or, when it fails, none of them is. Quads already present, or given twice, are stored
// once, so writing an article again changes nothing. The quads pass through the store's
// corrections first (see Correct): a rejected fact stays out, a merged entity is written as the
// one it was merged into.
//
// One transaction costs a commit (an fsync on bolt and PostgreSQL) and, on PostgreSQL, a few
// round trips to the server whatever its size: a builder that collects articles and writes
// them together, about BatchQuads quads at a time, loads several times faster than one
// transaction per article (BenchmarkLoad). A failed batch can be retried article by article to
// find the one at fault.
func (s *Store) WriteArticles(ctx context.Context, articles ...[]quad.Quad) (err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.readOnly {
		return ErrReadOnly
	}
	if articles, err = s.correctArticles(ctx, articles); err != nil {
		return err
	}
	quads, shared, err := s.collectQuads(articles)
	if err != nil {
		return err
	}
	if len(quads) == 0 {
		return nil
	}
	if err := s.b.write(ctx, quads); err != nil {
		return fmt.Errorf("write %d quads of %d article(s): %w", len(quads), len(articles), err)
	}
	s.written.add(shared)
	return nil
}

// collectQuads checks the quads of articles and returns them in one slice, and separately the
// unlabelled ones. Unlabelled quads (an entity's name and type, a predicate's class: every
// article that mentions them repeats them) come once, and not at all when this store wrote them
// before. Other repeated quads are left to the backend's write.
func (s *Store) collectQuads(articles [][]quad.Quad) (quads, shared []quad.Quad, err error) {
	n := 0
	for _, a := range articles {
		n += len(a)
	}
	sharedSeen := map[quad.Quad]struct{}{}
	quads = make([]quad.Quad, 0, n)
	for i, a := range articles {
		for _, q := range a {
			if !q.IsValid() {
				return nil, nil, fmt.Errorf("article %d of %d: incomplete quad %v (subject, predicate and object are required)", i+1, len(articles), q)
			}
			if q.Label == nil {
				if _, dup := sharedSeen[q]; dup || s.written.has(q) {
					continue
				}
				sharedSeen[q] = struct{}{}
				shared = append(shared, q)
			}
			quads = append(quads, q)
		}
	}
	return quads, shared, nil
}

// quadMemo remembers unlabelled quads a store holds, up to quadMemoMax of them (then it starts
// again): the quads of the entities and predicates articles mention most are sent once. The
// store's Remove forgets them all, since it deletes unlabelled quads.
type quadMemo struct {
	mu sync.Mutex
	m  map[quad.Quad]struct{}
}

// quadMemoMax bounds a quadMemo: about 40 MB.
const quadMemoMax = 1 << 18

func (m *quadMemo) has(q quad.Quad) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.m[q]
	return ok
}

func (m *quadMemo) add(qs []quad.Quad) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil || len(m.m)+len(qs) > quadMemoMax {
		m.m = make(map[quad.Quad]struct{}, len(qs))
	}
	for _, q := range qs {
		m.m[q] = struct{}{}
	}
}

func (m *quadMemo) forget() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m = nil
}

// BatchQuads is the size of batch a builder should give WriteArticles, in quads (about 50
// articles of news; BenchmarkLoad's write-batch): a commit, and on PostgreSQL a handful of
// round trips, per BatchQuads quads is a small part of the cost of writing them, and the batch
// a builder holds in memory stays small.
const BatchQuads = 20000
