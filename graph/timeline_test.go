package graph

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/fixture"
	"github.com/newsgraph/newsgraph/schema"
)

func TestTimeRangeContains(t *testing.T) {
	tests := []struct {
		from, to, value string
		want            bool
	}{
		{"", "", "", true}, // no range: undated too
		{"2022", "", "", false},
		{"2022-10-01", "2022-10-31", "2022-10-04", true},
		{"2022-10-05", "", "2022-10-04", false},
		{"", "2022-10-03", "2022-10-04", false},
		{"2022-10", "2022-10", "2022-10-04", true},
		{"2022-10-04", "2022-10-04", "2022-10", true}, // the month holds the day
		{"2022-10-04", "2022-10-04", "2022", true},
		{"2023", "", "2022", false},
		{"2022-10-05", "", "2022-10-03/2022-10-09", true}, // ranges overlap
		{"2022-10-10", "", "2022-10-03/2022-10-09", false},
		{"2021", "", "2002/..", true}, // open end
		{"", "2000", "2002/..", false},
		{"", "2000", "../2001", true},
	}
	for _, tt := range tests {
		r := TimeRange{From: tt.from, To: tt.to}
		if got := r.Contains(tt.value); got != tt.want {
			t.Errorf("%+v contains %q = %v, want %v", r, tt.value, got, tt.want)
		}
	}
}

func TestValidDate(t *testing.T) {
	for s, want := range map[string]bool{"2022": true, "2022-10": true, "2022-10-04": true, "2022-13": false,
		"2022-10-32": false, "Oct 2022": false, "": false, "22": false} {
		if got := ValidDate(s); got != want {
			t.Errorf("ValidDate(%q) = %v, want %v", s, got, want)
		}
	}
}

// timelineFixture is a memory store of one article whose facts about Ana Ruiz carry times of
// each kind, and one undated fact.
func timelineFixture(t *testing.T) *Store {
	t.Helper()
	ana := fixture.Entity(schema.TypePerson, "Ana Ruiz")
	nw := fixture.Entity(schema.TypeOrg, "Nordwind Energy")
	f := func(sent int, p string, tm *schema.Time) schema.Fact {
		fact := fixture.Fact("t.txt", sent, ana, p, p, nw, 0.9, "s")
		fact.Time = tm
		return fact
	}
	a := fixture.Article{Article: schema.Article{ID: "t.txt", Date: "2024-05-03", Hash: "ht"},
		Entities: []schema.EntityRecord{fixture.Record(ana), fixture.Record(nw)}}
	a.Facts = []schema.Fact{
		f(0, "praised", &schema.Time{Value: "2024-05-03", Text: "2024-05-03", Kind: schema.TimeReported}),
		f(1, "criticized", &schema.Time{Value: "2024-04-29", Text: "on Monday", Kind: schema.TimeEvent}),
		f(2, "met with", &schema.Time{Value: "2019", Text: "in 2019", Kind: schema.TimeEvent}),
		f(3, "accused", &schema.Time{Text: "on Tuesday", Kind: schema.TimeEvent}), // unanchored
		f(4, "visited", nil),
	}
	return memoryStore(t, a)
}

func TestTimeline(t *testing.T) {
	st := timelineFixture(t)
	ctx := context.Background()
	tests := []struct {
		r    TimeRange
		want string
	}{
		{TimeRange{}, "2019 met with in 2019; 2024-04-29 criticized on Monday; 2024-05-03 praised 2024-05-03"},
		{TimeRange{From: "2024"}, "2024-04-29 criticized on Monday; 2024-05-03 praised 2024-05-03"},
		{TimeRange{From: "2024-05"}, "2024-05-03 praised 2024-05-03"},
		{TimeRange{To: "2024-04"}, "2019 met with in 2019; 2024-04-29 criticized on Monday"},
		{TimeRange{From: "2025"}, ""},
	}
	for _, tt := range tests {
		sts, err := st.Timeline(ctx, "person/ana-ruiz", tt.r)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range sts {
			got = append(got, s.Time.Value+" "+s.Predicate+" "+s.Time.Text)
		}
		if g := strings.Join(got, "; "); g != tt.want {
			t.Errorf("%+v: %s, want %s", tt.r, g, tt.want)
		}
	}
	if _, err := st.Timeline(ctx, "person/nobody", TimeRange{}); !errors.Is(err, ErrNotFound) {
		t.Errorf("timeline of an unknown entity: %v, want ErrNotFound", err)
	}
	nb, err := st.Neighbourhood(ctx, "person/ana-ruiz", NeighbourhoodOptions{Time: TimeRange{From: "2024-04", To: "2024-04"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(nb.Edges) != 1 || nb.Edges[0].Predicate != "criticized" || nb.Edges[0].Time != "2024-04-29" {
		t.Errorf("neighbourhood of April 2024: %+v, want the criticism of 2024-04-29 alone", nb.Edges)
	}
	for r, want := range map[TimeRange]bool{{From: "2024-05"}: true, {From: "2025"}: false} {
		if got, err := st.HasFactsIn(ctx, "person/ana-ruiz", r); err != nil || got != want {
			t.Errorf("HasFactsIn(%+v) = %v, %v, want %v", r, got, err, want)
		}
	}
}
