package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// site is a local test server: pages by path, with counts of requests and of requests at once.
type site struct {
	mu        sync.Mutex
	hits      map[string]int
	now, most int
	failLeft  map[string]int // path -> 503 answers before the page
	gate      chan struct{}  // when set, every request waits for it
	ua        string
}

func newSite(t *testing.T) (*site, *httptest.Server) {
	s := &site{hits: map[string]int{}, failLeft: map[string]int{}}
	srv := httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(srv.Close)
	return s, srv
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.ua = r.Header.Get("User-Agent")
	s.now++
	s.most = max(s.most, s.now)
	fail := s.failLeft[r.URL.Path] > 0
	if fail {
		s.failLeft[r.URL.Path]--
	}
	gate := s.gate
	s.mu.Unlock()
	defer func() { s.mu.Lock(); s.now--; s.mu.Unlock() }()
	if gate != nil {
		<-gate
	}
	if fail {
		w.Header().Set("Retry-After", "0")
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	switch p := r.URL.Path; {
	case p == "/loop":
		http.Redirect(w, r, "/loop", http.StatusFound)
	case p == "/moved":
		http.Redirect(w, r, "/a.html", http.StatusMovedPermanently)
	case p == "/doc.pdf":
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4"))
	case p == "/big.html":
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html>" + strings.Repeat("x", 2000) + "</html>"))
	case p == "/feed.rss" || p == "/feed.atom":
		b, _ := os.ReadFile("testdata" + p)
		w.Header().Set("Content-Type", "application/xml")
		w.Write([]byte(strings.ReplaceAll(string(b), "HOST", r.Host)))
	case p == "/notfeed":
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("this is no feed"))
	case strings.HasSuffix(p, ".html"):
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<html><body><p>page " + p + "</p></body></html>"))
	default:
		http.NotFound(w, r)
	}
}

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func TestPage(t *testing.T) {
	s, srv := newSite(t)
	s.failLeft["/flaky.html"] = 2
	s.failLeft["/down.html"] = 10
	c := &Client{Cache: t.TempDir(), Backoff: time.Millisecond, MaxBytes: 1000, UserAgent: "test-agent"}
	ctx := context.Background()
	for _, tc := range []struct {
		path, want string
		err        error
		msg        string
	}{
		{"/a.html", "page /a.html", nil, ""},
		{"/flaky.html", "page /flaky.html", nil, ""}, // two 503s, then the page
		{"/moved", "page /a.html", nil, ""},
		{"/down.html", "", ErrStatus, "503 Service Unavailable"},
		{"/missing", "", ErrStatus, "404 Not Found"},
		{"/doc.pdf", "", ErrNotHTML, "application/pdf"},
		{"/big.html", "", ErrTooLarge, "cap of 1000"},
		{"/loop", "", nil, "stopped after 5 redirects"},
	} {
		p, err := c.Page(ctx, srv.URL+tc.path)
		if tc.msg == "" {
			if err != nil || !strings.Contains(string(p.Body), tc.want) {
				t.Errorf("%s: %q, %v", tc.path, p.Body, err)
			}
			continue
		}
		if err == nil || tc.err != nil && !errors.Is(err, tc.err) || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: error %v, want %v with %q", tc.path, err, tc.err, tc.msg)
		}
		if err != nil && strings.Contains(err.Error(), srv.URL) {
			t.Errorf("%s: the error repeats the URL: %v", tc.path, err)
		}
	}
	if n := s.count("/down.html"); n != 1+DefaultRetries {
		t.Errorf("/down.html asked %d times, want %d (retries)", n, 1+DefaultRetries)
	}
	if n := s.count("/missing"); n != 1 {
		t.Errorf("a 404 is not retried: asked %d times", n)
	}
	if s.ua != "test-agent" {
		t.Errorf("User-Agent %q", s.ua)
	}
	// A second client with the same cache fetches nothing again; a failure is not cached.
	c2 := &Client{Cache: c.Cache, Retries: -1}
	before := s.count("/a.html")
	p, err := c2.Page(ctx, srv.URL+"/a.html")
	if err != nil || !p.Cached || s.count("/a.html") != before {
		t.Errorf("cached page fetched again: cached %v, err %v, hits %d→%d", p.Cached, err, before, s.count("/a.html"))
	}
	if _, err := c2.Page(ctx, srv.URL+"/missing"); err == nil || s.count("/missing") != 2 {
		t.Errorf("a failed page must be asked again by a new run: %v, %d", err, s.count("/missing"))
	}
	if _, err := c2.Page(ctx, "ftp://example.org/x"); !errors.Is(err, ErrURL) {
		t.Errorf("ftp URL: %v", err)
	}
}

// TestPerHost: prefetching many pages of one host never has more than PerHost requests open.
func TestPerHost(t *testing.T) {
	s, srv := newSite(t)
	gate := make(chan struct{})
	s.gate = gate
	c := &Client{PerHost: 2, Cache: t.TempDir()}
	var urls []string
	for _, p := range []string{"/1.html", "/2.html", "/3.html", "/4.html", "/5.html", "/6.html"} {
		urls = append(urls, srv.URL+p)
	}
	done := make(chan struct{})
	go func() { c.Prefetch(context.Background(), urls, 6); close(done) }()
	// Let the requests through one by one; whatever the timing, at most two are ever open.
	for range urls {
		gate <- struct{}{}
	}
	<-done
	s.mu.Lock()
	most := s.most
	s.mu.Unlock()
	if most > 2 || most < 1 {
		t.Errorf("%d requests at once to one host, want at most 2", most)
	}
	for _, u := range urls {
		// Prefetched pages are not kept in memory but read back from the cache folder.
		if p, err := c.Page(context.Background(), u); err != nil || !p.Cached || !strings.Contains(string(p.Body), "page /") {
			t.Errorf("%s after prefetch: %q, cached %v, %v", u, p.Body, p.Cached, err)
		}
	}
	if c.Requests() != len(urls) {
		t.Errorf("%d requests for %d pages: a prefetched page was fetched again", c.Requests(), len(urls))
	}
}

func TestFeed(t *testing.T) {
	_, srv := newSite(t)
	c := &Client{Backoff: time.Millisecond}
	ctx := context.Background()
	items, err := c.Feed(ctx, srv.URL+"/feed.rss")
	if err != nil {
		t.Fatal(err)
	}
	want := []Item{
		{URL: srv.URL + "/a.html", Title: "First story", Date: "2024-05-14T09:30:00Z", Author: "Anna Keller", Source: "Test Herald"},
		{URL: srv.URL + "/b.html", Title: "Second story", Source: "Test Herald"},
	}
	if !reflect.DeepEqual(items, want) {
		t.Errorf("RSS items\n got %+v\nwant %+v", items, want)
	}
	items, err = c.Feed(ctx, srv.URL+"/feed.atom")
	want = []Item{{URL: srv.URL + "/c.html", Title: "Trade deal", Date: "2024-06-19T04:45:00Z", Author: "David Otieno", Source: "Atom Times"}}
	if err != nil || !reflect.DeepEqual(items, want) {
		t.Errorf("Atom items %+v, %v", items, err)
	}
	if _, err := c.Feed(ctx, srv.URL+"/notfeed"); !errors.Is(err, ErrNotFeed) {
		t.Errorf("not a feed: %v", err)
	}
	if _, err := c.Feed(ctx, srv.URL+"/a.html"); !errors.Is(err, ErrNotFeed) {
		t.Errorf("an HTML page as a feed: %v", err)
	}
}
