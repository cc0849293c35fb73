package graph

import (
	"context"
	"errors"
	"io"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// LoadQuads writes the quads r reads (N-Quads, JSON-LD, ... as `newsgraph extract` or export
// wrote them) in transactions of about batch quads, each ending before an article node, so that
// the quads of an article, which extract writes together, land in one transaction (but never
// more than 4×batch quads, for input in another order). r is read on a goroutine of its own
// while the store writes the batch before: on two cores reading and writing overlap. It returns
// the number of quads written, also when it fails (a read error, the store's, or ctx's); quads
// already stored are stored once, so loading the same input again adds what is missing.
func (s *Store) LoadQuads(ctx context.Context, r quad.Reader, batch int) (int, error) {
	if batch < 1 {
		batch = BatchQuads
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []quad.Quad, 1)
	var readErr error // set before batches is closed
	go func() {
		defer close(batches)
		send := func(b []quad.Quad) bool {
			select {
			case batches <- b:
				return true
			case <-ctx.Done():
				return false
			}
		}
		pending := make([]quad.Quad, 0, batch)
		for {
			q, err := r.ReadQuad()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				readErr = err
				return
			}
			if len(pending) >= batch && isArticleNode(q) || len(pending) >= 4*batch {
				if !send(pending) {
					return
				}
				pending = make([]quad.Quad, 0, batch)
			}
			pending = append(pending, q)
		}
		send(pending)
	}()
	n := 0
	for b := range batches {
		if err := s.WriteArticles(ctx, b); err != nil {
			cancel()
			for range batches { // let the reader end
			}
			return n, err
		}
		n += len(b)
	}
	if readErr == nil {
		readErr = ctx.Err()
	}
	return n, readErr
}

// isArticleNode reports whether q says that something is an article: the first quad of an
// article in extract's output.
func isArticleNode(q quad.Quad) bool {
	return q.Predicate == quad.IRI(schema.PropType) && q.Object == quad.IRI(schema.ClassArticle)
}
