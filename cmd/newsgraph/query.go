package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	flag "github.com/spf13/pflag"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
)

var queryCommand = command{
	name:    "query",
	summary: "run a Gizmo (JavaScript) query on the graph and print the results",
	usage:   "[--db PATH|URL] [--backend bolt|postgres] [--limit N] [--format json|table] [--timeout D] [--memory MB] ('GIZMO' | -f FILE.js)",
	example: `newsgraph query 'g.V("<person/elon-musk>").In("<praised>").Unique().Out("<name>").All()'`,
	run:     runQuery,
}

func runQuery(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	var sf storeFlags
	sf.add(fs)
	limit := fs.Int("limit", 100, "stop after N results (0: no limit)")
	format := fs.String("format", "json", "output format: json|table")
	file := fs.StringP("file", "f", "", "read the query from this file")
	timeout := fs.Duration("timeout", 30*time.Second, "stop the query after this long")
	memory := fs.Uint64("memory", 1024, "stop the query when it takes this many MB more than an idle worker")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *timeout <= 0 || *memory == 0 {
		return usageError{"--timeout and --memory must be positive"}
	}
	if *format != "json" && *format != "table" {
		return usageError{fmt.Sprintf("unknown --format %q (json or table)", *format)}
	}
	var q string
	switch {
	case *file != "" && fs.NArg() == 0:
		b, err := os.ReadFile(*file)
		if err != nil {
			return usageError{fmt.Sprintf("query file: %v", err)}
		}
		q = string(b)
	case *file == "" && fs.NArg() == 1:
		q = fs.Arg(0)
	default:
		return usageError{"give one query, or -f FILE"}
	}
	st, err := sf.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	// The query runs in a process of its own, which its limits can stop for real (a script can
	// overflow the stack, or loop inside a built-in where Gizmo's interrupt does not reach).
	w, err := newQueryWorker(*memory << 20)
	if err != nil {
		return err
	}
	res, err := w.Gizmo(ctx, st, q, graph.QueryLimits{Timeout: *timeout, MaxResults: *limit})
	if err != nil {
		return partialError{err.Error()}
	}
	if len(res) == 0 {
		for _, h := range queryHints(ctx, st, q) {
			fmt.Fprintln(e.stderr, "hint:", h)
		}
	}
	if *format == "table" {
		vals := make([]interface{}, len(res))
		for i, r := range res {
			dec := json.NewDecoder(bytes.NewReader(r))
			dec.UseNumber()
			if err := dec.Decode(&vals[i]); err != nil {
				return fmt.Errorf("result %d: %w", i+1, err)
			}
		}
		return writeTable(e.stdout, vals, queryTags(q))
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(map[string]interface{}{"result": res})
}

// tagCall matches the tags a Gizmo query names, in order: .Tag("x"), .As("x"), .Save(p, "x").
var tagCall = regexp.MustCompile(`\.(?:Tag|As)\(\s*"([^"]+)"|\.Save(?:Opt)?\(\s*"[^"]*"\s*,\s*"([^"]+)"`)

// queryTags returns the tags of a query in the order it names them.
func queryTags(q string) []string {
	var out []string
	for _, m := range tagCall.FindAllStringSubmatch(q, -1) {
		t := m[1]
		if t == "" {
			t = m[2]
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// writeTable prints results as a table: one column per tag, "id" first, then the tags in the
// order the query names them (order), then any others alphabetically.
func writeTable(w io.Writer, res []interface{}, order []string) error {
	cols := map[string]bool{}
	for _, r := range res {
		if m, ok := r.(map[string]interface{}); ok {
			for k := range m {
				cols[k] = true
			}
		}
	}
	var rest []string
	for k := range cols {
		if k != "id" && !slices.Contains(order, k) {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	var names []string
	if cols["id"] {
		names = append(names, "id")
	}
	for _, k := range order {
		if cols[k] && k != "id" {
			names = append(names, k)
		}
	}
	names = append(names, rest...)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if len(names) > 0 {
		fmt.Fprintln(tw, strings.Join(names, "\t"))
	}
	for _, r := range res {
		m, ok := r.(map[string]interface{})
		if !ok {
			fmt.Fprintln(tw, cell(r))
			continue
		}
		row := make([]string, len(names))
		for i, k := range names {
			row[i] = cell(m[k])
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	fmt.Fprintf(tw, "(%d results)\n", len(res))
	return tw.Flush()
}

func cell(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return strings.ReplaceAll(x, "\n", " ")
	default:
		b, _ := json.Marshal(x)
		return string(b)
	}
}

// quoted matches the strings of a Gizmo query, in double or single quotes.
var quoted = regexp.MustCompile(`"([^"\\\n]+)"|'([^'\\\n]+)'`)

// queryHints says why a query may have answered nothing: an IRI written without its angle
// brackets (a string of the query that the store holds as an IRI), or a query that never emits (no All, GetLimit, ForEach or Emit; a Count that is not
// emitted).
func queryHints(ctx context.Context, st *graph.Store, q string) []string {
	var out []string
	for _, m := range quoted.FindAllStringSubmatch(q, -1) {
		s := m[1] + m[2]
		if iri, err := st.Has(ctx, quad.IRI(s)); err == nil && iri {
			out = append(out, fmt.Sprintf("IRIs are written in angle brackets in Gizmo: \"<%s>\", not \"%s\" (a string)", s, s))
			break
		}
	}
	emits := false
	for _, e := range []string{".All(", ".GetLimit(", ".ForEach(", ".Map(", "g.Emit(", ".TagArray(", ".ToArray(", ".ToValue(", ".TagValue("} {
		if strings.Contains(q, e) {
			emits = true
		}
	}
	switch {
	case strings.Contains(q, ".Count()") && !strings.Contains(q, "g.Emit("):
		out = append(out, "Count() returns a number without printing it: g.Emit(g.V().Count())")
	case !emits:
		out = append(out, "the query emits nothing: end the path with .All() (or .GetLimit(n), .ForEach)")
	}
	return out
}
