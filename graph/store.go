// Package graph stores newsgraph's quads in Cayley and reads them back: opening a store (bolt,
// memory or PostgreSQL), loading articles' quads in transactions that hold whole articles,
// removing an article, an analyst's corrections (reject, merge, retype, rename), Gizmo queries,
// statistics, and the entity graph that exports and the web view draw. It knows the graph model
// through package schema and never extracts anything from text (it must not import package
// extract).
package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"sort"
	"time"

	bbolt "github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// Backends lists the stores newsgraph can open, in the order the help text shows them. Each is
// constructed explicitly in Open (no registration by init side effects) and is covered by the
// store contract tests.
var Backends = []string{"bolt", "memory", "postgres"}

// Options says which store to open.
type Options struct {
	// Backend is one of Backends.
	Backend string
	// Path is the bolt file (created when missing), or for postgres the URL of the database
	// (postgres://user:password@host:port/dbname?sslmode=disable; the tables are created when
	// missing, in the first schema of search_path); unused for memory.
	Path string
	// ReadOnly opens an existing store for reading only: a missing store is an error, and
	// writes return ErrReadOnly (a read-only memory store is empty and stays so).
	ReadOnly bool
}

// Store is an open quad store holding a newsgraph graph. Readers may call its methods from
// several goroutines at once, on every backend; on the memory backend a write must not run
// alongside them (Cayley's memstore).
type Store struct {
	b        backend
	qs       cgraph.QuadStore // b.quadStore()
	path     string
	readOnly bool
	// written holds unlabelled quads the store is known to hold.
	written quadMemo
}

// newStore returns the Store of an open backend.
func newStore(b backend, opt Options) *Store {
	return &Store{b: b, qs: b.quadStore(), path: opt.Path, readOnly: opt.ReadOnly}
}

// ErrReadOnly is returned by the methods that change a store opened read-only.
var ErrReadOnly = errors.New("the store is open read-only")

// ErrNoStore is returned by Open when a read-only store does not exist.
var ErrNoStore = errors.New("no graph store (run `newsgraph build` first)")

// Open opens (and for writing, creates when missing) the store described by opt.
func Open(ctx context.Context, opt Options) (*Store, error) {
	switch opt.Backend {
	case "memory":
		return newStore(newMemoryBackend(), opt), nil
	case "bolt", "":
		if isPostgresURL(opt.Path) {
			return nil, fmt.Errorf("open bolt store %s: this is a PostgreSQL URL: use the postgres backend (--backend postgres)", redactURL(opt.Path))
		}
		qs, err := openBolt(ctx, opt)
		if err != nil {
			return nil, fmt.Errorf("open bolt store %s: %w", opt.Path, err)
		}
		return newStore(boltBackend{cayleyBackend{qs}}, opt), nil
	case "postgres":
		b, err := openPostgres(ctx, opt)
		if err != nil {
			return nil, fmt.Errorf("open postgres store %s: %w", redactURL(opt.Path), err)
		}
		return newStore(b, opt), nil
	default:
		return nil, fmt.Errorf("unknown backend %q (choose one of %v)", opt.Backend, Backends)
	}
}

// openTimeout is how long opening a bolt store waits for another process to let go of it.
const openTimeout = 2 * time.Second

// errInUse is the error of a bolt store that another process holds.
var errInUse = errors.New("the store is in use by another newsgraph process")

func openBolt(_ context.Context, opt Options) (_ cgraph.QuadStore, err error) {
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
	if err == nil {
		if err := checkBoltFile(opt.Path, opt.ReadOnly); err != nil {
			return nil, err
		}
	}
	// Opening reads the root pages and Cayley's metadata: a damaged page panics there.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v; run `newsgraph verify --db %s`", ErrDamaged, r, opt.Path)
		}
	}()
	db, err := hbolt.Open(opt.Path, &bbolt.Options{Timeout: openTimeout, ReadOnly: opt.ReadOnly && err == nil})
	if err != nil {
		if errors.Is(err, bbolt.ErrTimeout) {
			return nil, errInUse
		}
		if errors.Is(err, bbolt.ErrInvalid) || errors.Is(err, bbolt.ErrChecksum) || errors.Is(err, bbolt.ErrVersionMismatch) {
			return nil, fmt.Errorf("%w: %w", ErrDamaged, err)
		}
		return nil, err
	}
	if !opt.ReadOnly {
		if err := kv.Init(db, nil); err != nil && err != cgraph.ErrDatabaseExists {
			db.Close()
			return nil, fmt.Errorf("initialise: %w", err)
		}
	}
	// Without Bloom filters: Cayley's key-value store otherwise allocates filters sized for 100
	// million quads (about 600 MB on a new store) and reads the whole quad log into one at every
	// open. They only spare the index read that tells whether a quad being added is new;
	// without them the BBC corpus builds with 383 MB instead of 978 MB peak RSS, its store phase
	// is faster (2.8 s against 3.5 s: no filter to fill), and the graph is the same.
	qs, err := kv.New(db, cgraph.Options{kv.OptNoBloom: true})
	if err != nil {
		db.Close()
		if err == cgraph.ErrNotInitialized {
			// A damaged root page reads as a store without Cayley's metadata.
			if verr := verifyBoltPages(opt.Path, &VerifyReport{}); errors.Is(verr, ErrDamaged) {
				return nil, verr
			}
			return nil, errors.New("not a newsgraph store (no Cayley metadata)")
		}
		return nil, err
	}
	return plannedKV{QuadStore: qs.(*kv.QuadStore), db: db}, nil
}

// QuadStore returns the underlying Cayley quad store, for Cayley's iterators. Run Gizmo through
// Store.Gizmo: on PostgreSQL, Cayley's query optimiser is not safe for concurrent queries on one
// store (see sqlStores).
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// Location returns where the store is, fit for messages: the bolt file, the PostgreSQL URL
// without its password, or "memory".
func (s *Store) Location() string {
	if s.b.inProcess() {
		return s.b.name()
	}
	return redactURL(s.path)
}

// Backend returns the name of the store's backend.
func (s *Store) Backend() string { return s.b.name() }

// InProcess reports whether the store lives in this process only (the memory backend): another
// process, such as a query worker, cannot open it.
func (s *Store) InProcess() bool { return s.b.inProcess() }

// Close flushes and closes the store.
func (s *Store) Close() error {
	return s.b.close()
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
