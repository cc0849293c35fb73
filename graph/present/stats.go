package present

import (
	"fmt"
	"io"
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

// WriteStats prints s as three tables: the counts of articles, entities, facts and quads; the
// entities by type; the facts by predicate, each by count (largest first), then name.
func WriteStats(w io.Writer, s *graph.Stats) error {
	tw := newTable(w)
	fmt.Fprintf(tw, "articles\t%d\nentities\t%d\nfacts (statements)\t%d\nquads\t%d\n", s.Articles, s.Entities, s.Statements, s.Quads)
	fmt.Fprintln(tw, "\nentity type\tcount")
	for _, c := range byCount(s.ByType) {
		fmt.Fprintf(tw, "%s\t%d\n", c.key, c.n)
	}
	fmt.Fprintln(tw, "\npredicate\tfacts")
	for _, c := range byCount(s.ByPredicate) {
		fmt.Fprintf(tw, "%s\t%d\n", c.key, c.n)
	}
	return tw.Flush()
}

// count is one entry of a count map.
type count struct {
	key string
	n   int
}

// byCount returns the entries of a count map by count, largest first, then by key.
func byCount(m map[string]int) []count {
	out := make([]count, 0, len(m))
	for k, v := range m {
		out = append(out, count{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].key < out[j].key
	})
	return out
}
