package graph

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/internal/fixture"
	"github.com/newsgraph/newsgraph/internal/storetest"
)

// damagedCopies writes a bolt store holding the fixture and returns it with damaged copies of
// it: empty, truncated to half and to a few pages, with the page of the root bucket overwritten,
// with both headers overwritten, and with every page after the headers overwritten.
func damagedCopies(t *testing.T) (good string, damaged map[string]string) {
	t.Helper()
	path := storetest.Location(t, "bolt")
	st := openAt(t, "bolt", path, false)
	fixture.Load(t, st, fixtureArticles()...)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	meta, err := readBoltMeta(f, 0)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	ps := int(meta.pageSize)
	fill := func(b []byte, c byte) {
		for i := range b {
			b[i] = c
		}
	}
	damaged = map[string]string{}
	dir := t.TempDir()
	for name, edit := range map[string]func([]byte) []byte{
		"empty":         func([]byte) []byte { return nil },
		"half":          func(b []byte) []byte { return b[:len(b)/2] },
		"three pages":   func(b []byte) []byte { return b[:3*ps] },
		"root page":     func(b []byte) []byte { fill(b[int(meta.root)*ps:int(meta.root+1)*ps], 0xff); return b },
		"headers":       func(b []byte) []byte { fill(b[:2*ps], 0x5a); return b },
		"every page":    func(b []byte) []byte { fill(b[2*ps:], 0xa5); return b },
		"a middle page": func(b []byte) []byte { fill(b[len(b)/ps/2*ps:][:ps], 0xff); return b },
	} {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".db")
		if err := os.WriteFile(p, edit(append([]byte(nil), data...)), 0o644); err != nil {
			t.Fatal(err)
		}
		damaged[name] = p
	}
	return path, damaged
}

// TestDamagedBoltStore checks that a damaged bolt file gives an error naming it, wrapping
// ErrDamaged, at open or at the first read — no panic, no fault — and that Verify finds the
// damage, while it passes the store it was copied from.
func TestDamagedBoltStore(t *testing.T) {
	good, damaged := damagedCopies(t)
	ctx := context.Background()
	rep, err := Verify(ctx, Options{Backend: "bolt", Path: good})
	if err != nil || rep.Quads == 0 || rep.Pages == 0 {
		t.Fatalf("verify the whole store: %+v, %v", rep, err)
	}
	for name, path := range damaged {
		t.Run(name, func(t *testing.T) {
			err := readAll(ctx, path)
			if err == nil {
				// Damage that leaves every page well formed can pass (bolt has no
				// checksums); only the page that is overwritten in the middle may.
				if name != "a middle page" {
					t.Errorf("reading the store: no error")
				}
			} else if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), path) {
				t.Errorf("reading the store: %v; want ErrDamaged naming %s", err, path)
			}
			_, err = Verify(ctx, Options{Backend: "bolt", Path: path})
			if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), path) {
				t.Errorf("verify: %v; want ErrDamaged naming %s", err, path)
			}
		})
	}
}

// readAll opens the store read-only and reads it as the commands do.
func readAll(ctx context.Context, path string) error {
	st, err := Open(ctx, Options{Backend: "bolt", Path: path, ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.Stats(ctx); err != nil {
		return err
	}
	if _, err := st.EntityGraph(ctx, ""); err != nil {
		return err
	}
	if _, err := st.Statements(ctx); err != nil {
		return err
	}
	return st.EachQuad(ctx, "", func(quad.Quad) error { return nil })
}
