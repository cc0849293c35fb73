package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/fixture"
	"github.com/newsgraph/newsgraph/schema"
)

// quoteArticle is a third invented article for the explorer's reads: Ana Ruiz says something
// (a quote), tells Jón Bell something, and Jón Bell "rolls back" Nordwind's plan (an open
// predicate with a text object); Nordwind is said (by Bell, reported) to have bought Lakeport
// Power.
func quoteArticle() fixture.Article {
	ana, jon, nw := fixture.Entity(schema.TypePerson, "Ana Ruiz"), fixture.Entity(schema.TypePerson, "Jón Bell"), fixture.Entity(schema.TypeOrg, "Nordwind Energy")
	f := func(sent int, s schema.Entity, p, rel string, o schema.Object, conf float64, ev, when string) schema.Fact {
		return schema.Fact{Doc: "c.txt", Sentence: sent, Evidence: ev, Subject: s, Predicate: p, Relation: rel,
			Object: o, Confidence: conf, End: len(ev), Time: &schema.Time{Value: when, Text: when, Kind: schema.TimeReported}}
	}
	said := f(0, ana, "said", "said", schema.Object{Literal: "the wind farm will open in May"}, 0.8,
		"Ruiz said the wind farm will open in May.", "2024-06-02")
	told := f(1, ana, "told", "told", schema.Object{Entity: jon}, 0.7, "Ruiz told Bell to wait.", "2024-06-02")
	open := f(2, jon, "roll back", "rolled back", schema.Object{Literal: "the plan"}, 0.4, "Bell rolled back the plan.", "2024-06-01")
	open.Open = true
	rep := f(3, nw, "bought", "bought", schema.Object{Literal: "Lakeport Power"}, 0.5, "Bell said Nordwind bought Lakeport Power.", "")
	rep.Time = nil
	rep.Modality, rep.AttributedTo = schema.ModalityReported, &jon
	c := schema.Article{ID: "c.txt", Title: "Ruiz speaks", Source: "North Herald", Date: "2024-06-02", Hash: "hc", URL: "https://example.org/c"}
	return fixture.Article{Article: c, Entities: []schema.EntityRecord{fixture.Record(ana), fixture.Record(jon), fixture.Record(nw)},
		Facts: []schema.Fact{said, told, open, rep}}
}

// explorerFixture is the fixture with quoteArticle.
func explorerFixture(t testing.TB) *Store {
	return memoryStore(t, append(fixtureArticles(), quoteArticle())...)
}

func stmtSummary(sts []Statement) string {
	var out []string
	for _, st := range sts {
		o := st.Object
		if o == "" {
			o = "“" + st.Literal + "”"
		}
		out = append(out, fmt.Sprintf("%s %s %s", st.Subject, st.Predicate, o))
	}
	return strings.Join(out, "; ")
}

func TestEntityStatements(t *testing.T) {
	st := explorerFixture(t)
	ctx := context.Background()
	for _, c := range []struct {
		id, by, about string
	}{
		// newest first, undated last (by article); her praise of Nordwind is an edge, not a statement; the accusation
		// reported as hers is hers
		{"person/ana-ruiz",
			"person/ana-ruiz said “the wind farm will open in May”; person/ana-ruiz told person/jon-bell; org/nordwind-energy accused person/jon-bell",
			""},
		{"person/jon-bell",
			"person/jon-bell roll back “the plan”; person/jon-bell praised org/nordwind-energy; org/nordwind-energy bought “Lakeport Power”",
			"person/ana-ruiz told person/jon-bell; org/nordwind-energy accused person/jon-bell"},
		{"gpe/lakeport", "", ""},
	} {
		got, err := st.EntityStatements(ctx, c.id, 0)
		if err != nil {
			t.Fatalf("%s: %v", c.id, err)
		}
		if s := stmtSummary(got.By); s != c.by {
			t.Errorf("%s said:\n%s\nwant\n%s", c.id, s, c.by)
		}
		if s := stmtSummary(got.About); s != c.about {
			t.Errorf("%s, said to or about it:\n%s\nwant\n%s", c.id, s, c.about)
		}
	}
	got, err := st.EntityStatements(ctx, "person/jon-bell", 1)
	if err != nil || len(got.By) != 1 || len(got.About) != 1 || !got.Truncated {
		t.Errorf("limit 1: %+v, %v", got, err)
	}
	// the entities of the two statements kept: Bell's open one, Ruiz telling Bell
	if len(got.Nodes) != 2 || got.Nodes[0].ID != "person/ana-ruiz" || got.Nodes[1].Name != "Jón Bell" {
		t.Errorf("nodes %+v", got.Nodes)
	}
	if s := got.By[0]; !s.Open || s.Article.Source != "North Herald" || s.Article.URL != "https://example.org/c" || s.Evidence[s.RelationStart:s.RelationEnd] != "rolled back" {
		t.Errorf("open statement %+v", s)
	}
	if _, err := st.EntityStatements(ctx, "person/nobody", 0); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown entity: %v", err)
	}
}

func pathSummary(p Path) string {
	var b strings.Builder
	for i, n := range p.Nodes {
		if i > 0 {
			var fs []string
			for _, f := range p.Steps[i-1].Facts {
				fs = append(fs, fmt.Sprintf("%s %s>%s", f.Predicate, f.Subject, f.Object))
			}
			fmt.Fprintf(&b, " -[%s]- ", strings.Join(fs, ", "))
		}
		b.WriteString(n.ID)
	}
	return b.String()
}

func TestPaths(t *testing.T) {
	st := explorerFixture(t)
	ctx := context.Background()
	for _, c := range []struct {
		from, to string
		opt      PathOptions
		want     []string
	}{
		// Bell's negated praise and the reported accusation are no shortcut to Nordwind: two
		// steps through Ruiz, the first of two facts (her telling him, his criticism of her).
		{"person/jon-bell", "org/nordwind-energy", PathOptions{}, []string{
			"person/jon-bell -[told person/ana-ruiz>person/jon-bell, criticized person/jon-bell>person/ana-ruiz]- person/ana-ruiz -[praised person/ana-ruiz>org/nordwind-energy]- org/nordwind-energy"}},
		// the way back is the same facts
		{"org/nordwind-energy", "person/jon-bell", PathOptions{}, []string{
			"org/nordwind-energy -[praised person/ana-ruiz>org/nordwind-energy]- person/ana-ruiz -[told person/ana-ruiz>person/jon-bell, criticized person/jon-bell>person/ana-ruiz]- person/jon-bell"}},
		{"person/jon-bell", "gpe/lakeport", PathOptions{}, []string{
			"person/jon-bell -[told person/ana-ruiz>person/jon-bell, criticized person/jon-bell>person/ana-ruiz]- person/ana-ruiz -[praised person/ana-ruiz>org/nordwind-energy]- org/nordwind-energy -[based in org/nordwind-energy>gpe/lakeport]- gpe/lakeport"}},
		{"person/jon-bell", "gpe/lakeport", PathOptions{MaxLength: 2}, nil},
		// the facts of one step come in order of their keys
		{"person/ana-ruiz", "person/jon-bell", PathOptions{}, []string{
			"person/ana-ruiz -[told person/ana-ruiz>person/jon-bell, criticized person/jon-bell>person/ana-ruiz]- person/jon-bell"}},
		{"person/ana-ruiz", "person/jon-bell", PathOptions{MinConfidence: 0.75}, nil},
		{"person/ana-ruiz", "person/ana-ruiz", PathOptions{}, nil},
	} {
		got, err := st.Paths(ctx, c.from, c.to, c.opt)
		if err != nil {
			t.Fatalf("%s to %s: %v", c.from, c.to, err)
		}
		var ps []string
		for _, p := range got.Paths {
			ps = append(ps, pathSummary(p))
		}
		if strings.Join(ps, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s to %s %+v:\n%s\nwant\n%s", c.from, c.to, c.opt, strings.Join(ps, "\n"), strings.Join(c.want, "\n"))
		}
		if len(c.want) > 0 && got.Length != strings.Count(c.want[0], "-[") {
			t.Errorf("%s to %s: length %d", c.from, c.to, got.Length)
		}
	}
	got, err := st.Paths(ctx, "person/jon-bell", "org/nordwind-energy", PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(got.Paths[0].Steps[0].Facts); n != 2 {
		t.Errorf("the first step has %d facts, want 2", n)
	}
	praise := got.Paths[0].Steps[1].Facts[0]
	if praise.Statements != 2 || len(praise.Evidence) != 2 || praise.Evidence[0].Evidence != "Minister Ana Ruiz praised Nordwind Energy on Monday." ||
		praise.Evidence[0].Article.Source != "North Herald" || got.Paths[0].Nodes[1].Name != "Ana Ruiz" {
		t.Errorf("the praise step %+v", praise)
	}
	if _, err := st.Paths(ctx, "person/jon-bell", "person/nobody", PathOptions{}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown entity: %v", err)
	}
}

func edgeSummary(es []Edge) string {
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s %s %s", e.Subject, e.Predicate, e.Object))
	}
	return strings.Join(out, "; ")
}

func TestOverview(t *testing.T) {
	st := explorerFixture(t)
	ov, err := st.Overview(context.Background(), "", 3)
	if err != nil {
		t.Fatal(err)
	}
	var ents []string
	for _, n := range ov.Entities {
		ents = append(ents, fmt.Sprintf("%s:%d", n.ID, n.Articles))
	}
	// three articles mention Ruiz and Nordwind, two Bell (then by name), one Lakeport
	if got, want := strings.Join(ents, " "), "person/ana-ruiz:3 org/nordwind-energy:3 person/jon-bell:2"; got != want {
		t.Errorf("most mentioned %s, want %s", got, want)
	}
	// only the told fact of c.txt is dated
	if got, want := edgeSummary(ov.Newest), "person/ana-ruiz told person/jon-bell"; got != want {
		t.Errorf("newest %s, want %s", got, want)
	}
	if got, want := edgeSummary(ov.BestSourced), "person/ana-ruiz praised org/nordwind-energy; org/nordwind-energy based in gpe/lakeport; person/ana-ruiz told person/jon-bell"; got != want {
		t.Errorf("best sourced %s, want %s", got, want)
	}
	var ids []string
	for _, n := range ov.Nodes {
		ids = append(ids, n.ID)
	}
	if got, want := strings.Join(ids, ","), "gpe/lakeport,org/nordwind-energy,person/ana-ruiz,person/jon-bell"; got != want {
		t.Errorf("nodes %s, want %s", got, want)
	}
}

func TestFactsWithPredicate(t *testing.T) {
	st := explorerFixture(t)
	ctx := context.Background()
	for _, c := range []struct {
		pred, edges, statements string
		open                    bool
	}{
		{"praised", "person/ana-ruiz praised org/nordwind-energy", "person/jon-bell praised org/nordwind-energy", false},
		{"said", "", "person/ana-ruiz said “the wind farm will open in May”", false},
		{"roll back", "", "person/jon-bell roll back “the plan”", true},
		{"based in", "org/nordwind-energy based in gpe/lakeport", "", false},
		{"sued", "", "", false},
	} {
		got, err := st.FactsWithPredicate(ctx, c.pred, 0)
		if err != nil {
			t.Fatalf("%s: %v", c.pred, err)
		}
		if s := edgeSummary(got.Edges); s != c.edges {
			t.Errorf("%s: edges %s, want %s", c.pred, s, c.edges)
		}
		if s := stmtSummary(got.Statements); s != c.statements {
			t.Errorf("%s: statements %s, want %s", c.pred, s, c.statements)
		}
		if got.Open != c.open {
			t.Errorf("%s: open %v", c.pred, got.Open)
		}
	}
	got, err := st.FactsWithPredicate(ctx, "praised", 0)
	if err != nil || len(got.Nodes) != 2 || got.Nodes[0].Name != "Nordwind Energy" || got.Edges[0].Statements != 2 {
		t.Errorf("praised: %+v, %v", got, err)
	}
}

// TestEdgeOpen: the entity graph and neighbourhoods mark the edges of open predicates.
func TestEdgeOpen(t *testing.T) {
	ctx := context.Background()
	e := func(id, name string) schema.Entity { return schema.Entity{ID: id, Name: name, Type: "PERSON"} }
	a, b := e("person/a-b", "A B"), e("person/c-d", "C D")
	f := schema.Fact{Doc: "o.txt", Evidence: "A B chaperoned C D.", Subject: a, Predicate: "chaperone", Relation: "chaperoned",
		Object: schema.Object{Entity: b}, Confidence: 0.5, Open: true}
	g := f
	g.Predicate, g.Relation, g.Open, g.Sentence = "praised", "praised", false, 1
	st := memoryStore(t, fixture.Article{Article: schema.Article{ID: "o.txt", Hash: "ho"},
		Entities: []schema.EntityRecord{fixture.Record(a), fixture.Record(b)}, Facts: []schema.Fact{f, g}})
	eg, err := st.EntityGraph(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	nb, err := st.Neighbourhood(ctx, a.ID, NeighbourhoodOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for name, es := range map[string][]Edge{"entity graph": eg.Edges, "neighbourhood": nb.Edges} {
		if len(es) != 2 || es[0].Predicate != "chaperone" || !es[0].Open || es[1].Open {
			t.Errorf("%s: %+v", name, es)
		}
	}
}
