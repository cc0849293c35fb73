package graph

import (
	"context"
	"runtime"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/internal/storetest"
)

// BenchmarkLoad compares ways of loading the same articles into an empty store of each
// backend. Every iteration loads them once with each method, in turns (the order rotates), so
// that a busy machine slows all methods alike; it reports quads/s per method (distinct quads
// stored per second, of the fastest of its b.N loads: the one a busy machine disturbed least),
// the same per second of this process's processor time (cpu-quads/s: what a busy machine
// hardly changes, and on memory the whole cost; it leaves out a PostgreSQL server's work), and
// the ratios of write-batch to cayley-load:
//
//   - cayley-load: Cayley's own loader, as `cayley load` runs it: the store's NewQuadWriter fed
//     by quad.CopyBatch in batches of quad.DefaultBatch (10,000) quads, each its own transaction;
//     articles are not kept whole, and it gets each quad once.
//   - cayley-article: Cayley's ApplyDeltas, one transaction an article (what Store.Write did
//     before newsgraph's PostgreSQL write path).
//   - write-article: Store.Write, one transaction an article.
//   - write-batch: Store.WriteArticles with as many whole articles as fit in BatchQuads.
//
// Run it with a server for the postgres case (storetest.PostgresEnv):
//
//	go test ./graph -run '^$' -bench Load -benchtime 3x -timeout 30m
func BenchmarkLoad(b *testing.B) {
	arts := storetest.Synthetic(200)
	var all []quad.Quad
	seen := map[quad.Quad]bool{}
	for _, a := range arts {
		for _, q := range a.Quads {
			if !seen[q] {
				seen[q] = true
				all = append(all, q)
			}
		}
	}
	ctx := context.Background()
	methods := []struct {
		name string
		load func(b *testing.B, st *Store)
	}{
		{"cayley-load", func(b *testing.B, st *Store) {
			w, err := st.qs.NewQuadWriter()
			if err != nil {
				b.Fatal(err)
			}
			if _, err := quad.CopyBatch(w, quad.NewReader(all), quad.DefaultBatch); err != nil {
				b.Fatal(err)
			}
			if err := w.Close(); err != nil {
				b.Fatal(err)
			}
		}},
		{"cayley-article", func(b *testing.B, st *Store) {
			for _, a := range arts {
				deltas := make([]cgraph.Delta, len(a.Quads))
				for i, q := range a.Quads {
					deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
				}
				if err := st.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
					b.Fatal(err)
				}
			}
		}},
		{"write-article", func(b *testing.B, st *Store) {
			for _, a := range arts {
				if err := st.Write(ctx, a.Quads); err != nil {
					b.Fatal(err)
				}
			}
		}},
		{"write-batch", func(b *testing.B, st *Store) {
			var batch [][]quad.Quad
			n := 0
			for i, a := range arts {
				batch = append(batch, a.Quads)
				n += len(a.Quads)
				if n >= BatchQuads || i == len(arts)-1 {
					if err := st.WriteArticles(ctx, batch...); err != nil {
						b.Fatal(err)
					}
					batch, n = batch[:0], 0
				}
			}
		}},
	}
	for _, backend := range Backends {
		b.Run(backend, func(b *testing.B) {
			best := make([]time.Duration, len(methods))
			cpu := make([]time.Duration, len(methods))
			for i := 0; i < b.N; i++ {
				for k := range methods {
					k = (k + i) % len(methods)
					b.StopTimer()
					// Each store is closed and dropped before the next, and the garbage
					// collector starts every load from the same heap.
					st, err := Open(ctx, Options{Backend: backend, Path: storetest.Location(b, backend)})
					if err != nil {
						b.Fatal(err)
					}
					runtime.GC()
					b.StartTimer()
					start, cpu0 := time.Now(), cputime.Used()
					methods[k].load(b, st)
					cpu[k] += cputime.Used() - cpu0
					if d := time.Since(start); best[k] == 0 || d < best[k] {
						best[k] = d
					}
					b.StopTimer()
					if s, err := st.qs.Stats(ctx, true); err != nil || s.Quads.Size != int64(len(all)) {
						b.Fatalf("%s stored %d quads (%v), want %d", methods[k].name, s.Quads.Size, err, len(all))
					}
					if err := st.Close(); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
				}
			}
			last := len(methods) - 1
			for k, m := range methods {
				b.ReportMetric(float64(len(all))/best[k].Seconds(), m.name+"-quads/s")
				if cpu[k] > 0 {
					b.ReportMetric(float64(len(all)*b.N)/cpu[k].Seconds(), m.name+"-cpu-quads/s")
				}
			}
			b.ReportMetric(best[0].Seconds()/best[last].Seconds(), "batch/cayley")
			if cpu[last] > 0 {
				b.ReportMetric(cpu[0].Seconds()/cpu[last].Seconds(), "batch/cayley-cpu")
			}
		})
	}
}

// BenchmarkStats reads every quad of a store of 200 synthetic articles (Stats: one pass of
// EachQuad) on each backend, reporting quads/s. On PostgreSQL EachQuad reads values in the same
// query as the quads (pgConn.eachQuad) instead of Cayley's one query per value.
func BenchmarkStats(b *testing.B) {
	ctx := context.Background()
	var arts [][]quad.Quad
	for _, a := range storetest.Synthetic(200) {
		arts = append(arts, a.Quads)
	}
	for _, backend := range Backends {
		b.Run(backend, func(b *testing.B) {
			st, _ := fresh(b, backend)
			if err := st.WriteArticles(ctx, arts...); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			var n int64
			for i := 0; i < b.N; i++ {
				s, err := st.Stats(ctx)
				if err != nil {
					b.Fatal(err)
				}
				n += s.Quads
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}
