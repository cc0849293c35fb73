package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"strings"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/graph/serve"
	"github.com/newsgraph/newsgraph/internal/cli"
)

func runServe(ctx context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	addr := fs.String("addr", "127.0.0.1:7474", "listen on this address (keep it on localhost unless you mean to share the graph)")
	timeout := fs.Duration("query-timeout", serve.DefaultQueryTimeout, "stop a Gizmo query after this long")
	maxResults := fs.Int("max-results", serve.DefaultMaxResults, "stop a Gizmo query after N results")
	memory := fs.Uint64("query-memory", serve.DefaultQueryMemory>>20, "the memory, in MB, of the Gizmo queries running at once together (each gets its share)")
	token := fs.String("auth-token", "", "a secret the API's requests must carry (Authorization: Bearer TOKEN, or open /?token=TOKEN); needed beyond localhost")
	tokenFile := fs.String("auth-token-file", "", "read the --auth-token from this file (other users cannot see it in the process list)")
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return cli.Usagef("serve takes no arguments")
	}
	if *timeout <= 0 || *maxResults <= 0 || *memory == 0 {
		return cli.Usagef("--query-timeout, --max-results and --query-memory must be positive")
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		return cli.Usagef("--addr %q: %v", *addr, err)
	}
	local := serve.Loopback(*addr)
	auth, err := authToken(*token, *tokenFile)
	if err != nil {
		return err
	}
	if !local && auth == "" {
		return cli.Usagef("--addr %s listens beyond localhost: give --auth-token-file FILE (or --auth-token) so that only those with the token can query the graph", *addr)
	}
	worker, err := newQueryWorker(0)
	if err != nil {
		return err
	}
	st, err := e.Store.Open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	fmt.Fprintf(e.Stderr, "newsgraph serve: %s (read-only) at http://%s/\n", e.Store.DB, ln.Addr())
	if !local {
		fmt.Fprintf(e.Stderr, "newsgraph serve: listening beyond localhost; only requests with the token are answered\n")
	}
	fmt.Fprintln(e.Stderr, "newsgraph serve: press Ctrl-C to stop")

	srv := serve.New(st, serve.Config{QueryTimeout: *timeout, MaxResults: *maxResults, QueryMemory: *memory << 20,
		LocalOnly: local, Worker: worker, AuthToken: auth})
	err = srv.Run(ctx, ln)
	if ctx.Err() != nil {
		fmt.Fprintln(e.Stderr, "newsgraph serve: stopping")
	}
	return err
}

// authToken returns the token of --auth-token or --auth-token-file (its first line); at most one
// may be given, and a token has at least 16 characters.
func authToken(token, file string) (string, error) {
	if token != "" && file != "" {
		return "", cli.Usagef("give --auth-token or --auth-token-file, not both")
	}
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return "", cli.Usagef("--auth-token-file: %v", err)
		}
		token, _, _ = strings.Cut(string(b), "\n")
		if token = strings.TrimSpace(token); token == "" {
			return "", cli.Usagef("--auth-token-file %s is empty", input.QuoteName(file))
		}
	}
	if token != "" && len(token) < 16 {
		return "", cli.Usagef("the auth token is too short to be a secret: use 16 characters or more (openssl rand -hex 16)")
	}
	return token, nil
}
