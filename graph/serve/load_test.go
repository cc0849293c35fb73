package serve

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/storetest"
)

// persistentFixture writes the fixture into a new store of backend (bolt or postgres) and returns
// its location, or skips where the backend cannot run here (see storetest.Location).
func persistentFixture(t testing.TB, backend string) string {
	t.Helper()
	ctx := context.Background()
	path := storetest.Location(t, backend)
	w, err := graph.Open(ctx, graph.Options{Backend: backend, Path: path})
	if err != nil {
		t.Fatal(err)
	}
	var qs []quad.Quad
	if err := fixtureStore(t).EachQuad(ctx, "", func(q quad.Quad) error { qs = append(qs, q); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(ctx, qs); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// openReadOnly opens the store of backend at path as `newsgraph serve` does.
func openReadOnly(t testing.TB, backend, path string) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), graph.Options{Backend: backend, Path: path, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// quadCount returns the number of quads in st.
func quadCount(t *testing.T, st *graph.Store) int64 {
	t.Helper()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.Quads
}

// heapAfterGC returns the live heap once garbage is collected.
func heapAfterGC() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// loadRequest is one request of the load test.
type loadRequest struct {
	method, path, body string
}

// loadMix is what the clients of the load test ask: Gizmo queries, entity search and
// neighbourhoods, with a fact and the statistics.
var loadMix = []loadRequest{
	{"POST", "/api/v1/query/gizmo", `g.V("<person/maria-lopez>").Out("<praised>").Unique().Out("<name>").All()`},
	{"GET", "/api/v1/search?q=lo", ""},
	{"GET", "/api/v1/entity/person/maria-lopez/neighbourhood?hops=2", ""},
	{"POST", "/api/v1/query/gizmo", `var facts = g.V().Has("<type>", "<Predicate>"); g.V("<org/acme-shipping>").Both(facts).Unique().Out("<name>").All()`},
	{"GET", "/api/v1/search?q=acme&limit=5", ""},
	{"GET", "/api/v1/entity/org/acme-shipping/neighbourhood?hops=1&min_confidence=0.5", ""},
	{"POST", "/api/v1/query/gizmo", `g.V().Has("<type>", "<Statement>").Save("<evidence>", "e").All()`},
	{"GET", "/api/v1/fact?s=person/maria-lopez&p=praised&o=org/acme-shipping", ""},
	{"GET", "/api/v1/stats", ""},
}

// load sends clients×n requests from clients goroutines (each cycling through loadMix from its
// own place) and returns every failure: a transport error, a status other than 200, a body that is
// not JSON or that holds an error.
func load(client *http.Client, base string, clients, n int) []error {
	var mu sync.Mutex
	var errs []error
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; i < n; i++ {
				r := loadMix[(c+i)%len(loadMix)]
				err := func() error {
					req, err := http.NewRequest(r.method, base+r.path, strings.NewReader(r.body))
					if err != nil {
						return err
					}
					resp, err := client.Do(req)
					if err != nil {
						return err
					}
					defer resp.Body.Close()
					var body map[string]any
					if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
						return fmt.Errorf("status %d, body: %w", resp.StatusCode, err)
					}
					if resp.StatusCode != http.StatusOK || body["error"] != nil {
						return fmt.Errorf("status %d, error %v", resp.StatusCode, body["error"])
					}
					return nil
				}()
				if err != nil {
					mu.Lock()
					errs = append(errs, fmt.Errorf("%s %s: %w", r.method, r.path, err))
					mu.Unlock()
				}
			}
		}(c)
	}
	wg.Wait()
	return errs
}

// TestLoad runs 8 clients against the server on loopback, in a warm-up and two measured halves of
// 8×54 requests each: no request may fail, and the live heap after the second half may not
// exceed the one after the first by more than 4 MB (a leak of 10 KB a request, such as a Gizmo
// session kept alive, would not pass that), nor may goroutines pile up. The persistent stores are
// served read-only, as `newsgraph serve` does, and a bolt file is unchanged afterwards.
func TestLoad(t *testing.T) {
	const clients, perHalf = 8, 54
	for _, backend := range []string{"memory", "bolt", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			st := fixtureStore(t)
			var path string
			var before [32]byte
			if backend != "memory" {
				path = persistentFixture(t, backend)
				st = openReadOnly(t, backend, path)
			}
			if backend == "bolt" {
				before = fileHash(t, path)
			}
			ts := httptest.NewServer(New(st, Config{QueryTimeout: 10 * time.Second}))
			defer ts.Close()
			tr := &http.Transport{MaxIdleConnsPerHost: clients}
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr, Timeout: time.Minute}

			for _, err := range load(client, ts.URL, clients, len(loadMix)) { // warm-up
				t.Error(err)
			}
			goroutines := runtime.NumGoroutine()
			heap0 := heapAfterGC()
			for _, err := range load(client, ts.URL, clients, perHalf) {
				t.Error(err)
			}
			heap1 := heapAfterGC()
			for _, err := range load(client, ts.URL, clients, perHalf) {
				t.Error(err)
			}
			heap2 := heapAfterGC()
			t.Logf("live heap: %d KB after warm-up, %d KB after the first half, %d KB after the second", heap0>>10, heap1>>10, heap2>>10)
			if growth := int64(heap2) - int64(heap1); growth > 4<<20 {
				t.Errorf("the live heap grew by %d KB over %d requests", growth>>10, clients*perHalf)
			}
			// The clients keep their connections: the goroutines now are the ones of the warm-up.
			if n := runtime.NumGoroutine(); n > goroutines+clients {
				t.Errorf("%d goroutines after the load, %d before", n, goroutines)
			}
			if backend == "bolt" && fileHash(t, path) != before {
				t.Error("serving changed the store file")
			}
		})
	}
}

// TestReadOnlyStore checks that the stores `newsgraph serve` opens cannot be written, through the
// store or through the server.
func TestReadOnlyStore(t *testing.T) {
	for _, backend := range []string{"bolt", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			path := persistentFixture(t, backend)
			var before [32]byte
			if backend == "bolt" {
				before = fileHash(t, path)
			}
			st := openReadOnly(t, backend, path)
			quads := quadCount(t, st)
			err := st.Write(context.Background(), []quad.Quad{quad.Make(quad.IRI("a"), quad.IRI("b"), quad.IRI("c"), nil)})
			if !errors.Is(err, graph.ErrReadOnly) {
				t.Errorf("a write to a store opened read-only: %v", err)
			}
			ts := httptest.NewServer(New(st, Config{}))
			defer ts.Close()
			for _, p := range []string{"/api/v1/write", "/api/v2/write", "/api/v1/query/gizmo"} {
				if code := call(t, "POST", ts.URL+p, `g.AddQuad("<a>", "<b>", "<c>"); [{"subject":"<a>","predicate":"<b>","object":"<c>"}]`, nil); code < 400 {
					t.Errorf("POST %s: status %d", p, code)
				}
			}
			if n := quadCount(t, st); n != quads {
				t.Errorf("%d quads, then %d", quads, n)
			}
			st.Close()
			if backend == "bolt" && fileHash(t, path) != before {
				t.Error("the store file changed")
			}
		})
	}
}

// gizmoGlobals are the global names Gizmo scripts see: JavaScript's own and Cayley's query API.
// None reads files, opens connections, starts processes or writes to the store; a Cayley or goja
// upgrade that adds a global fails TestGizmoSandbox until the new name is checked and listed.
var gizmoGlobals = strings.Fields(`Array Boolean Date Error EvalError Function GoError Infinity JSON Math NaN Number Object
	RangeError ReferenceError RegExp String SyntaxError TypeError URIError bnode decodeURI decodeURIComponent encodeURI
	encodeURIComponent eval g graph gt gte iri isFinite isNaN lang like lt lte parseFloat parseInt raw regex str toString
	typed undefined`)

// TestGizmoSandbox checks that a Gizmo script cannot reach files, the network, processes or the
// store's write path: the globals are known ones only, and every attempt fails with an error
// while the store stays as it was.
func TestGizmoSandbox(t *testing.T) {
	ts, st := newTestServer(t, Config{QueryTimeout: 2 * time.Second})
	var ans struct {
		Result []string `json:"result"`
		Error  string   `json:"error"`
	}
	if code := call(t, "POST", ts.URL+"/api/v1/query/gizmo", `g.Emit(Object.getOwnPropertyNames(this).join(" "))`, &ans); code != 200 || len(ans.Result) != 1 {
		t.Fatalf("globals: status %d, %+v", code, ans)
	}
	allowed := map[string]bool{}
	for _, n := range gizmoGlobals {
		allowed[n] = true
	}
	var extra []string
	for _, n := range strings.Fields(ans.Result[0]) {
		if !allowed[n] {
			extra = append(extra, n)
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Errorf("Gizmo scripts see globals not checked: %v", extra)
	}
	before := quadCount(t, st)
	for _, q := range []string{
		`require("fs").readFileSync("/etc/passwd")`,
		`fetch("http://127.0.0.1:1/")`,
		`new XMLHttpRequest()`,
		`new WebSocket("ws://127.0.0.1:1/")`,
		`process.exit(1)`,
		`load("/etc/passwd")`,
		`import("fs")`,
		`Function("return this")().require("child_process")`,
		`this.constructor.constructor("return process")().env`,
		`setTimeout(function() {}, 1)`,
		`Java.type("java.io.File")`,
		`g.AddQuad("<a>", "<b>", "<c>")`,
		`g.V().AddQuad("<a>", "<b>", "<c>")`,
		`graph.Write([])`,
		`GoError.constructor("return require")()("os")`,
	} {
		var bad struct {
			Error string `json:"error"`
		}
		if code := call(t, "POST", ts.URL+"/api/v1/query/gizmo", q, &bad); code != http.StatusBadRequest || bad.Error == "" {
			t.Errorf("%s: status %d, error %q; want 400 with an error", q, code, bad.Error)
		}
	}
	if after := quadCount(t, st); after != before {
		t.Errorf("the store changed: %d quads, then %d", before, after)
	}
}

// TestGizmoRunaways checks that runaway scripts of every shape are stopped: at the time limit,
// or by the memory bound long before their (here one-minute) time limit; and that the server
// answers the next query.
func TestGizmoRunaways(t *testing.T) {
	byTime, _ := newTestServer(t, Config{QueryTimeout: 300 * time.Millisecond})
	byMemory, _ := newTestServer(t, Config{QueryTimeout: time.Minute, QueryMemory: 64 << 20})
	for _, c := range []struct {
		ts     *httptest.Server
		q      string
		status int
		msg    string
	}{
		{byTime, `while (true) {}`, http.StatusBadRequest, "time limit"},
		{byTime, `g.V().ForEach(function(d) { while (true) {} })`, http.StatusBadRequest, "time limit"},
		{byTime, `g.V().Map(function(d) { for (;;) {} })`, http.StatusBadRequest, "time limit"},
		{byTime, `function f() { return f() + 1 }; f()`, http.StatusBadRequest, "time limit"},
		{byTime, `var a = []; while (true) { a.push("x" + a.length) }`, http.StatusBadRequest, "time limit"},
		{byMemory, `function f() { return f() + 1 }; f()`, http.StatusServiceUnavailable, "too much memory"},
		{byMemory, `var a = []; while (true) { a.push({n: a.length, s: "x" + a.length}) }`, http.StatusServiceUnavailable, "too much memory"},
	} {
		var ans struct {
			Error string `json:"error"`
		}
		code := call(t, "POST", c.ts.URL+"/api/v1/query/gizmo", c.q, &ans)
		if code != c.status || !strings.Contains(ans.Error, c.msg) {
			t.Errorf("%s: status %d, error %q; want %d, %q", c.q, code, ans.Error, c.status, c.msg)
		}
		var ok struct {
			Result []any `json:"result"`
		}
		if code := call(t, "POST", c.ts.URL+"/api/v1/query/gizmo", `g.V("<person/maria-lopez>").All()`, &ok); code != 200 || len(ok.Result) != 1 {
			t.Fatalf("after %s: status %d, %v", c.q, code, ok.Result)
		}
	}
}

// TestEndlessResults checks that a script that never stops emitting results is stopped at the
// result limit.
func TestEndlessResults(t *testing.T) {
	ts, _ := newTestServer(t, Config{QueryTimeout: 5 * time.Second, MaxResults: 50})
	for _, q := range []string{`for (;;) { g.V().All() }`, `for (var i = 0; ; i++) { g.Emit(i) }`} {
		var ans struct {
			Result []any  `json:"result"`
			Error  string `json:"error"`
		}
		if code := call(t, "POST", ts.URL+"/api/v1/query/gizmo", q, &ans); code != 200 || len(ans.Result) != 50 {
			t.Errorf("%s: status %d, %d results, error %q; want the first 50", q, code, len(ans.Result), ans.Error)
		}
	}
}

// TestResultSizeCap checks that an answer larger than the cap is refused with a message instead
// of being sent.
func TestResultSizeCap(t *testing.T) {
	ts, _ := newTestServer(t, Config{})
	var ans struct {
		Result []any  `json:"result"`
		Error  string `json:"error"`
	}
	q := `var s = "x"; while (s.length < 9000000) { s = s + s }; g.Emit(s)`
	code := call(t, "POST", ts.URL+"/api/v1/query/gizmo", q, &ans)
	if code != http.StatusBadRequest || !strings.Contains(ans.Error, "more than 8 MB") || len(ans.Result) != 0 {
		t.Errorf("a 16 MB answer: status %d, error %q", code, ans.Error)
	}
	resp, err := http.Post(ts.URL+"/api/v1/query/gizmo", "text/plain", strings.NewReader(`g.Emit("small")`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "small") {
		t.Errorf("after the big answer: status %d, %s", resp.StatusCode, b)
	}
}
