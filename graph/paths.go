package graph

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"sort"
)

// PathOptions bound a search for paths between two entities. The zero value means paths of up to
// DefaultMaxPathLength steps, at most DefaultMaxPaths of them, over every asserted fact.
type PathOptions struct {
	// MaxLength is the most steps (entity to entity) a path may have (0: DefaultMaxPathLength).
	MaxLength int
	// MaxPaths is the most paths returned (0: DefaultMaxPaths).
	MaxPaths int
	// MinConfidence drops facts whose highest confidence is lower.
	MinConfidence float64
	// MaxEvidence is the most statements given with each fact of a path (0: 3).
	MaxEvidence int
}

// Defaults of PathOptions, and the bound on the entities one search reads.
const (
	DefaultMaxPathLength = 4
	DefaultMaxPaths      = 10
	// maxPathVisits is the most entities a path search reads the facts of.
	maxPathVisits = 5000
)

// PathFact is one fact of a path's step, in whichever direction it goes, with the statements it
// was read from.
type PathFact struct {
	Edge
	// Evidence are the first statements of the fact (see SortStatements).
	Evidence []Statement `json:"evidence"`
}

// PathStep joins two consecutive entities of a path: every passing fact between them.
type PathStep struct {
	Facts []PathFact `json:"facts"`
}

// Path is a chain of entities from one entity to another: Nodes[0] is the start, Nodes[len-1]
// the end, and Steps[i] joins Nodes[i] and Nodes[i+1].
type Path struct {
	Nodes []Node     `json:"nodes"`
	Steps []PathStep `json:"steps"`
}

// Paths is the answer of Store.Paths.
type Paths struct {
	From string `json:"from"`
	To   string `json:"to"`
	// Length is the number of steps of each path (all are shortest); 0 when there is none.
	Length int    `json:"length"`
	Paths  []Path `json:"paths"`
	// Truncated is set when there are more shortest paths than MaxPaths, or when the search
	// stopped before reading the whole neighbourhood (see maxPathVisits).
	Truncated bool `json:"truncated,omitempty"`
}

// ErrPathSearchTooLarge is returned when a path search would read more entities than it may.
var ErrPathSearchTooLarge = errors.New("the path search reached too many entities")

// pathGraph is the part of the entity graph a path search has read: the asserted facts touching
// each entity read, and each entity's neighbours over those that pass the options.
type pathGraph struct {
	s     *Store
	opt   PathOptions
	adj   map[string][]string       // entity read -> neighbours, sorted
	touch map[string][][3]string    // entity -> keys of the facts it is subject or object of
	edges map[[3]string]*edgeAcc    // fact key -> merged edge
	sts   map[[3]string][]Statement // fact key -> its statements
	seen  map[string]bool           // statements read
}

// neighbours returns the entities one passing fact away from id, reading its facts once.
func (g *pathGraph) neighbours(ctx context.Context, id string) ([]string, error) {
	if ns, ok := g.adj[id]; ok {
		return ns, nil
	}
	if len(g.adj) >= maxPathVisits {
		return nil, ErrPathSearchTooLarge
	}
	// Statements read before (from the other end) are in g already: seen skips them.
	sts, err := g.s.statementsAbout(ctx, id, g.seen)
	if err != nil {
		return nil, err
	}
	for _, st := range sts {
		if !st.Asserted() || st.Object == "" || st.Subject == st.Object {
			continue
		}
		k, isNew := addEdge(g.edges, st)
		if isNew {
			g.touch[k[0]] = append(g.touch[k[0]], k)
			g.touch[k[2]] = append(g.touch[k[2]], k)
		}
		g.sts[k] = append(g.sts[k], st)
	}
	set := map[string]bool{}
	for _, k := range g.between(id, "") {
		set[other(k, id)] = true
	}
	ns := sortedKeys(set)
	g.adj[id] = ns
	return ns, nil
}

// between returns the keys of the passing facts between a (an entity read) and b ("": any), in
// order.
func (g *pathGraph) between(a, b string) [][3]string {
	var out [][3]string
	for _, k := range g.touch[a] {
		if (b == "" || other(k, a) == b) && g.edges[k].e.Confidence >= g.opt.MinConfidence {
			out = append(out, k)
		}
	}
	sort.Slice(out, func(i, j int) bool { return lessKey(out[i], out[j]) })
	return out
}

// other returns the end of the fact k that is not id.
func other(k [3]string, id string) string {
	if k[0] == id {
		return k[2]
	}
	return k[0]
}

// lessKey orders fact keys by subject, predicate and object.
func lessKey(a, b [3]string) bool { return slices.Compare(a[:], b[:]) < 0 }

// Paths returns the shortest paths between the entities from and to over asserted facts, taken
// in either direction: breadth first from from, every shortest path up to opt.MaxPaths in
// a fixed order (by the ids of their entities), each fact with its merged edge and its first
// statements. No path within opt.MaxLength steps is an answer with none. It returns ErrNotFound
// when either id is not an entity of the store.
func (s *Store) Paths(ctx context.Context, from, to string, opt PathOptions) (_ *Paths, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	if opt.MaxLength <= 0 {
		opt.MaxLength = DefaultMaxPathLength
	}
	if opt.MaxPaths <= 0 {
		opt.MaxPaths = DefaultMaxPaths
	}
	if opt.MaxEvidence <= 0 {
		opt.MaxEvidence = 3
	}
	nodes := map[string]*Node{}
	for _, id := range []string{from, to} {
		n, err := s.Entity(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("paths from %s to %s: %w", from, to, err)
		}
		nodes[id] = n
	}
	res := &Paths{From: from, To: to, Paths: []Path{}}
	if from == to {
		return res, nil
	}
	g := &pathGraph{s: s, opt: opt, adj: map[string][]string{},
		touch: map[string][][3]string{}, edges: map[[3]string]*edgeAcc{}, sts: map[[3]string][]Statement{}, seen: map[string]bool{}}
	parents, length, err := g.search(ctx, from, to)
	if errors.Is(err, ErrPathSearchTooLarge) {
		res.Truncated = true
	} else if err != nil {
		return nil, fmt.Errorf("paths from %s to %s: %w", from, to, err)
	}
	if length == 0 {
		return res, nil
	}
	res.Length = length
	chains, more := enumerate(parents, from, to, opt.MaxPaths)
	res.Truncated = res.Truncated || more
	for _, chain := range chains {
		p := Path{}
		for i, id := range chain {
			if nodes[id] == nil {
				n, err := s.nodeInfo(ctx, id)
				if err != nil {
					return nil, fmt.Errorf("paths from %s to %s: %w", from, to, err)
				}
				if n == nil {
					n = &Node{ID: id, Name: id}
				}
				nodes[id] = n
			}
			p.Nodes = append(p.Nodes, *nodes[id])
			if i == 0 {
				continue
			}
			var step PathStep
			for _, k := range g.between(chain[i-1], id) {
				sts := append([]Statement(nil), g.sts[k]...)
				SortStatements(sts)
				if len(sts) > opt.MaxEvidence {
					sts = sts[:opt.MaxEvidence]
				}
				step.Facts = append(step.Facts, PathFact{Edge: g.edges[k].edge(), Evidence: sts})
			}
			p.Steps = append(p.Steps, step)
		}
		res.Paths = append(res.Paths, p)
	}
	return res, nil
}

// search runs a breadth-first search from from until to is reached, and returns, for every
// entity on a shortest path's level structure, its parents (the entities one fact closer to
// from), and the length of the shortest paths (0 when to is not within MaxLength).
func (g *pathGraph) search(ctx context.Context, from, to string) (map[string][]string, int, error) {
	dist := map[string]int{from: 0}
	parents := map[string][]string{}
	frontier := []string{from}
	for d := 1; d <= g.opt.MaxLength && len(frontier) > 0; d++ {
		var next []string
		for _, n := range frontier {
			if err := ctx.Err(); err != nil {
				return nil, 0, err
			}
			ns, err := g.neighbours(ctx, n)
			if err != nil {
				return parents, 0, err
			}
			for _, m := range ns {
				dm, ok := dist[m]
				if !ok {
					dist[m] = d
					next = append(next, m)
					dm = d
				}
				if dm == d {
					parents[m] = append(parents[m], n)
				}
			}
		}
		if _, ok := dist[to]; ok {
			return parents, d, nil
		}
		sort.Strings(next)
		frontier = next
	}
	return parents, 0, nil
}

// enumerate lists the chains of entities from from to to that follow parents, in order of their
// ids, at most max of them; more reports whether there were others.
func enumerate(parents map[string][]string, from, to string, max int) (chains [][]string, more bool) {
	var walk func(id string, suffix []string)
	walk = func(id string, suffix []string) {
		if len(chains) > max {
			return
		}
		chain := append([]string{id}, suffix...)
		if id == from {
			chains = append(chains, chain)
			return
		}
		ps := append([]string(nil), parents[id]...)
		sort.Strings(ps)
		for _, p := range ps {
			walk(p, chain)
		}
	}
	walk(to, nil)
	sort.Slice(chains, func(i, j int) bool { return slices.Compare(chains[i], chains[j]) < 0 })
	if len(chains) > max {
		return chains[:max], true
	}
	return chains, false
}
