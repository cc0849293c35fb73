package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"

	"github.com/newsgraph/newsgraph/internal/fixture"
)

// TestCSVFormulasNeutralised checks that no cell of a CSV export starts with a character that
// makes a spreadsheet read it as a formula, while the text stays readable after the apostrophe.
func TestCSVFormulasNeutralised(t *testing.T) {
	s := openStore(t, "memory")
	evil := fixture.Entity(schema.TypePerson, `=HYPERLINK("http://evil.example","x")`)
	plus := fixture.Entity(schema.TypeOrg, "+1 Cmd")
	at := fixture.Entity(schema.TypeOrg, "@SUM(A1)")
	art := schema.Article{ID: "-evil.txt", Title: "t", Hash: "h"}
	f := schema.Fact{Doc: art.ID, Evidence: "x", Subject: evil, Predicate: "praised", Relation: "-2+3",
		Object: fixture.Object(plus), Confidence: 0.5, End: 1}
	g := f
	g.Subject, g.Object, g.Relation = plus, fixture.Object(at), "\tcmd"
	err := s.Write(context.Background(), schema.ArticleQuadsAll(art,
		[]schema.EntityRecord{fixture.Record(evil, "=1+1"), fixture.Record(plus), fixture.Record(at)}, []schema.Fact{f, g}))
	if err != nil {
		t.Fatal(err)
	}
	var one, nodes, rels, stmts bytes.Buffer
	if err := Write(context.Background(), s, &one, Options{Format: CSV}); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSVTables(context.Background(), s, &nodes, &rels, &stmts, Options{}); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string]*bytes.Buffer{"csv": &one, "nodes": &nodes, "relationships": &rels, "statements": &stmts} {
		rows, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		found := false
		for _, row := range rows {
			for _, cell := range row {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("%s: cell %q starts a formula", name, cell)
				}
				found = found || len(cell) > 1 && cell[0] == '\'' && strings.ContainsRune("=+-@\t", rune(cell[1]))
			}
		}
		if !found {
			t.Errorf("%s: no neutralised cell:\n%s", name, b)
		}
	}
}
