package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/extract/fetch"
	"github.com/newsgraph/newsgraph/extract/input"
)

// prefetchWorkers is how many pages are fetched at once in all (fetch.Client.PerHost caps each
// host).
const prefetchWorkers = 4

// web is what a run reads from the web: the pages of the URLs given and of the feeds' items.
type web struct {
	client *fetch.Client
	// items are the feed items to read, by URL.
	items map[string]fetch.Item
	// paths are the paths to read: the files and URLs given, then the feeds' new items.
	paths []string
	// problems are the feeds that could not be read.
	problems input.ErrorList
	// known counts feed items skipped because the store has them.
	known int
}

// defaultCache returns the folder fetched pages are kept in: newsgraph/pages in the user's
// cache folder.
func defaultCache() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "newsgraph", "pages")
}

// openWeb reads the feeds of f and lists their items after paths (items known already, as
// stored says when it is set, are left out), then fetches every page into the cache, a few at
// once. Feeds that cannot be read are emitted as problems and kept; pages that cannot be fetched
// are reported by the input reader, one line each, like files that cannot be read.
func openWeb(ctx context.Context, f Input, paths []string, stored func(context.Context, string) bool, emit func(Event)) *web {
	wb := &web{paths: paths, items: map[string]fetch.Item{}}
	urls := 0
	for _, p := range paths {
		if input.IsURL(p) {
			urls++
		}
	}
	if urls == 0 && len(f.Feeds) == 0 {
		return wb
	}
	cache := f.Cache
	if cache == "" {
		cache = defaultCache()
	}
	wb.client = &fetch.Client{Cache: cache, PerHost: f.PerHost, MaxBytes: f.MaxBytes, Timeout: f.FetchTimeout}
	seen := map[string]bool{}
	for _, p := range paths {
		seen[p] = true
	}
	wb.paths = append([]string(nil), paths...)
	var fetchList []string
	for _, p := range paths {
		if input.IsURL(p) {
			fetchList = append(fetchList, p)
		}
	}
	for _, feed := range f.Feeds {
		items, err := wb.client.Feed(ctx, feed)
		if err != nil {
			if ctx.Err() != nil {
				return wb
			}
			e := &input.Error{File: feed, Err: fmt.Errorf("feed: %w", err)}
			wb.problems = append(wb.problems, e)
			emit(Event{Kind: Problem, Problem: e})
			continue
		}
		for _, it := range items {
			if seen[it.URL] {
				continue
			}
			seen[it.URL] = true
			if stored != nil && stored(ctx, it.URL) {
				wb.known++
				continue
			}
			wb.items[it.URL] = it
			wb.paths = append(wb.paths, it.URL)
			fetchList = append(fetchList, it.URL)
		}
	}
	wb.client.Prefetch(ctx, fetchList, prefetchWorkers)
	return wb
}

// fetcher returns the input.Reader's Fetch for the pages of wb, nil when there are none.
func (wb *web) fetcher() func(ctx context.Context, url string) (input.Page, error) {
	if wb.client == nil {
		return nil
	}
	return func(ctx context.Context, url string) (input.Page, error) {
		p, err := wb.client.Page(ctx, url)
		if err != nil {
			return input.Page{}, err
		}
		// The feed's title, date and author of the item win over the page's; the outlet is the
		// page's own site name (a feed's title is often "Example News - World").
		it := wb.items[url]
		return input.Page{Body: p.Body, Title: it.Title, Date: it.Date, Author: it.Author}, nil
	}
}
