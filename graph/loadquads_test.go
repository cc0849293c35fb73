package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/internal/storetest"
)

// failingReader gives quads, then fails with err.
type failingReader struct {
	quads []quad.Quad
	err   error
}

func (r *failingReader) ReadQuad() (quad.Quad, error) {
	if len(r.quads) == 0 {
		return quad.Quad{}, r.err
	}
	q := r.quads[0]
	r.quads = r.quads[1:]
	return q, nil
}

func (r *failingReader) Close() error { return nil }

// LoadQuads writes what it reads in batches that end before an article node: input that fails
// midway leaves whole articles only, and the count says how many quads were written.
func TestLoadQuads(t *testing.T) {
	arts := storetest.Synthetic(4)
	var all []quad.Quad
	ends := []int{}           // where each article's quads end in all
	per := len(arts[0].Quads) // the fewest quads of an article
	for _, a := range arts {
		all = append(all, a.Quads...)
		ends = append(ends, len(all))
		per = min(per, len(a.Quads))
	}
	errBroken := errors.New("broken input")
	for _, tc := range []struct {
		batch, read int // batch size; quads read before the input fails (all: no failure)
		whole       int // articles stored whole
	}{
		{batch: 1, read: len(all), whole: 4},
		{batch: 10000, read: len(all), whole: 4},
		{batch: per / 2, read: ends[0] + per/2, whole: 1},
		{batch: per, read: ends[2] + 5, whole: 3},
		{batch: 2 * per, read: ends[2] + 5, whole: 2},
	} {
		t.Run(fmt.Sprint(tc.batch, "-", tc.read), func(t *testing.T) {
			st := openAt(t, "bolt", storetest.Location(t, "bolt"), false)
			r := &failingReader{quads: all[:tc.read], err: errBroken}
			if tc.read == len(all) {
				r.err = io.EOF
			}
			n, err := st.LoadQuads(context.Background(), r, tc.batch)
			if failed := tc.read < len(all); failed != errors.Is(err, errBroken) {
				t.Errorf("error %v, want %v", err, failed)
			}
			if want := ends[tc.whole-1]; n != want {
				t.Errorf("%d quads written, want %d", n, want)
			}
			for i, a := range arts {
				if i < tc.whole {
					own := 0 // the quads labelled with the article
					for _, q := range a.Quads {
						if q.Label != nil {
							own++
						}
					}
					if got := quadLines(t, st, a.ID); len(got) != own {
						t.Errorf("article %d: %d of its %d quads stored", i, len(got), own)
					}
				} else if p, _, err := st.Presence(context.Background(), a.ID, ""); err != nil || p != Absent {
					t.Errorf("article %d, cut short in the input, is in the store (%v, %v)", i, p, err)
				}
			}
		})
	}
}
