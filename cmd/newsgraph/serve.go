package main

import (
	"context"
	"errors"
	"fmt"
	flag "github.com/spf13/pflag"
	"net"
	"net/http"
	"time"

	"github.com/newsgraph/newsgraph/graph/serve"
)

// serveSpec is serveCommand without its run function, which reads it (a command value that
// referred to its own run function would be an initialisation cycle).
var serveSpec = command{
	name:    "serve",
	summary: "explore the graph in a web browser: search, neighbourhoods, evidence, Gizmo console",
	usage:   "[--db PATH|URL] [--backend bolt|postgres] [--addr 127.0.0.1:7474] [--query-timeout 10s] [--max-results N] [--query-memory MB]",
	example: "newsgraph serve --db newsgraph.db   # then open http://127.0.0.1:7474/",
}

var serveCommand = func() command { c := serveSpec; c.run = runServe; return c }()

func runServe(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	var sf storeFlags
	sf.add(fs)
	addr := fs.String("addr", "127.0.0.1:7474", "listen on this address (keep it on localhost unless you mean to share the graph)")
	timeout := fs.Duration("query-timeout", serve.DefaultQueryTimeout, "stop a Gizmo query after this long")
	maxResults := fs.Int("max-results", serve.DefaultMaxResults, "stop a Gizmo query after N results")
	memory := fs.Uint64("query-memory", serve.DefaultQueryMemory>>20, "stop Gizmo queries while the server's memory is this many MB above its own")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError{"serve takes no arguments"}
	}
	if *timeout <= 0 || *maxResults <= 0 || *memory == 0 {
		return usageError{"--query-timeout, --max-results and --query-memory must be positive"}
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		return usageError{fmt.Sprintf("--addr %q: %v", *addr, err)}
	}
	st, err := sf.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	local := host == "localhost" || (net.ParseIP(host) != nil && net.ParseIP(host).IsLoopback())
	srv := &http.Server{
		Handler:           serve.New(st, serve.Config{QueryTimeout: *timeout, MaxResults: *maxResults, QueryMemory: *memory << 20, LocalOnly: local}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      *timeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	fmt.Fprintf(e.stderr, "newsgraph serve: %s (read-only) at http://%s/\n", sf.db, ln.Addr())
	if !local {
		fmt.Fprintf(e.stderr, "newsgraph serve: warning: listening beyond localhost; anyone who can reach %s can query the graph\n", ln.Addr())
	}
	fmt.Fprintln(e.stderr, "newsgraph serve: press Ctrl-C to stop")

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	fmt.Fprintln(e.stderr, "newsgraph serve: stopping")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("stop the server: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
