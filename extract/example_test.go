package extract_test

import (
	"fmt"
	"log"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/schema"
)

// New loads the models once; Extract then reads one article at a time into entities and facts
// (the names here are made up).
func ExampleExtractor_Extract() {
	x, err := extract.New(extract.Options{})
	if err != nil {
		log.Fatal(err)
	}
	res := x.Extract(input.Article{
		Article: schema.Article{ID: "harbour.txt", Date: "2024-03-01"},
		Text: "Mayor Maria Lopez praised Acme Shipping Ltd on Tuesday for the new harbour deal in Portelin, France. " +
			"\"The deal brings 400 jobs,\" Lopez said.",
	})
	if res.Problem != nil {
		log.Fatal(res.Problem)
	}
	for _, e := range res.Entities {
		fmt.Printf("%s %s %q\n", e.ID, e.Type, e.Name)
	}
	for _, f := range res.Facts {
		obj := f.Object.ID
		if f.Object.IsLiteral() {
			obj = fmt.Sprintf("%q", f.Object.Literal)
		}
		fmt.Println(f.Subject.ID, "—"+f.Predicate+"→", obj)
	}
	// Output:
	// gpe/france GPE "France"
	// gpe/portelin GPE "Portelin"
	// org/acme-shipping-ltd ORG "Acme Shipping Ltd"
	// person/maria-lopez PERSON "Maria Lopez"
	// person/maria-lopez —has title→ "mayor"
	// person/maria-lopez —praised→ org/acme-shipping-ltd
	// gpe/portelin —part of→ gpe/france
	// person/maria-lopez —said→ "The deal brings 400 jobs"
}
