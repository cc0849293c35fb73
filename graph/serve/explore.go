package serve

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// The answers of the explorer's overview, statements, paths, predicate and schema endpoints.

// TypeJSON is an entity type as the API serves it (from schema.EntityTypes).
type TypeJSON struct {
	Label string `json:"label"`
	Name  string `json:"name"`
	Class string `json:"class"`
	Slug  string `json:"slug"`
	Doc   string `json:"doc"`
}

// PredicateJSON is a canonical predicate as the API serves it (from schema.Predicates).
type PredicateJSON struct {
	Name  string `json:"name"`
	Class string `json:"class"`
	Doc   string `json:"doc"`
	// Speech marks a speech act (schema.IsSpeechPredicate): its facts are statements the
	// explorer lists as what their subject said, not only as edges.
	Speech bool `json:"speech,omitempty"`
}

// SchemaJSON is the vocabulary the viewer draws with: the entity types, in their fixed order,
// and the canonical predicates (a predicate of the graph not among them is an open one).
type SchemaJSON struct {
	Types      []TypeJSON      `json:"types"`
	Predicates []PredicateJSON `json:"predicates"`
}

// schemaJSON returns the vocabulary of package schema.
func schemaJSON() SchemaJSON {
	var out SchemaJSON
	for _, t := range schema.EntityTypes {
		out.Types = append(out.Types, TypeJSON{Label: t.Label, Name: t.Name, Class: t.Class, Slug: t.Slug, Doc: t.Doc})
	}
	for _, p := range schema.Predicates() {
		out.Predicates = append(out.Predicates, PredicateJSON{Name: p.Name, Class: p.Class, Doc: p.Doc, Speech: schema.IsSpeechPredicate(p.Name)})
	}
	return out
}

// vocabulary answers the entity types and canonical predicates.
func (s *Server) vocabulary(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, schemaJSON())
	return nil
}

// overview answers the page's opening view: the most-mentioned entities, the newest and the
// best-sourced facts (n of each, 10 by default).
func (s *Server) overview(w http.ResponseWriter, r *http.Request) error {
	n, err := intParam(r.URL.Query(), "n", overviewSize, 1, 100)
	if err != nil {
		return err
	}
	ov, err := s.st.Overview(r.Context(), "", n)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, ov)
	return nil
}

// statements answers what the entity id said and what was said to or about it.
func (s *Server) statements(w http.ResponseWriter, r *http.Request, id string) error {
	limit, err := intParam(r.URL.Query(), "limit", 100, 1, 1000)
	if err != nil {
		return err
	}
	es, err := s.st.EntityStatements(r.Context(), id, limit)
	if err != nil {
		return err
	}
	linkable(es.By)
	linkable(es.About)
	writeJSON(w, http.StatusOK, es)
	return nil
}

// paths answers the shortest paths between two entities: from=ID&to=ID, with max (the most
// steps, 1 to 6, default 4), limit (the most paths, 1 to 50, default 10) and min_confidence.
func (s *Server) paths(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	from, to := trimIRI(q.Get("from")), trimIRI(q.Get("to"))
	if !validID(from) || !validID(to) {
		return badRequest("give the two entities as from=ID&to=ID with entity ids such as person/maria-lopez")
	}
	var opt graph.PathOptions
	var err error
	if opt.MaxLength, err = intParam(q, "max", graph.DefaultMaxPathLength, 1, 6); err != nil {
		return err
	}
	if opt.MaxPaths, err = intParam(q, "limit", graph.DefaultMaxPaths, 1, 50); err != nil {
		return err
	}
	if opt.MinConfidence, err = confidenceParam(q.Get("min_confidence")); err != nil {
		return err
	}
	ps, err := s.st.Paths(r.Context(), from, to, opt)
	if err != nil {
		return err
	}
	for _, p := range ps.Paths {
		for _, st := range p.Steps {
			for _, f := range st.Facts {
				linkable(f.Evidence)
			}
		}
	}
	writeJSON(w, http.StatusOK, ps)
	return nil
}

// predicate answers the facts of one predicate over the whole graph: name=PREDICATE (spaces or
// "_"), with limit (1 to 1000, default 200).
func (s *Server) predicate(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	name := strings.ReplaceAll(trimIRI(q.Get("name")), "_", " ")
	if name == "" || len(name) > 200 {
		return badRequest("give the predicate as name=PREDICATE (such as praised or replied_to)")
	}
	limit, err := intParam(q, "limit", 200, 1, 1000)
	if err != nil {
		return err
	}
	pf, err := s.st.FactsWithPredicate(r.Context(), name, limit)
	if err != nil {
		return err
	}
	linkable(pf.Statements)
	writeJSON(w, http.StatusOK, pf)
	return nil
}

// confidenceParam reads a confidence from 0 to 1 ("" is 0).
func confidenceParam(v string) (float64, error) {
	if v == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 || f > 1 || f != f {
		return 0, badRequest("min_confidence must be a number from 0 to 1, not %q", v)
	}
	return f, nil
}
