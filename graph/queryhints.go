package graph

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/cayleygraph/quad"
)

// quoted matches the strings of a Gizmo query, in double or single quotes.
var quoted = regexp.MustCompile(`"([^"\\\n]+)"|'([^'\\\n]+)'`)

// emitters are the calls that make a Gizmo query give results.
var emitters = []string{".All(", ".GetLimit(", ".ForEach(", ".Map(", "g.Emit(", ".TagArray(", ".ToArray(", ".ToValue(", ".TagValue("}

// QueryHints says why the Gizmo query q may have answered nothing: an IRI written without its
// angle brackets (a string of the query that the store holds as an IRI), or a query that never
// emits (no All, GetLimit, ForEach or Emit; a Count that is not emitted). It returns no hint
// when it sees no reason.
func (s *Store) QueryHints(ctx context.Context, q string) []string {
	var out []string
	for _, m := range quoted.FindAllStringSubmatch(q, -1) {
		str := m[1] + m[2]
		if iri, err := s.Has(ctx, quad.IRI(str)); err == nil && iri {
			out = append(out, fmt.Sprintf("IRIs are written in angle brackets in Gizmo: \"<%s>\", not \"%s\" (a string)", str, str))
			break
		}
	}
	emits := false
	for _, e := range emitters {
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
