// Package present formats what a store answers for people to read: Gizmo query results as a
// table, an entity's timeline, a store's statistics. Each function writes plain text to the
// writer it is given, in an order that depends only on what it is given.
//
// It must not open or change a store, parse command lines or write anywhere but its writer:
// the newsgraph command chooses what to ask and where the text goes. It uses graph and schema
// and never extract.
package present

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
)

// tagCall matches the tags a Gizmo query names, in order: .Tag("x"), .As("x"), .Save(p, "x").
var tagCall = regexp.MustCompile(`\.(?:Tag|As)\(\s*"([^"]+)"|\.Save(?:Opt)?\(\s*"[^"]*"\s*,\s*"([^"]+)"`)

// QueryTags returns the tags of the Gizmo query q in the order it names them, each once.
func QueryTags(q string) []string {
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

// newTable returns the tab writer of the tables of this package: columns two spaces apart.
func newTable(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0) }

// WriteQueryTable prints the JSON results of the Gizmo query q as a table: one column per tag,
// "id" first, then the tags in the order q names them, then any others alphabetically; a line
// with the number of results ends it. Numbers are printed as the results write them.
func WriteQueryTable(w io.Writer, results []json.RawMessage, q string) error {
	vals := make([]interface{}, len(results))
	for i, r := range results {
		dec := json.NewDecoder(bytes.NewReader(r))
		dec.UseNumber()
		if err := dec.Decode(&vals[i]); err != nil {
			return fmt.Errorf("result %d: %w", i+1, err)
		}
	}
	return writeTable(w, vals, QueryTags(q))
}

// writeTable prints decoded results as WriteQueryTable does, the tags named by the query in
// order.
func writeTable(w io.Writer, res []interface{}, order []string) error {
	names := columns(res, order)
	tw := newTable(w)
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

// columns returns the columns of a table of results: "id" when a result has it, the tags of
// order that results have, then the other keys alphabetically.
func columns(res []interface{}, order []string) []string {
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
	return append(names, rest...)
}

// cell is a value as a table shows it: strings on one line, anything else as JSON.
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
