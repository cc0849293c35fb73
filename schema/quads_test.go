package schema

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Maria Lopez":       "maria-lopez",
		"  Zoë  Ångström ":  "zoe-angstrom",
		"O'Brien":           "obrien",
		"U.S.":              "us",
		"Jean-Paul Sartre":  "jean-paul-sartre",
		"Мария Лопес":       "мария-лопес",
		"!!!":               "_",
		"World Trade Org. ": "world-trade-org",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	if EntityIRI("PERSON", "Maria Lopez") != "person/maria-lopez" || EntityIRI("NOPE", "x") != "thing/x" {
		t.Error("EntityIRI: wrong type slug")
	}
}

func TestArticleIRIRoundTrip(t *testing.T) {
	for _, id := range []string{"a.txt", "dir/b c.md", "feed.jsonl#12", `weird<>"{}|\^%id`} {
		iri := ArticleIRI(id)
		if strings.ContainsAny(iri, " <>\"{}|\\^`") {
			t.Errorf("ArticleIRI(%q) = %q: not a valid IRI", id, iri)
		}
		if back := ArticleIDOf(iri); back != id {
			t.Errorf("ArticleIDOf(ArticleIRI(%q)) = %q", id, back)
		}
	}
	if ArticleIDOf("person/x") != "" {
		t.Error("ArticleIDOf accepted a non-article IRI")
	}
}

func TestObjectJSON(t *testing.T) {
	for _, o := range []Object{
		{Literal: "a plan to end the war"},
		{Entity: Entity{ID: "person/maria-lopez", Name: "Maria Lopez", Type: "PERSON", Mention: "she"}},
	} {
		b, err := json.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		var back Object
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if back != o {
			t.Errorf("round trip of %s gave %+v", b, back)
		}
	}
	var o Object
	if err := json.Unmarshal([]byte(`{"name":"x"}`), &o); err == nil {
		t.Error("an object with neither id nor literal was accepted")
	}
}

func testFact() Fact {
	return Fact{
		Doc: "a.txt", Sentence: 2, Start: 10, End: 60, Evidence: "Maria Lopez hailed John Smith.",
		Subject:   Entity{ID: "person/maria-lopez", Name: "Maria Lopez", Type: "PERSON", Mention: "Maria Lopez"},
		Predicate: "praised", Relation: "hailed", CAMEO: "051",
		Object:     Object{Entity: Entity{ID: "person/john-smith", Name: "John Smith", Type: "PERSON", Mention: "John Smith"}},
		Confidence: 0.9,
	}
}

func TestFactQuads(t *testing.T) {
	f := testFact()
	qs := FactQuads(&f)
	direct := quad.Make(quad.IRI("person/maria-lopez"), quad.IRI("praised"), quad.IRI("person/john-smith"), quad.IRI("article/a.txt"))
	if qs[0] != direct {
		t.Errorf("first quad %v, want the direct edge %v", qs[0], direct)
	}
	for _, q := range qs {
		if q.Label != quad.IRI("article/a.txt") {
			t.Errorf("quad %v not labelled with its article", q)
		}
	}
	f.Negated = true
	for _, q := range FactQuads(&f) {
		if q.Predicate == quad.IRI("praised") {
			t.Errorf("a negated fact got a direct edge: %v", q)
		}
	}
	g := testFact()
	if StatementIRI(&f) == StatementIRI(&g) {
		t.Error("a negated fact shares its statement id with the asserted one")
	}
	if StatementIRI(&g) != StatementIRI(&g) {
		t.Error("statement ids are not deterministic")
	}
}

func TestArticleQuadsAllDedups(t *testing.T) {
	f := testFact()
	ents := []EntityRecord{{ID: "person/maria-lopez", Name: "Maria Lopez", Type: "PERSON", Aliases: []string{"Lopez", "Lopez", "Maria Lopez"}}}
	qs := ArticleQuadsAll(Article{ID: "a.txt", Hash: "h"}, ents, []Fact{f, f})
	seen := map[quad.Quad]bool{}
	aliases := 0
	for _, q := range qs {
		if seen[q] {
			t.Errorf("duplicate quad %v", q)
		}
		seen[q] = true
		if q.Predicate == quad.IRI(PropAlias) {
			aliases++
		}
	}
	if aliases != 1 {
		t.Errorf("%d alias quads, want 1 (the name itself and repeats dropped)", aliases)
	}
}

func TestVocabularyRoundTrip(t *testing.T) {
	v := NewVocabulary("")
	f := testFact()
	for _, q := range append(FactQuads(&f), ArticleQuads(Article{ID: "a b.txt", Hash: "h", Title: "T"})...) {
		full := v.ExpandQuad(q)
		for _, x := range []quad.Value{full.Subject, full.Predicate, full.Object, full.Label} {
			if iri, ok := x.(quad.IRI); ok && !strings.Contains(string(iri), ":") {
				t.Errorf("%v: IRI %s is not absolute", q, iri)
			}
		}
		if back := v.CompactQuad(full); back != q {
			t.Errorf("round trip of %v gave %v", q, back)
		}
	}
	if v.Expand(PropName) != "http://schema.org/name" || v.Expand("praised") != DefaultBase+"praised" {
		t.Error("Expand does not use schema.org or the base")
	}
}

// Canonical predicates and the model's properties share one namespace: they must not collide.
func TestPredicatesAreNotProperties(t *testing.T) {
	props := map[string]bool{}
	for _, p := range []string{PropType, PropName, PropAlias, PropMentionedIn, PropID, PropTitle, PropSource, PropURL,
		PropDate, PropFile, PropHash, PropSubject, PropPredicate, PropObject, PropRelation, PropEvidence, PropSentence,
		PropStart, PropEnd, PropConfidence, PropArticle, PropCAMEO, PropNegated, PropModality, PropAttributedTo,
		PropSubjectMention, PropObjectMention} {
		if props[p] {
			t.Errorf("property %q defined twice", p)
		}
		props[p] = true
	}
	for _, p := range Predicates() {
		if props[PredicateIRI(p.Name)] {
			t.Errorf("predicate %q collides with a property", p.Name)
		}
	}
}

func TestTimeLiteral(t *testing.T) {
	tests := []struct {
		value string
		want  quad.Value
	}{
		{"2022-10-04", quad.TypedString{Value: "2022-10-04", Type: NSXSD + "date"}},
		{"2022-10", quad.TypedString{Value: "2022-10", Type: NSXSD + "gYearMonth"}},
		{"2022", quad.TypedString{Value: "2022", Type: NSXSD + "gYear"}},
		{"2022-10-03/2022-10-09", quad.String("2022-10-03/2022-10-09")},
		{"2002/..", quad.String("2002/..")},
	}
	for _, tt := range tests {
		if got := TimeLiteral(tt.value); got != tt.want {
			t.Errorf("TimeLiteral(%q) = %#v, want %#v", tt.value, got, tt.want)
		}
	}
}

func TestFactQuadsTime(t *testing.T) {
	f := Fact{Doc: "a.txt", Subject: Entity{ID: "person/a"}, Predicate: "praised", Object: Object{Entity: Entity{ID: "person/b"}}}
	tests := []struct {
		name string
		time *Time
		want map[string]quad.Value
	}{
		{"none", nil, map[string]quad.Value{}},
		{"event", &Time{Value: "2022-10-04", Text: "on Tuesday", Kind: TimeEvent}, map[string]quad.Value{
			PropTime: quad.String("2022-10-04"), PropTimeText: quad.String("on Tuesday"), PropTimeKind: quad.String("event")}},
		{"undated", &Time{Text: "on Tuesday", Kind: TimeEvent}, map[string]quad.Value{
			PropTimeText: quad.String("on Tuesday"), PropTimeKind: quad.String("event")}},
	}
	for _, tt := range tests {
		f.Time = tt.time
		got := map[string]quad.Value{}
		for _, q := range FactQuads(&f) {
			switch p := string(q.Predicate.(quad.IRI)); p {
			case PropTime, PropTimeText, PropTimeKind:
				got[p] = q.Object
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: time quads %v, want %v", tt.name, got, tt.want)
		}
		for p, v := range tt.want {
			if got[p] != v {
				t.Errorf("%s: %s = %#v, want %#v", tt.name, p, got[p], v)
			}
		}
	}
}
