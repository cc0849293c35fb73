package build

import (
	"context"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/extract/spool"
)

// Reading articles takes two passes, so that memory stays flat whatever the size of the corpus
// while entity ids still do not depend on the order of the input:
//
//  1. extractInto reads the articles, extracts them in parallel, appends each result to a spool
//     file (in input order) and adds its entities to a resolve.Index, which is small;
//  2. eachResolved streams the spool back, one article at a time, with the ids of its entities
//     linked across the whole corpus by the complete index.

// extraction is what the first pass did.
type extraction struct {
	problems input.ErrorList
	// read counts the articles the input gave; articles and facts what was extracted and
	// spooled.
	read, articles, facts int
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

// extractInto extracts the articles of paths that skip lets through (skip runs on the reading
// goroutine), on in.Workers goroutines, appends each result to sp in input order and adds its
// entities to idx; with locate set it records where each result is (extraction.spooled). Feed
// items that stored says the store holds are not fetched. Problems with the input are emitted as
// they are found and returned. Interrupted, it returns the context's error; what was appended
// until then stays in the spool.
func extractInto(ctx context.Context, in Input, paths []string, sp *spool.File, idx *resolve.Index, emit func(Event),
	skip func(input.Article) bool, stored func(context.Context, string) bool, locate []spooledArticle) (*extraction, error) {
	ex := &extraction{spooled: locate}
	x, err := extract.New(extract.Options{MaxSentenceTokens: in.MaxSentenceTokens})
	if err != nil {
		return ex, err
	}
	wb := openWeb(ctx, in, paths, stored, emit)
	paths = wb.paths
	emit(Event{Kind: Extracting, Total: (&input.Reader{CSVText: in.CSVText}).Count(paths)})
	opt := extract.RunOptions{
		Workers: in.Workers,
		Reader: input.Reader{MaxBytes: in.MaxBytes, CSVText: in.CSVText, Problem: func(err *input.Error) {
			emit(Event{Kind: Problem, Problem: err})
		}, Fetch: wb.fetcher()},
		Skip: func(a input.Article) bool {
			ex.read++
			return skip(a)
		},
	}
	ex.problems, err = x.Run(ctx, paths, opt, func(r *extract.Result) error {
		if ex.spooled != nil {
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
		emit(Event{Kind: Extracted, N: ex.articles, Facts: ex.facts})
		return nil
	})
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

// Extract extracts the articles of inputs and opt.Feeds (a text given twice only once) and
// calls fn with each, its entity ids linked across the corpus: in input order, or with opt.ByID
// in order of article id, so that the same articles give the same calls whatever order the files
// or folders were given in. Nothing is stored: the results wait in a temporary spool between the
// two passes. Problems with the input are emitted as Problem events and listed in the Summary
// (Read, Extracted, Facts, Duplicates and Problems are counted); the error is fn's or ctx's.
func Extract(ctx context.Context, opt Options, inputs []string, fn func(*extract.Result) error) (Summary, error) {
	var sum Summary
	sp, err := spool.Create("", spool.Header{})
	if err != nil {
		return sum, err
	}
	defer sp.Discard()
	idx := resolve.NewIndex()
	seen := map[string]bool{}
	var locate []spooledArticle
	if opt.ByID {
		locate = []spooledArticle{}
	}
	ex, err := extractInto(ctx, opt.Input, inputs, sp, idx, serialize(opt.Event), func(a input.Article) bool {
		if seen[a.Hash] {
			sum.Duplicates++
			return true
		}
		seen[a.Hash] = true
		return false
	}, nil, locate)
	sum.Read, sum.Extracted, sum.Facts, sum.Problems, sum.KnownFeedItems = ex.read, ex.articles, ex.facts, ex.problems, ex.knownItems
	if err != nil {
		return sum, err
	}
	if !opt.ByID {
		return sum, eachResolved(ctx, sp, idx, func(_ int, r *extract.Result) error { return fn(r) })
	}
	slices.SortStableFunc(ex.spooled, func(a, b spooledArticle) int { return strings.Compare(a.id, b.id) })
	for _, a := range ex.spooled {
		rec, err := sp.At(a.off)
		if err != nil {
			return sum, err
		}
		r := rec.Result
		r.Entities = idx.Apply(r.Facts, r.Entities)
		if err := fn(r); err != nil {
			return sum, err
		}
	}
	return sum, ctx.Err()
}
