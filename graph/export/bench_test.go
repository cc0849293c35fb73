package export

import (
	"context"
	"io"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/storetest"
)

// syntheticStore returns a memory store of about 50,000 quads: 200 articles of 18 facts each
// over a pool of 300 invented entities (storetest.Synthetic).
func syntheticStore(b *testing.B) (*graph.Store, int) {
	b.Helper()
	ctx := context.Background()
	s := openStore(b, "memory")
	for _, a := range storetest.Synthetic(200) {
		if err := s.Write(ctx, a.Quads); err != nil {
			b.Fatal(err)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	return s, int(st.Quads)
}

func BenchmarkExportNQuads(b *testing.B) {
	s, n := syntheticStore(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Write(ctx, s, io.Discard, Options{Format: NQuads}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "quads")
}
