package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
)

// defaultDB is the store every command uses unless --db says otherwise.
const defaultDB = "newsgraph.db"

// storeFlags are the flags that choose a store.
type storeFlags struct {
	db, backend string
	// memory is set for the commands that take --backend memory (those that write a store
	// and need nothing of it afterwards).
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

// open opens the chosen store; readOnly stores must exist.
func (s *storeFlags) open(ctx context.Context, readOnly bool) (*graph.Store, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
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
