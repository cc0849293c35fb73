// Package serve is newsgraph's graph explorer: an HTTP server with a JSON API (Gizmo queries,
// entity search, neighbourhoods, fact provenance, what an entity said, paths between entities,
// the facts of a predicate, an overview, statistics, the vocabulary) and an embedded single-page viewer,
// and the same viewer written as one self-contained HTML file (WriteStandalone).
//
// It reads the store only: it has no endpoint that writes, never opens a store for writing and
// never extracts anything from text (it must not import package extract). Every request is
// bounded: request bodies are capped and read, within a deadline, before the request takes one of
// the fixed number of slots for API requests; Gizmo queries have a time, a result, a size and a
// memory limit, and with Config.Worker run in processes of their own that are killed at their
// deadline. Requests sent by pages of other origins are refused, and with Config.AuthToken the
// API answers only requests that carry the token. Settings.Config checks the settings a command
// line gives (address, limits, token or token file) and makes the Config: a server listening
// beyond localhost has a token.
package serve

import (
	"bytes"
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

//go:embed web
var webFS embed.FS

// Defaults of Config.
const (
	DefaultQueryTimeout  = 10 * time.Second
	DefaultMaxResults    = 1000
	DefaultMaxBody       = 64 << 10
	DefaultMaxConcurrent = 8
	DefaultQueryMemory   = 1 << 30
	DefaultBodyTimeout   = 10 * time.Second
	// maxResponse caps the encoded size of one Gizmo answer.
	maxResponse = 8 << 20
)

// Config bounds what one server does. Zero fields take the defaults above.
type Config struct {
	// QueryTimeout stops a Gizmo query that runs longer.
	QueryTimeout time.Duration
	// MaxResults stops a Gizmo query after this many results.
	MaxResults int
	// MaxBody caps request bodies, in bytes.
	MaxBody int64
	// MaxConcurrent is how many API requests run at once; the others wait their turn.
	MaxConcurrent int
	// QueryMemory bounds the memory of Gizmo queries (a script that recurses or allocates
	// without end). In this process, queries are stopped while the server's heap is more than
	// this many bytes above what it was when the server was made; with Worker, each of the
	// MaxConcurrent workers may add QueryMemory/MaxConcurrent (at least 64 MB) to its own.
	QueryMemory uint64
	// Worker, when set, runs Gizmo queries in worker processes (see graph.QueryWorker), which
	// can be stopped for real; its Memory is set from QueryMemory. Queries of a memory store
	// run in this process whatever Worker says.
	Worker *graph.QueryWorker
	// BodyTimeout is how long a request may take to send its body. The body is read before
	// the request takes a slot, so slow senders only hold their own connection.
	BodyTimeout time.Duration
	// AuthToken, when set, is a secret every API request must carry: as "Authorization: Bearer
	// TOKEN", or in the cookie that opening the page as /?token=TOKEN sets.
	AuthToken string
	// LocalOnly refuses requests whose Host header is not a loopback name or address, so that a
	// web page elsewhere cannot reach a localhost server through DNS rebinding.
	LocalOnly bool
}

// minWorkerMemory is the least memory a query worker is given: the Go runtime grows its heap
// 64 MB at a time.
const minWorkerMemory = 64 << 20

// queryMemory returns the memory bound of one query, as its error message gives it.
func (s *Server) queryMemory() uint64 {
	if s.cfg.Worker != nil && !s.st.InProcess() {
		return s.cfg.Worker.Memory
	}
	return s.cfg.QueryMemory
}

// Server answers the API and serves the page for one store. It is an http.Handler.
type Server struct {
	st  *graph.Store
	cfg Config
	mux *http.ServeMux
	sem chan struct{}
	// maxHeap is the heap at which Gizmo queries are stopped.
	maxHeap uint64
}

// New returns the server of st. The store must stay open while the server runs; the server only
// reads it.
func New(st *graph.Store, cfg Config) *Server {
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = DefaultQueryTimeout
	}
	if cfg.MaxResults <= 0 {
		cfg.MaxResults = DefaultMaxResults
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.MaxConcurrent <= 0 {
		cfg.MaxConcurrent = DefaultMaxConcurrent
	}
	if cfg.QueryMemory == 0 {
		cfg.QueryMemory = DefaultQueryMemory
	}
	if cfg.BodyTimeout <= 0 {
		cfg.BodyTimeout = DefaultBodyTimeout
	}
	if cfg.Worker != nil {
		w := *cfg.Worker
		w.Memory = max(cfg.QueryMemory/uint64(cfg.MaxConcurrent), minWorkerMemory)
		cfg.Worker = &w
	}
	s := &Server{st: st, cfg: cfg, mux: http.NewServeMux(), sem: make(chan struct{}, cfg.MaxConcurrent)}
	s.maxHeap = graph.HeapInUse() + cfg.QueryMemory
	s.routes()
	return s
}

func (s *Server) routes() {
	api := func(pattern string, h func(http.ResponseWriter, *http.Request) error) {
		s.mux.Handle(pattern, s.limit(h))
	}
	api("POST /api/v1/query/gizmo", s.gizmo)
	api("GET /api/v1/search", s.search)
	api("GET /api/v1/entity/{rest...}", s.entity)
	api("GET /api/v1/fact", s.fact)
	api("GET /api/v1/stats", s.stats)
	api("GET /api/v1/articles", s.articles)
	api("GET /api/v1/overview", s.overview)
	api("GET /api/v1/paths", s.paths)
	api("GET /api/v1/predicate", s.predicate)
	api("GET /api/v1/schema", s.vocabulary)
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Errorf("no endpoint %s %s (the API is read-only)", r.Method, r.URL.Path))
	})
	static, err := fs.Sub(webFS, "web")
	if err != nil {
		panic(err) // the embedded folder is part of the binary
	}
	files := http.FileServerFS(static)
	s.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.AuthToken != "" && r.URL.Query().Has("token") {
			// The token comes once in the address; the page's own requests carry it in a
			// cookie that other sites' pages cannot send (SameSite=Strict).
			if !s.validToken(r.URL.Query().Get("token")) {
				writeError(w, http.StatusUnauthorized, errors.New("wrong token"))
				return
			}
			http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: r.URL.Query().Get("token"), Path: "/",
				HttpOnly: true, SameSite: http.SameSiteStrictMode})
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return
		}
		page, err := webFS.ReadFile("web/index.html")
		if err != nil {
			writeError(w, http.StatusInternalServerError, err)
			return
		}
		pageHeaders(w)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			writeError(w, http.StatusMethodNotAllowed, fmt.Errorf("%s %s: the server is read-only", r.Method, r.URL.Path))
			return
		}
		pageHeaders(w)
		files.ServeHTTP(w, r)
	})
}

// pageHeaders keeps the page to its own origin: nothing is fetched from elsewhere.
func pageHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "+
		"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
}

// tokenCookie is the cookie that carries Config.AuthToken for the page's requests.
const tokenCookie = "newsgraph_token"

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.cfg.LocalOnly && !Loopback(r.Host) {
		writeError(w, http.StatusForbidden, fmt.Errorf("host %q refused: this server answers localhost only", r.Host))
		return
	}
	if err := sameOrigin(r); err != nil {
		writeError(w, http.StatusForbidden, err)
		return
	}
	if s.cfg.AuthToken != "" && strings.HasPrefix(r.URL.Path, "/api/") && !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
		writeError(w, http.StatusUnauthorized, errors.New("this server needs its token: send Authorization: Bearer TOKEN, or open the page as /?token=TOKEN"))
		return
	}
	s.mux.ServeHTTP(w, r)
}

// sameOrigin refuses requests that a page of another origin sent: a browser names the page's
// origin in Origin (on every POST, and on cross-origin requests) and says in Sec-Fetch-Site
// whether it is another site's. A simple text/plain POST needs no CORS preflight, so refusing
// it here is what keeps a page elsewhere from running queries on a local server. Requests
// without either header (curl, scripts) are not a browser's, and pass.
func sameOrigin(r *http.Request) error {
	if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" || site == "same-site" {
		return fmt.Errorf("refused: a request from another site's page (Sec-Fetch-Site: %s)", site)
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return nil
	}
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.EqualFold(u.Host, r.Host) {
		return fmt.Errorf("refused: a request from the page of another origin (%q)", origin)
	}
	return nil
}

// authorized reports whether r carries the server's token.
func (s *Server) authorized(r *http.Request) bool {
	if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return s.validToken(tok)
	}
	c, err := r.Cookie(tokenCookie)
	return err == nil && s.validToken(c.Value)
}

// validToken compares tok with the server's token in a time that does not depend on where they
// differ.
func (s *Server) validToken(tok string) bool {
	return subtle.ConstantTimeCompare([]byte(tok), []byte(s.cfg.AuthToken)) == 1
}

// Loopback reports whether a host, or a host:port address or Host header, names this machine
// ("localhost" or a loopback address): a server listening there is not reachable from others.
func Loopback(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// limit reads the request's body (capped, within BodyTimeout), then runs h when one of the
// MaxConcurrent slots is free, and writes its error as JSON. Reading first keeps a slow upload
// from holding a slot.
func (s *Server) limit(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		body, err := s.readBody(w, r)
		if err != nil {
			writeError(w, statusOf(err), err)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		select {
		case s.sem <- struct{}{}:
			defer func() { <-s.sem }()
		case <-r.Context().Done():
			writeError(w, http.StatusServiceUnavailable, errors.New("server busy"))
			return
		}
		if err := h(w, r); err != nil {
			writeError(w, statusOf(err), err)
		}
	})
}

// readBody reads r's body, at most MaxBody bytes, within BodyTimeout.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	rc := http.NewResponseController(w)
	// Servers that cannot set deadlines (some test recorders) read without one.
	_ = rc.SetReadDeadline(time.Now().Add(s.cfg.BodyTimeout))
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	_ = rc.SetReadDeadline(time.Time{})
	if err != nil {
		var mbe *http.MaxBytesError
		var ne net.Error
		switch {
		case errors.As(err, &mbe):
			return nil, &httpError{http.StatusRequestEntityTooLarge, fmt.Errorf("request body longer than %d bytes", s.cfg.MaxBody)}
		case errors.As(err, &ne) && ne.Timeout():
			return nil, &httpError{http.StatusRequestTimeout, fmt.Errorf("the request body took more than %v to arrive", s.cfg.BodyTimeout)}
		}
		return nil, badRequest("read the request body: %w", err)
	}
	return body, nil
}

// httpError is an error with the HTTP status it deserves.
type httpError struct {
	status int
	err    error
}

func (e *httpError) Error() string { return e.err.Error() }
func (e *httpError) Unwrap() error { return e.err }

// badRequest marks err as the client's fault.
func badRequest(format string, args ...any) error {
	return &httpError{http.StatusBadRequest, fmt.Errorf(format, args...)}
}

func statusOf(err error) int {
	var he *httpError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		return he.status
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, graph.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	default:
		return http.StatusInternalServerError
	}
}

// errorBody is the answer of every failed request.
type errorBody struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, status int, err error) {
	writeJSON(w, status, errorBody{Error: err.Error()})
}

// writeJSON writes v as indented JSON. encoding/json writes struct fields in their declared
// order and map keys sorted, so the same answer is the same bytes.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := encodeJSON(v)
	if err != nil {
		status = http.StatusInternalServerError
		b, _ = encodeJSON(errorBody{Error: fmt.Sprintf("encode answer: %v", err)})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(b)
}

func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
