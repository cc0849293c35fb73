// Package fetch downloads the web pages and feeds a user names, politely and within bounds: a
// timeout, a size cap, a User-Agent that says who is asking, at most a few requests at once per
// host, retries with backoff, a cap on redirects, and a cache folder so that a rebuild does not
// fetch a page again. Feeds (RSS 2.0, Atom) are read with github.com/mmcdole/gofeed.
//
// It must not interpret pages (package prepare does) and it never goes on the network for
// anything but the URLs it is given: no robots.txt, no links followed but redirects.
package fetch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"
)

// Errors of fetching, wrapped with the URL and details.
var (
	// ErrNotHTML: the page is not an HTML page (a PDF, an image, JSON...).
	ErrNotHTML = errors.New("not an HTML page")
	// ErrTooLarge: the response is over the size cap.
	ErrTooLarge = errors.New("too large")
	// ErrStatus: the server answered with an error status.
	ErrStatus = errors.New("HTTP status")
	// ErrNotFeed: the feed is not RSS or Atom XML.
	ErrNotFeed = errors.New("not an RSS or Atom feed")
	// ErrURL: the address is not an http or https URL.
	ErrURL = errors.New("not an http or https URL")
)

// Defaults of a Client.
const (
	DefaultUserAgent    = "newsgraph/1 (+https://github.com/newsgraph/newsgraph; reads the pages its user names)"
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 10 << 20
	DefaultPerHost      = 2
	DefaultRetries      = 2
	DefaultBackoff      = time.Second
	DefaultMaxRedirects = 5
	maxRetryAfter       = time.Minute
)

// Client fetches pages and feeds. The zero value works with the defaults and no cache; set the
// fields before the first request and do not change them afterwards. It is safe for concurrent
// use.
type Client struct {
	// HTTP is the client used; nil for http.DefaultTransport with Timeout. Its CheckRedirect is
	// replaced by the redirect cap.
	HTTP *http.Client
	// UserAgent is sent with every request; "" for DefaultUserAgent.
	UserAgent string
	// Timeout bounds each request, body included; 0 for DefaultTimeout.
	Timeout time.Duration
	// MaxBytes caps the size of one response; 0 for DefaultMaxBytes.
	MaxBytes int64
	// PerHost is how many requests to one host may run at once; 0 for DefaultPerHost.
	PerHost int
	// Retries is how many times a request that failed on the network or with status 429 or 5xx
	// is tried again; negative for none, 0 for DefaultRetries.
	Retries int
	// Backoff is the wait before the first retry, doubled for each next one (a Retry-After of
	// up to a minute is honoured instead); 0 for DefaultBackoff.
	Backoff time.Duration
	// MaxRedirects caps the redirects followed; 0 for DefaultMaxRedirects.
	MaxRedirects int
	// Cache is the folder pages are kept in ("" for none). A page found there is not fetched
	// again; feeds are always fetched (they change).
	Cache string

	once  sync.Once
	http  *http.Client
	mu    sync.Mutex
	hosts map[string]chan struct{}
	memo  map[string]*memoPage
	// Requests counts the HTTP requests made (retries and redirects included), for reports.
	requests int
}

// Page is one fetched page.
type Page struct {
	// URL is the address asked for; Final the address the page came from after redirects.
	URL, Final string
	// Body is the page's bytes.
	Body []byte
	// Cached is set when the page came from the cache folder.
	Cached bool
}

// memoPage is the outcome of fetching one URL in this run, so that a URL asked for twice (by a
// prefetch, then by the reader) costs one request and fails with one message. With a cache
// folder the page's bytes are not kept: they are read from the cache again.
type memoPage struct {
	done chan struct{}
	page Page
	err  error
}

func (c *Client) init() {
	c.once.Do(func() {
		hc := http.Client{}
		if c.HTTP != nil {
			hc = *c.HTTP
		}
		if hc.Timeout == 0 {
			hc.Timeout = c.timeout()
		}
		max := c.MaxRedirects
		if max <= 0 {
			max = DefaultMaxRedirects
		}
		hc.CheckRedirect = func(req *http.Request, via []*http.Request) error {
			if len(via) > max {
				return fmt.Errorf("stopped after %d redirects", max)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: %w", req.URL, ErrURL)
			}
			c.count()
			return nil
		}
		c.http = &hc
		c.hosts = map[string]chan struct{}{}
		c.memo = map[string]*memoPage{}
	})
}

func (c *Client) timeout() time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return DefaultTimeout
}

func (c *Client) maxBytes() int64 {
	if c.MaxBytes > 0 {
		return c.MaxBytes
	}
	return DefaultMaxBytes
}

func (c *Client) count() {
	c.mu.Lock()
	c.requests++
	c.mu.Unlock()
}

// Requests returns how many HTTP requests the client has made.
func (c *Client) Requests() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.requests
}

// Page returns the HTML page at u: from the cache folder when it is there, else fetched (and
// then kept in the cache). Responses that are not HTML, over the size cap or with an error
// status are errors; like every error of the package, they do not repeat u, which the caller
// reports.
func (c *Client) Page(ctx context.Context, u string) (Page, error) {
	c.init()
	c.mu.Lock()
	m := c.memo[u]
	if m == nil {
		m = &memoPage{done: make(chan struct{})}
		c.memo[u] = m
		c.mu.Unlock()
		p, err := c.page(ctx, u)
		m.page, m.err = p, err
		if err == nil && c.Cache != "" {
			m.page.Body = nil // in the cache folder: memory stays flat over a long feed
		}
		close(m.done)
		return p, err
	}
	c.mu.Unlock()
	select {
	case <-m.done:
	case <-ctx.Done():
		return Page{}, ctx.Err()
	}
	if m.err == nil && m.page.Body == nil {
		if p, ok := c.fromCache(u); ok {
			return p, nil
		}
		return Page{}, fmt.Errorf("page gone from the cache folder %s", c.Cache)
	}
	return m.page, m.err
}

// Prefetch fetches the pages of urls into the cache, at most workers at once in all (and
// PerHost per host), so that Page then finds them. Failures are kept for Page to report.
func (c *Client) Prefetch(ctx context.Context, urls []string, workers int) {
	if workers < 1 {
		workers = 1
	}
	sem := make(chan struct{}, workers)
	var wg sync.WaitGroup
	for _, u := range urls {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			wg.Wait()
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			c.Page(ctx, u)
		}()
	}
	wg.Wait()
}

// cacheMeta is what the cache keeps beside a page's bytes.
type cacheMeta struct {
	URL     string    `json:"url"`
	Final   string    `json:"final"`
	Fetched time.Time `json:"fetched"`
}

// cachePath returns where the cache keeps the page of u (without extension).
func (c *Client) cachePath(u string) string {
	h := sha256.Sum256([]byte(u))
	return filepath.Join(c.Cache, hex.EncodeToString(h[:16]))
}

func (c *Client) page(ctx context.Context, u string) (Page, error) {
	if c.Cache != "" {
		if p, ok := c.fromCache(u); ok {
			return p, nil
		}
	}
	body, final, ctype, err := c.get(ctx, u, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
	if err != nil {
		return Page{}, err
	}
	if !isHTML(ctype, body) {
		if ctype == "" {
			ctype = http.DetectContentType(body)
		}
		return Page{}, fmt.Errorf("%w (Content-Type %s)", ErrNotHTML, ctype)
	}
	p := Page{URL: u, Final: final, Body: body}
	if c.Cache != "" {
		if err := c.toCache(p); err != nil {
			return Page{}, fmt.Errorf("keep in cache: %w", err)
		}
	}
	return p, nil
}

func (c *Client) fromCache(u string) (Page, bool) {
	base := c.cachePath(u)
	mb, err := os.ReadFile(base + ".json")
	if err != nil {
		return Page{}, false
	}
	var m cacheMeta
	if json.Unmarshal(mb, &m) != nil || m.URL != u {
		return Page{}, false
	}
	body, err := os.ReadFile(base + ".html")
	if err != nil {
		return Page{}, false
	}
	return Page{URL: u, Final: m.Final, Body: body, Cached: true}, true
}

// toCache writes the page, then its metadata: a page whose metadata is there is whole.
func (c *Client) toCache(p Page) error {
	if err := os.MkdirAll(c.Cache, 0o755); err != nil {
		return err
	}
	base := c.cachePath(p.URL)
	if err := writeFile(base+".html", p.Body); err != nil {
		return err
	}
	mb, err := json.Marshal(cacheMeta{URL: p.URL, Final: p.Final, Fetched: time.Now().UTC()})
	if err != nil {
		return err
	}
	return writeFile(base+".json", mb)
}

// writeFile writes data to name through a temporary file renamed into place.
func writeFile(name string, data []byte) error {
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

// isHTML reports whether a response of Content-Type ctype (perhaps "") is an HTML page.
func isHTML(ctype string, body []byte) bool {
	if ctype == "" {
		ctype = http.DetectContentType(body)
	}
	mt, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		return false
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// get fetches u with retries and returns the body, the final URL and the Content-Type.
func (c *Client) get(ctx context.Context, u, accept string) (body []byte, final, ctype string, err error) {
	pu, err := url.Parse(u)
	if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
		return nil, "", "", ErrURL
	}
	release, err := c.acquire(ctx, pu.Host)
	if err != nil {
		return nil, "", "", err
	}
	defer release()
	retries := c.Retries
	switch {
	case retries == 0:
		retries = DefaultRetries
	case retries < 0:
		retries = 0
	}
	wait := c.Backoff
	if wait <= 0 {
		wait = DefaultBackoff
	}
	for attempt := 0; ; attempt++ {
		var retryAfter time.Duration
		body, final, ctype, retryAfter, err = c.once1(ctx, u, accept)
		if err == nil || attempt >= retries || ctx.Err() != nil || !retryable(err) {
			return body, final, ctype, err
		}
		d := wait << attempt
		if retryAfter > 0 {
			d = retryAfter
		}
		t := time.NewTimer(d)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return nil, "", "", ctx.Err()
		}
	}
}

// retryError marks failures worth trying again: network errors, 429 and 5xx.
type retryError struct{ err error }

func (e retryError) Error() string { return e.err.Error() }
func (e retryError) Unwrap() error { return e.err }

func retryable(err error) bool {
	var r retryError
	return errors.As(err, &r)
}

// once1 makes one request.
func (c *Client) once1(ctx context.Context, u, accept string) (body []byte, final, ctype string, retryAfter time.Duration, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, "", "", 0, err
	}
	ua := c.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", accept)
	c.count()
	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, "", "", 0, ctx.Err()
		}
		var ue *url.Error
		if errors.As(err, &ue) && strings.Contains(ue.Err.Error(), "redirect") {
			return nil, "", "", 0, ue.Err
		}
		return nil, "", "", 0, retryError{unwrapURL(err)}
	}
	defer resp.Body.Close()
	final = resp.Request.URL.String()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		err := fmt.Errorf("%w %s", ErrStatus, resp.Status)
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
			if s, perr := strconv.Atoi(resp.Header.Get("Retry-After")); perr == nil && s >= 0 {
				retryAfter = min(time.Duration(s)*time.Second, maxRetryAfter)
			}
			return nil, final, "", retryAfter, retryError{err}
		}
		return nil, final, "", 0, err
	}
	max := c.maxBytes()
	if resp.ContentLength > max {
		return nil, final, "", 0, fmt.Errorf("%w: %d bytes, over the cap of %d", ErrTooLarge, resp.ContentLength, max)
	}
	body, err = io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, final, "", 0, retryError{fmt.Errorf("read: %w", err)}
	}
	if int64(len(body)) > max {
		return nil, final, "", 0, fmt.Errorf("%w: over the cap of %d bytes", ErrTooLarge, max)
	}
	return body, final, resp.Header.Get("Content-Type"), 0, nil
}

// unwrapURL drops the *url.Error wrapper, whose URL the message repeats.
func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// acquire waits for a free slot of host and returns its release.
func (c *Client) acquire(ctx context.Context, host string) (func(), error) {
	n := c.PerHost
	if n <= 0 {
		n = DefaultPerHost
	}
	c.mu.Lock()
	sem := c.hosts[host]
	if sem == nil {
		sem = make(chan struct{}, n)
		c.hosts[host] = sem
	}
	c.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Item is one entry of a feed: the address of its page and what the feed says of it.
type Item struct {
	// URL is the item's link, made absolute against the feed's address.
	URL string
	// Title, Date (as schema.NormalizeDate writes it when the feed's date could be read, else as
	// given) and Author are what the feed says; Source is the feed's title.
	Title, Date, Author, Source string
}

// Feed fetches the RSS 2.0 or Atom feed at u (never from the cache) and returns its items in
// the feed's order, each link once; items without a link are left out.
func (c *Client) Feed(ctx context.Context, u string) ([]Item, error) {
	c.init()
	body, final, _, err := c.get(ctx, u, "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1")
	if err != nil {
		return nil, err
	}
	if !looksLikeXML(body) {
		return nil, fmt.Errorf("%w: the response is not XML", ErrNotFeed)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotFeed, err)
	}
	base, _ := url.Parse(final)
	var items []Item
	seen := map[string]bool{}
	for _, it := range f.Items {
		link := strings.TrimSpace(it.Link)
		if link == "" && len(it.Links) > 0 {
			link = strings.TrimSpace(it.Links[0])
		}
		if link == "" {
			continue
		}
		if base != nil {
			if ref, err := url.Parse(link); err == nil {
				link = base.ResolveReference(ref).String()
			}
		}
		if seen[link] {
			continue
		}
		seen[link] = true
		item := Item{URL: link, Title: strings.TrimSpace(it.Title), Source: strings.TrimSpace(f.Title)}
		switch {
		case it.PublishedParsed != nil:
			item.Date = it.PublishedParsed.UTC().Format(time.RFC3339)
		case it.UpdatedParsed != nil:
			item.Date = it.UpdatedParsed.UTC().Format(time.RFC3339)
		default:
			item.Date = strings.TrimSpace(it.Published)
		}
		var names []string
		for _, a := range it.Authors {
			if a != nil && strings.TrimSpace(a.Name) != "" {
				names = append(names, strings.TrimSpace(a.Name))
			}
		}
		item.Author = strings.Join(names, "; ")
		items = append(items, item)
	}
	return items, nil
}

// looksLikeXML reports whether body starts (after white space and a byte-order mark) with "<".
func looksLikeXML(body []byte) bool {
	body = bytes.TrimPrefix(body, []byte{0xEF, 0xBB, 0xBF})
	body = bytes.TrimLeft(body, " \t\r\n")
	return len(body) > 0 && body[0] == '<'
}
