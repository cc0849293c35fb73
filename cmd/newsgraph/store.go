package main

import (
	"context"
	"strings"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph"
)

// defaultDB is the store every command uses unless --db says otherwise.
const defaultDB = "newsgraph.db"

// storeFlags are the flags that choose a store.
type storeFlags struct {
	db, backend string
}

func (s *storeFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&s.db, "db", defaultDB, "the graph store: a bolt file, or with --backend postgres a URL (postgres://user:password@host:port/dbname?sslmode=disable)")
	fs.StringVar(&s.backend, "backend", "bolt", "store backend: "+strings.Join(graph.Backends, "|"))
}

// open opens the chosen store; readOnly stores must exist.
func (s *storeFlags) open(ctx context.Context, readOnly bool) (*graph.Store, error) {
	if err := s.check(readOnly); err != nil {
		return nil, err
	}
	return graph.Open(ctx, graph.Options{Backend: s.backend, Path: s.db, ReadOnly: readOnly})
}

// check returns the usage error of flags that cannot name a store to open.
func (s *storeFlags) check(readOnly bool) error {
	if s.backend == "memory" && readOnly {
		return usageError{"--backend memory holds nothing between runs: use it with build, or use a bolt or postgres store"}
	}
	if s.backend == "postgres" && s.db == defaultDB {
		return usageError{"--backend postgres needs --db postgres://user:password@host:port/dbname?sslmode=disable"}
	}
	return nil
}
