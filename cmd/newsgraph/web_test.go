package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/build"
)

// pagesDir holds saved pages of three site layouts.
const pagesDir = "../../extract/prepare/testdata/pages"

// newsSite serves the saved pages and a feed of them on loopback, counting requests by path.
// The feed lists the pages named in items.
type newsSite struct {
	mu    sync.Mutex
	hits  map[string]int
	items []string
	srv   *httptest.Server
}

func newNewsSite(t *testing.T, items ...string) *newsSite {
	s := &newsSite{hits: map[string]int{}, items: items}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		items := append([]string(nil), s.items...)
		s.mu.Unlock()
		name := strings.TrimPrefix(r.URL.Path, "/")
		switch {
		case name == "feed.xml":
			var b strings.Builder
			b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title>`)
			for _, it := range items {
				b.WriteString("<item><title>" + it + "</title><link>/" + it + "</link></item>")
			}
			b.WriteString("</channel></rss>")
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(b.String()))
		case name == "broken-feed":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body>Not a feed</body></html>"))
		case name == "empty.html":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<html><head><title>Log in</title></head><body><nav><a href="/">Home</a></nav><form><input name="user"></form></body></html>`))
		default:
			b, err := os.ReadFile(filepath.Join(pagesDir, filepath.Base(name)))
			if err != nil {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(b)
		}
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *newsSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// TestBuildFeed builds from a local feed, then again after a new item appeared: the second run
// fetches only the new item's page (the stored ones are neither fetched nor extracted again).
func TestBuildFeed(t *testing.T) {
	s := newNewsSite(t, "comments.html", "jsonld.html")
	dir := t.TempDir()
	db, cache := filepath.Join(dir, "news.db"), filepath.Join(dir, "cache")
	code, _, stderr := newsgraph(t, "build", "--db", db, "--cache", cache, "--feed", s.srv.URL+"/feed.xml")
	if code != exitOK || !strings.Contains(stderr, "2 new articles") {
		t.Fatalf("first build exit %d: %s", code, stderr)
	}
	s.mu.Lock()
	s.items = append([]string{"liveblog.html"}, s.items...)
	s.mu.Unlock()
	code, _, stderr = newsgraph(t, "build", "--db", db, "--cache", cache, "--feed", s.srv.URL+"/feed.xml")
	if code != exitOK || !strings.Contains(stderr, "1 new articles") || !strings.Contains(stderr, "2 item(s) already stored, not fetched") {
		t.Fatalf("second build exit %d: %s", code, stderr)
	}
	for path, want := range map[string]int{"/feed.xml": 2, "/comments.html": 1, "/jsonld.html": 1, "/liveblog.html": 1} {
		if got := s.count(path); got != want {
			t.Errorf("%s fetched %d times, want %d", path, got, want)
		}
	}
	// The graph has each page's metadata and body, not its comments.
	code, out, stderr := newsgraph(t, "export", "--db", db, "--format", "nquads")
	if code != exitOK {
		t.Fatalf("export exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		`<http://schema.org/publisher> "The Riverside Herald"`,
		`<http://schema.org/author> "Anna Keller"`,
		`<http://schema.org/datePublished> "2024-05-14"^^<http://www.w3.org/2001/XMLSchema#date>`,
		`<http://schema.org/publisher> "Coastline News"`,
		`<http://schema.org/author> "David Otieno"`,
		`<http://schema.org/publisher> "Northern Chronicle"`,
		`<http://schema.org/url> "` + s.srv.URL + `/comments.html"`,
		`<http://schema.org/headline> "jsonld.html"`, // the feed's item title wins over the page's
		"Macron praised Scholz for his patience",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %s", want)
		}
	}
	for _, bad := range []string{"Orban wants the money", "Starmer attacked Sunak", "peter-brandt", "bluebird77"} {
		if strings.Contains(out, bad) {
			t.Errorf("export holds %q, from the comments", bad)
		}
	}
	// A rebuild from the cache of the same URLs asks the server for nothing.
	db2 := filepath.Join(dir, "again.db")
	before := s.count("/comments.html")
	code, _, stderr = newsgraph(t, "build", "--db", db2, "--cache", cache, s.srv.URL+"/comments.html")
	if code != exitOK || s.count("/comments.html") != before {
		t.Errorf("rebuild from cache: exit %d, %d fetches: %s", code, s.count("/comments.html")-before, stderr)
	}
}

// TestWebBadInput: a page without article text, a feed that is not XML and a URL that fails are
// one line each, naming them; the good page is still built; exit 1.
func TestWebBadInput(t *testing.T) {
	s := newNewsSite(t)
	db := filepath.Join(t.TempDir(), "news.db")
	code, _, stderr := newsgraph(t, "build", "--db", db, "--cache", t.TempDir(), "--feed", s.srv.URL+"/broken-feed",
		s.srv.URL+"/empty.html", s.srv.URL+"/gone.html", s.srv.URL+"/comments.html")
	if code != exitPartial {
		t.Errorf("exit %d, want %d", code, exitPartial)
	}
	for _, want := range []string{
		s.srv.URL + "/broken-feed: feed: not an RSS or Atom feed",
		s.srv.URL + "/empty.html: no article text",
		s.srv.URL + "/gone.html: HTTP status 404 Not Found",
		"1 new articles",
	} {
		if n := strings.Count(stderr, want); n != 1 {
			t.Errorf("stderr has %q %d times, want once:\n%s", want, n, stderr)
		}
	}
}

// TestExtractText prints the body text facts are read from, and the blocks with their offsets
// in the page.
func TestExtractText(t *testing.T) {
	page := filepath.Join(pagesDir, "comments.html")
	code, out, stderr := newsgraph(t, "extract", "--format", "text", page, filepath.Join(pagesDir, "jsonld.html"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(out, "# comments.html\n\nGerman Chancellor Olaf Scholz") || !strings.Contains(out, "\n\n# jsonld.html\n\n") {
		t.Errorf("text output:\n%s", out)
	}
	for _, bad := range []string{"Scholz criticized Macron for years", "Scholz and Macron agree on joint defence fund", "Photo: Riverside Herald", "Related stories"} {
		if strings.Contains(out, bad) {
			t.Errorf("text output holds %q (a comment, the headline, a caption or an aside)", bad)
		}
	}
	code, out, stderr = newsgraph(t, "extract", "--format", "blocks", page)
	if code != exitOK {
		t.Fatalf("blocks exit %d: %s", code, stderr)
	}
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var b build.TextBlock
		if err := json.Unmarshal([]byte(line), &b); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		kinds[b.Kind]++
		if b.Doc != "comments.html" || b.Start < 0 || b.End > len(src) || b.Start >= b.End {
			t.Errorf("block %+v", b)
			continue
		}
		// The offsets point into the page: its first and last words are there.
		words := strings.Fields(b.Text)
		if !strings.HasPrefix(string(src[b.Start:b.End]), words[0]) && !strings.HasPrefix(words[0], "\"") {
			t.Errorf("block %q starts in the page at %q", b.Text, src[b.Start:min(b.End, b.Start+20)])
		}
		if last := words[len(words)-1]; !strings.HasSuffix(string(src[b.Start:b.End]), last) && !strings.ContainsAny(last, "”&") {
			t.Errorf("block %q ends in the page at %q", b.Text, src[max(b.Start, b.End-20):b.End])
		}
	}
	if kinds["headline"] == 0 || kinds["body"] < 5 || kinds["aside"] == 0 || kinds["caption"] != 1 {
		t.Errorf("block kinds %v", kinds)
	}
	// A Markdown file with front matter: its title and date reach the graph.
	md := filepath.Join(t.TempDir(), "strike.md")
	if err := os.WriteFile(md, []byte("---\ntitle: Harbour strike ends\ndate: 2024-09-03\nsource: Bay Courier\n---\n\nDock workers returned to work on Tuesday, the union said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = newsgraph(t, "extract", "--format", "nquads", md)
	if code != exitOK {
		t.Fatalf("nquads exit %d: %s", code, stderr)
	}
	for _, want := range []string{`<http://schema.org/headline> "Harbour strike ends"`, `"2024-09-03"^^<http://www.w3.org/2001/XMLSchema#date>`, `<http://schema.org/publisher> "Bay Courier"`} {
		if !strings.Contains(out, want) {
			t.Errorf("front matter: nquads lack %s:\n%s", want, out)
		}
	}
}
