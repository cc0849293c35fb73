package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

func newTestServer(t *testing.T, cfg Config) (*httptest.Server, *graph.Store) {
	t.Helper()
	st := fixtureStore(t)
	ts := httptest.NewServer(New(st, cfg))
	t.Cleanup(ts.Close)
	return ts, st
}

// wantErrors requests each path of base with GET and checks that the answer has the status
// given and an error message.
func wantErrors(t *testing.T, base string, statuses map[string]int) {
	t.Helper()
	for path, want := range statuses {
		var e struct{ Error string }
		if code := call(t, "GET", base+path, "", &e); code != want || e.Error == "" {
			t.Errorf("%s: status %d (want %d), error %q", path, code, want, e.Error)
		}
	}
}

// call makes one request and decodes the JSON answer into out (when not nil), or with out a
// *[]byte, sets it to the answer's bytes.
func call(t *testing.T, method, u, body string, out any) int {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); strings.HasPrefix(u, "/api") && !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s %s: Content-Type %q", method, u, ct)
	}
	if raw, ok := out.(*[]byte); ok {
		*raw = b
	} else if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, u, err, b)
		}
	}
	return resp.StatusCode
}

func TestGizmo(t *testing.T) {
	ts, _ := newTestServer(t, Config{})
	var ans struct {
		Result []map[string]any `json:"result"`
		Error  string           `json:"error"`
	}
	q := `g.V("<person/maria-lopez>").Out("<praised>").Unique().Tag("entity").Out("<name>").All()`
	if code := call(t, "POST", ts.URL+"/api/v1/query/gizmo", q, &ans); code != 200 || ans.Error != "" {
		t.Fatalf("status %d, error %q", code, ans.Error)
	}
	if len(ans.Result) != 1 || ans.Result[0]["id"] != "Acme Shipping" || ans.Result[0]["entity"] != "<org/acme-shipping>" {
		t.Errorf("result %v", ans.Result)
	}
	var bad struct {
		Error string `json:"error"`
	}
	if code := call(t, "POST", ts.URL+"/api/v1/query/gizmo", `g.V(.All(`, &bad); code != 400 || bad.Error == "" {
		t.Errorf("syntax error: status %d, error %q", code, bad.Error)
	}
	if code := call(t, "POST", ts.URL+"/api/v1/query/gizmo", "  ", &bad); code != 400 {
		t.Errorf("empty query: status %d", code)
	}
	if code := call(t, "GET", ts.URL+"/api/v1/query/gizmo", "", &bad); code != 404 && code != 405 {
		t.Errorf("GET gizmo: status %d", code)
	}
}

func TestGizmoLimits(t *testing.T) {
	ts, _ := newTestServer(t, Config{QueryTimeout: 300 * time.Millisecond, MaxResults: 2, MaxBody: 1024})
	var ans struct {
		Result []any  `json:"result"`
		Error  string `json:"error"`
	}
	start := time.Now()
	code := call(t, "POST", ts.URL+"/api/v1/query/gizmo", `while(true){}`, &ans)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("runaway query took %v", d)
	}
	if code != 400 || !strings.Contains(ans.Error, "time limit") {
		t.Errorf("runaway query: status %d, error %q", code, ans.Error)
	}
	// The server keeps answering.
	ans.Error = ""
	if code := call(t, "POST", ts.URL+"/api/v1/query/gizmo", `g.V().All()`, &ans); code != 200 || ans.Error != "" {
		t.Fatalf("after the runaway query: status %d, error %q", code, ans.Error)
	}
	if len(ans.Result) != 2 {
		t.Errorf("MaxResults 2: got %d results", len(ans.Result))
	}
	ans.Error = ""
	big := "// " + strings.Repeat("x", 2000) + "\ng.V().All()"
	if code := call(t, "POST", ts.URL+"/api/v1/query/gizmo", big, &ans); code != http.StatusRequestEntityTooLarge || ans.Error == "" {
		t.Errorf("body over the cap: status %d, error %q", code, ans.Error)
	}
}

func TestSearch(t *testing.T) {
	ts, _ := newTestServer(t, Config{})
	type hit struct {
		ID, Name, Type, Matched string
		Articles                int
	}
	var ans struct{ Results []hit }
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"mar", []string{"person/maria-lopez"}},
		{"LOPEZ", []string{"person/maria-lopez"}},        // a later word of the name
		{"tomas", []string{"person/tomas-varga"}},        // accents folded
		{"acme", []string{"org/acme-shipping"}},          // name before alias
		{"mayor", []string{"person/maria-lopez"}},        // alias
		{"p", []string{"gpe/port-elin"}},                 //
		{"zzz", []string{}},                              //
		{"", []string{}},                                 //
		{"g", []string{"org/green-harbour-trust"}},       //
		{"s", []string{"org/acme-shipping"}},             // "Shipping"
		{"harbour", []string{"org/green-harbour-trust"}}, //
	} {
		ans.Results = nil
		if code := call(t, "GET", ts.URL+"/api/v1/search?q="+url.QueryEscape(c.q), "", &ans); code != 200 {
			t.Fatalf("search %q: status %d", c.q, code)
		}
		var got []string
		for _, h := range ans.Results {
			got = append(got, h.ID)
		}
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("search %q: got %v, want %v", c.q, got, c.want)
		}
	}
	call(t, "GET", ts.URL+"/api/v1/search?q=mayor", "", &ans)
	if h := ans.Results[0]; h.Name != "Maria Lopez" || h.Type != "PERSON" || h.Articles != 2 || h.Matched != "Mayor Lopez" {
		t.Errorf("hit %+v", h)
	}
	// from/to keep the entities with a fact dated in the range: only Varga's criticism of Lopez
	// is dated February
	for q, want := range map[string]string{"q=lopez&from=2024-02-01&to=2024-02-29": "Maria Lopez", "q=acme&to=2024-02": "", "q=acme&from=2024-03": "Acme Shipping"} {
		call(t, "GET", ts.URL+"/api/v1/search?"+q, "", &ans)
		var got []string
		for _, h := range ans.Results {
			got = append(got, h.Name)
		}
		if strings.Join(got, ",") != want {
			t.Errorf("search?%s: %v, want %s", q, got, want)
		}
	}
	for _, bad := range []string{"limit=0", "limit=x", "limit=100000", "q=" + strings.Repeat("a", 300), "q=a&from=2024-1"} {
		var e struct{ Error string }
		if code := call(t, "GET", ts.URL+"/api/v1/search?"+bad, "", &e); code != 400 || e.Error == "" {
			t.Errorf("search?%s: status %d, error %q", bad, code, e.Error)
		}
	}
}

type graphAns struct {
	Center string
	Nodes  []graph.Node
	Edges  []graph.Edge
	Error  string
}

func (g graphAns) nodeIDs() string {
	var ids []string
	for _, n := range g.Nodes {
		ids = append(ids, n.ID)
	}
	return strings.Join(ids, ",")
}

func (g graphAns) edgeKeys() string {
	var ks []string
	for _, e := range g.Edges {
		ks = append(ks, e.Subject+" "+e.Predicate+" "+e.Object)
	}
	return strings.Join(ks, ",")
}

func TestNeighbourhood(t *testing.T) {
	ts, _ := newTestServer(t, Config{})
	get := func(path string) (int, graphAns) {
		var g graphAns
		code := call(t, "GET", ts.URL+path, "", &g)
		return code, g
	}
	code, g := get("/api/v1/entity/person/maria-lopez/neighbourhood")
	if code != 200 {
		t.Fatalf("status %d: %s", code, g.Error)
	}
	if want := "org/acme-shipping,person/maria-lopez,person/tomas-varga"; g.nodeIDs() != want {
		t.Errorf("nodes %s, want %s", g.nodeIDs(), want)
	}
	// The negated statement about the trust makes no edge.
	if want := "person/maria-lopez praised org/acme-shipping,person/maria-lopez replied to person/tomas-varga,person/tomas-varga criticized person/maria-lopez"; g.edgeKeys() != want {
		t.Errorf("edges %s, want %s", g.edgeKeys(), want)
	}
	praised := g.Edges[0]
	if praised.Statements != 2 || strings.Join(praised.Sources, ",") != "a1.txt,a2.txt" || praised.Confidence != 0.9 ||
		strings.Join(praised.Relations, ",") != "hailed,praised" {
		t.Errorf("merged edge %+v", praised)
	}
	for _, n := range g.Nodes {
		if n.ID == "person/maria-lopez" && (n.Articles != 2 || strings.Join(n.Aliases, ",") != "Lopez,Mayor Lopez" || n.Type != "PERSON") {
			t.Errorf("centre node %+v", n)
		}
	}
	for path, want := range map[string]string{
		"/api/v1/entity/person/maria-lopez/neighbourhood?hops=2":                        "gpe/port-elin,org/acme-shipping,org/green-harbour-trust,person/maria-lopez,person/tomas-varga",
		"/api/v1/entity/person/maria-lopez/neighbourhood?predicate=praised":             "org/acme-shipping,person/maria-lopez",
		"/api/v1/entity/person/maria-lopez/neighbourhood?predicate=replied_to,praised":  "org/acme-shipping,person/maria-lopez,person/tomas-varga",
		"/api/v1/entity/person/maria-lopez/neighbourhood?type=org":                      "org/acme-shipping,person/maria-lopez",
		"/api/v1/entity/person/maria-lopez/neighbourhood?article=a1.txt":                "org/acme-shipping,person/maria-lopez",
		"/api/v1/entity/person/maria-lopez/neighbourhood?min_confidence=0.85":           "org/acme-shipping,person/maria-lopez",
		"/api/v1/entity/person/maria-lopez/neighbourhood?min_sources=2":                 "org/acme-shipping,person/maria-lopez",
		"/api/v1/entity/person/maria-lopez/neighbourhood?min_sources=3":                 "person/maria-lopez",
		"/api/v1/entity/%3Cperson%2Fmaria-lopez%3E/neighbourhood?hops=1&type=PERSON":    "person/maria-lopez,person/tomas-varga",
		"/api/v1/entity/org/acme-shipping/neighbourhood?hops=2&type=ORG,GPE":            "gpe/port-elin,org/acme-shipping,org/green-harbour-trust",
		"/api/v1/entity/person/maria-lopez/neighbourhood?from=2024-03-02":               "org/acme-shipping,person/maria-lopez,person/tomas-varga",
		"/api/v1/entity/person/maria-lopez/neighbourhood?to=2024-02":                    "person/maria-lopez,person/tomas-varga",
		"/api/v1/entity/person/maria-lopez/neighbourhood?from=2024-03-01&to=2024-03-01": "org/acme-shipping,person/maria-lopez",
		"/api/v1/entity/person/maria-lopez/neighbourhood?from=2025":                     "person/maria-lopez",
	} {
		code, g := get(path)
		if code != 200 || g.nodeIDs() != want {
			t.Errorf("%s: status %d, nodes %s, want %s (%s)", path, code, g.nodeIDs(), want, g.Error)
		}
	}
	var n graph.Node
	if code := call(t, "GET", ts.URL+"/api/v1/entity/org/acme-shipping", "", &n); code != 200 || n.Name != "Acme Shipping" || n.Articles != 2 {
		t.Errorf("entity: status %d, %+v", code, n)
	}
	wantErrors(t, ts.URL, map[string]int{
		"/api/v1/entity/person/nobody/neighbourhood":                         404,
		"/api/v1/entity/nobody/neighbourhood":                                400,
		"/api/v1/entity/article/a1.txt/neighbourhood":                        404,
		"/api/v1/entity/person/maria-lopez/neighbourhood?hops=3":             400,
		"/api/v1/entity/person/maria-lopez/neighbourhood?hops=-1":            400,
		"/api/v1/entity/person/maria-lopez/neighbourhood?min_confidence=2":   400,
		"/api/v1/entity/person/maria-lopez/neighbourhood?min_confidence=x":   400,
		"/api/v1/entity/person/maria-lopez/neighbourhood?min_sources=-1":     400,
		"/api/v1/entity/person/maria-lopez/neighbourhood?min_confidence=NaN": 400,
		"/api/v1/entity/person/nobody":                                       404,
		"/api/v1/entity/person/maria-lopez/neighbourhood?from=2024-13":       400,
		"/api/v1/entity/person/maria-lopez/neighbourhood?to=March":           400,
	})
}

func TestFact(t *testing.T) {
	ts, _ := newTestServer(t, Config{})
	var f FactJSON
	if code := call(t, "GET", ts.URL+"/api/v1/fact?s=person/maria-lopez&p=praised&o=org/acme-shipping", "", &f); code != 200 {
		t.Fatalf("status %d", code)
	}
	if f.Subject.Name != "Maria Lopez" || f.Object.Name != "Acme Shipping" || f.Predicate != "praised" || len(f.Statements) != 2 {
		t.Fatalf("fact %+v", f)
	}
	s0, s1 := f.Statements[0], f.Statements[1]
	if s0.Article.ID != "a1.txt" || s0.Article.Title != "Harbour deal signed" || s0.Article.Source != "The Coastal Ledger" ||
		s0.Article.Date != "2024-03-01" || s0.Article.URL != "https://example.org/a1" || s0.Confidence != 0.9 {
		t.Errorf("statement 0 %+v", s0)
	}
	if got := s0.Evidence[s0.RelationStart:s0.RelationEnd]; got != "praised" {
		t.Errorf("relation span gives %q", got)
	}
	if got := s1.Evidence[s1.RelationStart:s1.RelationEnd]; got != "hailed" {
		t.Errorf("relation span gives %q", got)
	}
	// The negated statement is provenance too, flagged.
	if code := call(t, "GET", ts.URL+"/api/v1/fact?s=person/maria-lopez&p=praised&o=org/green-harbour-trust", "", &f); code != 200 ||
		len(f.Statements) != 1 || !f.Statements[0].Negated {
		t.Errorf("negated fact: status %d, %+v", code, f)
	}
	for q, want := range map[string]int{
		"s=person/maria-lopez&p=praised&o=person/tomas-varga": 404,
		"s=person/maria-lopez&p=praised":                      400,
		"s=&p=praised&o=org/acme-shipping":                    400,
		"s=x&p=praised&o=y":                                   400,
	} {
		var e struct{ Error string }
		if code := call(t, "GET", ts.URL+"/api/v1/fact?"+q, "", &e); code != want || e.Error == "" {
			t.Errorf("fact?%s: status %d (want %d), error %q", q, code, want, e.Error)
		}
	}
}

func TestStatsAndArticles(t *testing.T) {
	ts, _ := newTestServer(t, Config{})
	var st graph.Stats
	if code := call(t, "GET", ts.URL+"/api/v1/stats", "", &st); code != 200 {
		t.Fatalf("status %d", code)
	}
	if st.Articles != 2 || st.Entities != 5 || st.Statements != 7 || st.ByType["PERSON"] != 2 || st.ByPredicate["praised"] != 3 {
		t.Errorf("stats %+v", st)
	}
	var as struct{ Articles []graph.ArticleInfo }
	if code := call(t, "GET", ts.URL+"/api/v1/articles", "", &as); code != 200 || len(as.Articles) != 2 || as.Articles[1].Title != "Mayor answers critics" {
		t.Errorf("articles: status %d, %+v", code, as)
	}
}

// TestReadOnly checks that nothing answers a write and that no request changes the store.
func TestReadOnly(t *testing.T) {
	ts, st := newTestServer(t, Config{})
	count := func() int64 { return quadCount(t, st) }
	before := count()
	for _, r := range []struct{ method, path string }{
		{"POST", "/api/v1/write"}, {"POST", "/api/v2/write"}, {"DELETE", "/api/v1/delete"}, {"PUT", "/api/v1/stats"},
		{"POST", "/api/v1/stats"}, {"DELETE", "/api/v1/entity/person/maria-lopez"}, {"POST", "/api/v1/search"},
	} {
		var e struct{ Error string }
		code := call(t, r.method, ts.URL+r.path, `[{"subject":"<a>","predicate":"<b>","object":"<c>"}]`, nil)
		if code < 400 || code >= 500 {
			t.Errorf("%s %s: status %d, want a 4xx", r.method, r.path, code)
		}
		_ = e
	}
	// Gizmo has no way to write; a query that tries fails and leaves the store alone.
	call(t, "POST", ts.URL+"/api/v1/query/gizmo", `g.AddQuad && g.AddQuad("<a>", "<b>", "<c>"); g.V().All()`, nil)
	if after := count(); after != before {
		t.Errorf("the store changed: %d quads, then %d", before, after)
	}
}

func TestConcurrent(t *testing.T) {
	ts, _ := newTestServer(t, Config{MaxConcurrent: 3, QueryTimeout: 2 * time.Second})
	hammer(t, ts.URL)
}

// hammer sends 40 requests at once to the server at base and checks every answer.
func hammer(t *testing.T, base string) {
	t.Helper()
	paths := []string{
		"/api/v1/search?q=l", "/api/v1/entity/person/maria-lopez/neighbourhood?hops=2", "/api/v1/stats",
		"/api/v1/fact?s=person/maria-lopez&p=praised&o=org/acme-shipping", "/api/v1/articles",
	}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			var resp *http.Response
			var err error
			if i%4 == 0 {
				resp, err = http.Post(base+"/api/v1/query/gizmo", "text/plain", strings.NewReader(`g.V().Out("<name>").All()`))
			} else {
				resp, err = http.Get(base + paths[i%len(paths)])
			}
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			var body map[string]any
			if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || resp.StatusCode != 200 || body["error"] != nil {
				errs <- fmt.Errorf("request %d: status %d, %v %v", i, resp.StatusCode, err, body["error"])
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestDeterministic(t *testing.T) {
	ts, _ := newTestServer(t, Config{})
	read := func(path string) string {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	for _, p := range []string{"/api/v1/entity/person/maria-lopez/neighbourhood?hops=2", "/api/v1/stats", "/api/v1/search?q=a"} {
		if a, b := read(p), read(p); a != b {
			t.Errorf("%s: two answers differ:\n%s\n%s", p, a, b)
		}
	}
}

func TestPageAndHosts(t *testing.T) {
	ts, _ := newTestServer(t, Config{LocalOnly: true})
	for _, p := range []string{"/", "/app.js", "/app.css"} {
		resp, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: status %d, CSP %q", p, resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
		}
	}
	req, _ := http.NewRequest("GET", ts.URL+"/api/v1/stats", nil)
	req.Host = "evil.example:7474"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("foreign Host: status %d", resp.StatusCode)
	}
}

func TestStandalone(t *testing.T) {
	st := fixtureStore(t)
	var b strings.Builder
	if err := WriteStandalone(context.Background(), st, &b, ""); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{`<script type="application/json" id="ng-data">`, "Acme Shipping", "hit out at", "Cytoscape"} {
		if !strings.Contains(page, want) {
			t.Errorf("standalone page lacks %q", want)
		}
	}
	if strings.Contains(page, `src="app.js"`) || strings.Contains(page, `href="app.css"`) {
		t.Error("standalone page still refers to app.js or app.css")
	}
	i := strings.Index(page, `id="ng-data">`) + len(`id="ng-data">`)
	j := strings.Index(page[i:], "</script>")
	var d StandaloneData
	if err := json.Unmarshal([]byte(page[i:i+j]), &d); err != nil {
		t.Fatal(err)
	}
	// the six statements of the edges, and Maria Lopez's negated praise for her statements panel
	if len(d.Graph.Nodes) != 5 || len(d.Graph.Edges) != 5 || len(d.Statements) != 7 || len(d.Articles) != 2 {
		t.Errorf("inlined %d nodes, %d edges, %d statements, %d articles", len(d.Graph.Nodes), len(d.Graph.Edges), len(d.Statements), len(d.Articles))
	}
	if d.Overview == nil || len(d.Overview.Entities) != 5 || len(d.Overview.BestSourced) != 5 || len(d.Schema.Types) != 9 {
		t.Errorf("inlined overview %+v, schema %+v", d.Overview, d.Schema)
	}
	b.Reset()
	if err := WriteStandalone(context.Background(), st, &b, "a1.txt"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "<title>newsgraph: Harbour deal signed</title>") || strings.Contains(b.String(), "hit out at") {
		t.Error("one-article export: wrong title or another article's evidence")
	}
}

// TestConcurrentPersistent runs the concurrency test against the persistent backends opened
// read-only, as `newsgraph serve` opens them.
func TestConcurrentPersistent(t *testing.T) {
	for _, backend := range []string{"bolt", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			st := openReadOnly(t, backend, persistentFixture(t, backend))
			ts := httptest.NewServer(New(st, Config{MaxConcurrent: 4, QueryTimeout: 2 * time.Second}))
			defer ts.Close()
			hammer(t, ts.URL)
		})
	}
}
