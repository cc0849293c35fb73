package graph

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

func TestProvenance(t *testing.T) {
	st := readFixture(t)
	ctx := context.Background()
	sts, err := st.Provenance(ctx, "person/ana-ruiz", "praised", "org/nordwind-energy")
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != 2 {
		t.Fatalf("%d statements", len(sts))
	}
	a, b := sts[0], sts[1]
	if a.Article.ID != "a.txt" || a.Article.Title != "Wind farm approved" || a.Article.Source != "North Herald" || a.Article.Date != "2024-05-01" ||
		a.Confidence != 0.9 || a.Relation != "praised" || a.Sentence != 0 || !a.Asserted() {
		t.Errorf("first statement %+v", a)
	}
	if b.Evidence[b.RelationStart:b.RelationEnd] != "lauded" || b.Article.ID != "b.txt" || b.Sentence != 0 {
		t.Errorf("second statement %+v", b)
	}
	rep, err := st.Provenance(ctx, "org/nordwind-energy", "", "person/jon-bell")
	if err != nil || len(rep) != 1 || rep[0].Modality != "reported" || rep[0].AttributedTo != "person/ana-ruiz" || rep[0].Asserted() {
		t.Errorf("reported statement %+v, %v", rep, err)
	}
	neg, err := st.Provenance(ctx, "person/jon-bell", "praised", "org/nordwind-energy")
	if err != nil || len(neg) != 1 || !neg[0].Negated {
		t.Errorf("negated statement %+v, %v", neg, err)
	}
	if _, err := st.Provenance(ctx, "person/ana-ruiz", "mocked", "org/nordwind-energy"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing fact: %v", err)
	}
}

func TestStatementsAndArticles(t *testing.T) {
	st := readFixture(t)
	ctx := context.Background()
	sts, err := st.Statements(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != 6 || !sts[0].Asserted() || sts[len(sts)-1].Asserted() {
		t.Errorf("%d statements, asserted first: %+v", len(sts), sts)
	}
	as, err := st.Articles(ctx)
	if err != nil || len(as) != 2 || as[0].ID != "a.txt" || as[1].Source != "Lakeport Daily" {
		t.Errorf("articles %+v, %v", as, err)
	}
}

// TestStatementsOf checks the statements table of the exports: every statement, those with a
// text object (a quote) and those not asserted included; one article's alone with doc set.
func TestStatementsOf(t *testing.T) {
	ctx := context.Background()
	st := explorerFixture(t)
	for _, c := range []struct {
		doc             string
		n, literal, neg int
	}{
		{"", 10, 3, 1},
		{"b.txt", 4, 0, 1},
		{"c.txt", 4, 3, 0},
	} {
		sts, err := st.StatementsOf(ctx, c.doc)
		if err != nil {
			t.Fatalf("StatementsOf(%q): %v", c.doc, err)
		}
		literal, neg, quote := 0, 0, false
		for _, s := range sts {
			if s.Literal != "" {
				literal++
			}
			if s.Negated {
				neg++
			}
			quote = quote || s.Subject == "person/ana-ruiz" && s.Predicate == schema.PredSaid &&
				s.Literal == "the wind farm will open in May" && s.Article.Source == "North Herald"
			if c.doc != "" && s.Article.ID != c.doc {
				t.Errorf("StatementsOf(%q) gave a statement of %s", c.doc, s.Article.ID)
			}
		}
		if len(sts) != c.n || literal != c.literal || neg != c.neg {
			t.Errorf("StatementsOf(%q): %d statements, %d with text, %d negated; want %d, %d, %d", c.doc, len(sts), literal, neg, c.n, c.literal, c.neg)
		}
		if quote != (c.literal > 0) {
			t.Errorf("StatementsOf(%q): Ana Ruiz's quote found %v: %s", c.doc, quote, stmtSummary(sts))
		}
	}
	if sts, err := st.Statements(ctx); err != nil || len(sts) != 10 {
		t.Errorf("Statements: %d, %v; want every statement, 10", len(sts), err)
	}
	if _, err := st.StatementsOf(ctx, "nope.txt"); !errors.Is(err, ErrNoArticle) {
		t.Errorf("StatementsOf of an unknown article: %v, want ErrNoArticle", err)
	}
}

func TestRelationSpans(t *testing.T) {
	for _, c := range []struct{ evidence, relation, want string }{
		{"Ruiz praised Nordwind.", "praised", "[praised]"},
		{"Ruiz PRAISED Nordwind.", "praised", "[PRAISED]"},
		{"Bell hit back at Ruiz.", "hit back at", "[hit back at]"},
		{"Bell did not praise Nordwind.", "praised", "[praise]"}, // loosely: the stem
		{"Ruiz praises Nordwind.", "praise", "[praises]"},
		{"Reappraised, Ruiz praised it.", "praised", "[praised]"}, // whole words only
		// the words of the fact only, not the adverb between them (issue 16)
		{"Labour MPs have angrily criticised Tony Blair.", "have criticised", "[have] [criticised]"},
		{"He has, once again, backed it.", "has backed", "[has] [backed]"},
		{"Bell co-founded it.", "co-founded", "[co-founded]"},
		// too far apart: the words are not one relation; the part that is there
		{"They have said that he, as everyone knows, criticised it.", "have criticised", "[have]"},
		{"She said there can be no deal.", "said there is no", "[said there] [no]"},
		{"Nothing here.", "praised", ""},
		{"", "praised", ""},
		{"Ruiz praised Nordwind.", "", ""},
		{"Zoë Ñúñez lauded Ruiz.", "lauded", "[lauded]"}, // multi-byte text before
	} {
		var got []string
		for _, sp := range RelationSpans(c.evidence, c.relation) {
			got = append(got, "["+c.evidence[sp[0]:sp[1]]+"]")
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("RelationSpans(%q, %q) = %s, want %s", c.evidence, c.relation, g, c.want)
		}
	}
}
