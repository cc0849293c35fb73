package graph

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
)

// QueryLimits bound one Gizmo query.
type QueryLimits struct {
	// Timeout stops a query that runs longer (0: no limit).
	Timeout time.Duration
	// MaxResults stops collecting after this many results (0: no limit).
	MaxResults int
}

// ErrQueryTimeout is returned when a Gizmo query runs past its time limit.
var ErrQueryTimeout = errors.New("query stopped at its time limit")

// Gizmo runs a Gizmo (JavaScript) query and returns its results as JSON-ready values, in the
// shape Cayley's HTTP API gives them. Every call uses a new Gizmo session: a session that was
// closed cannot run another query. The query is stopped when ctx ends or the time limit passes.
func (s *Store) Gizmo(ctx context.Context, q string, lim QueryLimits) ([]interface{}, error) {
	if lim.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.Timeout)
		defer cancel()
	}
	qs := s.qs
	if s.queryStores != nil {
		var err error
		if qs, err = s.queryStores.get(ctx); err != nil {
			return nil, fmt.Errorf("gizmo: %w", err)
		}
		defer s.queryStores.put(qs)
	}
	sess := gizmo.NewSession(qs)
	it, err := sess.Execute(ctx, q, query.Options{Collation: query.JSON, Limit: lim.MaxResults})
	if err != nil {
		return nil, fmt.Errorf("gizmo: %w", err)
	}
	defer it.Close()
	out := []interface{}{}
	for it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, r)
		}
		if lim.MaxResults > 0 && len(out) >= lim.MaxResults {
			break
		}
	}
	if err := it.Err(); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return out, ErrQueryTimeout
		}
		return out, fmt.Errorf("gizmo: %w", err)
	}
	return out, nil
}
