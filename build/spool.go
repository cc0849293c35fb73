package build

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/extract/spool"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// spoolKey identifies a build: a spool is resumed only by a build of the same store, inputs and
// extraction options (not Workers or Batch, which change nothing in the graph).
func spoolKey(opt Options, paths []string) string {
	abs := make([]string, len(paths))
	for i, p := range paths {
		var err error
		if input.IsURL(p) {
			abs[i] = p
		} else if abs[i], err = filepath.Abs(p); err != nil {
			abs[i] = p
		}
	}
	k, _ := json.Marshal(struct {
		Backend, DB string
		Paths       []string
		Feeds       []string `json:",omitempty"`
		MaxBytes    int64
		MaxTokens   int
		CSVText     string `json:",omitempty"`
	}{opt.Store.Backend(), opt.Store.Location(), abs, opt.Feeds, opt.MaxBytes, opt.MaxSentenceTokens, opt.CSVText})
	return string(k)
}

// errOtherBuild refuses a spool left by a build of other inputs or of another store.
var errOtherBuild = errors.New("left by an interrupted build of other input")

// openSpool resumes the spool at path when an interrupted run of the same build left one there,
// and otherwise starts one with the entities the store knows now. Either way the index ends up
// with the same entities as if this build had never been interrupted.
func (b *builder) openSpool(ctx context.Context, path, key string) error {
	if path != "" {
		err := b.resume(ctx, path, key)
		switch {
		case err == nil:
			b.emit(Event{Kind: Resumed, N: b.sum.Resumed, Path: path})
			return nil
		case errors.Is(err, fs.ErrNotExist):
		default:
			b.emit(Event{Kind: Restarted, Path: path, Err: err})
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("spool: %w", err)
		}
	}
	b.idx, b.fromSpool, b.sum.Resumed = resolve.NewIndex(), map[string]string{}, 0
	stored, err := b.st.ArticleCount(ctx)
	if err != nil {
		return err
	}
	known, err := b.st.Entities(ctx)
	if err != nil {
		return err
	}
	if b.sp, err = spool.Create(path, spool.Header{Key: key, Articles: stored}); err != nil {
		return err
	}
	for _, k := range known {
		b.idx.AddN(k.EntityRecord, k.Articles)
		if err := b.sp.Append(spool.Record{Known: &spool.Known{EntityRecord: k.EntityRecord, Articles: k.Articles}}); err != nil {
			return err
		}
	}
	return b.sp.Append(spool.Record{Mark: markKnown})
}

// resume reopens the spool at path if it belongs to this build and this store.
func (b *builder) resume(ctx context.Context, path, key string) error {
	b.idx, b.fromSpool, b.sum.Resumed = resolve.NewIndex(), map[string]string{}, 0
	complete := false
	sp, err := spool.Open(path, func(r spool.Record) error {
		switch {
		case r.Header != nil:
			if r.Header.Key != key {
				return errOtherBuild
			}
			n, err := b.st.ArticleCount(ctx)
			if err != nil {
				return err
			}
			if n < r.Header.Articles {
				return fmt.Errorf("left by a build of a store that held %d articles, and %s holds %d", r.Header.Articles, b.st.Location(), n)
			}
		case r.Known != nil:
			b.idx.AddN(r.Known.EntityRecord, r.Known.Articles)
		case r.Mark == markKnown:
			complete = true
		case r.Result != nil:
			if !complete {
				return errors.New("article before the known entities")
			}
			for _, ent := range r.Result.Entities {
				b.idx.Add(ent)
			}
			b.fromSpool[r.Result.Article.Hash] = r.Result.Article.ID
			b.sum.Resumed++
		}
		return nil
	})
	if err != nil {
		return err
	}
	if !complete {
		// Cut short while the known entities were written: nothing of the build was stored.
		sp.Discard()
		return errors.New("interrupted before any article was extracted")
	}
	b.sp = sp
	return nil
}

// skip says which articles the first pass must not extract: those in the spool already, a text
// given twice, and what the store holds.
func (b *builder) skip(ctx context.Context) func(input.Article) bool {
	seen := map[string]string{} // text hash -> id, this run
	for h, id := range b.fromSpool {
		seen[h] = id
	}
	return func(a input.Article) bool {
		if id, ok := b.fromSpool[a.Hash]; ok && id == a.ID {
			delete(b.fromSpool, a.Hash) // extracted before the interruption
			return true
		}
		if id, dup := seen[a.Hash]; dup {
			b.sum.Duplicates++
			b.emit(Event{Kind: Repeated, Problem: a.Problem(fmt.Errorf("%w (%s): skipped", ErrDuplicate, id), false)})
			return true
		}
		seen[a.Hash] = a.ID
		p, other, err := b.st.Presence(ctx, a.ID, a.Hash)
		if err == nil && p == graph.Absent {
			return false
		}
		b.refuse(a.Problem, p, other, err)
		return true
	}
}

// refuse reports an article that is not written because the store has it or has its id;
// problem makes a problem of the article.
func (b *builder) refuse(problem func(error, bool) *input.Error, p graph.Presence, other string, err error) {
	switch {
	case err != nil:
		b.problem(problem(err, false))
	case p == graph.Present:
		b.sum.AlreadyStored++
	case p == graph.SameText:
		b.sum.AlreadyStored++
		b.emit(Event{Kind: Repeated, Problem: problem(fmt.Errorf("%w (%s): skipped", ErrSameText, other), false)})
	case p == graph.IDConflict:
		b.problem(problem(fmt.Errorf("%w: skipped (remove it first, or give this one another id)", ErrIDConflict), false))
	}
}

// write stores the spooled articles, total of them, in transactions of b.batch articles and at
// most graph.BatchQuads quads (an article with more is written alone). An article spooled by an
// interrupted run may have been stored by it: the store says.
func (b *builder) write(ctx context.Context, total int) error {
	b.emit(Event{Kind: Storing, Total: total})
	var pending [][]quad.Quad
	var pendingRes []*extract.Result
	nq, done := 0, 0 // quads pending, spooled articles handled
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		if err := b.st.WriteArticles(ctx, pending...); err != nil {
			return fmt.Errorf("%s: %w", input.QuoteName(pendingRes[0].Article.File), err)
		}
		for i, r := range pendingRes {
			b.count(r, pending[i])
		}
		pending, pendingRes, nq = pending[:0], pendingRes[:0], 0
		b.emit(Event{Kind: Stored, N: b.sum.Stored, Done: done, Total: total, Facts: b.sum.Facts})
		return nil
	}
	err := eachResolved(ctx, b.sp, b.idx, func(i int, r *extract.Result) error {
		done = i + 1
		if i < b.sum.Resumed {
			p, other, err := b.st.Presence(ctx, r.Article.ID, r.Article.Hash)
			if err != nil || p != graph.Absent {
				b.refuse(func(err error, warn bool) *input.Error {
					return &input.Error{File: r.Article.File, Err: err, Warn: warn}
				}, p, other, err)
				return nil
			}
		}
		q := schema.ArticleQuadsAll(r.Article, r.Entities, r.Facts)
		if nq > 0 && nq+len(q) > graph.BatchQuads {
			if err := flush(); err != nil {
				return err
			}
		}
		pending = append(pending, q)
		pendingRes = append(pendingRes, r)
		nq += len(q)
		if len(pending) >= b.batch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// count adds a stored article, r, whose quads are qs, to the summary.
func (b *builder) count(r *extract.Result, qs []quad.Quad) {
	b.sum.Stored++
	b.sum.Sentences += r.Sentences
	b.sum.Facts += len(r.Facts)
	for _, en := range r.Entities {
		b.entities[maphash.String(b.seed, en.ID)] = struct{}{}
	}
	for _, q := range qs {
		if q.Label != nil {
			b.sum.Quads++
			continue
		}
		h := b.hashQuadValues(q.Subject.String(), q.Predicate.String(), q.Object.String())
		if _, ok := b.shared[h]; !ok {
			b.shared[h] = struct{}{}
			b.sum.Quads++
		}
	}
	b.sum.Entities = len(b.entities)
}
