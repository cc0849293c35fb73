package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// GraphJSON is a part of the entity graph: a neighbourhood, or the whole graph.
type GraphJSON struct {
	Center    string       `json:"center,omitempty"`
	Nodes     []graph.Node `json:"nodes"`
	Edges     []graph.Edge `json:"edges"`
	Truncated bool         `json:"truncated,omitempty"`
}

// FactJSON is the provenance of one fact.
type FactJSON struct {
	Subject    graph.Node        `json:"subject"`
	Predicate  string            `json:"predicate"`
	Object     graph.Node        `json:"object"`
	Statements []graph.Statement `json:"statements"`
}

func graphJSON(g *graph.EntityGraph) GraphJSON {
	return GraphJSON{Nodes: nonNil(g.Nodes), Edges: nonNil(g.Edges)}
}

// nonNil returns s, or an empty slice for nil: JSON lists are [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// gizmoAnswer is the Cayley-compatible answer of a Gizmo query.
type gizmoAnswer struct {
	Result []json.RawMessage `json:"result"`
}

// gizmo runs the request body as a Gizmo query within the server's limits: in a worker process
// when Config.Worker is set, else in this process.
func (s *Server) gizmo(w http.ResponseWriter, r *http.Request) error {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return badRequest("read query: %w", err)
	}
	q := strings.TrimSpace(string(body))
	if q == "" {
		return badRequest("empty query: send the Gizmo query as the request body")
	}
	if !utf8.ValidString(q) {
		return badRequest("the query is not UTF-8 text")
	}
	lim := graph.QueryLimits{Timeout: s.cfg.QueryTimeout, MaxResults: s.cfg.MaxResults, MaxHeap: s.maxHeap, MaxBytes: maxResponse}
	var res []json.RawMessage
	if s.cfg.Worker != nil {
		res, err = s.cfg.Worker.Gizmo(r.Context(), s.st, q, lim)
	} else {
		res, err = s.st.GizmoJSON(r.Context(), q, lim)
	}
	if err != nil {
		switch {
		case errors.Is(err, graph.ErrQueryTimeout):
			return badRequest("%w (%v)", err, s.cfg.QueryTimeout)
		case errors.Is(err, graph.ErrQueryMemory):
			return &httpError{http.StatusServiceUnavailable, fmt.Errorf("%w: the query's memory grew by more than %d MB", err, s.queryMemory()>>20)}
		case errors.Is(err, graph.ErrQueryTooLarge):
			return badRequest("the results take more than %d MB: ask for fewer (Limit) or smaller values", maxResponse>>20)
		}
		return badRequest("%w", err)
	}
	b, err := encodeJSON(gizmoAnswer{Result: res})
	if err != nil {
		return badRequest("the results cannot be written as JSON: %w", err)
	}
	if len(b) > maxResponse {
		return badRequest("the results take more than %d MB: ask for fewer (Limit) or smaller values", maxResponse>>20)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
	return nil
}

// search answers entity search by name or alias prefix.
func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	limit, err := intParam(q, "limit", 20, 1, 200)
	if err != nil {
		return err
	}
	text := q.Get("q")
	if len(text) > 200 {
		return badRequest("q is longer than 200 bytes")
	}
	tr, err := timeRange(q)
	if err != nil {
		return err
	}
	hits, err := s.st.Search(r.Context(), text, limit)
	if err != nil {
		return err
	}
	if tr.Set() { // only entities with a fact dated in the range
		kept := hits[:0]
		for _, h := range hits {
			ok, err := s.st.HasFactsIn(r.Context(), h.ID, tr)
			if err != nil {
				return err
			}
			if ok {
				kept = append(kept, h)
			}
		}
		hits = kept
	}
	writeJSON(w, http.StatusOK, map[string]any{"results": hits})
	return nil
}

// entity answers /api/v1/entity/{id} (the entity), /api/v1/entity/{id}/neighbourhood and
// /api/v1/entity/{id}/statements.
func (s *Server) entity(w http.ResponseWriter, r *http.Request) error {
	rest := r.PathValue("rest")
	id, part := rest, ""
	for _, suffix := range []string{"neighbourhood", "neighborhood", "statements"} {
		if i, ok := strings.CutSuffix(rest, "/"+suffix); ok {
			id, part = i, suffix
			break
		}
	}
	id = trimIRI(id)
	if !validID(id) {
		return badRequest("bad entity id %q: expected a short IRI such as person/maria-lopez", id)
	}
	switch part {
	case "":
		n, err := s.st.Entity(r.Context(), id)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, n)
		return nil
	case "statements":
		return s.statements(w, r, id)
	}
	opt, err := neighbourhoodOptions(r.URL.Query())
	if err != nil {
		return err
	}
	nb, err := s.st.Neighbourhood(r.Context(), id, opt)
	if err != nil {
		return err
	}
	g := graphJSON(&nb.EntityGraph)
	g.Center, g.Truncated = nb.Center, nb.Truncated
	writeJSON(w, http.StatusOK, g)
	return nil
}

// neighbourhoodOptions reads the filters of a neighbourhood request.
func neighbourhoodOptions(q url.Values) (graph.NeighbourhoodOptions, error) {
	var opt graph.NeighbourhoodOptions
	var err error
	if opt.Hops, err = intParam(q, "hops", 1, 1, 2); err != nil {
		return opt, err
	}
	if opt.MinSources, err = intParam(q, "min_sources", 0, 0, 1000000); err != nil {
		return opt, err
	}
	if opt.MaxNodes, err = intParam(q, "max_nodes", graph.DefaultMaxNodes, 1, 2000); err != nil {
		return opt, err
	}
	if opt.MinConfidence, err = confidenceParam(q.Get("min_confidence")); err != nil {
		return opt, err
	}
	opt.Predicates = listParam(q, "predicate")
	for i, p := range opt.Predicates {
		opt.Predicates[i] = strings.ReplaceAll(trimIRI(p), "_", " ")
	}
	opt.Types = listParam(q, "type")
	for i, t := range opt.Types {
		opt.Types[i] = strings.ToUpper(t)
	}
	opt.Article = q.Get("article")
	opt.Time, err = timeRange(q)
	return opt, err
}

// timeRange reads the from and to parameters (ISO 8601 dates: 2022, 2022-10, 2022-10-04).
func timeRange(q url.Values) (graph.TimeRange, error) {
	r := graph.TimeRange{From: q.Get("from"), To: q.Get("to")}
	for _, v := range []string{r.From, r.To} {
		if v != "" && !graph.ValidDate(v) {
			return r, badRequest("from and to must be dates such as 2022, 2022-10 or 2022-10-04, not %q", v)
		}
	}
	return r, nil
}

// fact answers the provenance of subject —predicate→ object.
func (s *Server) fact(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	subj, pred, obj := trimIRI(q.Get("s")), q.Get("p"), trimIRI(q.Get("o"))
	if !validID(subj) || !validID(obj) {
		return badRequest("give the fact as s=SUBJECT&p=PREDICATE&o=OBJECT with entity ids (p may be empty)")
	}
	pred = strings.ReplaceAll(trimIRI(pred), "_", " ")
	sts, err := s.st.Provenance(r.Context(), subj, pred, obj)
	if err != nil {
		return err
	}
	out := FactJSON{Predicate: pred, Statements: linkable(sts)}
	for _, p := range []struct {
		id  string
		dst *graph.Node
	}{{subj, &out.Subject}, {obj, &out.Object}} {
		*p.dst = graph.Node{ID: p.id}
		if n, err := s.st.Entity(r.Context(), p.id); err == nil {
			*p.dst = *n
		}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// stats answers the store's counts.
func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.st.Stats(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, st)
	return nil
}

// articles answers the list of articles (for the article filter).
func (s *Server) articles(w http.ResponseWriter, r *http.Request) error {
	as, err := s.st.Articles(r.Context())
	if err != nil {
		return err
	}
	for i := range as {
		as[i].URL = safeURL(as[i].URL)
	}
	writeJSON(w, http.StatusOK, map[string]any{"articles": as})
	return nil
}

// safeURL returns u when it is an http or https address, else "": the viewer makes article URLs
// links, and a javascript: or data: URL in an article's metadata would run in the viewer's origin
// when clicked.
func safeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

// linkable returns sts with the URLs of their articles made safe (safeURL).
func linkable(sts []graph.Statement) []graph.Statement {
	for i := range sts {
		sts[i].Article.URL = safeURL(sts[i].Article.URL)
	}
	return sts
}

func trimIRI(s string) string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "<"), ">")
}

// validID accepts a short entity IRI: type slug, "/", rest; printable, bounded.
func validID(id string) bool {
	if len(id) == 0 || len(id) > 500 || !utf8.ValidString(id) {
		return false
	}
	slash := strings.IndexByte(id, '/')
	if slash <= 0 || slash == len(id)-1 {
		return false
	}
	for _, r := range id {
		if r < ' ' || r == 0x7f || r == '<' || r == '>' {
			return false
		}
	}
	return true
}

func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, badRequest("%s must be a whole number from %d to %d, not %q", name, lo, hi, v)
	}
	return n, nil
}

// listParam reads a parameter given repeatedly or comma-separated.
func listParam(q url.Values, name string) []string {
	var out []string
	for _, v := range q[name] {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}
