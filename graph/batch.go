package graph

import (
	"context"

	"github.com/cayleygraph/quad"
)

// WriteArticles writes the quads of several articles in one transaction: every article of the
// batch is stored whole, or none is. A quad that several articles share (an entity's name) is
// written once.
func (s *Store) WriteArticles(ctx context.Context, articles [][]quad.Quad) error {
	n := 0
	for _, qs := range articles {
		n += len(qs)
	}
	all := make([]quad.Quad, 0, n)
	seen := make(map[quad.Quad]struct{}, n)
	for _, qs := range articles {
		for _, q := range qs {
			if _, dup := seen[q]; !dup {
				seen[q] = struct{}{}
				all = append(all, q)
			}
		}
	}
	return s.Write(ctx, all)
}
