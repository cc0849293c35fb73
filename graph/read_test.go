package graph

import (
	"context"
	"reflect"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

func TestEntitiesAndArticleCount(t *testing.T) {
	ctx := context.Background()
	st := readFixture(t)
	got, err := st.Entities(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []StoredEntity{
		{schema.EntityRecord{ID: "gpe/lakeport", Name: "Lakeport", Type: "GPE"}, 1},
		{schema.EntityRecord{ID: "org/nordwind-energy", Name: "Nordwind Energy", Type: "ORG"}, 2},
		{schema.EntityRecord{ID: "person/ana-ruiz", Name: "Ana Ruiz", Type: "PERSON"}, 2},
		{schema.EntityRecord{ID: "person/jon-bell", Name: "Jón Bell", Type: "PERSON"}, 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Entities:\n got %+v\nwant %+v", got, want)
	}
	if n, err := st.ArticleCount(ctx); err != nil || n != 2 {
		t.Errorf("ArticleCount = %d, %v; want 2", n, err)
	}
}

// WriteArticles stores several articles in one transaction, a quad they share once.
func TestWriteArticles(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, Options{Backend: "memory"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ent := schema.EntityRecord{ID: "person/ana-ruiz", Name: "Ana Ruiz", Type: "PERSON"}
	var batch [][]quad.Quad
	for _, id := range []string{"a.txt", "b.txt", "c.txt"} {
		batch = append(batch, schema.ArticleQuadsAll(schema.Article{ID: id, Hash: "h" + id}, []schema.EntityRecord{ent}, nil))
	}
	if err := st.WriteArticles(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if err := st.WriteArticles(ctx, batch); err != nil { // again: nothing new
		t.Fatalf("second write: %v", err)
	}
	n := 0
	st.EachQuad(ctx, "", func(quad.Quad) error { n++; return nil })
	// per article: type, id, hash, mentioned_in; shared: the entity's type and name
	if n != 3*4+2 {
		t.Errorf("%d quads stored, want %d", n, 3*4+2)
	}
	ents, _ := st.Entities(ctx)
	if len(ents) != 1 || ents[0].Articles != 3 {
		t.Errorf("entities %+v, want Ana Ruiz in 3 articles", ents)
	}
}
