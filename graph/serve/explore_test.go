package serve

import (
	"bytes"
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// debate is a third invented article for the explorer: quotes, a statement reported as
// somebody's words, an open predicate, and a relation whose words an adverb splits.
var debate = schema.Article{ID: "a3.txt", Title: "Harbour debate", Source: "Valley Post", Date: "2024-03-05", URL: "https://example.org/a3", Hash: "h3"}

// explorerStore returns the fixture store with the debate article.
func explorerStore(t testing.TB) *graph.Store {
	t.Helper()
	st := fixtureStore(t)
	said := fact("a3.txt", 0, maria, "said", "said", maria, 0.85, "Maria Lopez said the harbour will be dredged in May.")
	said.Object = schema.Object{Literal: "the harbour will be dredged in May"}
	told := fact("a3.txt", 1, tomas, "told", "told", maria, 0.7, "Varga told Lopez to resign.")
	angry := fact("a3.txt", 2, trust, "criticized", "have criticised", acme, 0.65, "Campaigners at the Green Harbour Trust have angrily criticised Acme Shipping.")
	open := fact("a3.txt", 3, acme, "partner with", "partnered with", elin, 0.45, "Acme Shipping partnered with Port Elin on the dredging.")
	open.Open = true
	rep := fact("a3.txt", 4, acme, "bought", "bought", trust, 0.5, "Lopez said Acme bought the Green Harbour Trust's land.")
	rep.Modality, rep.AttributedTo = schema.ModalityReported, &schema.Entity{ID: maria.ID, Name: maria.Name, Type: maria.Type}
	facts := []schema.Fact{said, told, angry, open, rep}
	for i := range facts {
		facts[i].Time = &schema.Time{Value: "2024-03-05", Text: "2024-03-05", Kind: schema.TimeReported}
	}
	if err := st.Write(context.Background(), schema.ArticleQuadsAll(debate, []schema.EntityRecord{maria, acme, tomas, trust, elin}, facts)); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestExplorerAPI(t *testing.T) {
	ts := httptest.NewServer(New(explorerStore(t), Config{}))
	defer ts.Close()

	var es graph.EntityStatements
	if code := call(t, "GET", ts.URL+"/api/v1/entity/person/maria-lopez/statements", "", &es); code != 200 {
		t.Fatalf("statements: status %d", code)
	}
	// newest first: her quote and what she is reported to have said (a3), her reply to Varga
	// and her negated praise (a2); Varga told her something (a3)
	if len(es.By) != 4 || es.By[0].Literal != "the harbour will be dredged in May" || es.By[0].Article.URL != "https://example.org/a3" ||
		es.By[1].AttributedTo != "person/maria-lopez" ||
		es.By[2].Predicate != "replied to" || !es.By[3].Negated || len(es.About) != 1 || es.About[0].Predicate != "told" {
		t.Errorf("Maria Lopez's statements %+v", es)
	}

	var ps graph.Paths
	if code := call(t, "GET", ts.URL+"/api/v1/paths?from=person/tomas-varga&to=%3Cgpe/port-elin%3E", "", &ps); code != 200 {
		t.Fatalf("paths: status %d", code)
	}
	var ids []string
	if len(ps.Paths) == 1 {
		for _, n := range ps.Paths[0].Nodes {
			ids = append(ids, n.ID)
		}
	}
	// the open "partnered with" is a fact too: Acme is one step from Port Elin either way
	if got, want := strings.Join(ids, ","), "person/tomas-varga,person/maria-lopez,org/acme-shipping,gpe/port-elin"; got != want || ps.Length != 3 {
		t.Errorf("path %s (length %d), want %s", got, ps.Length, want)
	}
	if len(ids) == 4 {
		last := ps.Paths[0].Steps[2].Facts
		if len(last) != 2 || last[0].Predicate != "based in" || last[1].Predicate != "partner with" || !last[1].Open ||
			last[0].Evidence[0].Article.Source != "The Coastal Ledger" {
			t.Errorf("the last step %+v", last)
		}
	}
	if code := call(t, "GET", ts.URL+"/api/v1/paths?from=person/tomas-varga&to=gpe/port-elin&max=2", "", &ps); code != 200 || len(ps.Paths) != 0 {
		t.Errorf("max=2: status %d, %+v", code, ps)
	}

	var ov graph.Overview
	if code := call(t, "GET", ts.URL+"/api/v1/overview?n=2", "", &ov); code != 200 || len(ov.Entities) != 2 || ov.Entities[0].ID != "org/acme-shipping" ||
		len(ov.Newest) != 2 || ov.Newest[0].Time != "2024-03-05" || len(ov.BestSourced) != 2 || len(ov.BestSourced[0].Sources) != 2 {
		t.Errorf("overview: status %d, %+v", code, ov)
	}

	var pf graph.PredicateFacts
	if code := call(t, "GET", ts.URL+"/api/v1/predicate?name=criticized", "", &pf); code != 200 || len(pf.Edges) != 2 ||
		pf.Edges[0].Subject != "org/green-harbour-trust" || len(pf.Edges[0].Sources) != 2 || pf.Open || len(pf.Nodes) != 4 {
		t.Errorf("predicate criticized: status %d, %+v", code, pf)
	}
	if code := call(t, "GET", ts.URL+"/api/v1/predicate?name=partner_with", "", &pf); code != 200 || !pf.Open || len(pf.Edges) != 1 {
		t.Errorf("predicate partner with: status %d, %+v", code, pf)
	}

	var sc SchemaJSON
	if code := call(t, "GET", ts.URL+"/api/v1/schema", "", &sc); code != 200 || len(sc.Types) != len(schema.EntityTypes) ||
		sc.Types[1].Label != "ORG" || sc.Types[1].Name != "Organisation" || len(sc.Predicates) != len(schema.Predicates()) {
		t.Errorf("schema: status %d, %+v", code, sc)
	}

	// The evidence of the criticism highlights "have" and "criticised", not the adverb.
	var f FactJSON
	if code := call(t, "GET", ts.URL+"/api/v1/fact?s=org/green-harbour-trust&p=criticized&o=org/acme-shipping", "", &f); code != 200 {
		t.Fatalf("fact: status %d", code)
	}
	var marks []string
	for _, st := range f.Statements {
		if st.Article.ID == "a3.txt" {
			for _, sp := range st.RelationSpans {
				marks = append(marks, st.Evidence[sp[0]:sp[1]])
			}
		}
	}
	if got := strings.Join(marks, "|"); got != "have|criticised" {
		t.Errorf("highlighted %q, want have|criticised", got)
	}

	wantErrors(t, ts.URL, map[string]int{
		"/api/v1/entity/person/nobody/statements":                                 404,
		"/api/v1/entity/x/statements":                                             400,
		"/api/v1/entity/person/maria-lopez/statements?limit=0":                    400,
		"/api/v1/paths?from=person/maria-lopez":                                   400,
		"/api/v1/paths?from=person/maria-lopez&to=person/nobody":                  404,
		"/api/v1/paths?from=person/maria-lopez&to=gpe/port-elin&max=7":            400,
		"/api/v1/paths?from=person/maria-lopez&to=gpe/port-elin&min_confidence=2": 400,
		"/api/v1/overview?n=0":                                                    400,
		"/api/v1/predicate":                                                       400,
		"/api/v1/predicate?limit=-1":                                              400,
	})
}

// TestFavicon: the browser's request for /favicon.ico finds an icon.
func TestFavicon(t *testing.T) {
	ts := httptest.NewServer(New(fixtureStore(t), Config{}))
	defer ts.Close()
	var b []byte
	if code := call(t, "GET", ts.URL+"/favicon.ico", "", &b); code != 200 || !bytes.HasPrefix(b, []byte{0, 0, 1, 0}) {
		t.Errorf("/favicon.ico: status %d, %d bytes starting %x", code, len(b), b[:min(4, len(b))])
	}
}
