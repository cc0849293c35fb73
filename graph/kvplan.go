package graph

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// plannedKV is Cayley's key-value quad store (bolt) with one more query plan. Following some
// predicates from nodes — Out(facts), In(["<subject>", "<object>"]), Out("<name>") after a
// traversal — Cayley reads every quad of each node from its log, one to three microseconds a
// quad, and then keeps those with the predicates; a node that 27,000 articles of 100,000 mention
// has 33,000 quads, of which 2,800 are fact edges. Its indexes are sorted by node and then by
// predicate (subject–predicate and object–predicate–subject: kv.DefaultQuadIndexes, which every
// store newsgraph or Cayley creates has). So for each node plannedKV reads the keys of its index
// entries, which name the predicates, and then the quads of the predicates that are wanted
// only. It plans that whenever the predicates are at most maxPlanPreds: a list, or one index
// scan such as g.V().Has("<type>", "<Predicate>"), run while planning. The answers are the same
// as with Cayley's plan (TestPlannedKV).
type plannedKV struct {
	*kv.QuadStore
	db hkv.KV // the store's key-value database, to read index keys
}

// maxPlanPreds bounds the predicate sets planned as a predicateScan.
const maxPlanPreds = 256

// The indexes Cayley's key-value store keeps (kv.DefaultQuadIndexes), by the direction they
// start with.
var (
	indexSP  = kv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate}}
	indexOPS = kv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}
)

// OptimizeShape implements shape.Optimizer: the plan above for two-constraint quad sets, and
// Cayley's own index scans for quad sets of fixed values (kv.QuadStore.OptimizeShape, whose
// shapes only build on a *kv.QuadStore).
func (qs plannedKV) OptimizeShape(s shape.Shape) (shape.Shape, bool) {
	switch s := s.(type) {
	case shape.QuadsAction:
		return qs.optimizeQuadsAction(s)
	case shape.Quads:
		return qs.optimizeQuads(s)
	}
	return s, false
}

// optimizeQuadsAction reads a set of quads with one fixed value in each of some directions from
// the index that starts with those directions, as kv.QuadStore.OptimizeShape does, and also when
// the index has more directions (a prefix of it: g.V().Has("<type>", "<Predicate>") is a
// prefix of the object–predicate–subject index, which Cayley scans whole).
func (qs plannedKV) optimizeQuadsAction(s shape.QuadsAction) (shape.Shape, bool) {
	if len(s.Filter) == 0 {
		return s, false
	}
	for _, ind := range [...]kv.QuadIndex{indexSP, indexOPS} {
		if len(ind.Dirs) < len(s.Filter) {
			continue
		}
		vals := make([]uint64, 0, len(s.Filter))
		for _, d := range ind.Dirs[:len(s.Filter)] {
			v, ok := s.Filter[d].(kv.Int64Value)
			if !ok {
				break
			}
			vals = append(vals, uint64(v))
		}
		if len(vals) == len(s.Filter) {
			return s.SimplifyFrom(indexScan{QS: qs.QuadStore, Index: ind, Values: vals}), true
		}
	}
	return s, false
}

// optimizeQuads plans the quads linked to a set of nodes (in one direction) by a small set of
// predicates as a predicateScan.
func (qs plannedKV) optimizeQuads(s shape.Quads) (shape.Shape, bool) {
	if len(s) != 2 {
		return s, false
	}
	nodes, preds := s[0], s[1]
	if nodes.Dir == quad.Predicate {
		nodes, preds = preds, nodes
	}
	if preds.Dir != quad.Predicate || (nodes.Dir != quad.Subject && nodes.Dir != quad.Object) {
		return s, false
	}
	ps, ok := qs.smallSet(preds.Values, maxPlanPreds)
	if !ok {
		return s, false
	}
	return predicateScan{QS: qs.QuadStore, KV: qs.db, Nodes: nodes.Values, Dir: nodes.Dir, Preds: ps}, true
}

// smallSet returns the ids of the nodes of s, sorted, when s is a list of nodes or the nodes of
// one index scan (g.V().Has("<type>", "<Predicate>")), and they are at most limit. The scan is
// run now, while the query is planned, and given up after limit+1 results: its cost is bounded
// by its size. Any other traversal is left to Cayley's plan, since running it could cost more
// than the query.
func (qs plannedKV) smallSet(s shape.Shape, limit int) ([]uint64, bool) {
	var ids []uint64
	add := func(r cgraph.Ref) bool {
		v, ok := r.(kv.Int64Value)
		if ok {
			ids = append(ids, uint64(v))
		}
		return ok && len(ids) <= limit
	}
	switch s := s.(type) {
	case shape.Fixed:
		for _, r := range s {
			if !add(r) {
				return nil, false
			}
		}
	case shape.NodesFrom:
		if _, ok := s.Quads.(indexScan); !ok {
			return nil, false
		}
		ctx := context.Background()
		it := s.BuildIterator(qs)
		defer it.Close()
		for it.Next(ctx) {
			if !add(it.Result()) {
				return nil, false
			}
		}
		if it.Err() != nil {
			return nil, false
		}
	default:
		return nil, false
	}
	slices.Sort(ids)
	return slices.Compact(ids), true
}

// indexScan is kv.IndexScan built on the key-value store itself.
type indexScan struct {
	QS     *kv.QuadStore
	Index  kv.QuadIndex
	Values []uint64
}

// BuildIterator implements shape.Shape.
func (s indexScan) BuildIterator(cgraph.QuadStore) cgraph.Iterator {
	return kv.NewQuadIterator(s.QS, s.Index, s.Values)
}

// Optimize implements shape.Shape.
func (s indexScan) Optimize(shape.Optimizer) (shape.Shape, bool) { return s, false }

// predicateScan is the set of quads with one of Preds (node ids, sorted) whose node in
// direction Dir is one of Nodes. (Its fields are exported for shape.Walk, which reads them by
// reflection.)
type predicateScan struct {
	QS    *kv.QuadStore
	KV    hkv.KV
	Nodes shape.Shape
	Dir   quad.Direction
	Preds []uint64
}

// BuildIterator implements shape.Shape.
func (s predicateScan) BuildIterator(qs cgraph.QuadStore) cgraph.Iterator {
	return cgraph.NewLegacy(&predicateIterator{s: s, nodes: cgraph.AsShape(s.Nodes.BuildIterator(qs))}, nil)
}

// Optimize implements shape.Shape.
func (s predicateScan) Optimize(r shape.Optimizer) (shape.Shape, bool) {
	nodes, opt := s.Nodes.Optimize(r)
	if nodes == nil {
		return nil, true
	}
	s.Nodes = nodes
	return s, opt
}

// predicateIterator iterates a predicateScan (cgraph.IteratorShape).
type predicateIterator struct {
	s     predicateScan
	nodes cgraph.IteratorShape
}

func (it *predicateIterator) String() string {
	return fmt.Sprintf("PredicateScan(%v, %d predicates)", it.s.Dir, len(it.s.Preds))
}

func (it *predicateIterator) Iterate() cgraph.Scanner {
	return &predicateNext{s: it.s, nodes: it.nodes.Iterate()}
}

func (it *predicateIterator) Lookup() cgraph.Index {
	return &predicateContains{s: it.s, nodes: it.nodes.Lookup()}
}

func (it *predicateIterator) Stats(ctx context.Context) (cgraph.IteratorCosts, error) {
	st, err := it.nodes.Stats(ctx)
	return cgraph.IteratorCosts{
		NextCost:     2 + st.NextCost,
		ContainsCost: 1 + st.ContainsCost,
		Size:         cgraph.Size{Size: st.Size.Size * int64(len(it.s.Preds)), Exact: false},
	}, err
}

func (it *predicateIterator) Optimize(ctx context.Context) (cgraph.IteratorShape, bool) {
	nodes, changed := it.nodes.Optimize(ctx)
	if changed {
		it.nodes = nodes
		if iterator.IsNull2(nodes) {
			return nodes, true
		}
	}
	return it, false
}

func (it *predicateIterator) SubIterators() []cgraph.IteratorShape {
	return []cgraph.IteratorShape{it.nodes}
}

// has reports whether quad q has one of the predicates.
func (s predicateScan) has(q cgraph.Ref) bool {
	p, ok := s.QS.QuadDirection(q, quad.Predicate).(kv.Int64Value)
	_, found := slices.BinarySearch(s.Preds, uint64(p))
	return ok && found
}

// index returns the index sorted by dir and then by predicate.
func (s predicateScan) index() kv.QuadIndex {
	if s.Dir == quad.Subject {
		return indexSP
	}
	return indexOPS
}

// present returns those of the predicates that the index has entries of for node, from the
// keys of the node's entries (node id, predicate id, ...: 8 bytes each, big-endian, as
// kv.QuadIndex.Key writes them).
func (s predicateScan) present(ctx context.Context, node uint64) ([]uint64, error) {
	tx, err := s.KV.Tx(false)
	if err != nil {
		return nil, err
	}
	defer tx.Close()
	it := tx.Scan(s.index().Key([]uint64{node}))
	defer it.Close()
	var out []uint64
	for it.Next(ctx) {
		k := it.Key()
		if len(k) == 0 || len(k[len(k)-1]) < 16 {
			return nil, fmt.Errorf("index key %x: not a node and a predicate", k)
		}
		p := binary.BigEndian.Uint64(k[len(k)-1][8:16])
		if len(out) > 0 && out[len(out)-1] == p {
			continue // the object–predicate–subject index has a key per subject
		}
		if _, ok := slices.BinarySearch(s.Preds, p); ok {
			out = append(out, p)
		}
	}
	return out, it.Err()
}

// predicateNext scans a predicateScan: for each node, the index entries of each of the
// predicates it has.
type predicateNext struct {
	s      predicateScan
	nodes  cgraph.Scanner
	node   uint64
	preds  []uint64        // the predicates of node left to read
	cur    cgraph.Iterator // the quads of node and one predicate, or of node alone (filter)
	filter bool
	result cgraph.Ref
	err    error
}

func (it *predicateNext) Next(ctx context.Context) bool {
	for {
		if it.cur != nil {
			for it.cur.Next(ctx) {
				if r := it.cur.Result(); !it.filter || it.s.has(r) {
					it.result = r
					return true
				}
			}
			it.err = it.cur.Err()
			it.cur.Close()
			it.cur = nil
			if it.err != nil {
				return false
			}
		}
		if len(it.preds) > 0 {
			it.cur = kv.NewQuadIterator(it.s.QS, it.s.index(), []uint64{it.node, it.preds[0]})
			it.preds = it.preds[1:]
			continue
		}
		if it.err = ctx.Err(); it.err != nil {
			return false
		}
		if !it.nodes.Next(ctx) {
			it.err = it.nodes.Err()
			return false
		}
		n, ok := it.nodes.Result().(kv.Int64Value)
		if !ok { // not a stored node: the store's own scan, filtered
			it.cur, it.filter = it.s.QS.QuadIterator(it.s.Dir, it.nodes.Result()), true
			continue
		}
		it.node, it.filter = uint64(n), false
		if it.preds, it.err = it.s.present(ctx, it.node); it.err != nil {
			return false
		}
	}
}

func (it *predicateNext) Result() cgraph.Ref { return it.result }

func (it *predicateNext) Err() error { return it.err }

func (it *predicateNext) TagResults(dst map[string]cgraph.Ref) { it.nodes.TagResults(dst) }

func (it *predicateNext) NextPath(ctx context.Context) bool { return it.nodes.NextPath(ctx) }

func (it *predicateNext) String() string { return "PredicateScanNext" }

func (it *predicateNext) Close() error {
	if it.cur != nil {
		it.cur.Close()
		it.cur = nil
	}
	return it.nodes.Close()
}

// predicateContains checks quads against a predicateScan.
type predicateContains struct {
	s      predicateScan
	nodes  cgraph.Index
	result cgraph.Ref
}

func (it *predicateContains) Contains(ctx context.Context, q cgraph.Ref) bool {
	if !it.s.has(q) || !it.nodes.Contains(ctx, it.s.QS.QuadDirection(q, it.s.Dir)) {
		return false
	}
	it.result = q
	return true
}

func (it *predicateContains) Result() cgraph.Ref { return it.result }

func (it *predicateContains) Err() error { return it.nodes.Err() }

func (it *predicateContains) TagResults(dst map[string]cgraph.Ref) { it.nodes.TagResults(dst) }

func (it *predicateContains) NextPath(ctx context.Context) bool { return it.nodes.NextPath(ctx) }

func (it *predicateContains) String() string { return "PredicateScanContains" }

func (it *predicateContains) Close() error { return it.nodes.Close() }
