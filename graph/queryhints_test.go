package graph

import (
	"context"
	"slices"
	"testing"
)

// TestQueryHints: a query that answered nothing gets a hint for an IRI written as a string
// (one the store holds), an unemitted Count and a path that never emits; a sound query none.
func TestQueryHints(t *testing.T) {
	st := readFixture(t)
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{`g.V("<person/ana-ruiz>").Out("<praised>").All()`, nil},
		{`g.V("person/ana-ruiz").All()`, []string{`IRIs are written in angle brackets in Gizmo: "<person/ana-ruiz>", not "person/ana-ruiz" (a string)`}},
		{`g.V('person/ana-ruiz').All()`, []string{`IRIs are written in angle brackets in Gizmo: "<person/ana-ruiz>", not "person/ana-ruiz" (a string)`}},
		{`g.V("nobody/here").All()`, nil},
		{`g.V().Count()`, []string{"Count() returns a number without printing it: g.Emit(g.V().Count())"}},
		{`g.Emit(g.V().Count())`, nil},
		{`g.V("<person/ana-ruiz>")`, []string{"the query emits nothing: end the path with .All() (or .GetLimit(n), .ForEach)"}},
		{`g.V().ForEach(function(d) { g.Emit(d) })`, nil},
	} {
		if got := st.QueryHints(context.Background(), tc.query); !slices.Equal(got, tc.want) {
			t.Errorf("QueryHints(%s) = %q, want %q", tc.query, got, tc.want)
		}
	}
}
