package schema_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/schema"
)

// ArticleQuadsAll turns an article, the entities it mentions and its facts into the quads a
// store holds: the article node, each entity's name and type, a direct edge for each asserted
// fact between entities, and a statement node with the fact's provenance (the names are made
// up).
func ExampleArticleQuadsAll() {
	ada := schema.Entity{ID: schema.EntityIRI(schema.TypePerson, "Ada Quill"), Name: "Ada Quill", Type: schema.TypePerson}
	art := schema.Article{ID: "a1.txt", Title: "Harbour plan", Hash: "h1"}
	quote := schema.Fact{Doc: art.ID, Sentence: 0, Evidence: "Ada Quill said prices would fall.", Subject: ada,
		Predicate: schema.PredSaid, Relation: "said", Object: schema.Object{Literal: "prices would fall"}, Confidence: 0.8, End: 33}
	quads := schema.ArticleQuadsAll(art, []schema.EntityRecord{{ID: ada.ID, Name: ada.Name, Type: ada.Type}}, []schema.Fact{quote})
	for _, q := range quads {
		fmt.Println(q.NQuad())
	}
	// Output:
	// <article/a1.txt> <type> <NewsArticle> <article/a1.txt> .
	// <article/a1.txt> <id> "a1.txt" <article/a1.txt> .
	// <article/a1.txt> <hash> "h1" <article/a1.txt> .
	// <article/a1.txt> <title> "Harbour plan" <article/a1.txt> .
	// <person/ada-quill> <type> <Person> .
	// <person/ada-quill> <name> "Ada Quill" .
	// <person/ada-quill> <mentioned_in> <article/a1.txt> <article/a1.txt> .
	// <person/ada-quill> <said> "prices would fall" <article/a1.txt> .
	// <stmt/1dd8291fb12eac689a30ecc8> <type> <Statement> <article/a1.txt> .
	// <stmt/1dd8291fb12eac689a30ecc8> <subject> <person/ada-quill> <article/a1.txt> .
	// <stmt/1dd8291fb12eac689a30ecc8> <predicate> <said> <article/a1.txt> .
	// <stmt/1dd8291fb12eac689a30ecc8> <object> "prices would fall" <article/a1.txt> .
	// <stmt/1dd8291fb12eac689a30ecc8> <relation> "said" <article/a1.txt> .
	// <stmt/1dd8291fb12eac689a30ecc8> <evidence> "Ada Quill said prices would fall." <article/a1.txt> .
	// <stmt/1dd8291fb12eac689a30ecc8> <sentence> "0"^^<xsd:integer> <article/a1.txt> .
	// <stmt/1dd8291fb12eac689a30ecc8> <start> "0"^^<xsd:integer> <article/a1.txt> .
	// <stmt/1dd8291fb12eac689a30ecc8> <end> "33"^^<xsd:integer> <article/a1.txt> .
	// <stmt/1dd8291fb12eac689a30ecc8> <confidence> "8E-01"^^<xsd:double> <article/a1.txt> .
	// <stmt/1dd8291fb12eac689a30ecc8> <article> <article/a1.txt> <article/a1.txt> .
	// <said> <type> <Predicate> .
}
