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
	for _, c := range ByCount(s.ByType) {
		fmt.Fprintf(tw, "%s\t%d\n", c.Key, c.N)
	}
	fmt.Fprintln(tw, "\npredicate\tfacts")
	for _, c := range ByCount(s.ByPredicate) {
		fmt.Fprintf(tw, "%s\t%d\n", c.Key, c.N)
	}
	return tw.Flush()
}

// Count is one entry of a count map.
type Count struct {
	Key string
	N   int
}

// ByCount returns the entries of a count map by count, largest first, then by key.
func ByCount(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for k, v := range m {
		out = append(out, Count{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Key < out[j].Key
	})
	return out
}
