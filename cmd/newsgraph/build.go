package main

import (
	"context"
	"fmt"
	flag "github.com/spf13/pflag"
	"time"

	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

var buildCommand = command{
	name:    "build",
	summary: "extract facts from articles and load them into the graph store",
	usage:   "[--db PATH|URL] [--backend bolt|memory|postgres] [--workers N] INPUT...",
	example: "newsgraph build seeds/",
	run:     runBuild,
}

func runBuild(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	var sf storeFlags
	sf.add(fs)
	var inf inputFlags
	inf.add(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"give at least one article file or folder"}
	}
	start := time.Now()
	st, err := sf.open(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	known, err := st.Entities(ctx)
	if err != nil {
		return err
	}
	// An article is identified by its id, or by the hash of its text: what is stored already is
	// not extracted again.
	var conflicts, present int
	seen := map[string]string{} // hash -> id, this run
	skip := func(a input.Article, say func(string)) bool {
		if id, dup := seen[a.Hash]; dup {
			say(fmt.Sprintf("%s: same text as %s in this run: skipped", a.File, id))
			present++
			return true
		}
		seen[a.Hash] = a.ID
		p, other, err := st.Presence(ctx, a.ID, a.Hash)
		switch {
		case err != nil:
			say(fmt.Sprintf("%s: %v", a.File, err))
			conflicts++
			return true
		case p == graph.Present || p == graph.SameText:
			present++
			if p == graph.SameText {
				say(fmt.Sprintf("%s: same text as stored article %s: skipped", a.File, other))
			}
			return true
		case p == graph.IDConflict:
			say(fmt.Sprintf("%s: article id %q is stored with a different text: skipped (remove it first, or give this one another id)", a.File, a.ID))
			conflicts++
			return true
		}
		return false
	}
	c, err := extractCorpus(ctx, e, fs.Args(), inf, known, skip)
	if err != nil {
		return err
	}
	var sum struct{ articles, sentences, facts, quads int }
	entities := map[string]bool{}
	prog := newProgress(e.stderr, len(c.results))
	for _, r := range c.results {
		quads := schema.ArticleQuadsAll(r.Article, r.Entities, r.Facts)
		if err := st.Write(ctx, quads); err != nil {
			prog.done()
			return fmt.Errorf("%s: %w (articles before it are stored; run build again to continue)", r.Article.File, err)
		}
		sum.articles++
		sum.sentences += r.Sentences
		sum.facts += len(r.Facts)
		sum.quads += len(quads)
		for _, en := range r.Entities {
			entities[en.ID] = true
		}
		prog.update("loaded", sum.articles, sum.facts)
	}
	prog.done()
	fmt.Fprintf(e.stderr, "built %s: %d new articles (%d already stored), %d sentences, %d entities, %d facts, %d quads in %.1fs\n",
		st.Location(), sum.articles, present, sum.sentences, len(entities), sum.facts, sum.quads, time.Since(start).Seconds())
	if n := c.skipped() + conflicts; n > 0 {
		return partialError{fmt.Sprintf("%d article(s) or path(s) skipped: see the messages above", n)}
	}
	return nil
}
