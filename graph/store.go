// Package graph stores newsgraph's quads in Cayley and reads them back: opening a store, loading
// one article's quads in one transaction, Gizmo queries, statistics, and the entity graph that
// exports and the web view draw. It knows the graph model through package schema and never
// extracts anything from text (it must not import package extract).
package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"time"

	bbolt "github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// Backends lists the stores newsgraph can open, in the order the help text shows them. Each is
// constructed explicitly in Open (no registration by init side effects) and is covered by the
// store contract tests.
var Backends = []string{"bolt", "memory"}

// Options says which store to open.
type Options struct {
	// Backend is one of Backends.
	Backend string
	// Path is the bolt file (created when missing); unused for memory.
	Path string
	// ReadOnly opens an existing store for reading only: a missing store is an error.
	ReadOnly bool
}

// Store is an open quad store holding a newsgraph graph.
type Store struct {
	qs      cgraph.QuadStore
	backend string
	path    string
}

// ErrNoStore is returned by Open when a read-only store does not exist.
var ErrNoStore = errors.New("no graph store (run `newsgraph build` first)")

// Open opens (and for writing, creates when missing) the store described by opt.
func Open(ctx context.Context, opt Options) (*Store, error) {
	switch opt.Backend {
	case "memory":
		return &Store{qs: memstore.New(), backend: opt.Backend}, nil
	case "bolt", "":
		qs, err := openBolt(ctx, opt)
		if err != nil {
			return nil, fmt.Errorf("open bolt store %s: %w", opt.Path, err)
		}
		return &Store{qs: qs, backend: "bolt", path: opt.Path}, nil
	default:
		return nil, fmt.Errorf("unknown backend %q (choose one of %v)", opt.Backend, Backends)
	}
}

func openBolt(_ context.Context, opt Options) (cgraph.QuadStore, error) {
	if opt.Path == "" {
		return nil, errors.New("no path given")
	}
	st, err := os.Stat(opt.Path)
	switch {
	case err == nil && st.IsDir():
		return nil, errors.New("is a folder, not a bolt file")
	case errors.Is(err, os.ErrNotExist) && opt.ReadOnly:
		return nil, ErrNoStore
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return nil, err
	}
	db, err := hbolt.Open(opt.Path, &bbolt.Options{Timeout: 2 * time.Second, ReadOnly: opt.ReadOnly && err == nil})
	if err != nil {
		if errors.Is(err, bbolt.ErrTimeout) {
			return nil, errors.New("the store is in use by another newsgraph process")
		}
		return nil, err
	}
	if !opt.ReadOnly {
		if err := kv.Init(db, nil); err != nil && err != cgraph.ErrDatabaseExists {
			db.Close()
			return nil, fmt.Errorf("initialise: %w", err)
		}
	}
	qs, err := kv.New(db, nil)
	if err != nil {
		db.Close()
		if err == cgraph.ErrNotInitialized {
			return nil, errors.New("not a newsgraph store (no Cayley metadata)")
		}
		return nil, err
	}
	return qs, nil
}

// QuadStore returns the underlying Cayley quad store, for Gizmo and other Cayley tools.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// Backend returns the name of the store's backend.
func (s *Store) Backend() string { return s.backend }

// Close flushes and closes the store.
func (s *Store) Close() error { return s.qs.Close() }

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
