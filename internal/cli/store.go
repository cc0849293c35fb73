package cli

import (
	"context"
	"slices"
	"strings"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
)

// DefaultDB is the store every command uses unless --db says otherwise.
const DefaultDB = "newsgraph.db"

// StoreUse says whether a command takes the store flags, and which backends.
type StoreUse int

// The uses of a store.
const (
	NoStore     StoreUse = iota // the command takes no store
	StoredStore                 // a store kept between runs: bolt or postgres
	AnyStore                    // memory too: the command writes a store and needs nothing of it afterwards
)

// StoreFlags are the flags that choose a store, --db and --backend: Program adds them to the
// commands that have a store, and Env.Parse checks them.
type StoreFlags struct {
	// DB is --db: a bolt file, or a postgres URL.
	DB string
	// Backend is --backend, one of graph.Backends.
	Backend string
	// memory is set for the commands that take --backend memory (AnyStore).
	memory bool
}

// backends returns the backends the command accepts.
func (s *StoreFlags) backends() []string {
	if s.memory {
		return graph.Backends
	}
	return slices.DeleteFunc(slices.Clone(graph.Backends), func(b string) bool { return b == "memory" })
}

// add adds --db and --backend to fs.
func (s *StoreFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&s.DB, "db", DefaultDB, "the graph store: a bolt file, or with --backend postgres a URL (postgres://user:password@host:port/dbname?sslmode=disable)")
	fs.StringVar(&s.Backend, "backend", "bolt", "store backend: "+strings.Join(s.backends(), "|"))
}

// synopsis is the store flags' part of a command's usage line.
func (s *StoreFlags) synopsis() string {
	return "[--db PATH|URL] [--backend " + strings.Join(s.backends(), "|") + "]"
}

// Open opens the chosen store (checked by Env.Parse); readOnly stores must exist.
func (s *StoreFlags) Open(ctx context.Context, readOnly bool) (*graph.Store, error) {
	opt := s.Options()
	opt.ReadOnly = readOnly
	return graph.Open(ctx, opt)
}

// Options returns the graph.Options of the chosen store, for what opens it otherwise (verify).
func (s *StoreFlags) Options() graph.Options {
	return graph.Options{Backend: s.Backend, Path: s.DB}
}

// check returns the usage error of flags that cannot name a store the command can open.
func (s *StoreFlags) check() error {
	if s.Backend == "memory" && !s.memory {
		return Usagef("--backend memory holds nothing between runs: use it with build or load, or use a bolt or postgres store")
	}
	if !slices.Contains(s.backends(), s.Backend) {
		return Usagef("unknown --backend %q (%s)", s.Backend, strings.Join(s.backends(), ", "))
	}
	if s.Backend == "postgres" && s.DB == DefaultDB {
		return Usagef("--backend postgres needs --db postgres://user:password@host:port/dbname?sslmode=disable")
	}
	return nil
}
