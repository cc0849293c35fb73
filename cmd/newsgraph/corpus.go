package main

import (
	"context"
	"slices"
	"strings"
	"time"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/fetch"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/extract/spool"
)

// Commands that read articles run in two passes, so that memory stays flat whatever the size of
// the corpus while entity ids still do not depend on the order of the input:
//
//  1. extractInto reads the articles, extracts them in parallel, appends each result to a spool
//     file (in input order) and adds its entities to a resolve.Index, which is small;
//  2. eachResolved streams the spool back, one article at a time, with the ids of its entities
//     linked across the whole corpus by the complete index.

// inputFlags are the flags of commands that read articles.
type inputFlags struct {
	workers  int
	maxBytes int64
	maxToks  int
	// csvText, when set, makes CSV files input: one article a row, this column its text.
	csvText string
	// feeds are RSS or Atom feeds whose items' pages are read; cache is where fetched pages are
	// kept; perHost and timeout bound the fetching.
	feeds   []string
	cache   string
	perHost int
	timeout time.Duration
	// stored, when set, says whether the store has the article of a feed item already (its id
	// is its URL): such items are not fetched.
	stored func(ctx context.Context, url string) bool
}

func (f *inputFlags) add(fs *flag.FlagSet) {
	fs.IntVar(&f.workers, "workers", 0, "articles extracted at once (0: one per CPU)")
	fs.Int64Var(&f.maxBytes, "max-bytes", input.DefaultMaxBytes, "skip articles larger than this many bytes")
	fs.IntVar(&f.maxToks, "max-sentence-tokens", 0, "cut sentences longer than this many tokens (0: default 300)")
	fs.StringVar(&f.csvText, "csv-text", "", "read .csv files too, one article a row, this column its text (id, title, date, url, source, author columns are used when present)")
	fs.StringArrayVar(&f.feeds, "feed", nil, "read the page of every item of this RSS or Atom feed URL (repeatable)")
	fs.StringVar(&f.cache, "cache", "", "folder of fetched pages, so that a rebuild does not fetch them again (default: newsgraph/pages in the user cache folder)")
	fs.IntVar(&f.perHost, "per-host", fetch.DefaultPerHost, "at most this many requests at once to one web host")
	fs.DurationVar(&f.timeout, "fetch-timeout", fetch.DefaultTimeout, "give up on a web request after this long")
}

// extraction is what the first pass did.
type extraction struct {
	problems input.ErrorList
	// articles and facts count what was extracted and spooled by this pass.
	articles, facts int
	// knownItems counts feed items left out because the store has them.
	knownItems int
	// spooled locates each spooled article, when asked for.
	spooled []spooledArticle
}

// spooledArticle is the id of an article and where its result starts in the spool.
type spooledArticle struct {
	id  string
	off int64
}

// skipped counts the problems that made articles be skipped (warnings aside).
func (x *extraction) skipped() int {
	n := 0
	for _, p := range x.problems {
		if !p.Warn {
			n++
		}
	}
	return n
}

// extractInto extracts the articles of paths that skip lets through (skip says why through say,
// which prints below the progress line; it runs on the reading goroutine), on f.workers
// goroutines, appends each result to sp in input order and adds its entities to idx; with locate
// set it records where each result is (extraction.spooled). Problems with the input are printed
// to stderr as they are found and returned. Interrupted, it returns the context's error; what was
// appended until then stays in the spool.
func extractInto(ctx context.Context, e *env, paths []string, f inputFlags, sp *spool.File, idx *resolve.Index, skip func(a input.Article, say func(string)) bool, locate bool) (*extraction, error) {
	x, err := extract.New(extract.Options{MaxSentenceTokens: f.maxToks})
	if err != nil {
		return nil, err
	}
	wb := openWeb(ctx, e.stderr, f, paths)
	paths = wb.paths
	ex := &extraction{}
	prog := newProgress(e.stderr, (&input.Reader{CSVText: f.csvText}).Count(paths))
	opt := extract.RunOptions{
		Workers: f.workers,
		Reader: input.Reader{MaxBytes: f.maxBytes, CSVText: f.csvText, Problem: func(err *input.Error) {
			prog.message(err.Error())
		}, Fetch: wb.fetcher()},
		Skip: func(a input.Article) bool { return skip(a, prog.message) },
	}
	ex.problems, err = x.Run(ctx, paths, opt, func(r *extract.Result) error {
		if locate {
			ex.spooled = append(ex.spooled, spooledArticle{r.Article.ID, sp.Offset()})
		}
		// Flushed at once, so that an interrupted build loses no extracted article.
		if err := sp.Append(spool.Record{Result: r}); err != nil {
			return err
		}
		if err := sp.Flush(); err != nil {
			return err
		}
		for _, ent := range r.Entities {
			idx.Add(ent)
		}
		ex.articles++
		ex.facts += len(r.Facts)
		prog.update("extracted", ex.articles, ex.facts)
		if testHook != nil {
			testHook("extracted", ex.articles)
		}
		return nil
	})
	prog.done()
	ex.problems = append(ex.problems, wb.problems...)
	ex.problems.Sort()
	ex.knownItems = wb.known
	return ex, err
}

// eachResolved calls fn with every article of sp in spool order, numbered from 0, after linking
// its entity ids across the corpus with idx (which must hold every article of the spool).
func eachResolved(ctx context.Context, sp *spool.File, idx *resolve.Index, fn func(i int, r *extract.Result) error) error {
	i := 0
	return sp.Each(ctx, func(rec spool.Record) error {
		r := rec.Result
		if r == nil {
			return nil
		}
		r.Entities = idx.Apply(r.Facts, r.Entities)
		err := fn(i, r)
		i++
		return err
	})
}

// extractAll extracts the articles of paths (a text given twice only once) and calls fn with
// each, its entity ids linked across the corpus: in input order, or with byID in order of
// article id, so that the same articles give the same calls whatever order the files or
// folders were given in. The results wait in a temporary spool between the two passes.
func extractAll(ctx context.Context, e *env, paths []string, f inputFlags, byID bool, fn func(*extract.Result) error) (*extraction, error) {
	sp, err := spool.Create("", spool.Header{})
	if err != nil {
		return nil, err
	}
	defer sp.Discard()
	idx := resolve.NewIndex()
	seen := map[string]bool{}
	ex, err := extractInto(ctx, e, paths, f, sp, idx, func(a input.Article, _ func(string)) bool {
		dup := seen[a.Hash]
		seen[a.Hash] = true
		return dup
	}, byID)
	if err != nil {
		return ex, err
	}
	if !byID {
		return ex, eachResolved(ctx, sp, idx, func(_ int, r *extract.Result) error { return fn(r) })
	}
	slices.SortStableFunc(ex.spooled, func(a, b spooledArticle) int { return strings.Compare(a.id, b.id) })
	for _, a := range ex.spooled {
		rec, err := sp.At(a.off)
		if err != nil {
			return ex, err
		}
		r := rec.Result
		r.Entities = idx.Apply(r.Facts, r.Entities)
		if err := fn(r); err != nil {
			return ex, err
		}
	}
	return ex, ctx.Err()
}
