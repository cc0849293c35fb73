package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// wantQuote is what the fixture's Ada Quill said, as every entity-graph format must carry it.
const wantQuote = `prices would fall "soon" \ maybe`

// TestStatementsInEntityFormats reads back, from each entity-graph format, the statements
// attributes of one entity: the number of statements it is the subject of (3: two facts and one
// quote) and its quotes as JSON, with the article they come from.
func TestStatementsInEntityFormats(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t, "memory")
	for _, c := range []struct {
		format string
		// attrs returns the statements and quotes attributes of the node of iri.
		attrs func(t *testing.T, out []byte, iri string) (string, string)
	}{
		{GraphML, graphMLAttrs},
		{GML, gmlAttrs},
		{DOT, dotAttrs},
	} {
		t.Run(c.format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(ctx, s, &buf, Options{Format: c.format}); err != nil {
				t.Fatal(err)
			}
			n, quotes := c.attrs(t, buf.Bytes(), ada.ID)
			checkQuotes(t, n, quotes)
			if n, quotes := c.attrs(t, buf.Bytes(), veyra.ID); n != "0" || quotes != "" {
				t.Errorf("an entity that says nothing: statements %q, quotes %q", n, quotes)
			}
		})
	}
}

// checkQuotes checks Ada Quill's statements attributes.
func checkQuotes(t *testing.T, n, quotes string) {
	t.Helper()
	if n != "3" {
		t.Errorf("statements = %q, want 3", n)
	}
	var qs []quote
	if err := json.Unmarshal([]byte(quotes), &qs); err != nil {
		t.Fatalf("quotes %q are not a JSON array of quotes: %v", quotes, err)
	}
	if len(qs) != 1 || qs[0].Text != wantQuote || qs[0].Article != "a1.txt" || qs[0].Source != "The Veyra Post" || qs[0].Date != "2031-04-05" {
		t.Errorf("quotes %+v, want %q from a1.txt (The Veyra Post, 2031-04-05)", qs, wantQuote)
	}
}

func graphMLAttrs(t *testing.T, out []byte, iri string) (string, string) {
	var doc struct {
		Nodes []struct {
			Data []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"graph>node"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	for _, n := range doc.Nodes {
		d := map[string]string{}
		for _, x := range n.Data {
			d[x.Key] = x.Value
		}
		if d["n_iri"] == iri {
			return d["n_statements"], d["n_quotes"]
		}
	}
	t.Fatalf("no node %s", iri)
	return "", ""
}

// gmlNode matches one node of the GML export: its iri, statements and quotes (entities kept).
var gmlNode = regexp.MustCompile(`\n    iri "([^"]*)"\n(?:    .*\n)*?    statements (\d+)\n    quotes "([^"]*)"\n`)

func gmlAttrs(t *testing.T, out []byte, iri string) (string, string) {
	for _, m := range gmlNode.FindAllStringSubmatch(string(out), -1) {
		if m[1] == iri {
			r := strings.NewReplacer("&quot;", `"`, "&amp;", "&")
			return m[2], r.Replace(m[3])
		}
	}
	t.Fatalf("no node %s", iri)
	return "", ""
}

// dotNode matches one node line of the DOT export: its id, statements and quotes.
var dotNode = regexp.MustCompile(`(?m)^  "([^"]*)" \[.*, statements=(\d+), quotes=("(?:[^"\\]|\\.)*")\];$`)

func dotAttrs(t *testing.T, out []byte, iri string) (string, string) {
	for _, m := range dotNode.FindAllStringSubmatch(string(out), -1) {
		if m[1] == iri {
			q, err := strconv.Unquote(m[3]) // DOT's escapes here (\" and \\) are Go's
			if err != nil {
				t.Fatalf("quotes %s: %v", m[3], err)
			}
			return m[2], q
		}
	}
	t.Fatalf("no node %s", iri)
	return "", ""
}

// TestStatementsTable checks statements.csv of the CSV folder: one row a statement, the quote,
// the negated and the reported ones included, with their articles.
func TestStatementsTable(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t, "memory")
	for _, doc := range []string{"", "a1.txt"} {
		dir := t.TempDir()
		if err := WriteCSVDir(ctx, s, dir, Options{Doc: doc}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, CSVStatementsFile))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, a := range fixtureArticles() {
			if doc == "" || a.Article.ID == doc {
				want += len(a.Facts)
			}
		}
		if len(rows) != want+1 || strings.Join(rows[0], ",") != strings.Join(CSVStatementHeader, ",") {
			t.Fatalf("doc %q: %d rows, header %q; want %d statements and the header", doc, len(rows), rows[0], want)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		var quote, negated bool
		for _, r := range rows[1:] {
			if doc != "" && r[col["article_id"]] != doc {
				t.Errorf("doc %q: a row of %s", doc, r[col["article_id"]])
			}
			if r[col["text"]] == wantQuote && r[col["subject_id"]] == ada.ID && r[col["source"]] == "The Veyra Post" {
				quote = true
			}
			if r[col["negated"]] == "true" && r[col["predicate"]] == "criticized" {
				negated = true
			}
		}
		if !quote || !negated {
			t.Errorf("doc %q: the quote (%v) or the negated statement (%v) is missing:\n%s", doc, quote, negated, b)
		}
	}
}

// TestGMLQuotesInNetworkx reads the quotes of the GML export with networkx: GML has no escape
// character, so the JSON in the attribute must come back whole. It skips without networkx.
func TestGMLQuotesInNetworkx(t *testing.T) {
	py := networkx(t)
	path := filepath.Join("testdata", "fixture.gml")
	out, err := exec.Command(py, "-c", `import sys, networkx
g = networkx.read_gml(sys.argv[1], label="iri")
a = g.nodes[sys.argv[2]]
print(a["statements"])
print(a["quotes"])`, path, ada.ID).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx cannot read %s: %v\n%s", path, err, out)
	}
	n, quotes, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	checkQuotes(t, n, quotes)
}
