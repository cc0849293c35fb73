package graph

import (
	"context"
	"fmt"
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
)

// plannedKV is Cayley's key-value quad store (bolt) with one more query plan. Following a few
// predicates from a node — Out(facts), In(["<subject>", "<object>"]), Out("<name>") after a
// traversal — Cayley reads every quad of the node and then keeps those with the predicates:
// about a microsecond and a half a quad, and a node mentioned in 27,000 articles of 100,000 has
// 33,000 quads of which 2,800 are fact edges. Its indexes are sorted by node and then by
// predicate (subject–predicate and object–predicate–subject), so plannedKV reads the index
// entries of the node for each predicate instead: an index lookup a predicate, then only the
// quads that are wanted. It plans that when the predicates are a set of at most maxPlanPreds
// (a list, or a traversal that gives that few, such as g.V().Has("<type>", "<Predicate>")) and
// the nodes are given (g.V("<x>")), or when there are at most fewNodePreds predicates whatever
// the nodes; everything else is Cayley's plan. Results are the same (TestPlannedKV).
type plannedKV struct {
	*kv.QuadStore
}

const (
	// maxPlanPreds bounds the predicate sets read one by one from given nodes: a lookup each.
	maxPlanPreds = 256
	// fewNodePreds bounds the predicate sets read one by one from the nodes a traversal gives,
	// whose number is not known when the query is planned.
	fewNodePreds = 4
	// maxPlanNodes bounds the given nodes planned this way.
	maxPlanNodes = 64
)

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
	fixed, given := nodes.Values.(shape.Fixed)
	limit := fewNodePreds
	if given && len(fixed) <= maxPlanNodes {
		limit = maxPlanPreds
	}
	ps, ok := qs.smallSet(preds.Values, limit)
	if !ok {
		return s, false
	}
	return predicateScan{QS: qs.QuadStore, Nodes: nodes.Values, Dir: nodes.Dir, Preds: ps}, true
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

// predicateNext scans a predicateScan: for each node, the index entries of each predicate.
type predicateNext struct {
	s      predicateScan
	nodes  cgraph.Scanner
	node   uint64
	next   int             // index in s.Preds of the next predicate to read for node
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
		if !it.filter && it.next > 0 && it.next < len(it.s.Preds) {
			it.cur = kv.NewQuadIterator(it.s.QS, it.s.index(), []uint64{it.node, it.s.Preds[it.next]})
			it.next++
			continue
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
		it.node, it.filter, it.next = uint64(n), false, 1
		it.cur = kv.NewQuadIterator(it.s.QS, it.s.index(), []uint64{it.node, it.s.Preds[0]})
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
