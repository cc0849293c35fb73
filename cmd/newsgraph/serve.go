package main

import (
	"context"
	"fmt"
	"net"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/graph/serve"
	"github.com/newsgraph/newsgraph/internal/cli"
)

func runServe(ctx context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	var set serve.Settings
	fs.StringVar(&set.Addr, "addr", "127.0.0.1:7474", "listen on this address (keep it on localhost unless you mean to share the graph)")
	fs.DurationVar(&set.QueryTimeout, "query-timeout", serve.DefaultQueryTimeout, "stop a Gizmo query after this long")
	fs.IntVar(&set.MaxResults, "max-results", serve.DefaultMaxResults, "stop a Gizmo query after N results")
	fs.Uint64Var(&set.QueryMemoryMB, "query-memory", serve.DefaultQueryMemory>>20, "the memory, in MB, of the Gizmo queries running at once together (each gets its share)")
	fs.StringVar(&set.AuthToken, "auth-token", "", "a secret the API's requests must carry (Authorization: Bearer TOKEN, or open /?token=TOKEN); needed beyond localhost")
	fs.StringVar(&set.AuthTokenFile, "auth-token-file", "", "read the --auth-token from this file (other users cannot see it in the process list)")
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return cli.Usagef("serve takes no arguments")
	}
	cfg, err := set.Config()
	if err != nil {
		return cli.Usage(err)
	}
	if cfg.Worker, err = newQueryWorker(0); err != nil {
		return err
	}
	st, err := e.Store.Open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()

	ln, err := net.Listen("tcp", set.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", set.Addr, err)
	}
	fmt.Fprintf(e.Stderr, "newsgraph serve: %s (read-only) at http://%s/\n", e.Store.DB, ln.Addr())
	if !cfg.LocalOnly {
		fmt.Fprintf(e.Stderr, "newsgraph serve: listening beyond localhost; only requests with the token are answered\n")
	}
	fmt.Fprintln(e.Stderr, "newsgraph serve: press Ctrl-C to stop")
	err = serve.New(st, cfg).Run(ctx, ln)
	if ctx.Err() != nil {
		fmt.Fprintln(e.Stderr, "newsgraph serve: stopping")
	}
	return err
}
