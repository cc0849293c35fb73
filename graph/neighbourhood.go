package graph

import (
	"context"
	"fmt"
	"runtime/debug"
	"slices"
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// NeighbourhoodOptions choose which part of an entity's surroundings Neighbourhood returns. The
// zero value means one hop, every asserted fact, at most DefaultMaxNodes nodes.
type NeighbourhoodOptions struct {
	// Hops is 1 or 2 (0 means 1).
	Hops int
	// Predicates keeps only facts with one of these canonical predicates (none: all).
	Predicates []string
	// Types keeps only neighbours of one of these type labels (PERSON, ORG...; none: all). The
	// centre entity is always kept.
	Types []string
	// Article keeps only facts stated by this article id ("" : any).
	Article string
	// MinConfidence drops facts whose highest confidence is lower.
	MinConfidence float64
	// MinSources drops facts stated by fewer articles.
	MinSources int
	// MaxNodes caps the number of nodes (0: DefaultMaxNodes); Truncated says when it bit.
	MaxNodes int
	// Time keeps only facts whose time overlaps the range (the zero range: all, undated too).
	Time TimeRange
}

// DefaultMaxNodes is the node cap of a neighbourhood when none is given.
const DefaultMaxNodes = 250

// Neighbourhood is the part of the entity graph around one entity.
type Neighbourhood struct {
	EntityGraph
	// Center is the entity asked for.
	Center string
	// Truncated is set when nodes were left out to respect MaxNodes.
	Truncated bool
}

// Neighbourhood returns the entities within opt.Hops asserted facts of the entity id and the
// facts between them that pass the filters, with nodes and edges in the shape and order of
// EntityGraph. It returns ErrNotFound when id is not an entity of the store.
func (s *Store) Neighbourhood(ctx context.Context, id string, opt NeighbourhoodOptions) (_ *Neighbourhood, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	hops := opt.Hops
	if hops <= 0 {
		hops = 1
	}
	maxNodes := opt.MaxNodes
	if maxNodes <= 0 {
		maxNodes = DefaultMaxNodes
	}
	center, err := s.nodeInfo(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("neighbourhood of %s: %w", id, err)
	}
	if center == nil {
		return nil, fmt.Errorf("neighbourhood of %s: %w", id, ErrNotFound)
	}
	preds := setOf(opt.Predicates)
	types := setOf(opt.Types)
	nodes := map[string]*Node{id: center}
	stmtSeen := map[string]bool{}
	edges := map[[3]string]*edgeAcc{}
	res := &Neighbourhood{Center: id}
	frontier := []string{id}
	for hop := 0; hop < hops && len(frontier) > 0; hop++ {
		var next []string
		for _, n := range frontier {
			sts, err := s.statementsAbout(ctx, n, stmtSeen)
			if err != nil {
				return nil, fmt.Errorf("neighbourhood of %s: %w", id, err)
			}
			for _, st := range sts {
				if !st.Asserted() || st.Object == "" || st.Subject == st.Object {
					continue
				}
				if len(preds) > 0 && !preds[st.Predicate] {
					continue
				}
				if opt.Article != "" && st.Article.ID != opt.Article {
					continue
				}
				if opt.Time.Set() && (st.Time == nil || !opt.Time.Contains(st.Time.Value)) {
					continue
				}
				addEdge(edges, st)
			}
		}
		// Neighbours reached through edges that pass the edge filters become the next frontier.
		for _, k := range sortedEdgeKeys(edges) {
			a := edges[k]
			if !a.passes(opt) {
				continue
			}
			for _, other := range []string{k[0], k[2]} {
				if _, ok := nodes[other]; ok {
					continue
				}
				n, err := s.nodeInfo(ctx, other)
				if err != nil {
					return nil, fmt.Errorf("neighbourhood of %s: %w", id, err)
				}
				if n == nil || (len(types) > 0 && !types[n.Type]) {
					nodes[other] = nil // remember the rejection
					continue
				}
				if countNodes(nodes) >= maxNodes {
					res.Truncated = true
					continue
				}
				nodes[other] = n
				next = append(next, other)
			}
		}
		frontier = next
	}
	for _, nid := range sortedKeys(nodes) {
		if n := nodes[nid]; n != nil {
			res.Nodes = append(res.Nodes, *n)
		}
	}
	for _, k := range sortedEdgeKeys(edges) {
		a := edges[k]
		if !a.passes(opt) || nodes[k[0]] == nil || nodes[k[2]] == nil {
			continue
		}
		res.Edges = append(res.Edges, a.edge())
	}
	return res, nil
}

// statementsAbout reads the statements whose subject or object is the entity, skipping those in
// seen (and adding the rest to it).
func (s *Store) statementsAbout(ctx context.Context, entity string, seen map[string]bool) ([]Statement, error) {
	return s.statementsWith(ctx, entity, seen, schema.PropSubject, schema.PropObject)
}

// statementsWith reads the statements that have the entity as the value of one of props
// (schema.PropSubject, PropObject, PropAttributedTo), sorted by id, skipping those in seen (and
// adding the rest to it).
func (s *Store) statementsWith(ctx context.Context, entity string, seen map[string]bool, props ...string) ([]Statement, error) {
	var ids []string
	err := s.eachQuadWith(ctx, quad.Object, quad.IRI(entity), func(q quad.Quad) error {
		if slices.Contains(props, iriOf(q.Predicate)) {
			if id := iriOf(q.Subject); !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(ids)
	arts := map[string]*ArticleInfo{}
	out := make([]Statement, 0, len(ids))
	for _, id := range ids {
		st, err := s.statement(ctx, id, arts)
		if err != nil {
			return nil, err
		}
		if st != nil {
			out = append(out, *st)
		}
	}
	return out, nil
}

// edgeAcc merges the statements of one fact.
type edgeAcc struct {
	e       Edge
	sources map[string]bool
	rels    map[string]bool
}

// addEdge merges st into the accumulator of its fact in edges, making one for a new fact; it
// returns the fact's key and whether it was new.
func addEdge(edges map[[3]string]*edgeAcc, st Statement) (k [3]string, isNew bool) {
	k = [3]string{st.Subject, st.Predicate, st.Object}
	if edges[k] == nil {
		edges[k] = &edgeAcc{e: Edge{Subject: st.Subject, Predicate: st.Predicate, Object: st.Object}, sources: map[string]bool{}, rels: map[string]bool{}}
		isNew = true
	}
	edges[k].add(st)
	return k, isNew
}

func (a *edgeAcc) add(st Statement) {
	a.e.Statements++
	a.e.Open = a.e.Open || st.Open
	if st.Confidence > a.e.Confidence {
		a.e.Confidence = st.Confidence
	}
	if st.Time != nil {
		if t := timeStart(st.Time.Value); t != "" && (a.e.Time == "" || t < a.e.Time) {
			a.e.Time = t
		}
	}
	a.sources[st.Article.ID] = true
	if st.Relation != "" {
		a.rels[st.Relation] = true
	}
}

func (a *edgeAcc) passes(opt NeighbourhoodOptions) bool {
	return a.e.Confidence >= opt.MinConfidence && len(a.sources) >= opt.MinSources
}

func (a *edgeAcc) edge() Edge {
	e := a.e
	e.Sources = sortedKeys(a.sources)
	e.Relations = sortedKeys(a.rels)
	return e
}

// sortedEdgeKeys returns the (subject, predicate, object) keys of m in order.
func sortedEdgeKeys[V any](m map[[3]string]V) [][3]string {
	keys := make([][3]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return lessKey(keys[i], keys[j]) })
	return keys
}

func countNodes(m map[string]*Node) int {
	n := 0
	for _, v := range m {
		if v != nil {
			n++
		}
	}
	return n
}

func setOf(ss []string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		if s != "" {
			m[s] = true
		}
	}
	return m
}
