// Package build turns a corpus of articles into a graph store: it reads the input (files,
// folders, web pages, feeds), extracts every article, links the entities of the whole corpus and
// writes the articles in batched transactions, each article whole or not at all. It keeps the
// extraction results in a spool beside the store, so that an interrupted build run again resumes
// where it stopped, and it leaves out articles the store or the same run already holds.
//
// The package reports what happens through Options.Event and returns a Summary; it must not
// parse command lines, exit or write to the standard streams: that is the newsgraph command's
// part (Progress writes the events as text to the writer the command gives it). It uses extract,
// graph (with graph/export for the quads WriteFacts writes) and schema, and nothing imports it
// but the command.
package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash/maphash"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/extract/spool"
	"github.com/newsgraph/newsgraph/graph"
)

// Input says how articles are read: the options every command that reads articles shares.
type Input struct {
	// Workers is the number of articles extracted at once; 0 means one per CPU.
	Workers int
	// MaxBytes is the largest article read, in bytes; 0 means input.DefaultMaxBytes.
	MaxBytes int64
	// MaxSentenceTokens cuts longer sentences; 0 means extract's default.
	MaxSentenceTokens int
	// CSVText, when set, makes CSV files input: one article a row, this column its text (see
	// input.Reader.CSVText for the other columns read).
	CSVText string
	// Feeds are RSS or Atom feeds whose items' pages are read after the paths.
	Feeds []string
	// Cache is the folder fetched pages are kept in; "" means newsgraph/pages in the user's
	// cache folder. PerHost and FetchTimeout bound the fetching (0: fetch's defaults).
	Cache        string
	PerHost      int
	FetchTimeout time.Duration
}

// Options configure Run and Extract.
type Options struct {
	Input
	// Store receives the articles (Run only).
	Store *graph.Store
	// Batch is the most articles written per transaction (Run only; 0 means 100); a
	// transaction also holds at most about graph.BatchQuads quads.
	Batch int
	// Resume keeps the spool where SpoolPath says, so that a build interrupted and run again
	// with the same store, inputs and options resumes without extracting again (Run only).
	Resume bool
	// ByID makes Extract call its function in order of article id instead of input order.
	ByID bool
	// Event, when set, is told of progress and of every skipped input. Calls never overlap.
	Event func(Event)
}

// EventKind says what an Event reports.
type EventKind int

// The kinds of Event.
const (
	// Extracting starts the first pass: Total articles to read (0 when unknown).
	Extracting EventKind = iota + 1
	// Extracted: the N-th article of this run was extracted (and spooled); Facts counts the
	// facts extracted so far.
	Extracted
	// Storing starts the second pass: Total spooled articles to write.
	Storing
	// Stored: a transaction was committed. N counts the articles stored by this run, Done the
	// spooled articles handled so far, Facts the facts stored.
	Stored
	// Problem: an article, line or path was left out, or a warning (Problem.Warn) concerns one
	// that was read; Problem says where and why.
	Problem
	// Repeated: an article is not written because its text came earlier in this run
	// (ErrDuplicate) or the store holds it under another id (ErrSameText). An article the
	// store holds under its own id is counted (Summary.AlreadyStored) without an event.
	Repeated
	// Resumed: an interrupted run of the same build had extracted N articles, kept at Path.
	Resumed
	// Restarted: the spool at Path is not resumed, for the reason Err: the build starts afresh.
	Restarted
)

// Event is something a build reports while it runs.
type Event struct {
	Kind EventKind
	// N, Done, Total and Facts are counts: see each kind.
	N, Done, Total, Facts int
	// Path is the spool of Resumed and Restarted.
	Path string
	// Problem is the file, line and reason of Problem and Repeated.
	Problem *input.Error
	// Err is the reason of Restarted.
	Err error
}

// Reasons an article is not written, in Problem events and Summary.Problems (test them with
// errors.Is).
var (
	// ErrDuplicate: the text is that of an earlier article of the same run.
	ErrDuplicate = errors.New("same text as an earlier article of this run")
	// ErrSameText: the store holds the same text under another article id.
	ErrSameText = errors.New("same text as a stored article")
	// ErrIDConflict: the store holds the article id with another text.
	ErrIDConflict = errors.New("article id stored with a different text")
)

// Summary counts what a run did.
type Summary struct {
	// Read counts the articles the input gave (before any was left out).
	Read int
	// Resumed counts the articles an interrupted run of the same build had extracted.
	Resumed int
	// Extracted counts the articles extracted by this run.
	Extracted int
	// Stored counts the articles written by this run; Sentences, Facts and Entities (distinct
	// entities) count what they hold.
	Stored, Sentences, Facts, Entities int
	// Quads counts the quads written: each article's own, and the quads articles share (an
	// entity's name and type, a predicate's class) once a run. On an empty store it is the
	// count `newsgraph stats` gives after the build.
	Quads int
	// AlreadyStored counts articles the store held (by id and text, or by text under another
	// id); Duplicates those whose text came earlier in the same run. Neither is written.
	AlreadyStored, Duplicates int
	// KnownFeedItems counts feed items not fetched because the store holds their page.
	KnownFeedItems int
	// Problems lists everything left out (articles, lines, paths, article ids that conflict
	// with the store) and the warnings, sorted.
	Problems input.ErrorList
	// InStore is the number of articles the store holds when Run stopped on an error (it is
	// not counted after a complete run).
	InStore int
	// Kept is set when the spool of an interrupted run was kept for the next one.
	Kept bool
	// ExtractTime and StoreTime are how long the two passes took.
	ExtractTime, StoreTime time.Duration
}

// Skipped counts the problems that left something out (warnings aside).
func (s *Summary) Skipped() int {
	n := 0
	for _, p := range s.Problems {
		if !p.Warn {
			n++
		}
	}
	return n
}

// markKnown is the spool mark written once the entities the store knew at the start of a build
// are all in the spool.
const markKnown = "known"

// DefaultBatch is the number of articles written per transaction when Options.Batch is 0.
const DefaultBatch = 100

// builder is one run of Run: extraction into a spool that survives an interruption, then
// writing the spooled articles in batched transactions.
type builder struct {
	st    *graph.Store
	sp    *spool.File
	idx   *resolve.Index
	emit  func(Event)
	sum   Summary
	batch int
	// fromSpool maps the text hash of every article an interrupted run spooled to its id,
	// until the input offers it again.
	fromSpool map[string]string
	// entities and shared hold 64-bit hashes of the ids of the entities stored articles mention
	// and of the unlabelled quads written, for the counts of the summary: a tenth of the memory
	// of the values at 100,000 articles; two of a million collide with a chance of about 10⁻⁸.
	entities, shared map[uint64]struct{}
	seed             maphash.Seed
}

// serialize returns fn guarded so that calls from several goroutines never overlap; a nil fn
// gives a function that does nothing.
func serialize(fn func(Event)) func(Event) {
	if fn == nil {
		return func(Event) {}
	}
	var mu sync.Mutex
	return func(ev Event) {
		mu.Lock()
		defer mu.Unlock()
		fn(ev)
	}
}

// Run builds the articles of inputs (files, folders, http and https URLs) and of
// opt.Feeds into opt.Store. Problems with the input never stop it: they are reported as Problem
// events and listed in the Summary. It returns an error when the store fails or ctx is
// cancelled; what was written until then is whole articles only, and with opt.Resume the next
// Run of the same build goes on from there (Summary.Kept).
func Run(ctx context.Context, opt Options, inputs []string) (Summary, error) {
	if opt.Store == nil {
		return Summary{}, errors.New("build: no store")
	}
	b := &builder{st: opt.Store, emit: serialize(opt.Event), batch: opt.Batch,
		entities: map[uint64]struct{}{}, shared: map[uint64]struct{}{}, seed: maphash.MakeSeed()}
	if b.batch <= 0 {
		b.batch = DefaultBatch
	}
	path := ""
	if opt.Resume {
		path = SpoolPath(opt.Store)
	}
	if err := b.openSpool(ctx, path, spoolKey(opt, inputs)); err != nil {
		return b.sum, err
	}
	start := time.Now()
	stored := func(ctx context.Context, url string) bool {
		p, _, err := b.st.Presence(ctx, url, "")
		return err == nil && (p == graph.Present || p == graph.IDConflict)
	}
	ex, err := extractInto(ctx, opt.Input, inputs, b.sp, b.idx, b.emit, b.skip(ctx), stored, nil)
	b.sum.Read, b.sum.Extracted, b.sum.KnownFeedItems = ex.read, ex.articles, ex.knownItems
	b.sum.Problems = append(b.sum.Problems, ex.problems...)
	if err == nil {
		err = b.sp.Sync()
	}
	b.sum.ExtractTime = time.Since(start)
	if err == nil {
		err = b.write(ctx, b.sum.Resumed+ex.articles)
	}
	b.sum.StoreTime = time.Since(start) - b.sum.ExtractTime
	b.sum.Problems.Sort()
	if err != nil {
		return b.sum, b.stop(ctx, path != "", err)
	}
	return b.sum, b.sp.Discard()
}

// SpoolPath returns where a build of st keeps its spool: beside a bolt file, in the user's
// cache folder for a database server, nowhere ("") for a store that does not outlive the run.
func SpoolPath(st *graph.Store) string {
	switch st.Backend() {
	case "memory":
		return ""
	case "bolt":
		return st.Location() + ".spool"
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	h := sha256.Sum256([]byte(st.Backend() + "\x00" + st.Location()))
	return filepath.Join(dir, "newsgraph", "spool-"+hex.EncodeToString(h[:8]))
}

// stop ends a build that err interrupted: it keeps the spool for the next run when it is
// resumable, and counts what the store holds.
func (b *builder) stop(ctx context.Context, resumable bool, err error) error {
	cerr := b.sp.Close()
	b.sum.Kept = resumable && cerr == nil
	if !resumable {
		cerr = errors.Join(cerr, b.sp.Discard())
	}
	// The store is still open and consistent: every transaction is whole or absent.
	n, serr := b.st.ArticleCount(context.WithoutCancel(ctx))
	b.sum.InStore = n
	if cerr != nil || serr != nil {
		return errors.Join(err, cerr, serr)
	}
	return err
}

// hashQuadValues returns the hash of the values of an unlabelled quad.
func (b *builder) hashQuadValues(s, p, o string) uint64 {
	var h maphash.Hash
	h.SetSeed(b.seed)
	for _, v := range [...]string{s, p, o} {
		h.WriteString(v)
		h.WriteByte(0)
	}
	return h.Sum64()
}

// problem reports a problem of an article and lists it in the summary.
func (b *builder) problem(e *input.Error) {
	b.sum.Problems = append(b.sum.Problems, e)
	b.emit(Event{Kind: Problem, Problem: e})
}
