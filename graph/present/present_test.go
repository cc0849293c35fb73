package present

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

func TestQueryTags(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{`g.V().All()`, nil},
		{`g.V().Tag("who").In("<praised>").As("by").All()`, []string{"who", "by"}},
		{`g.V().Save("<name>", "n").SaveOpt("<alias>", "a").Tag("n").All()`, []string{"n", "a"}},
		{`g.V().Tag( "x" ).All()`, []string{"x"}},
	} {
		if got := QueryTags(tc.query); !slices.Equal(got, tc.want) {
			t.Errorf("QueryTags(%s) = %q, want %q", tc.query, got, tc.want)
		}
	}
}

func TestWriteQueryTable(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		results     []string
		want        string
	}{
		{"none", `g.V().All()`, nil, "(0 results)\n"},
		{"id first, then tags in query order, then others", `g.V().Tag("z").As("a").All()`,
			[]string{`{"id":"x","b":1,"a":"A","z":"Z"}`, `{"id":"yy","a":2.50}`},
			"id  z  a     b\nx   Z  A     1\nyy     2.50  \n(2 results)\n"},
		{"values and text on one line", `g.Emit(1)`, []string{`1`, `"two\nlines"`, `[1,2]`},
			"1\ntwo lines\n[1,2]\n(3 results)\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var res []json.RawMessage
			for _, r := range tc.results {
				res = append(res, json.RawMessage(r))
			}
			var b strings.Builder
			if err := WriteQueryTable(&b, res, tc.query); err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("got\n%q\nwant\n%q", b.String(), tc.want)
			}
		})
	}
	if err := WriteQueryTable(&strings.Builder{}, []json.RawMessage{json.RawMessage(`{`)}, ""); err == nil || !strings.HasPrefix(err.Error(), "result 1:") {
		t.Errorf("bad result: error %v", err)
	}
}

func TestByCount(t *testing.T) {
	for _, tc := range []struct {
		m    map[string]int
		want []count
	}{
		{map[string]int{}, []count{}},
		{map[string]int{"b": 2, "a": 2, "c": 5}, []count{{"c", 5}, {"a", 2}, {"b", 2}}},
	} {
		if got := byCount(tc.m); !slices.Equal(got, tc.want) {
			t.Errorf("byCount(%v) = %v, want %v", tc.m, got, tc.want)
		}
	}
}

func TestWriteStats(t *testing.T) {
	var b strings.Builder
	s := &graph.Stats{Articles: 2, Entities: 3, Statements: 4, Quads: 50,
		ByType: map[string]int{"PERSON": 2, "ORG": 1}, ByPredicate: map[string]int{"praised": 3, "met": 1}}
	if err := WriteStats(&b, s); err != nil {
		t.Fatal(err)
	}
	want := "articles            2\nentities            3\nfacts (statements)  4\nquads               50\n\n" +
		"entity type  count\nPERSON       2\nORG          1\n\npredicate  facts\npraised    3\nmet        1\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestWriteTimeline(t *testing.T) {
	names := map[string]string{"person/a": "Ann", "org/b": "Bee Corp"}
	name := func(iri string) string {
		if n, ok := names[iri]; ok {
			return n
		}
		return iri
	}
	day := &schema.Time{Value: "2022-10-04", Text: "on Tuesday", Kind: schema.TimeEvent}
	rep := &schema.Time{Value: "2022-10", Text: "October 2022", Kind: schema.TimeReported}
	art := graph.ArticleInfo{ID: "a.txt"}
	for _, tc := range []struct {
		name string
		st   graph.Statement
		want string
	}{
		{"asserted, event time", graph.Statement{Subject: "person/a", Predicate: "praised", Object: "org/b", Time: day, Article: art, Sentence: 3},
			"2022-10-04  \"on Tuesday\"  Ann praised Bee Corp  a.txt#3\n"},
		{"reported date, unknown entity", graph.Statement{Subject: "person/x", Predicate: "met", Object: "org/b", Time: rep, Article: art},
			"2022-10  reported  person/x met Bee Corp  a.txt#0\n"},
		{"negated", graph.Statement{Subject: "person/a", Predicate: "met", Object: "org/b", Negated: true, Time: rep, Article: art},
			"2022-10  reported  Ann met Bee Corp (negated)  a.txt#0\n"},
		{"reported by", graph.Statement{Subject: "org/b", Predicate: "accused", Object: "person/a", Modality: schema.ModalityReported, AttributedTo: "person/a", Time: rep, Article: art},
			"2022-10  reported  Bee Corp accused Ann (reported by Ann)  a.txt#0\n"},
		{"long literal cut", graph.Statement{Subject: "person/a", Predicate: "said", Literal: strings.Repeat("é", 70), Time: rep, Article: art},
			"2022-10  reported  Ann said " + strings.Repeat("é", 60) + "…  a.txt#0\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			if err := WriteTimeline(&b, []graph.Statement{tc.st}, name); err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("got\n%q\nwant\n%q", b.String(), tc.want)
			}
		})
	}
}
