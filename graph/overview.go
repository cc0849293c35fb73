package graph

import (
	"context"
	"fmt"
	"runtime/debug"
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Overview is where the explorer opens: the most-mentioned entities, and the newest and the
// best-sourced facts between entities.
type Overview struct {
	// Entities are the entities mentioned by the most articles (then by name and id).
	Entities []Node `json:"entities"`
	// Newest are the dated facts with the latest time (then by sources, confidence and key).
	Newest []Edge `json:"newest"`
	// BestSourced are the facts stated by the most articles (then by confidence, time and key).
	BestSourced []Edge `json:"best_sourced"`
	// Nodes are the entities the facts of Newest and BestSourced join, by id.
	Nodes []Node `json:"nodes"`
}

// Overview returns at most n of each list of the overview of the whole store, or with doc set,
// of that article's entity graph (see EntityGraph).
func (s *Store) Overview(ctx context.Context, doc string, n int) (_ *Overview, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	g, err := s.EntityGraph(ctx, doc)
	if err != nil {
		return nil, fmt.Errorf("overview: %w", err)
	}
	ov := &Overview{Entities: append([]Node{}, g.Nodes...), Newest: []Edge{}, Nodes: []Node{}}
	sort.SliceStable(ov.Entities, func(i, j int) bool {
		a, b := ov.Entities[i], ov.Entities[j]
		if a.Articles != b.Articles {
			return a.Articles > b.Articles
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.ID < b.ID
	})
	ov.Entities = ov.Entities[:min(n, len(ov.Entities))]
	for _, e := range g.Edges {
		if e.Time != "" {
			ov.Newest = append(ov.Newest, e)
		}
	}
	// g.Edges come sorted by key: stable sorts keep that order among equals.
	sort.SliceStable(ov.Newest, func(i, j int) bool {
		a, b := ov.Newest[i], ov.Newest[j]
		if a.Time != b.Time {
			return a.Time > b.Time
		}
		if len(a.Sources) != len(b.Sources) {
			return len(a.Sources) > len(b.Sources)
		}
		return a.Confidence > b.Confidence
	})
	ov.Newest = ov.Newest[:min(n, len(ov.Newest))]
	ov.BestSourced = append([]Edge{}, g.Edges...)
	sort.SliceStable(ov.BestSourced, func(i, j int) bool {
		a, b := ov.BestSourced[i], ov.BestSourced[j]
		if len(a.Sources) != len(b.Sources) {
			return len(a.Sources) > len(b.Sources)
		}
		if a.Confidence != b.Confidence {
			return a.Confidence > b.Confidence
		}
		return a.Time > b.Time
	})
	ov.BestSourced = ov.BestSourced[:min(n, len(ov.BestSourced))]
	ov.Nodes = nodesOf(g.Nodes, ov.Newest, ov.BestSourced)
	return ov, nil
}

// nodesOf returns the nodes of all (sorted by id) that the edges join, in the order of all.
func nodesOf(all []Node, edges ...[]Edge) []Node {
	want := map[string]bool{}
	for _, es := range edges {
		for _, e := range es {
			want[e.Subject], want[e.Object] = true, true
		}
	}
	out := []Node{}
	for _, n := range all {
		if want[n.ID] {
			out = append(out, n)
		}
	}
	return out
}

// PredicateFacts are the facts of one predicate over the whole store (see FactsWithPredicate).
type PredicateFacts struct {
	// Predicate is the predicate's name.
	Predicate string `json:"predicate"`
	// Open is set when it is an open predicate, not one of schema.Predicates.
	Open bool `json:"open,omitempty"`
	// Edges are its asserted facts between entities, merged over articles: most sources first,
	// then by confidence and key.
	Edges []Edge `json:"edges"`
	// Nodes are the entities the edges join, by id.
	Nodes []Node `json:"nodes"`
	// Statements are its other statements (text objects, negated, hypothetical or reported),
	// newest first.
	Statements []Statement `json:"statements"`
	// Truncated is set when edges or statements were left out to respect the limit.
	Truncated bool `json:"truncated,omitempty"`
}

// FactsWithPredicate returns the facts whose predicate is pred (a canonical or open predicate
// name), at most limit edges and limit statements (0: all). A predicate no fact has is an
// answer with none.
func (s *Store) FactsWithPredicate(ctx context.Context, pred string, limit int) (_ *PredicateFacts, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	var ids []string
	err = s.eachQuadWith(ctx, quad.Object, quad.IRI(schema.PredicateIRI(pred)), func(q quad.Quad) error {
		if iriOf(q.Predicate) == schema.PropPredicate {
			ids = append(ids, iriOf(q.Subject))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("facts with %s: %w", pred, err)
	}
	sort.Strings(ids)
	_, canonical := schema.PredicateByName(pred)
	out := &PredicateFacts{Predicate: pred, Open: !canonical, Edges: []Edge{}, Nodes: []Node{}, Statements: []Statement{}}
	edges := map[[3]string]*edgeAcc{}
	arts := map[string]*ArticleInfo{}
	for _, id := range ids {
		st, err := s.statement(ctx, id, arts)
		if err != nil {
			return nil, fmt.Errorf("facts with %s: %w", pred, err)
		}
		if st == nil {
			continue
		}
		out.Open = out.Open || st.Open
		if !st.Asserted() || st.Object == "" || st.Object == st.Subject {
			out.Statements = append(out.Statements, *st)
			continue
		}
		addEdge(edges, *st)
	}
	for _, k := range sortedEdgeKeys(edges) {
		out.Edges = append(out.Edges, edges[k].edge())
	}
	sort.SliceStable(out.Edges, func(i, j int) bool {
		a, b := out.Edges[i], out.Edges[j]
		if len(a.Sources) != len(b.Sources) {
			return len(a.Sources) > len(b.Sources)
		}
		return a.Confidence > b.Confidence
	})
	SortNewestFirst(out.Statements)
	if limit > 0 && len(out.Edges) > limit {
		out.Edges, out.Truncated = out.Edges[:limit], true
	}
	if limit > 0 && len(out.Statements) > limit {
		out.Statements, out.Truncated = out.Statements[:limit], true
	}
	var ns []Node
	seen := map[string]bool{}
	for _, e := range out.Edges {
		for _, id := range []string{e.Subject, e.Object} {
			if seen[id] {
				continue
			}
			seen[id] = true
			n, err := s.nodeInfo(ctx, id)
			if err != nil {
				return nil, fmt.Errorf("facts with %s: %w", pred, err)
			}
			if n != nil {
				ns = append(ns, *n)
			}
		}
	}
	sort.Slice(ns, func(i, j int) bool { return ns[i].ID < ns[j].ID })
	out.Nodes = append(out.Nodes, ns...)
	return out, nil
}
