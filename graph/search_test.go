package graph

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// readFixture returns a memory store with two invented articles about invented people and
// organisations: Ana Ruiz praises Nordwind Energy in both, Jon Bell criticises Ana Ruiz, and
// Nordwind Energy is based in Lakeport; one negated and one reported statement make no edges.
func readFixture(t testing.TB) *Store {
	t.Helper()
	ctx := context.Background()
	st, err := Open(ctx, Options{Backend: "memory"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ana := schema.EntityRecord{ID: "person/ana-ruiz", Name: "Ana Ruiz", Type: "PERSON", Aliases: []string{"Ruiz", "Minister Ruiz"}}
	nw := schema.EntityRecord{ID: "org/nordwind-energy", Name: "Nordwind Energy", Type: "ORG", Aliases: []string{"Nordwind"}}
	jon := schema.EntityRecord{ID: "person/jon-bell", Name: "Jón Bell", Type: "PERSON"}
	lake := schema.EntityRecord{ID: "gpe/lakeport", Name: "Lakeport", Type: "GPE"}
	e := func(r schema.EntityRecord) schema.Entity { return schema.Entity{ID: r.ID, Name: r.Name, Type: r.Type} }
	f := func(doc string, sent int, s schema.EntityRecord, p, rel string, o schema.EntityRecord, conf float64, ev string) schema.Fact {
		return schema.Fact{Doc: doc, Sentence: sent, Evidence: ev, Subject: e(s), Predicate: p, Relation: rel,
			Object: schema.Object{Entity: e(o)}, Confidence: conf, End: len(ev)}
	}
	neg := f("b.txt", 2, jon, "praised", "praise", nw, 0.5, "Bell did not praise Nordwind.")
	neg.Negated = true
	rep := f("b.txt", 3, nw, "accused", "accused", jon, 0.4, "Ruiz said Nordwind had accused Bell of lying.")
	rep.Modality, rep.AttributedTo = "reported", &schema.Entity{ID: ana.ID, Name: ana.Name, Type: ana.Type}
	writes := []struct {
		a     schema.Article
		ents  []schema.EntityRecord
		facts []schema.Fact
	}{
		{schema.Article{ID: "a.txt", Title: "Wind farm approved", Source: "North Herald", Date: "2024-05-01", Hash: "ha"},
			[]schema.EntityRecord{ana, nw, lake}, []schema.Fact{
				f("a.txt", 0, ana, "praised", "praised", nw, 0.9, "Minister Ana Ruiz praised Nordwind Energy on Monday."),
				f("a.txt", 1, nw, "based in", "based in", lake, 0.8, "Nordwind Energy, based in Lakeport, will build it."),
			}},
		{schema.Article{ID: "b.txt", Title: "Critics speak", Source: "Lakeport Daily", Hash: "hb"},
			[]schema.EntityRecord{ana, nw, jon}, []schema.Fact{
				f("b.txt", 0, ana, "praised", "lauded", nw, 0.6, "Ruiz lauded Nordwind again."),
				f("b.txt", 1, jon, "criticized", "hit back at", ana, 0.7, "Jón Bell hit back at Ruiz."),
				neg, rep,
			}},
	}
	for _, w := range writes {
		if err := st.Write(ctx, schema.ArticleQuadsAll(w.a, w.ents, w.facts)); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func TestSearch(t *testing.T) {
	st := readFixture(t)
	ctx := context.Background()
	for q, want := range map[string]string{
		"ana":      "person/ana-ruiz",
		"RUIZ":     "person/ana-ruiz",
		"minister": "person/ana-ruiz",
		"jon":      "person/jon-bell", // accent folded
		"jón b":    "person/jon-bell",
		"n":        "org/nordwind-energy",
		"l":        "gpe/lakeport",
		"e":        "org/nordwind-energy", // "Energy"
		"x":        "",
		"  ":       "",
		"article":  "",
	} {
		hits, err := st.Search(ctx, q, 10)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		if got := strings.Join(ids, ","); got != want {
			t.Errorf("Search(%q) = %s, want %s", q, got, want)
		}
	}
	hits, _ := st.Search(ctx, "minister", 10)
	if h := hits[0]; h.Name != "Ana Ruiz" || h.Type != "PERSON" || h.Articles != 2 || h.Matched != "Minister Ruiz" {
		t.Errorf("hit %+v", h)
	}
	if hits, _ := st.Search(ctx, "", 10); hits == nil || len(hits) != 0 {
		t.Errorf("empty search gave %v", hits)
	}
}

func TestEntity(t *testing.T) {
	st := readFixture(t)
	n, err := st.Entity(context.Background(), "org/nordwind-energy")
	if err != nil || n.Name != "Nordwind Energy" || n.Articles != 2 || strings.Join(n.Aliases, ",") != "Nordwind" {
		t.Errorf("Entity = %+v, %v", n, err)
	}
	for _, id := range []string{"org/nobody", "article/a.txt", "stmt/x", "nothing", ""} {
		if _, err := st.Entity(context.Background(), id); !errors.Is(err, ErrNotFound) {
			t.Errorf("Entity(%q): %v, want ErrNotFound", id, err)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"José  Ñúñez": "jose nunez", "al-Sayed": "al sayed", "U.S.": "us", "O'Brien": "obrien", "": ""} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
