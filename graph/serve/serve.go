// Package serve is newsgraph's graph explorer: an HTTP server with a JSON API (Gizmo queries,
// entity search, neighbourhoods, fact provenance, statistics) and an embedded single-page viewer,
// and the same viewer written as one self-contained HTML file (WriteStandalone).
//
// It reads the store only: it has no endpoint that writes, never opens a store for writing and
// never extracts anything from text (it must not import package extract). Every request is
// bounded: request bodies are capped, Gizmo queries have a time and a result limit, and only a
// fixed number of API requests run at once. Gizmo queries are also stopped when the server's
// memory grows past a bound.
package serve

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
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
	// QueryMemory stops Gizmo queries while the server's heap is more than this many bytes above
	// what it was when the server was made (a script that recurses or allocates without end).
	QueryMemory uint64
	// LocalOnly refuses requests whose Host header is not a loopback name or address, so that a
	// web page elsewhere cannot reach a localhost server through DNS rebinding.
	LocalOnly bool
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
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Errorf("no endpoint %s %s (the API is read-only)", r.Method, r.URL.Path))
	})
	static, err := fs.Sub(webFS, "web")
	if err != nil {
		panic(err) // the embedded folder is part of the binary
	}
	files := http.FileServerFS(static)
	s.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
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

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.cfg.LocalOnly && !loopbackHost(r.Host) {
		writeError(w, http.StatusForbidden, fmt.Errorf("host %q refused: this server answers localhost only", r.Host))
		return
	}
	s.mux.ServeHTTP(w, r)
}

// loopbackHost reports whether a Host header names this machine.
func loopbackHost(host string) bool {
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

// limit runs h when one of the MaxConcurrent slots is free, with the body capped, and writes its
// error as JSON.
func (s *Server) limit(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case s.sem <- struct{}{}:
			defer func() { <-s.sem }()
		case <-r.Context().Done():
			writeError(w, http.StatusServiceUnavailable, errors.New("server busy"))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		w.Header().Set("Cache-Control", "no-store")
		if err := h(w, r); err != nil {
			writeError(w, statusOf(err), err)
		}
	})
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
