package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/cayleygraph/quad"
	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/extract/spool"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

var buildCommand = command{
	name:    "build",
	summary: "extract facts from articles and load them into the graph store",
	usage:   "[--db PATH|URL] [--backend bolt|memory|postgres] [--workers N] [--batch N] [--feed URL]... INPUT...",
	example: "newsgraph build seeds/\n  newsgraph build https://example.org/news/story.html\n  newsgraph build --feed https://example.org/rss.xml",
	run:     runBuild,
}

// testHook, set by tests only, is called after each article is spooled ("extracted", articles
// spooled by this run) and after each write transaction ("stored", articles stored by this run).
var testHook func(event string, n int)

// markKnown is the spool mark written once the entities the store knew at the start of a build
// are all in the spool.
const markKnown = "known"

func runBuild(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	var sf storeFlags
	sf.add(fs)
	var inf inputFlags
	inf.add(fs)
	batch := fs.Int("batch", 100, "at most this many articles written per transaction, and about 20,000 quads (each article is stored whole or not at all)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 && len(inf.feeds) == 0 {
		return usageError{"give at least one article file, folder, URL or --feed"}
	}
	if *batch < 1 {
		return usageError{"--batch must be at least 1"}
	}
	start := time.Now()
	st, err := sf.open(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	b := &builder{e: e, st: st, db: st.Location(), batch: *batch}
	path := spoolPath(sf)
	if err := b.openSpool(ctx, path, spoolKey(sf, inf, fs.Args())); err != nil {
		return err
	}
	b.resumable = path != ""
	inf.stored = func(ctx context.Context, url string) bool {
		p, _, err := st.Presence(ctx, url, "")
		return err == nil && (p == graph.Present || p == graph.IDConflict)
	}
	noticed := make(chan struct{})
	stopNotice := context.AfterFunc(ctx, func() {
		defer close(noticed)
		fmt.Fprintln(e.stderr, "\ninterrupted: stopping after the current transaction (interrupt again to quit at once)")
	})
	defer func() {
		if !stopNotice() {
			<-noticed // printed, or being printed: before the final message
		}
	}()
	ex, err := extractInto(ctx, e, fs.Args(), inf, b.sp, b.idx, b.skip(ctx), false)
	if err == nil {
		err = b.sp.Sync()
	}
	extracted := time.Now()
	if err == nil {
		err = b.write(ctx, b.resumed+ex.articles)
	}
	if err != nil {
		return b.stop(ctx, err)
	}
	if err := b.sp.Discard(); err != nil {
		return err
	}
	if ex.knownItems > 0 {
		fmt.Fprintf(e.stderr, "feeds: %d item(s) already stored, not fetched\n", ex.knownItems)
	}
	fmt.Fprintf(e.stderr, "built %s: %d new articles (%d already stored), %d sentences, %d entities, %d facts, %d quads in %.1fs (extract %.1fs, store %.1fs)\n",
		b.db, b.sum.articles, b.present, b.sum.sentences, len(b.entities), b.sum.facts, b.sum.quads,
		time.Since(start).Seconds(), extracted.Sub(start).Seconds(), time.Since(extracted).Seconds())
	if n := ex.skipped() + b.conflicts; n > 0 {
		return partialError{fmt.Sprintf("%d article(s) or path(s) skipped: see the messages above", n)}
	}
	return nil
}

// builder is one run of build: extraction into a spool that survives an interruption, then
// writing the spooled articles in batched transactions.
type builder struct {
	e     *env
	st    *graph.Store
	db    string
	batch int
	sp    *spool.File
	idx   *resolve.Index
	// resumable is set when the spool outlives the run, so that running the build again
	// resumes it.
	resumable bool
	// resumed counts the articles that an interrupted run of the same build had spooled;
	// fromSpool maps their text hash to their id until the input offers them again.
	resumed   int
	fromSpool map[string]string
	// present counts articles found stored already, conflicts those refused.
	present, conflicts int
	sum                struct{ articles, sentences, facts, quads int }
	// entities holds a 64-bit hash of the id of every entity the stored articles mention, for
	// the count of the summary: a tenth of the memory of the ids at 100,000 articles, and two of
	// a million ids collide with a chance of about 10⁻⁸.
	entities map[uint64]struct{}
	seed     maphash.Seed
}

// spoolPath returns where a build keeps its spool: beside a bolt file, in the user's cache for
// a database server, nowhere ("": a temporary file) for a store that does not outlive the run.
func spoolPath(sf storeFlags) string {
	switch sf.backend {
	case "memory":
		return ""
	case "bolt", "":
		return sf.db + ".spool"
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	h := sha256.Sum256([]byte(sf.backend + "\x00" + sf.db))
	return filepath.Join(dir, "newsgraph", "spool-"+hex.EncodeToString(h[:8]))
}

// spoolKey identifies a build: a spool is resumed only by a build of the same store, inputs and
// extraction options (not --workers or --batch, which change nothing in the graph).
func spoolKey(sf storeFlags, inf inputFlags, paths []string) string {
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
	}{sf.backend, sf.db, abs, inf.feeds, inf.maxBytes, inf.maxToks, inf.csvText})
	return string(k)
}

// errOtherBuild refuses a spool left by a build of other inputs or of another store.
var errOtherBuild = errors.New("left by an interrupted build of other input")

// openSpool resumes the spool at path when an interrupted run of the same build left one there,
// and otherwise starts one with the entities the store knows now. Either way the index ends up
// with the same entities as if this build had never been interrupted.
func (b *builder) openSpool(ctx context.Context, path, key string) error {
	b.entities, b.seed = map[uint64]struct{}{}, maphash.MakeSeed()
	if path != "" {
		err := b.resume(ctx, path, key)
		switch {
		case err == nil:
			fmt.Fprintf(b.e.stderr, "resuming the interrupted build: %d articles extracted before are in %s\n", b.resumed, path)
			return nil
		case errors.Is(err, fs.ErrNotExist):
		default:
			fmt.Fprintf(b.e.stderr, "%s: %v: starting afresh\n", path, err)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("spool: %w", err)
		}
	}
	b.idx, b.fromSpool, b.resumed = resolve.NewIndex(), map[string]string{}, 0
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
	b.idx, b.fromSpool, b.resumed = resolve.NewIndex(), map[string]string{}, 0
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
				return fmt.Errorf("left by a build of a store that held %d articles, and %s holds %d", r.Header.Articles, b.db, n)
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
			b.resumed++
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

// skip says which articles phase one must not extract: those in the spool already, a text given
// twice, and what the store holds.
func (b *builder) skip(ctx context.Context) func(input.Article, func(string)) bool {
	seen := map[string]string{} // text hash -> id, this run
	for h, id := range b.fromSpool {
		seen[h] = id
	}
	return func(a input.Article, say func(string)) bool {
		if id, ok := b.fromSpool[a.Hash]; ok && id == a.ID {
			delete(b.fromSpool, a.Hash) // extracted before the interruption
			return true
		}
		if id, dup := seen[a.Hash]; dup {
			say(fmt.Sprintf("%s: same text as %s in this run: skipped", a.File, id))
			b.present++
			return true
		}
		seen[a.Hash] = a.ID
		p, other, err := b.st.Presence(ctx, a.ID, a.Hash)
		if err == nil && p == graph.Absent {
			return false
		}
		b.refuse(a.Article, p, other, err, say)
		return true
	}
}

// refuse reports (through say) an article that is not written because the store has it or has
// its id.
func (b *builder) refuse(a schema.Article, p graph.Presence, other string, err error, say func(string)) {
	switch {
	case err != nil:
		say(fmt.Sprintf("%s: %v", a.File, err))
		b.conflicts++
	case p == graph.Present:
		b.present++
	case p == graph.SameText:
		say(fmt.Sprintf("%s: same text as stored article %s: skipped", a.File, other))
		b.present++
	case p == graph.IDConflict:
		say(fmt.Sprintf("%s: article id %q is stored with a different text: skipped (remove it first, or give this one another id)", a.File, a.ID))
		b.conflicts++
	}
}

// write stores the spooled articles, total of them, in transactions of b.batch articles and at
// most graph.BatchQuads quads (an article with more is written alone). An article spooled by an
// interrupted run may have been stored by it: the store says.
func (b *builder) write(ctx context.Context, total int) error {
	prog := newProgress(b.e.stderr, total)
	defer prog.done()
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
			b.sum.articles++
			b.sum.sentences += r.Sentences
			b.sum.facts += len(r.Facts)
			b.sum.quads += len(pending[i])
			for _, en := range r.Entities {
				b.entities[maphash.String(b.seed, en.ID)] = struct{}{}
			}
		}
		pending, pendingRes, nq = pending[:0], pendingRes[:0], 0
		prog.update("stored", done, b.sum.facts)
		if testHook != nil {
			testHook("stored", b.sum.articles)
		}
		return nil
	}
	err := eachResolved(ctx, b.sp, b.idx, func(i int, r *extract.Result) error {
		done = i + 1
		if i < b.resumed {
			p, other, err := b.st.Presence(ctx, r.Article.ID, r.Article.Hash)
			if err != nil || p != graph.Absent {
				b.refuse(r.Article, p, other, err, prog.message)
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

// stop ends a build that err interrupted: it keeps the spool for the next run and says what is
// stored and how to go on.
func (b *builder) stop(ctx context.Context, err error) error {
	if cerr := b.sp.Close(); cerr != nil {
		fmt.Fprintf(b.e.stderr, "newsgraph build: %v\n", cerr)
	}
	// The store is still open and consistent: every transaction is whole or absent.
	stored, cerr := b.st.ArticleCount(context.WithoutCancel(ctx))
	if cerr != nil {
		return errors.Join(err, cerr)
	}
	what := fmt.Sprintf("%d articles stored by this run, %d in %s", b.sum.articles, stored, b.db)
	next := "run the same build again to resume"
	if !b.resumable {
		next = "nothing is kept"
	}
	if ctx.Err() != nil {
		return partialError{fmt.Sprintf("interrupted: %s; every article is stored whole or not at all; %s", what, next)}
	}
	return fmt.Errorf("%w (%s; %s)", err, what, next)
}
