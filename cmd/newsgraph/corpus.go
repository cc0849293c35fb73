package main

import (
	"context"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/schema"
)

// corpus is the result of extracting a set of articles: every article's result in input order,
// and the index that links their entities across articles.
type corpus struct {
	results  []*extract.Result
	index    *resolve.Index
	problems input.ErrorList
	facts    int
}

// inputFlags are the flags of commands that read articles.
type inputFlags struct {
	workers  int
	maxBytes int64
	maxToks  int
}

func (f *inputFlags) add(fs *flag.FlagSet) {
	fs.IntVar(&f.workers, "workers", 0, "articles extracted at once (0: one per CPU)")
	fs.Int64Var(&f.maxBytes, "max-bytes", input.DefaultMaxBytes, "skip articles larger than this many bytes")
	fs.IntVar(&f.maxToks, "max-sentence-tokens", 0, "cut sentences longer than this many tokens (0: default 300)")
}

// extractCorpus extracts the articles of paths, in parallel, skipping those skip rejects (skip
// says why through say, which prints below the progress line; it runs on the reading goroutine), and
// indexes their entities (and the known ones) for cross-article resolution. Problems with the
// input are printed to stderr as they are found and returned.
func extractCorpus(ctx context.Context, e *env, paths []string, f inputFlags, known []schema.EntityRecord, skip func(a input.Article, say func(string)) bool) (*corpus, error) {
	x, err := extract.New(extract.Options{MaxSentenceTokens: f.maxToks})
	if err != nil {
		return nil, err
	}
	c := &corpus{index: resolve.NewIndex()}
	for _, r := range known {
		c.index.Add(r)
	}
	prog := newProgress(e.stderr, input.Count(paths))
	opt := extract.RunOptions{
		Workers: f.workers,
		Reader: input.Reader{MaxBytes: f.maxBytes, Problem: func(err *input.Error) {
			prog.message(err.Error())
		}},
		Skip: func(a input.Article) bool { return skip(a, prog.message) },
	}
	probs, err := x.Run(ctx, paths, opt, func(r *extract.Result) error {
		c.results = append(c.results, r)
		c.facts += len(r.Facts)
		for _, ent := range r.Entities {
			c.index.Add(ent)
		}
		prog.update("extracted", len(c.results), c.facts)
		return nil
	})
	prog.done()
	c.problems = probs
	if err != nil {
		return c, err
	}
	// Link entities across articles only once all are known, so ids do not depend on order.
	for _, r := range c.results {
		r.Entities = c.index.Apply(r.Facts, r.Entities)
	}
	return c, nil
}

// skipped counts the problems that made articles be skipped (warnings aside).
func (c *corpus) skipped() int {
	n := 0
	for _, p := range c.problems {
		if !p.Warn {
			n++
		}
	}
	return n
}
