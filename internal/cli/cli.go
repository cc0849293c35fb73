// Package cli is the command machinery of newsgraph's command line: a table of commands, the
// dispatch of a command line to one of them, each command's flag set with its --help text
// (synopsis, summary, flags, example), the store flags the commands that use a store share,
// usage and partial errors with their exit statuses (0, 1, 2), the count of input problems of
// commands that skip bad input, and JSON output.
//
// It knows how a command line is run, not what any command does: it must not hold extraction,
// storage or formatting logic, nor any one command's flags. Only package main of cmd/newsgraph
// imports it.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	flag "github.com/spf13/pflag"
)

// Command is one subcommand of a Program.
type Command struct {
	// Name is what the command line says to run it; Summary what it does, in one line.
	Name, Summary string
	// Usage is the argument synopsis (after the store flags' when the command has them);
	// Example a command line that works (several are joined by "\n  ").
	Usage, Example string
	// Store says whether the command takes the store flags, --db and --backend.
	Store StoreUse
	// Run runs the command on args with fs, which has the store flags when Store says so and
	// e.Store set then; Run adds its own flags and calls e.Parse.
	Run func(ctx context.Context, e *Env, fs *flag.FlagSet, args []string) error
	// Hidden commands are run by the program itself and left out of the help.
	Hidden bool
}

// Program is a command line program made of commands.
type Program struct {
	// Name is the program's name, as messages and help say it.
	Name string
	// Intro is the first line of the help: what the program does.
	Intro string
	// Commands lists the subcommands in the order the help shows them.
	Commands []Command
}

// Env is what a command may touch: its output streams and, for a command that has them, the
// store flags.
type Env struct {
	Stdout, Stderr io.Writer
	// Store holds the store flags of a command that takes them, nil for the others.
	Store *StoreFlags
}

// Run executes one command line (the arguments after the program's name), writing to stdout
// and stderr, and returns the exit status: ExitOK, ExitPartial for a command that failed or
// skipped input, ExitUsage for a bad command line. "help CMD" is "CMD --help".
func (p *Program) Run(ctx context.Context, stdout, stderr io.Writer, args []string) int {
	stderr = &lockedWriter{w: stderr}
	if len(args) == 2 && args[0] == "help" {
		args = []string{args[1], "--help"}
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		p.printUsage(stderr)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	for _, c := range p.Commands {
		if c.Name == args[0] {
			fs, e := p.flags(c, stdout, stderr)
			return p.exit(stderr, c.Name, c.Run(ctx, e, fs, args[1:]))
		}
	}
	fmt.Fprintf(stderr, "%s: unknown command %q\n", p.Name, args[0])
	p.printUsage(stderr)
	return ExitUsage
}

// exit prints the error of command name, if any, and returns the exit status it means.
func (p *Program) exit(stderr io.Writer, name string, err error) int {
	var ue *UsageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "%s %s: %v\nRun '%s %s --help' for usage.\n", p.Name, name, err, p.Name, name)
		return ExitUsage
	default: // a PartialError, or the command failed
		fmt.Fprintf(stderr, "%s %s: %v\n", p.Name, name, err)
		return ExitPartial
	}
}

// printUsage writes the program's help: its intro and the commands that are not hidden.
func (p *Program) printUsage(w io.Writer) {
	fmt.Fprintln(w, p.Intro)
	fmt.Fprintf(w, "\nUsage: %s COMMAND [flags] [arguments]\n\nCommands:\n", p.Name)
	for _, c := range p.Commands {
		if !c.Hidden {
			fmt.Fprintf(w, "  %-8s %s\n", c.Name, c.Summary)
		}
	}
	fmt.Fprintf(w, "\nRun '%s COMMAND --help' for a command's flags and an example.\n", p.Name)
}

// flags returns the flag set of command c, with --help text built from its usage and example
// and the store flags added for a command that has them, and the Env the command runs with.
func (p *Program) flags(c Command, stdout, stderr io.Writer) (*flag.FlagSet, *Env) {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	e := &Env{Stdout: stdout, Stderr: stderr}
	usage := c.Usage
	if c.Store != NoStore {
		e.Store = &StoreFlags{memory: c.Store == AnyStore}
		e.Store.add(fs)
		usage = strings.TrimSpace(e.Store.synopsis() + " " + usage)
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s %s %s\n\n%s\n\nFlags:\n", p.Name, c.Name, usage, c.Summary)
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "\nExample:\n  %s\n", c.Example)
	}
	return fs, e
}

// Parse parses args, mapping flag problems, and store flags that name no store the command can
// open, to usage errors; --help is flag.ErrHelp, which Run takes for success.
func (e *Env) Parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return Usage(err)
	}
	if e.Store != nil {
		return e.Store.check()
	}
	return nil
}

// PrintJSON writes v to w as indented JSON (one space a level), with <, > and & escaped when
// escapeHTML is set, as encoding/json does by default.
func PrintJSON(w io.Writer, v any, escapeHTML bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(escapeHTML)
	enc.SetIndent("", " ")
	return enc.Encode(v)
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
