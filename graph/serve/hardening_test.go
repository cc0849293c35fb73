package serve

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/testbin"
	"github.com/newsgraph/newsgraph/schema"
)

// workerEnv makes this test binary a Gizmo query worker (see TestMain).
const workerEnv = "NEWSGRAPH_TEST_GIZMO_WORKER"

// TestMain lets the tests run this test binary as a query worker: with workerEnv=1 it answers one
// request, as `newsgraph gizmo-worker` does.
func TestMain(m *testing.M) {
	if os.Getenv(workerEnv) == "1" {
		if err := graph.RunQueryWorker(context.Background(), os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	code := m.Run()
	testbin.Cleanup()
	os.Exit(code)
}

// workerExits collects how the workers of a test ended.
type workerExits struct {
	mu    sync.Mutex
	exits []graph.WorkerExit
}

func (w *workerExits) add(e graph.WorkerExit) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.exits = append(w.exits, e)
}

func (w *workerExits) list() []graph.WorkerExit {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]graph.WorkerExit(nil), w.exits...)
}

// workerServer serves the fixture from a bolt store with Gizmo queries in worker processes (this
// test binary, built without -race: see testbin), two at a time with perQuery bytes of memory each.
func workerServer(t testing.TB, timeout time.Duration, perQuery uint64) (*httptest.Server, *Server, *workerExits) {
	t.Helper()
	return workerServerOf(t, "bolt", timeout, perQuery)
}

// workerServerOf is workerServer over a store of backend (bolt or postgres).
func workerServerOf(t testing.TB, backend string, timeout time.Duration, perQuery uint64) (*httptest.Server, *Server, *workerExits) {
	t.Helper()
	st := openReadOnly(t, backend, persistentFixture(t, backend))
	exits := &workerExits{}
	bin, err := testbin.NoRace()
	if err != nil {
		t.Fatal(err)
	}
	w := &graph.QueryWorker{Command: []string{bin}, Env: []string{workerEnv + "=1"}, Done: exits.add}
	srv := New(st, Config{QueryTimeout: timeout, MaxConcurrent: 2, QueryMemory: 2 * perQuery, Worker: w})
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts, srv, exits
}

// hardeningQueries are the scripts that ended or outgrew the server before queries ran in
// workers: stack overflows inside built-ins, a regular expression that backtracks for hours, an
// allocation of gigabytes in one built-in, and an answer of 2 GB.
// A recursion that allocates as it goes may meet the memory bound before the stack bound, on a
// machine where the collector falls behind (a loaded one): orMemory accepts that answer too. Both
// end only the worker.
var hardeningQueries = []struct {
	q        string
	status   int
	msg      string
	orMemory bool
}{
	{`var o={get x(){return this.x}}; o.x`, http.StatusBadRequest, "overflowed the stack", true},
	{`var a=[]; a[0]=a; a.join()`, http.StatusBadRequest, "overflowed the stack", true},
	{`var o={toString:function(){return String(this)}}; "" + o`, http.StatusBadRequest, "overflowed the stack", true},
	{`var o={valueOf:function(){return this + 1}}; o + 1`, http.StatusBadRequest, "overflowed the stack", true},
	{`/^(a+)+\1b$/.test("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")`, http.StatusBadRequest, "time limit", false},
	{`new Array(2e8).join("xxxxxxxxxx").length`, http.StatusServiceUnavailable, "too much memory", false},
	{`var s = "x"; while (s.length < 2e6) { s = s + s }; for (var i = 0; i < 1000; i++) { g.Emit(s + i) }`, http.StatusBadRequest, "more than 8 MB", false},
}

// TestGizmoWorkerStopsRunaways checks that each hardening query is answered with an error while
// the server stays up and answers the next query; that the query's worker process has ended by
// the time the answer comes (nothing of the query runs on); and that its peak resident memory
// stayed within its bound above what an idle worker takes.
func TestGizmoWorkerStopsRunaways(t *testing.T) {
	const perQuery = 256 << 20
	// The scripts that end by themselves run with a time limit they never reach (one that only
	// ends a test that would otherwise hang), so that a loaded machine does not change their
	// answer; the regular expression, which runs for hours, with a short one.
	patient, patientSrv, patientExits := workerServer(t, 2*time.Minute, perQuery)
	hasty, hastySrv, hastyExits := workerServer(t, 2*time.Second, perQuery)
	ok := `g.V("<person/maria-lopez>").Out("<name>").All()`
	var ans struct {
		Result []any  `json:"result"`
		Error  string `json:"error"`
	}
	var idle uint64
	for _, ts := range []*httptest.Server{patient, hasty} {
		if code := call(t, "POST", ts.URL+"/api/v1/query/gizmo", ok, &ans); code != 200 || len(ans.Result) != 1 {
			t.Fatalf("a query through a worker: status %d, %+v", code, ans)
		}
	}
	// ru_maxrss of a process that was exec'd counts this process's memory at the exec: the
	// idle worker's peak includes it.
	idle = max(patientExits.list()[0].PeakRSS, hastyExits.list()[0].PeakRSS)
	for _, c := range hardeningQueries {
		ts, srv, exits := patient, patientSrv, patientExits
		if c.msg == "time limit" {
			ts, srv, exits = hasty, hastySrv, hastyExits
		}
		before := len(exits.list())
		var bad struct {
			Error string `json:"error"`
		}
		code := call(t, "POST", ts.URL+"/api/v1/query/gizmo", c.q, &bad)
		memory := c.orMemory && code == http.StatusServiceUnavailable && strings.Contains(bad.Error, "too much memory")
		if (code != c.status || !strings.Contains(bad.Error, c.msg)) && !memory {
			t.Errorf("%s: status %d, error %q; want %d, %q", c.q, code, bad.Error, c.status, c.msg)
		}
		got := exits.list()
		if len(got) != before+1 {
			t.Fatalf("%s: %d worker processes ended by the answer, want 1", c.q, len(got)-before)
		}
		rss := got[len(got)-1].PeakRSS
		t.Logf("%s: worker peak RSS %d MB (idle %d MB), killed %v", c.q, rss>>20, idle>>20, got[len(got)-1].Killed)
		if rss > idle+srv.cfg.Worker.Memory {
			t.Errorf("%s: the worker's peak RSS was %d MB, over the %d MB of an idle worker and its %d MB bound",
				c.q, rss>>20, idle>>20, srv.cfg.Worker.Memory>>20)
		}
		ans.Result = nil
		if code := call(t, "POST", ts.URL+"/api/v1/query/gizmo", ok, &ans); code != 200 || len(ans.Result) != 1 {
			t.Fatalf("after %s: status %d, %+v", c.q, code, ans)
		}
	}
}

// TestGizmoWorkerBackends checks that workers query both persistent backends (the worker opens
// the store itself, a PostgreSQL one from the URL in its request) and that a stack overflow ends
// only the worker on each.
func TestGizmoWorkerBackends(t *testing.T) {
	for _, backend := range []string{"bolt", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			ts, _, _ := workerServerOf(t, backend, 2*time.Minute, 256<<20)
			var ans struct {
				Result []map[string]any `json:"result"`
				Error  string           `json:"error"`
			}
			q := `g.V("<person/maria-lopez>").Out("<praised>").Unique().Out("<name>").All()`
			if code := call(t, "POST", ts.URL+"/api/v1/query/gizmo", q, &ans); code != 200 || len(ans.Result) != 1 || ans.Result[0]["id"] != "Acme Shipping" {
				t.Fatalf("status %d, %+v", code, ans)
			}
			ans.Result = nil
			code := call(t, "POST", ts.URL+"/api/v1/query/gizmo", hardeningQueries[1].q, &ans)
			stack := code == http.StatusBadRequest && strings.Contains(ans.Error, "overflowed the stack")
			memory := code == http.StatusServiceUnavailable && strings.Contains(ans.Error, "too much memory")
			if !stack && !memory {
				t.Errorf("a stack overflow: status %d, %+v", code, ans)
			}
		})
	}
}

// TestCrossOriginRefused checks that requests a page of another origin sends are refused — a
// text/plain POST needs no preflight, so without the check any page could run queries on a
// local server — while the server's own page and clients that are not browsers are answered.
func TestCrossOriginRefused(t *testing.T) {
	ts, _ := newTestServer(t, Config{})
	q := `g.V("<person/maria-lopez>").All()`
	for _, c := range []struct {
		header map[string]string
		status int
	}{
		{map[string]string{"Origin": "http://evil.example"}, http.StatusForbidden},
		{map[string]string{"Origin": "null"}, http.StatusForbidden},
		{map[string]string{"Origin": "http://127.0.0.1:1"}, http.StatusForbidden},
		{map[string]string{"Sec-Fetch-Site": "cross-site"}, http.StatusForbidden},
		{map[string]string{"Origin": ts.URL, "Sec-Fetch-Site": "same-origin"}, http.StatusOK},
		{nil, http.StatusOK},
	} {
		req, err := http.NewRequest("POST", ts.URL+"/api/v1/query/gizmo", strings.NewReader(q))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "text/plain")
		for k, v := range c.header {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.status {
			t.Errorf("POST with %v: status %d, want %d", c.header, resp.StatusCode, c.status)
		}
	}
}

// TestSlowUploadsHoldNoSlot checks that requests still sending their bodies do not hold the
// slots of the API: with one slot, and one upload stalled half way, other requests are answered.
func TestSlowUploadsHoldNoSlot(t *testing.T) {
	ts, _ := newTestServer(t, Config{MaxConcurrent: 1})
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := fmt.Sprintf("%-100s", `g.V("<person/maria-lopez>").All()`)
	fmt.Fprintf(conn, "POST /api/v1/query/gizmo HTTP/1.1\r\nHost: %s\r\nContent-Length: %d\r\n\r\n%s", ts.Listener.Addr(), len(body), body[:10])
	// A request behind the stalled one on the same server: before the fix it waited for the
	// slot the stalled upload held. The context only ends a test that would otherwise hang.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/api/v1/stats", nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("a request while an upload stalls: %v", err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("a request while an upload stalls: status %d", resp.StatusCode)
		}
	}
	// The stalled upload, once sent, is answered.
	fmt.Fprintf(conn, "%s", body[10:])
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || !strings.Contains(line, "200") {
		t.Errorf("the slow upload: %q, %v", line, err)
	}
}

// TestAuthToken checks that with a token the API answers only requests that carry it, in the
// Authorization header or in the cookie the page sets.
func TestAuthToken(t *testing.T) {
	const token = "0123456789abcdef0123"
	ts, _ := newTestServer(t, Config{AuthToken: token})
	get := func(path string, set func(*http.Request)) *http.Response {
		req, _ := http.NewRequest("GET", ts.URL+path, nil)
		if set != nil {
			set(req)
		}
		c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	if r := get("/api/v1/stats", nil); r.StatusCode != http.StatusUnauthorized {
		t.Errorf("no token: status %d", r.StatusCode)
	}
	if r := get("/api/v1/stats", func(r *http.Request) { r.Header.Set("Authorization", "Bearer wrong-token-wrong-token") }); r.StatusCode != http.StatusUnauthorized {
		t.Errorf("a wrong token: status %d", r.StatusCode)
	}
	if r := get("/api/v1/stats", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+token) }); r.StatusCode != 200 {
		t.Errorf("the token: status %d", r.StatusCode)
	}
	if r := get("/?token=nope", nil); r.StatusCode != http.StatusUnauthorized {
		t.Errorf("the page with a wrong token: status %d", r.StatusCode)
	}
	r := get("/?token="+token, nil)
	if r.StatusCode != http.StatusSeeOther || len(r.Cookies()) != 1 {
		t.Fatalf("the page with the token: status %d, cookies %v", r.StatusCode, r.Cookies())
	}
	cookie := r.Cookies()[0]
	if !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode {
		t.Errorf("the token's cookie: %+v", cookie)
	}
	if r := get("/api/v1/stats", func(r *http.Request) { r.AddCookie(cookie) }); r.StatusCode != 200 {
		t.Errorf("the token's cookie: status %d", r.StatusCode)
	}
}

// TestArticleURLsSafe checks that only http and https article URLs reach the viewer (as links),
// through the API and in the standalone page, and that the standalone page carries a
// Content-Security-Policy that lets its own script run and nothing else.
func TestArticleURLsSafe(t *testing.T) {
	st := fixtureStore(t)
	bad := []string{"javascript:alert(document.domain)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/x"}
	for i, u := range bad {
		art := ledger
		art.ID, art.URL, art.Hash = fmt.Sprintf("bad%d.txt", i), u, fmt.Sprintf("hb%d", i)
		f := fact(art.ID, 0, maria, "praised", "praised", acme, 0.9, "Maria Lopez praised Acme Shipping.")
		if err := st.Write(context.Background(), schema.ArticleQuadsAll(art, []schema.EntityRecord{maria, acme}, []schema.Fact{f})); err != nil {
			t.Fatal(err)
		}
	}
	ts := httptest.NewServer(New(st, Config{}))
	defer ts.Close()
	var page strings.Builder
	if err := WriteStandalone(context.Background(), st, &page, ""); err != nil {
		t.Fatal(err)
	}
	data := page.String()[strings.Index(page.String(), `id="ng-data">`):]
	answers := map[string]string{"standalone": data[:strings.Index(data, "</script>")]}
	for _, p := range []string{"/api/v1/articles", "/api/v1/fact?s=person/maria-lopez&p=praised&o=org/acme-shipping"} {
		resp, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		answers[p] = string(b)
	}
	for where, a := range answers {
		for _, u := range bad {
			if strings.Contains(strings.ToLower(a), strings.ToLower(strings.TrimSpace(u))[:8]) {
				t.Errorf("%s holds the URL %q", where, u)
			}
		}
		if !strings.Contains(a, "https://example.org/a1") {
			t.Errorf("%s lost the https URL", where)
		}
	}
	p := page.String()
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(p)
	if csp == nil {
		t.Fatal("the standalone page has no Content-Security-Policy")
	}
	i := strings.LastIndex(p, "<script>") + len("<script>")
	sum := sha256.Sum256([]byte(p[i : i+strings.Index(p[i:], "</script>")]))
	for _, want := range []string{"default-src 'none'", "script-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'", "base-uri 'none'"} {
		if !strings.Contains(csp[1], want) {
			t.Errorf("the policy %q lacks %q", csp[1], want)
		}
	}
	if strings.Contains(csp[1], "unsafe-inline'; img") && strings.Contains(csp[1], "script-src 'unsafe-inline'") {
		t.Errorf("the policy lets any inline script run: %q", csp[1])
	}
}
