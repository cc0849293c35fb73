// Command newsgraph turns a folder of news articles into a knowledge graph in Cayley and lets
// people query, export and look at it. This file holds the table of commands (what each does,
// its synopsis and an example, whether it takes the store flags) and dispatches; each command's
// flags and printing live in a file of its own name. The command is flags and printing only: it
// must not hold extraction, storage or formatting logic, which belongs to packages build,
// extract, graph and their subpackages.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
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
	// usage is the argument synopsis (after the store flags' when the command has them);
	// example a command line that works on the seeds.
	usage, example string
	// store says whether the command takes the store flags, --db and --backend.
	store storeUse
	run   func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error
	// hidden commands are run by newsgraph itself and left out of the help.
	hidden bool
}

// commands lists the subcommands in the order help shows them: what each does, its synopsis
// and an example; the run function of each is in the file of its name.
var commands = []command{
	{name: "build", summary: "extract facts from articles and load them into the graph store",
		usage:   "[--workers N] [--batch N] [--csv-text COLUMN] [--feed URL]... INPUT...",
		example: "newsgraph build seeds/\n  newsgraph build --csv-text text ../shared/corpus/bbc/val.csv\n  newsgraph build https://example.org/news/story.html\n  newsgraph build --feed https://example.org/rss.xml",
		store:   anyStore, run: runBuild},
	{name: "extract", summary: "extract facts from articles and print them (nothing is stored)",
		usage:   "[--format jsonl|nquads|text|blocks|carb] [--feed URL]... INPUT...",
		example: "newsgraph extract --format jsonl seeds/ > facts.jsonl\n  newsgraph extract --format text page.html\n  newsgraph extract --format carb sentences.txt > tuples.tsv",
		run:     runExtract},
	{name: "load", summary: "load quads written by extract or export (N-Quads, JSON-LD, PQuads) into the graph store",
		usage:   "[--format nquads|jsonld|pquads] [--base IRI] [--batch N] FILE...",
		example: "newsgraph extract --format nquads seeds/ > seeds.nq && newsgraph load --db merged.db seeds.nq",
		store:   anyStore, run: runLoad},
	{name: "query", summary: "run a Gizmo (JavaScript) query on the graph and print the results",
		usage:   "[--limit N] [--format json|table] [--timeout D] [--memory MB] ('GIZMO' | -f FILE.js)",
		example: `newsgraph query 'g.V("<person/elon-musk>").In("<praised>").Unique().Out("<name>").All()'`,
		store:   storedStore, run: runQuery},
	{name: "export", summary: "write the graph (or one article's part of it) as N-Quads, JSON-LD, GraphML, GML, DOT, CSV or an HTML viewer",
		usage:   "--format FORMAT [-o FILE] [--doc ID]",
		example: "newsgraph export --format graphml -o story.graphml",
		store:   storedStore, run: runExport},
	{name: "stats", summary: "count the graph's articles, entities by type and facts by predicate",
		usage:   "[--json]",
		example: "newsgraph stats --db newsgraph.db",
		store:   storedStore, run: runStats},
	{name: "timeline", summary: "print the dated facts about an entity, oldest first, with their sources",
		usage:   "[--from DATE] [--to DATE] [--json] ENTITY",
		example: `newsgraph timeline --db newsgraph.db --from 2022-10 "Elon Musk"`,
		store:   storedStore, run: runTimeline},
	{name: "remove", summary: "remove one article: its facts, statements, provenance, and the entities no other article mentions",
		usage:   "--doc ID",
		example: "newsgraph remove --db newsgraph.db --doc 000_be2f5d5120d4f8a5.txt",
		store:   storedStore, run: runRemove},
	{name: "correct", summary: "fix what extraction got wrong and keep the fix: reject a fact, merge, retype or rename entities; list and undo corrections, carry them to another store",
		usage:   "reject FACT-ID | merge ENTITY OTHER | retype ENTITY TYPE | rename ENTITY NAME | list [--format text|nquads] | undo ID | apply FILE",
		example: "newsgraph correct retype person/starlink PRODUCT\n  newsgraph correct rename person/biden \"Joe Biden\"\n  newsgraph correct merge gpe/russia org/kremlin\n  newsgraph correct list --format nquads > corrections.nq\n  newsgraph correct undo 1\n  newsgraph correct --db new.db apply corrections.nq",
		store:   storedStore, run: runCorrect},
	{name: "eval", summary: "score an extraction against a gold folder (entities.json, facts.jsonl) as score_kg.py does",
		usage:   "--gold DIR [--facts FILE.jsonl | INPUT...] [--json] [--min-core R] [--min-recall R] [--min-precision P]",
		example: "newsgraph eval --gold ../shared/eval/seeds-gold seeds/",
		run:     runEval},
	{name: "annotate", summary: "print the linguistic layer (tags, lemmas, trees, names, coreference) as CoNLL-U or CoNLL-2012",
		usage:   "[--format conllu|conll2012] INPUT...",
		example: "newsgraph annotate seeds/ > seeds.conllu\n  newsgraph annotate --format conll2012 gum-dev.conllu > response.conll",
		run:     runAnnotate},
	{name: "serve", summary: "explore the graph in a web browser: search, neighbourhoods, evidence, Gizmo console",
		usage:   "[--addr 127.0.0.1:7474] [--query-timeout 10s] [--max-results N] [--query-memory MB] [--auth-token-file FILE]",
		example: "newsgraph serve --db newsgraph.db   # then open http://127.0.0.1:7474/",
		store:   storedStore, run: runServe},
	{name: "verify", summary: "check that a store is whole: its file, every page, every quad",
		usage:   "",
		example: "newsgraph verify --db newsgraph.db",
		store:   storedStore, run: runVerify},
	{name: "version", summary: "print newsgraph's version: its module version, the commit it was built from, and Go's",
		usage:   "",
		example: "newsgraph version",
		run:     runVersion},
	{name: "gizmo-worker", summary: "run one Gizmo query for query or serve, in a process of its own (not for use by hand)",
		usage:   "< REQUEST.json",
		example: `newsgraph gizmo-worker < request.json   # started by newsgraph query and newsgraph serve`,
		run:     runGizmoWorker, hidden: true},
}

// env is what a subcommand may touch: its output streams and, for a command that has them, the
// store flags.
type env struct {
	stdout, stderr io.Writer
	store          *storeFlags
}

// printJSON writes v to w as indented JSON (one space a level), with <, > and & escaped when
// escapeHTML is set, as encoding/json does by default.
func printJSON(w io.Writer, v any, escapeHTML bool) error {
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
		fs, ce := c.flags(e)
		err := c.run(ctx, ce, fs, args[1:])
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

// flags returns the flag set of a command, with --help text built from its usage and example
// and the store flags added for a command that has them, and the env the command runs with.
func (c command) flags(e *env) (*flag.FlagSet, *env) {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	e = &env{stdout: e.stdout, stderr: e.stderr}
	usage := c.usage
	if c.store != noStore {
		e.store = &storeFlags{memory: c.store == anyStore}
		e.store.add(fs)
		usage = strings.TrimSpace(e.store.synopsis() + " " + usage)
	}
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: newsgraph %s %s\n\n%s\n\nFlags:\n", c.name, usage, c.summary)
		fs.PrintDefaults()
		fmt.Fprintf(e.stderr, "\nExample:\n  %s\n", c.example)
	}
	return fs, e
}

// parse parses args, mapping flag problems, and store flags that name no store the command can
// open, to usage errors.
func (e *env) parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if e.store != nil {
		return e.store.check()
	}
	return nil
}
