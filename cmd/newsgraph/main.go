// Command newsgraph turns a folder of news articles into a knowledge graph in Cayley and lets
// people query, export and look at it. Each subcommand lives in a file of its own name; this file
// only dispatches. It must not hold extraction or storage logic: that belongs to packages extract
// and graph.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"sync"
	"syscall"

	flag "github.com/spf13/pflag"
)

// Exit codes.
const (
	exitOK      = 0 // everything done
	exitPartial = 1 // some input skipped, or a query failed
	exitUsage   = 2 // bad command line
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	// usage is the argument synopsis; example a command line that works on the seeds.
	usage, example string
	run            func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error
	// hidden commands are run by newsgraph itself and left out of the help.
	hidden bool
}

// commands lists the subcommands in the order help shows them.
var commands = []command{
	buildCommand,
	extractCommand,
	loadCommand,
	queryCommand,
	exportCommand,
	statsCommand,
	timelineCommand,
	removeCommand,
	correctCommand,
	evalCommand,
	annotateCommand,
	serveCommand,
	verifyCommand,
	versionCommand,
	gizmoWorkerCommand,
}

// env is what a subcommand may touch: its output streams.
type env struct {
	stdout, stderr io.Writer
}

// lockedWriter serialises writes from the goroutines of a command (progress, input problems,
// the notice of an interrupt) to one stream.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// usageError is a command line problem: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// partialError reports that the command did its work but skipped some input or a query failed:
// exit status 1.
type partialError struct{ msg string }

func (e partialError) Error() string { return e.msg }

// defaultMemoryLimit is the soft limit of the Go heap (runtime/debug.SetMemoryLimit) when the
// GOMEMLIMIT environment variable sets none. Past it the garbage collector runs more often
// rather than let the heap grow to twice its live size: a build of 100,000 articles peaked at
// 750 MB of its own memory with this limit, against at least 1.27 GB without, at the price of
// more collection. The limit is soft: a heap whose live data needs more gets it.
// GOMEMLIMIT=off (or a larger size) trades memory back for speed.
const defaultMemoryLimit = 768 << 20

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	// The first interrupt cancels ctx, and commands stop cleanly; after it the default handling
	// is back, so a second interrupt ends the process at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, stop)
	os.Exit(run(ctx, &env{stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:]))
}

// run executes one command line and returns the exit status.
func run(ctx context.Context, e *env, args []string) int {
	e = &env{stdout: e.stdout, stderr: &lockedWriter{w: e.stderr}}
	if len(args) == 2 && args[0] == "help" {
		args = []string{args[1], "--help"} // "newsgraph help build" is "newsgraph build --help"
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(e.stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, c.flags(e), args[1:])
		var ue usageError
		var pe partialError
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.As(err, &ue):
			fmt.Fprintf(e.stderr, "newsgraph %s: %v\nRun 'newsgraph %s --help' for usage.\n", c.name, err, c.name)
			return exitUsage
		case errors.As(err, &pe):
			fmt.Fprintf(e.stderr, "newsgraph %s: %v\n", c.name, err)
			return exitPartial
		default:
			fmt.Fprintf(e.stderr, "newsgraph %s: %v\n", c.name, err)
			return exitPartial
		}
	}
	fmt.Fprintf(e.stderr, "newsgraph: unknown command %q\n", args[0])
	printUsage(e.stderr)
	return exitUsage
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "newsgraph turns news articles into a knowledge graph you can query, export and explore.")
	fmt.Fprintln(w, "\nUsage: newsgraph COMMAND [flags] [arguments]\n\nCommands:")
	for _, c := range commands {
		if !c.hidden {
			fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
		}
	}
	fmt.Fprintln(w, "\nRun 'newsgraph COMMAND --help' for a command's flags and an example.")
}

// flags returns the flag set of a command, with --help text built from its usage and example.
func (c command) flags(e *env) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: newsgraph %s %s\n\n%s\n\nFlags:\n", c.name, c.usage, c.summary)
		fs.PrintDefaults()
		fmt.Fprintf(e.stderr, "\nExample:\n  %s\n", c.example)
	}
	return fs
}

// parse parses args, mapping flag problems to usage errors.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}
