// Command newsgraph turns a folder of news articles into a knowledge graph in Cayley and lets
// people query, export and look at it. This file holds the table of commands (what each does,
// its synopsis and an example, whether it takes the store flags), which internal/cli runs; each
// command's flags and printing live in a file of its own name. The command is flags and
// printing only: it must not hold extraction, storage or formatting logic, which belongs to
// packages build, extract, graph and their subpackages, nor command machinery (dispatch, help,
// exit statuses, store flags), which belongs to internal/cli.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/newsgraph/newsgraph/internal/cli"
)

// program is newsgraph's command line: its commands, run by internal/cli.
var program = &cli.Program{
	Name:     "newsgraph",
	Intro:    "newsgraph turns news articles into a knowledge graph you can query, export and explore.",
	Commands: commands,
}

// commands lists the subcommands in the order help shows them: what each does, its synopsis
// and an example; the run function of each is in the file of its name.
var commands = []cli.Command{
	{Name: "build", Summary: "extract facts from articles and load them into the graph store",
		Usage:   "[--workers N] [--batch N] [--csv-text COLUMN] [--feed URL]... INPUT...",
		Example: "newsgraph build seeds/\n  newsgraph build --csv-text text ../shared/corpus/bbc/val.csv\n  newsgraph build https://example.org/news/story.html\n  newsgraph build --feed https://example.org/rss.xml",
		Store:   cli.AnyStore, Run: runBuild},
	{Name: "extract", Summary: "extract facts from articles and print them (nothing is stored)",
		Usage:   "[--format jsonl|nquads|text|blocks|carb] [--feed URL]... INPUT...",
		Example: "newsgraph extract --format jsonl seeds/ > facts.jsonl\n  newsgraph extract --format text page.html\n  newsgraph extract --format carb sentences.txt > tuples.tsv",
		Run:     runExtract},
	{Name: "load", Summary: "load quads written by extract or export (N-Quads, JSON-LD, PQuads) into the graph store",
		Usage:   "[--format nquads|jsonld|pquads] [--base IRI] [--batch N] FILE...",
		Example: "newsgraph extract --format nquads seeds/ > seeds.nq && newsgraph load --db merged.db seeds.nq",
		Store:   cli.AnyStore, Run: runLoad},
	{Name: "query", Summary: "run a Gizmo (JavaScript) query on the graph and print the results",
		Usage:   "[--limit N] [--format json|table] [--timeout D] [--memory MB] ('GIZMO' | -f FILE.js)",
		Example: `newsgraph query 'g.V("<person/elon-musk>").In("<praised>").Unique().Out("<name>").All()'`,
		Store:   cli.StoredStore, Run: runQuery},
	{Name: "export", Summary: "write the graph (or one article's part of it) as N-Quads, JSON-LD, GraphML, GML, DOT, CSV or an HTML viewer",
		Usage:   "--format FORMAT [-o FILE] [--doc ID]",
		Example: "newsgraph export --format graphml -o story.graphml",
		Store:   cli.StoredStore, Run: runExport},
	{Name: "stats", Summary: "count the graph's articles, entities by type and facts by predicate",
		Usage:   "[--json]",
		Example: "newsgraph stats --db newsgraph.db",
		Store:   cli.StoredStore, Run: runStats},
	{Name: "timeline", Summary: "print the dated facts about an entity, oldest first, with their sources",
		Usage:   "[--from DATE] [--to DATE] [--json] ENTITY",
		Example: `newsgraph timeline --db newsgraph.db --from 2022-10 "Elon Musk"`,
		Store:   cli.StoredStore, Run: runTimeline},
	{Name: "remove", Summary: "remove one article: its facts, statements, provenance, and the entities no other article mentions",
		Usage:   "--doc ID",
		Example: "newsgraph remove --db newsgraph.db --doc 000_be2f5d5120d4f8a5.txt",
		Store:   cli.StoredStore, Run: runRemove},
	{Name: "correct", Summary: "fix what extraction got wrong and keep the fix: reject a fact, merge, retype or rename entities; list and undo corrections, carry them to another store",
		Usage:   "reject FACT-ID | merge ENTITY OTHER | retype ENTITY TYPE | rename ENTITY NAME | list [--format text|nquads] | undo ID | apply FILE",
		Example: "newsgraph correct retype person/starlink PRODUCT\n  newsgraph correct rename person/biden \"Joe Biden\"\n  newsgraph correct merge gpe/russia org/kremlin\n  newsgraph correct list --format nquads > corrections.nq\n  newsgraph correct undo 1\n  newsgraph correct --db new.db apply corrections.nq",
		Store:   cli.StoredStore, Run: runCorrect},
	{Name: "eval", Summary: "score an extraction against a gold folder (entities.json, facts.jsonl) as score_kg.py does",
		Usage:   "--gold DIR [--facts FILE.jsonl | INPUT...] [--json] [--min-core R] [--min-recall R] [--min-precision P]",
		Example: "newsgraph eval --gold ../shared/eval/seeds-gold seeds/",
		Run:     runEval},
	{Name: "annotate", Summary: "print the linguistic layer (tags, lemmas, trees, names, coreference) as CoNLL-U or CoNLL-2012",
		Usage:   "[--format conllu|conll2012] INPUT...",
		Example: "newsgraph annotate seeds/ > seeds.conllu\n  newsgraph annotate --format conll2012 gum-dev.conllu > response.conll",
		Run:     runAnnotate},
	{Name: "serve", Summary: "explore the graph in a web browser: search, neighbourhoods, evidence, Gizmo console",
		Usage:   "[--addr 127.0.0.1:7474] [--query-timeout 10s] [--max-results N] [--query-memory MB] [--auth-token-file FILE]",
		Example: "newsgraph serve --db newsgraph.db   # then open http://127.0.0.1:7474/",
		Store:   cli.StoredStore, Run: runServe},
	{Name: "verify", Summary: "check that a store is whole: its file, every page, every quad",
		Usage:   "",
		Example: "newsgraph verify --db newsgraph.db",
		Store:   cli.StoredStore, Run: runVerify},
	{Name: "version", Summary: "print newsgraph's version: its module version, the commit it was built from, and Go's",
		Usage:   "",
		Example: "newsgraph version",
		Run:     runVersion},
	{Name: "gizmo-worker", Summary: "run one Gizmo query for query or serve, in a process of its own (not for use by hand)",
		Usage:   "< REQUEST.json",
		Example: `newsgraph gizmo-worker < request.json   # started by newsgraph query and newsgraph serve`,
		Run:     runGizmoWorker, Hidden: true},
}

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
	os.Exit(program.Run(ctx, os.Stdout, os.Stderr, os.Args[1:]))
}
