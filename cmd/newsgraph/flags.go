// The flags several commands share: the store flags and the input flags.

package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/build"
	"github.com/newsgraph/newsgraph/extract/fetch"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/graph"
)

// defaultDB is the store every command uses unless --db says otherwise.
const defaultDB = "newsgraph.db"

// storeUse says whether a command takes the store flags, and which backends.
type storeUse int

// The uses of a store.
const (
	noStore     storeUse = iota // the command takes no store
	storedStore                 // a store kept between runs: bolt or postgres
	anyStore                    // memory too: the command writes a store and needs nothing of it afterwards
)

// storeFlags are the flags that choose a store: the command table adds them to the commands
// that have a store, and env.parse checks them.
type storeFlags struct {
	db, backend string
	// memory is set for the commands that take --backend memory (anyStore).
	memory bool
}

// backends returns the backends the command accepts.
func (s *storeFlags) backends() []string {
	if s.memory {
		return graph.Backends
	}
	return slices.DeleteFunc(slices.Clone(graph.Backends), func(b string) bool { return b == "memory" })
}

func (s *storeFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&s.db, "db", defaultDB, "the graph store: a bolt file, or with --backend postgres a URL (postgres://user:password@host:port/dbname?sslmode=disable)")
	fs.StringVar(&s.backend, "backend", "bolt", "store backend: "+strings.Join(s.backends(), "|"))
}

// synopsis is the store flags' part of a command's usage line.
func (s *storeFlags) synopsis() string {
	return "[--db PATH|URL] [--backend " + strings.Join(s.backends(), "|") + "]"
}

// open opens the chosen store (checked by env.parse); readOnly stores must exist.
func (s *storeFlags) open(ctx context.Context, readOnly bool) (*graph.Store, error) {
	return graph.Open(ctx, graph.Options{Backend: s.backend, Path: s.db, ReadOnly: readOnly})
}

// check returns the usage error of flags that cannot name a store the command can open.
func (s *storeFlags) check() error {
	if s.backend == "memory" && !s.memory {
		return usageError{"--backend memory holds nothing between runs: use it with build or load, or use a bolt or postgres store"}
	}
	if !slices.Contains(s.backends(), s.backend) {
		return usageError{fmt.Sprintf("unknown --backend %q (%s)", s.backend, strings.Join(s.backends(), ", "))}
	}
	if s.backend == "postgres" && s.db == defaultDB {
		return usageError{"--backend postgres needs --db postgres://user:password@host:port/dbname?sslmode=disable"}
	}
	return nil
}

// addInputFlags adds the flags of commands that read articles, which set in.
func addInputFlags(fs *flag.FlagSet, in *build.Input) {
	fs.IntVar(&in.Workers, "workers", 0, "articles extracted at once (0: one per CPU)")
	fs.Int64Var(&in.MaxBytes, "max-bytes", input.DefaultMaxBytes, "skip articles larger than this many bytes")
	fs.IntVar(&in.MaxSentenceTokens, "max-sentence-tokens", 0, "cut sentences longer than this many tokens (0: default 300)")
	fs.StringVar(&in.CSVText, "csv-text", "", "read .csv files too (a header row, then one article a row), the column `COLUMN` their text; the columns id, title, date, url, source and author fill the article's when the header names them, others are ignored (the BBC corpus: --csv-text text)")
	fs.StringArrayVar(&in.Feeds, "feed", nil, "read the page of every item of this RSS or Atom feed URL (repeatable)")
	fs.StringVar(&in.Cache, "cache", "", "folder of fetched pages, so that a rebuild does not fetch them again (default: newsgraph/pages in the user cache folder)")
	fs.IntVar(&in.PerHost, "per-host", fetch.DefaultPerHost, "at most this many requests at once to one web host")
	fs.DurationVar(&in.FetchTimeout, "fetch-timeout", fetch.DefaultTimeout, "give up on a web request after this long")
}
