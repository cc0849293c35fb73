package graph

import (
	"context"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
)

// backend is what differs between the stores Open can open: how quads are written and read in
// bulk, how Gizmo gets a Cayley store, and what a failed read means. Each of the three (memory,
// bolt, postgres) is chosen by name in Open; Store's methods never ask which one they have.
type backend interface {
	// name is the backend's name, one of Backends.
	name() string
	// quadStore is the Cayley store of the backend, for Cayley's iterators and for Remove.
	quadStore() cgraph.QuadStore
	// write adds quads (valid, possibly repeated or already stored) in one transaction.
	write(ctx context.Context, quads []quad.Quad) error
	// eachQuad calls fn for every quad that holds v in direction d, or for every quad when v
	// is nil, until fn returns an error (which eachQuad returns).
	eachQuad(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad) error) error
	// has reports whether some stored quad holds v.
	has(ctx context.Context, v quad.Value) (bool, error)
	// subjectCounts counts the quads that hold v in direction d by the IRI of their subject.
	subjectCounts(ctx context.Context, d quad.Direction, v quad.Value) (map[string]int, error)
	// queryStore lends a Cayley store to one Gizmo query; release gives it back.
	queryStore(ctx context.Context) (qs cgraph.QuadStore, release func(), err error)
	// inProcess reports whether the store lives in this process only (a query worker cannot
	// open it).
	inProcess() bool
	// mapped reports whether reads go through a memory-mapped file, where a damaged page makes
	// a read panic or fault (Store.guard turns that into ErrDamaged).
	mapped() bool
	// close flushes and closes the store.
	close() error
}

// cayleyBackend is what the memory and bolt backends share: every read through Cayley's own
// quad store and iterators.
type cayleyBackend struct {
	qs cgraph.QuadStore
}

func (b cayleyBackend) quadStore() cgraph.QuadStore { return b.qs }

func (b cayleyBackend) eachQuad(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	if v == nil {
		return b.eachIt(ctx, b.qs.QuadsAllIterator(), func(ref cgraph.Ref) error { return fn(b.qs.Quad(ref)) })
	}
	return b.eachRef(ctx, d, v, func(ref cgraph.Ref) error { return fn(b.qs.Quad(ref)) })
}

func (b cayleyBackend) has(_ context.Context, v quad.Value) (bool, error) {
	return b.qs.ValueOf(v) != nil, nil
}

// subjectCounts counts by node reference and resolves only the distinct subjects to IRIs:
// resolving every quad would read its four values.
func (b cayleyBackend) subjectCounts(ctx context.Context, d quad.Direction, v quad.Value) (map[string]int, error) {
	type node struct {
		ref cgraph.Ref
		n   int
	}
	byRef := map[any]*node{}
	err := b.eachRef(ctx, d, v, func(ref cgraph.Ref) error {
		subj := b.qs.QuadDirection(ref, quad.Subject)
		k := cgraph.ToKey(subj)
		if byRef[k] == nil {
			byRef[k] = &node{ref: subj}
		}
		byRef[k].n++
		return nil
	})
	out := make(map[string]int, len(byRef))
	for _, nd := range byRef {
		out[iriOf(b.qs.NameOf(nd.ref))] += nd.n
	}
	return out, err
}

// eachRef calls fn with a reference to every quad whose direction d is v, without reading the
// quad's values (fn may ask the store for what it needs).
func (b cayleyBackend) eachRef(ctx context.Context, d quad.Direction, v quad.Value, fn func(cgraph.Ref) error) error {
	ref := b.qs.ValueOf(v)
	if ref == nil {
		return nil
	}
	return b.eachIt(ctx, b.qs.QuadIterator(d, ref), fn)
}

// eachIt calls fn with every result of it, then closes it.
func (b cayleyBackend) eachIt(ctx context.Context, it cgraph.Iterator, fn func(cgraph.Ref) error) error {
	defer it.Close()
	for it.Next(ctx) {
		if err := fn(it.Result()); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

func (b cayleyBackend) queryStore(context.Context) (cgraph.QuadStore, func(), error) {
	return b.qs, func() {}, nil
}

func (b cayleyBackend) close() error { return b.qs.Close() }

// memoryBackend is Cayley's memstore, made safe for concurrent readers (lockedMemstore).
type memoryBackend struct {
	cayleyBackend
	mem *lockedMemstore
}

func newMemoryBackend() memoryBackend {
	mem := &lockedMemstore{QuadStore: memstore.New()}
	return memoryBackend{cayleyBackend{mem}, mem}
}

func (memoryBackend) name() string    { return "memory" }
func (memoryBackend) inProcess() bool { return true }
func (memoryBackend) mapped() bool    { return false }

// write adds quads under the lock; memstore skips those it holds.
func (b memoryBackend) write(_ context.Context, quads []quad.Quad) error {
	b.mem.addQuads(quads)
	return nil
}

// boltBackend is Cayley's key-value store on a bolt file, with newsgraph's query plan
// (plannedKV).
type boltBackend struct {
	cayleyBackend
}

func (boltBackend) name() string    { return "bolt" }
func (boltBackend) inProcess() bool { return false }
func (boltBackend) mapped() bool    { return true }

// write applies the quads as one transaction, each quad once: Cayley's kv store counts a
// reference to a quad's nodes for every copy in one ApplyDeltas.
func (b boltBackend) write(_ context.Context, quads []quad.Quad) error {
	seen := make(map[quad.Quad]struct{}, len(quads))
	deltas := make([]cgraph.Delta, 0, len(quads))
	for _, q := range quads {
		if _, dup := seen[q]; dup {
			continue
		}
		seen[q] = struct{}{}
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	return b.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true})
}

// lockedMemstore is Cayley's memstore made safe for concurrent readers. Its iterators over all
// quads or nodes take a snapshot of a shared slice and mark it as being read (memstore.cloneAll
// writes a flag), a data race when two readers start at once; that one call is serialised here.
// Writers must still not run alongside readers, as with memstore itself.
type lockedMemstore struct {
	*memstore.QuadStore
	mu sync.Mutex
}

// QuadsAllIterator returns memstore's iterator over every quad, created under the lock.
func (m *lockedMemstore) QuadsAllIterator() cgraph.Iterator {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.QuadStore.QuadsAllIterator()
}

// NodesAllIterator returns memstore's iterator over every node, created under the lock.
func (m *lockedMemstore) NodesAllIterator() cgraph.Iterator {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.QuadStore.NodesAllIterator()
}

// addQuads adds quads under the lock; memstore skips those it holds. It is ApplyDeltas with
// additions only, without building a delta for each quad.
func (m *lockedMemstore) addQuads(quads []quad.Quad) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, q := range quads {
		m.QuadStore.AddQuad(q)
	}
}

// ApplyDeltas applies memstore's changes under the lock, so that no reader's snapshot starts
// half way through a write.
func (m *lockedMemstore) ApplyDeltas(in []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.QuadStore.ApplyDeltas(in, opts)
}
