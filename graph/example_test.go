package graph_test

import (
	"context"
	"fmt"
	"log"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// Open a store (here in memory; "bolt" with a file path, or "postgres" with a URL, persist),
// write an article's quads in one transaction, and ask it with Gizmo (the names are made up).
func ExampleOpen() {
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Options{Backend: "memory"})
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()

	ada := schema.Entity{ID: schema.EntityIRI(schema.TypePerson, "Ada Quill"), Name: "Ada Quill", Type: schema.TypePerson}
	port := schema.Entity{ID: schema.EntityIRI(schema.TypeOrg, "Port Veyra Council"), Name: "Port Veyra Council", Type: schema.TypeOrg}
	art := schema.Article{ID: "a1.txt", Title: "Harbour plan", Hash: "h1"}
	fact := schema.Fact{Doc: art.ID, Evidence: "Ada Quill praised Port Veyra Council.", Subject: ada,
		Predicate: schema.PredPraised, Relation: "praised", Object: schema.Object{Entity: port}, Confidence: 0.9}
	quads := schema.ArticleQuadsAll(art, []schema.EntityRecord{
		{ID: ada.ID, Name: ada.Name, Type: ada.Type}, {ID: port.ID, Name: port.Name, Type: port.Type},
	}, []schema.Fact{fact})
	if err := st.Write(ctx, quads); err != nil {
		log.Fatal(err)
	}

	res, err := st.Gizmo(ctx, `g.V("<`+port.ID+`>").In("<praised>").Out("<name>").All()`, graph.QueryLimits{})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range res {
		fmt.Println(r.(map[string]interface{})["id"])
	}
	n, err := st.ArticleCount(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(n, "article")
	// Output:
	// Ada Quill
	// 1 article
}
