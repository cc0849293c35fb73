package graph

import (
	"context"
	"runtime/debug"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// Node is an entity of the entity graph. Its JSON form is what the explorer's API serves.
type Node struct {
	// ID is the entity's short IRI ("person/elon-musk").
	ID string `json:"id"`
	// Name is its canonical name.
	Name string `json:"name"`
	// Type is its label (PERSON, ORG, ...).
	Type string `json:"type"`
	// Aliases are the other names articles used, sorted.
	Aliases []string `json:"aliases,omitempty"`
	// Articles is the number of articles that mention it.
	Articles int `json:"articles"`
}

// Edge is a fact between two entities, merged over every article that states it. Its JSON form
// is what the explorer's API serves.
type Edge struct {
	// Subject and Object are entity IRIs.
	Subject string `json:"subject"`
	// Predicate is the canonical predicate ("praised"), or an open one (see Open).
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
	// Relations are the distinct words the articles used ("hailed", "praised"), sorted.
	Relations []string `json:"relations"`
	// Sources are the ids of the articles that state the fact, sorted.
	Sources []string `json:"sources"`
	// Confidence is the highest confidence of any occurrence.
	Confidence float64 `json:"confidence"`
	// Statements is the number of occurrences.
	Statements int `json:"statements"`
	// Time is the earliest time any occurrence carries (the start of a range), ISO 8601; "" when
	// none is dated.
	Time string `json:"time,omitempty"`
	// Open is set when the predicate is an open one (the words of the text, not one of
	// schema.Predicates): its occurrences carry the statement property schema.PropOpen.
	Open bool `json:"open,omitempty"`
}

// EntityGraph is the graph of entities and the asserted facts between them: what Gephi,
// Cytoscape, Graphviz or a Neo4j import want, without statement or article nodes.
type EntityGraph struct {
	Nodes []Node
	Edges []Edge
}

type stmtRec struct {
	s, p, o, article string
	conf             float64
	relation         string
	notAsserted      bool
	open             bool
	time             string
}

// EntityGraph reads the entity graph of the whole store, or with doc set, of one article.
// Nodes and edges come sorted by id, so output built from it is deterministic.
func (s *Store) EntityGraph(ctx context.Context, doc string) (_ *EntityGraph, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	stmts := map[string]*stmtRec{}
	ents := map[string]*Node{}
	articles := map[string]map[string]bool{}
	node := func(id string) *Node {
		n := ents[id]
		if n == nil {
			n = &Node{ID: id}
			ents[id] = n
		}
		return n
	}
	stmt := func(id string) *stmtRec {
		r := stmts[id]
		if r == nil {
			r = &stmtRec{}
			stmts[id] = r
		}
		return r
	}
	collect := func(q quad.Quad) error {
		subj, _ := q.Subject.(quad.IRI)
		pred, _ := q.Predicate.(quad.IRI)
		sid, p := string(subj), string(pred)
		if strings.HasPrefix(sid, "stmt/") {
			r := stmt(sid)
			switch p {
			case schema.PropSubject:
				r.s = iriOf(q.Object)
			case schema.PropPredicate:
				r.p = schema.PredicateName(iriOf(q.Object))
			case schema.PropObject:
				r.o = iriOf(q.Object) // "" for literals: not an entity edge
			case schema.PropArticle:
				r.article = articleID(q.Object)
			case schema.PropConfidence:
				if f, ok := quad.NativeOf(q.Object).(float64); ok {
					r.conf = f
				}
			case schema.PropRelation:
				r.relation = quad.ToString(q.Object)
			case schema.PropNegated, schema.PropModality:
				r.notAsserted = true
			case schema.PropOpen:
				r.open = true
			case schema.PropTime:
				r.time, _, _ = strings.Cut(literalText(q.Object), "/")
				if r.time == ".." {
					r.time = ""
				}
			}
			return nil
		}
		if strings.HasPrefix(sid, "article/") || sid == "" {
			return nil
		}
		switch p {
		case schema.PropName:
			node(sid).Name = quad.ToString(q.Object)
		case schema.PropType:
			if t, ok := schema.TypeOfClass(iriOf(q.Object)); ok {
				node(sid).Type = t.Label
			}
		case schema.PropAlias:
			n := node(sid)
			n.Aliases = append(n.Aliases, quad.ToString(q.Object))
		case schema.PropMentionedIn:
			if articles[sid] == nil {
				articles[sid] = map[string]bool{}
			}
			articles[sid][articleID(q.Object)] = true
		}
		return nil
	}
	if err := s.EachQuad(ctx, doc, collect); err != nil {
		return nil, err
	}
	if doc != "" { // names, types and aliases carry no label: read them for the article's entities
		for id := range articles {
			if err := s.eachQuadOf(ctx, id, collect); err != nil {
				return nil, err
			}
		}
	}
	g := &EntityGraph{}
	for _, id := range sortedKeys(ents) {
		n := ents[id]
		if n.Name == "" || (doc != "" && articles[id] == nil) {
			continue
		}
		sort.Strings(n.Aliases)
		n.Aliases = slices.Compact(n.Aliases)
		n.Articles = len(articles[id])
		g.Nodes = append(g.Nodes, *n)
	}
	edges := map[[3]string]*Edge{}
	srcs := map[[3]string]map[string]bool{}
	rels := map[[3]string]map[string]bool{}
	for _, id := range sortedKeys(stmts) {
		r := stmts[id]
		if r.notAsserted || r.o == "" || ents[r.s] == nil || ents[r.o] == nil {
			continue
		}
		k := [3]string{r.s, r.p, r.o}
		e := edges[k]
		if e == nil {
			e = &Edge{Subject: r.s, Predicate: r.p, Object: r.o}
			edges[k], srcs[k], rels[k] = e, map[string]bool{}, map[string]bool{}
		}
		e.Statements++
		if r.conf > e.Confidence {
			e.Confidence = r.conf
		}
		e.Open = e.Open || r.open
		if r.time != "" && (e.Time == "" || r.time < e.Time) {
			e.Time = r.time
		}
		srcs[k][r.article] = true
		if r.relation != "" {
			rels[k][r.relation] = true
		}
	}
	for _, k := range sortedEdgeKeys(edges) {
		e := edges[k]
		e.Sources = sortedKeys(srcs[k])
		e.Relations = sortedKeys(rels[k])
		g.Edges = append(g.Edges, *e)
	}
	return g, nil
}

// eachQuadOf calls fn for every quad whose subject is the node with the given short IRI.
func (s *Store) eachQuadOf(ctx context.Context, iri string, fn func(quad.Quad) error) error {
	return s.eachQuadWith(ctx, quad.Subject, quad.IRI(iri), fn)
}

func iriOf(v quad.Value) string {
	if iri, ok := v.(quad.IRI); ok {
		return string(iri)
	}
	return ""
}

// articleID returns the article id of an article node IRI.
func articleID(v quad.Value) string {
	return schema.ArticleIDOf(iriOf(v))
}
