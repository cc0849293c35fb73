package graph

import (
	"context"
	"errors"
	"strings"
	"testing"
)

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
