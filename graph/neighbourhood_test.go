package graph

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func nodeIDs(g EntityGraph) string {
	var ids []string
	for _, n := range g.Nodes {
		ids = append(ids, n.ID)
	}
	return strings.Join(ids, ",")
}

func TestNeighbourhood(t *testing.T) {
	st := readFixture(t)
	ctx := context.Background()
	nb, err := st.Neighbourhood(ctx, "person/ana-ruiz", NeighbourhoodOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := nodeIDs(nb.EntityGraph), "org/nordwind-energy,person/ana-ruiz,person/jon-bell"; got != want {
		t.Errorf("nodes %s, want %s", got, want)
	}
	if len(nb.Edges) != 2 {
		t.Fatalf("edges %+v", nb.Edges)
	}
	if e := nb.Edges[0]; e.Predicate != "praised" || e.Statements != 2 || e.Confidence != 0.9 ||
		strings.Join(e.Sources, ",") != "a.txt,b.txt" || strings.Join(e.Relations, ",") != "lauded,praised" {
		t.Errorf("merged edge %+v", e)
	}
	for _, c := range []struct {
		opt  NeighbourhoodOptions
		want string
	}{
		{NeighbourhoodOptions{Hops: 2}, "gpe/lakeport,org/nordwind-energy,person/ana-ruiz,person/jon-bell"},
		{NeighbourhoodOptions{Predicates: []string{"criticized"}}, "person/ana-ruiz,person/jon-bell"},
		{NeighbourhoodOptions{Types: []string{"ORG"}}, "org/nordwind-energy,person/ana-ruiz"},
		{NeighbourhoodOptions{Article: "a.txt"}, "org/nordwind-energy,person/ana-ruiz"},
		{NeighbourhoodOptions{MinConfidence: 0.75}, "org/nordwind-energy,person/ana-ruiz"},
		{NeighbourhoodOptions{MinSources: 2}, "org/nordwind-energy,person/ana-ruiz"},
		{NeighbourhoodOptions{Hops: 2, MaxNodes: 2}, "org/nordwind-energy,person/ana-ruiz"},
	} {
		nb, err := st.Neighbourhood(ctx, "person/ana-ruiz", c.opt)
		if err != nil {
			t.Fatal(err)
		}
		if got := nodeIDs(nb.EntityGraph); got != c.want {
			t.Errorf("%+v: nodes %s, want %s", c.opt, got, c.want)
		}
		if c.opt.MaxNodes == 2 && !nb.Truncated {
			t.Error("MaxNodes 2: not marked truncated")
		}
	}
	// Jon Bell's negated praise and Nordwind's reported accusation are no edges.
	nb, _ = st.Neighbourhood(ctx, "person/jon-bell", NeighbourhoodOptions{})
	if len(nb.Edges) != 1 || nb.Edges[0].Predicate != "criticized" {
		t.Errorf("Jon Bell's edges %+v", nb.Edges)
	}
	if _, err := st.Neighbourhood(ctx, "person/nobody", NeighbourhoodOptions{}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown entity: %v", err)
	}
}
