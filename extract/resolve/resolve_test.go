package resolve

import (
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

func rec(typ, name string, aliases ...string) schema.EntityRecord {
	return schema.EntityRecord{ID: schema.EntityIRI(typ, name), Name: name, Type: typ, Aliases: aliases}
}

func TestCanonical(t *testing.T) {
	x := NewIndex()
	for _, r := range []schema.EntityRecord{
		rec("PERSON", "Maria Lopez"), rec("PERSON", "Lopez"),
		rec("PERSON", "Tom Baker"), rec("PERSON", "Ann Baker"), rec("PERSON", "Baker"), // ambiguous
		rec("PERSON", "Maria"), // a given name that is also a surname of nobody
		rec("ORG", "World Trade Organization"), rec("ORG", "WTO"),
		rec("GPE", "Lopez"),                                                 // one name under two types, once each: the type listed first
		rec("GPE", "Jordan"), rec("GPE", "Jordan"), rec("PERSON", "Jordan"), // two articles against one: the place
	} {
		x.Add(r)
	}
	tests := []struct{ in, want string }{
		{"person/lopez", "person/maria-lopez"},
		{"person/baker", "person/baker"},
		{"person/maria", "person/maria-lopez"},
		{"org/wto", "org/world-trade-organization"},
		{"gpe/lopez", "person/maria-lopez"},
		{"person/jordan", "gpe/jordan"},
		{"gpe/jordan", "gpe/jordan"},
		{"person/unknown", "person/unknown"},
	}
	for _, tt := range tests {
		if got := x.Canonical(tt.in); got != tt.want {
			t.Errorf("Canonical(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// The ids an article gets must not depend on the order in which articles were indexed.
func TestOrderIndependent(t *testing.T) {
	recs := []schema.EntityRecord{rec("PERSON", "Lopez"), rec("PERSON", "Maria Lopez"), rec("ORG", "WTO"), rec("ORG", "World Trade Organization")}
	a, b := NewIndex(), NewIndex()
	for i := range recs {
		a.Add(recs[i])
		b.Add(recs[len(recs)-1-i])
	}
	for _, r := range recs {
		if a.Canonical(r.ID) != b.Canonical(r.ID) {
			t.Errorf("%s: %s vs %s", r.ID, a.Canonical(r.ID), b.Canonical(r.ID))
		}
	}
}

// A record retyped to the corpus' majority type takes that type along with the id.
func TestApplyRetypes(t *testing.T) {
	x := NewIndex()
	x.Add(rec("PERSON", "Maria Lopez"))
	x.Add(rec("PERSON", "Maria Lopez"))
	odd := rec("LOC", "Maria Lopez")
	x.Add(odd)
	got := x.Apply(nil, []schema.EntityRecord{odd})
	if len(got) != 1 || got[0].ID != "person/maria-lopez" || got[0].Type != "PERSON" {
		t.Errorf("got %+v, want the PERSON record", got)
	}
}

func TestApply(t *testing.T) {
	x := NewIndex()
	x.Add(rec("PERSON", "Maria Lopez"))
	short := rec("PERSON", "Lopez", "Lopez", "the minister")
	x.Add(short)
	facts := []schema.Fact{{
		Subject: schema.Entity{ID: short.ID, Name: "Lopez", Type: "PERSON", Mention: "Lopez"},
		Object:  schema.Object{Literal: "a plan"},
	}}
	got := x.Apply(facts, []schema.EntityRecord{short})
	want := []schema.EntityRecord{{ID: "person/maria-lopez", Name: "Maria Lopez", Type: "PERSON", Aliases: []string{"Lopez", "the minister"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("records\n got %+v\nwant %+v", got, want)
	}
	if s := facts[0].Subject; s.ID != "person/maria-lopez" || s.Name != "Maria Lopez" || s.Mention != "Lopez" || s.Type != "PERSON" {
		t.Errorf("fact subject not rewritten: %+v", s)
	}
}
