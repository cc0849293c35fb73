package graph

import (
	"context"
	"fmt"
	"strings"
)

// FindEntity returns the id of the entity that arg names: an id of the store
// ("person/ana-ruiz"), else the search hit whose name is arg (ignoring case and accents), else
// the best search hit. When nothing matches, the error satisfies errors.Is(err, ErrNotFound).
func (s *Store) FindEntity(ctx context.Context, arg string) (string, error) {
	if strings.Contains(arg, "/") {
		if n, err := s.Entity(ctx, arg); err == nil && n != nil {
			return arg, nil
		}
	}
	hits, err := s.Search(ctx, arg, 20)
	if err != nil {
		return "", err
	}
	for _, h := range hits {
		if Fold(h.Name) == Fold(arg) {
			return h.ID, nil
		}
	}
	if len(hits) == 0 {
		return "", fmt.Errorf("no entity named %q: %w", arg, ErrNotFound)
	}
	return hits[0].ID, nil
}
