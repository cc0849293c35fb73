package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"runtime/metrics"
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
	// MaxHeap stops the query when the live heap of the whole process passes this many bytes
	// (0: no limit). Gizmo is JavaScript: a script can allocate without bound (deep recursion
	// takes hundreds of MB a second), which a time limit alone does not stop soon enough.
	MaxHeap uint64
	// MaxBytes stops the query with ErrQueryTooLarge once its results, written as JSON, take
	// more than this many bytes (0: no limit). Each result is measured as it arrives, so an
	// answer too large to send is never held whole.
	MaxBytes int
}

// ErrQueryTimeout is returned when a Gizmo query runs past its time limit.
var ErrQueryTimeout = errors.New("query stopped at its time limit")

// ErrQueryMemory is returned when a Gizmo query is stopped because memory passed QueryLimits.MaxHeap.
var ErrQueryMemory = errors.New("query stopped: it took too much memory")

// ErrQueryTooLarge is returned when a Gizmo query's results take more than QueryLimits.MaxBytes.
var ErrQueryTooLarge = errors.New("the results are too large")

// heapMetric is the runtime metric of live and not yet swept heap objects: cheap to read, without
// stopping the world.
const heapMetric = "/memory/classes/heap/objects:bytes"

// watchHeap cancels the query with ErrQueryMemory once the heap passes max, checking every 10 ms
// until done is closed. Over max, it first collects garbage (at most every 100 ms): what earlier
// queries left behind is no reason to stop this one; only what is still live after a collection
// is.
func watchHeap(done <-chan struct{}, max uint64, cancel context.CancelCauseFunc) {
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	var collected time.Time
	for {
		select {
		case <-done:
			return
		case <-tick.C:
			if HeapInUse() <= max || time.Since(collected) < 100*time.Millisecond {
				continue
			}
			runtime.GC()
			collected = time.Now()
			if HeapInUse() > max {
				cancel(ErrQueryMemory)
				return
			}
		}
	}
}

// HeapInUse returns the bytes of heap objects in use (live, or garbage not yet swept), the measure
// QueryLimits.MaxHeap is compared with.
func HeapInUse() uint64 {
	sample := []metrics.Sample{{Name: heapMetric}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}

// Gizmo runs a Gizmo (JavaScript) query and returns its results as JSON-ready values, in the
// shape Cayley's HTTP API gives them. Every call uses a new Gizmo session: a session that was
// closed cannot run another query. The query is stopped when ctx ends or the time limit passes.
//
// The script runs in this process: a script that recurses inside a JavaScript built-in
// (`var a=[]; a[0]=a; a.join()`) overflows the Go stack and ends the process, and one stuck in a
// built-in (a runaway regular expression) keeps running after the limits stop waiting for it.
// Run untrusted queries through QueryWorker, which runs them in a process of their own.
func (s *Store) Gizmo(ctx context.Context, q string, lim QueryLimits) ([]interface{}, error) {
	out := []interface{}{}
	size := 0
	err := s.gizmoEach(ctx, q, lim, func(r interface{}) error {
		if lim.MaxBytes > 0 {
			b, err := marshalResult(r)
			if err != nil {
				return err
			}
			if size += len(b) + 1; size > lim.MaxBytes {
				return ErrQueryTooLarge
			}
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

// GizmoJSON is Gizmo with each result written as JSON (HTML characters not escaped), as a query
// worker sends them.
func (s *Store) GizmoJSON(ctx context.Context, q string, lim QueryLimits) ([]json.RawMessage, error) {
	out := []json.RawMessage{}
	size := 0
	err := s.gizmoEach(ctx, q, lim, func(r interface{}) error {
		b, err := marshalResult(r)
		if err != nil {
			return err
		}
		if size += len(b) + 1; lim.MaxBytes > 0 && size > lim.MaxBytes {
			return ErrQueryTooLarge
		}
		out = append(out, b)
		return nil
	})
	return out, err
}

// marshalResult writes one result as compact JSON without escaping HTML characters.
func marshalResult(r interface{}) (json.RawMessage, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, fmt.Errorf("gizmo: a result cannot be written as JSON: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// gizmoEach runs q and calls fn with each result until the results, the limits or fn (by
// returning an error, which gizmoEach returns) end it.
func (s *Store) gizmoEach(ctx context.Context, q string, lim QueryLimits, fn func(interface{}) error) error {
	if lim.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.Timeout)
		defer cancel()
	}
	if lim.MaxHeap > 0 {
		var cancel context.CancelCauseFunc
		ctx, cancel = context.WithCancelCause(ctx)
		defer cancel(nil)
		done := make(chan struct{})
		defer close(done)
		go watchHeap(done, lim.MaxHeap, cancel)
	}
	qs, release, err := s.b.queryStore(ctx)
	if err != nil {
		return fmt.Errorf("gizmo: %w", err)
	}
	defer release()
	sess := gizmo.NewSession(qs)
	it, err := sess.Execute(ctx, q, query.Options{Collation: query.JSON, Limit: lim.MaxResults})
	if err != nil {
		return fmt.Errorf("gizmo: %w", err)
	}
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		if r := it.Result(); r != nil {
			if err := fn(r); err != nil {
				return err
			}
			n++
		}
		if lim.MaxResults > 0 && n >= lim.MaxResults {
			break
		}
	}
	if err := it.Err(); err != nil {
		if errors.Is(context.Cause(ctx), ErrQueryMemory) {
			return ErrQueryMemory
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return ErrQueryTimeout
		}
		return fmt.Errorf("gizmo: %w", err)
	}
	return nil
}
