package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"
	"github.com/cayleygraph/quad/pquads"

	"github.com/newsgraph/newsgraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// checkers parse each format with a real parser where one exists, else check its structure,
// against the entity graph or the quad count of the store.
var checkers = map[string]func(t *testing.T, out []byte, g *graph.EntityGraph, quads int){
	NQuads: func(t *testing.T, out []byte, _ *graph.EntityGraph, quads int) {
		checkQuadCount(t, nquads.NewReader(bytes.NewReader(out), false), quads)
	},
	JSONLD: func(t *testing.T, out []byte, _ *graph.EntityGraph, quads int) {
		checkQuadCount(t, jsonld.NewReader(bytes.NewReader(out)), quads)
	},
	PQuads: func(t *testing.T, out []byte, _ *graph.EntityGraph, quads int) {
		checkQuadCount(t, pquads.NewReader(bytes.NewReader(out), 0), quads)
	},
	GraphML: checkGraphML,
	GML:     checkGML,
	DOT:     checkDOT,
	CSV: func(t *testing.T, out []byte, g *graph.EntityGraph, _ int) {
		rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("CSV does not parse: %v", err)
		}
		if len(rows) != len(g.Edges)+1 || !reflect.DeepEqual(rows[0], CSVEdgeColumns) {
			t.Errorf("CSV has %d rows (header %q), want %d edges + the header", len(rows), rows[0], len(g.Edges))
		}
	},
}

func checkQuadCount(t *testing.T, r quad.Reader, want int) {
	t.Helper()
	n := 0
	for {
		_, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("does not parse after %d quads: %v", n, err)
		}
		n++
	}
	if n != want {
		t.Errorf("parsed %d quads, the store holds %d", n, want)
	}
}

func checkGraphML(t *testing.T, out []byte, g *graph.EntityGraph, _ int) {
	dec := xml.NewDecoder(bytes.NewReader(out))
	for { // well-formed from start to end
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("GraphML is not well-formed XML: %v", err)
		}
	}
	var doc graphMLDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("GraphML does not unmarshal: %v", err)
	}
	keys := map[string]string{}
	for _, k := range doc.Keys {
		keys[k.ID] = k.For
	}
	nodes := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		nodes[n.ID] = true
		for _, d := range n.Data {
			if keys[d.Key] != "node" {
				t.Errorf("node %s: data key %q is not a declared node key", n.ID, d.Key)
			}
		}
	}
	for _, e := range doc.Graph.Edges {
		if !nodes[e.Source] || !nodes[e.Target] {
			t.Errorf("edge %s: %s -> %s to an undeclared node", e.ID, e.Source, e.Target)
		}
		for _, d := range e.Data {
			if keys[d.Key] != "edge" {
				t.Errorf("edge %s: data key %q is not a declared edge key", e.ID, d.Key)
			}
		}
	}
	if len(doc.Graph.Nodes) != len(g.Nodes) || len(doc.Graph.Edges) != len(g.Edges) {
		t.Errorf("GraphML has %d nodes, %d edges; want %d, %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), len(g.Nodes), len(g.Edges))
	}
	// Names survive XML escaping.
	for i, n := range g.Nodes {
		if got := doc.Graph.Nodes[i].Data[0].Value; got != n.Name {
			t.Errorf("node %d label %q, want %q", i, got, n.Name)
		}
	}
}

// scanQuoted walks text outside and inside double-quoted strings: esc is the escape character
// inside strings (0 for none); it returns the bracket depths seen outside strings and whether
// every string was closed.
func scanQuoted(t *testing.T, text string, esc byte, open, close byte) {
	t.Helper()
	depth, inString := 0, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inString && esc != 0 && c == esc:
			i++
		case c == '"':
			inString = !inString
		case inString && c == '\n':
			t.Fatalf("line break inside a string at byte %d", i)
		case !inString && c == open:
			depth++
		case !inString && c == close:
			depth--
			if depth < 0 {
				t.Fatalf("unbalanced %c at byte %d", close, i)
			}
		}
	}
	if inString || depth != 0 {
		t.Fatalf("unterminated string (%v) or unbalanced brackets (depth %d)", inString, depth)
	}
}

func checkGML(t *testing.T, out []byte, g *graph.EntityGraph, _ int) {
	text := string(out)
	scanQuoted(t, text, 0, '[', ']') // GML has no escape: a quote inside a name would break this
	if n := strings.Count(text, "\n  node [\n"); n != len(g.Nodes) {
		t.Errorf("GML has %d nodes, want %d", n, len(g.Nodes))
	}
	if n := strings.Count(text, "\n  edge [\n"); n != len(g.Edges) {
		t.Errorf("GML has %d edges, want %d", n, len(g.Edges))
	}
	if !strings.Contains(text, `label "Borealis &quot;Blue&quot; Freight &amp; Co"`) {
		t.Error("GML does not escape quotes and ampersands as entities")
	}
}

func checkDOT(t *testing.T, out []byte, g *graph.EntityGraph, _ int) {
	text := string(out)
	scanQuoted(t, text, '\\', '{', '}')
	scanQuoted(t, text, '\\', '[', ']')
	var nodeLines, edgeLines int
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, `  "`) {
			continue
		}
		if !strings.HasSuffix(line, "];") {
			t.Errorf("statement without attributes: %q", line)
		}
		if strings.Contains(line, `" -> "`) {
			edgeLines++
		} else {
			nodeLines++
		}
	}
	if nodeLines != len(g.Nodes) || edgeLines != len(g.Edges) {
		t.Errorf("DOT has %d node and %d edge lines, want %d and %d", nodeLines, edgeLines, len(g.Nodes), len(g.Edges))
	}
	if !strings.Contains(text, `label="Borealis \"Blue\" Freight & Co"`) || !strings.Contains(text, `label="Lantern\\9"`) {
		t.Error("DOT does not escape quotes and backslashes")
	}
}

// The contract of every format: deterministic (two exports, and exports of two stores built in
// different orders, are byte-identical), and parseable.
func TestFormats(t *testing.T) {
	if got := Formats(); len(got) != len(checkers) {
		t.Fatalf("Formats() = %v, but the tests check %d formats", got, len(checkers))
	}
	ctx := context.Background()
	s := fixtureStore(t, "memory")
	nq := len(quadSet(t, s))
	// The same graph loaded in reverse order, into each backend.
	for _, backend := range backends() {
		t.Run(backend, func(t *testing.T) {
			rev := openStore(t, backend)
			qs := fixtureQuads()
			slices.Reverse(qs)
			if err := rev.Write(ctx, qs); err != nil {
				t.Fatal(err)
			}
			for _, format := range Formats() {
				for _, doc := range []string{"", "news/a 2.txt"} {
					t.Run(format+"/"+doc, func(t *testing.T) {
						check := checkers[format]
						if check == nil {
							t.Fatalf("no checker for format %s", format)
						}
						opt := Options{Format: format, Doc: doc}
						var out1, out2, out3 bytes.Buffer
						for _, x := range []struct {
							s *graph.Store
							w *bytes.Buffer
						}{{s, &out1}, {s, &out2}, {rev, &out3}} {
							if err := Write(ctx, x.s, x.w, opt); err != nil {
								t.Fatalf("Write: %v", err)
							}
						}
						if !bytes.Equal(out1.Bytes(), out2.Bytes()) {
							t.Error("two exports of one store differ")
						}
						if !bytes.Equal(out1.Bytes(), out3.Bytes()) {
							t.Error("exports of the same graph loaded in another order (and backend) differ")
						}
						g, err := s.EntityGraph(ctx, doc)
						if err != nil {
							t.Fatal(err)
						}
						want := nq
						if doc != "" {
							var buf bytes.Buffer
							if err := Write(ctx, s, &buf, Options{Format: NQuads, Doc: doc}); err != nil {
								t.Fatal(err)
							}
							want = strings.Count(buf.String(), "\n")
						}
						check(t, out1.Bytes(), complete(g), want)
					})
				}
			}
		})
	}
}

// Golden files of the entity-graph formats (and N-Quads) for the fixture: go test -update
// rewrites them.
func TestGolden(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t, "memory")
	golden := func(name string, got []byte) {
		t.Helper()
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the golden file (go test -update rewrites it); got:\n%s", path, got)
		}
	}
	for _, format := range []string{GraphML, GML, DOT, CSV, NQuads} {
		var buf bytes.Buffer
		if err := Write(ctx, s, &buf, Options{Format: format}); err != nil {
			t.Fatalf("Write %s: %v", format, err)
		}
		golden("fixture."+format, buf.Bytes())
	}
	dir := filepath.Join(t.TempDir(), "neo4j")
	if err := WriteCSVDir(ctx, s, dir, Options{}); err != nil {
		t.Fatalf("WriteCSVDir: %v", err)
	}
	for _, name := range []string{CSVNodesFile, CSVEdgesFile, CSVStatementsFile} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := csv.NewReader(bytes.NewReader(b)).ReadAll(); err != nil {
			t.Errorf("%s does not parse: %v", name, err)
		}
		golden("neo4j-"+name, b)
	}
}

func TestUnknownFormat(t *testing.T) {
	s := fixtureStore(t, "memory")
	err := Write(context.Background(), s, io.Discard, Options{Format: "turtle"})
	if !errors.Is(err, ErrUnknownFormat) {
		t.Fatalf("Write(turtle) = %v, want ErrUnknownFormat", err)
	}
	for _, f := range Formats() {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("error %q does not list format %s", err, f)
		}
	}
	if err := Write(context.Background(), s, io.Discard, Options{Format: NQuads, Base: "no-scheme/"}); err == nil {
		t.Error("relative base: no error")
	}
}

func TestRelType(t *testing.T) {
	for in, want := range map[string]string{"praised": "PRAISED", "replied to": "REPLIED_TO", " met  with ": "MET_WITH", "": "RELATED_TO", "co-signed": "CO_SIGNED"} {
		if got := relType(in); got != want {
			t.Errorf("relType(%q) = %q, want %q", in, got, want)
		}
	}
}

// An edge to an entity without a name still gets a declared node in every format.
func TestCompleteAddsMissingEnds(t *testing.T) {
	g := &graph.EntityGraph{
		Nodes: []graph.Node{{ID: "person/b", Name: "B", Type: "PERSON"}},
		Edges: []graph.Edge{{Subject: "person/b", Object: "org/a", Predicate: "praised", Sources: []string{"x"}}},
	}
	c := complete(g)
	if len(g.Nodes) != 1 || len(c.Nodes) != 2 || c.Nodes[0].ID != "org/a" || c.Nodes[0].Name != "org/a" {
		t.Errorf("complete: %+v (input %+v)", c.Nodes, g.Nodes)
	}
	var buf bytes.Buffer
	if err := writeGraphML(&entityExport{EntityGraph: c}, &buf); err != nil {
		t.Fatal(err)
	}
	checkGraphML(t, buf.Bytes(), c, 0)
}

// networkx returns the python3 that can import networkx, or skips t.
func networkx(t *testing.T) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3: the GML export is not read by networkx here")
	}
	if exec.Command(py, "-c", "import networkx").Run() != nil {
		t.Skip("python3 has no networkx: the GML export is not read by networkx here")
	}
	return py
}

// TestGMLReadsInNetworkx reads the GML export of the fixture with networkx, which refuses
// parallel edges unless the graph says it is a multigraph. It skips without python3 and networkx.
func TestGMLReadsInNetworkx(t *testing.T) {
	py := networkx(t)
	path := filepath.Join("testdata", "fixture.gml")
	out, err := exec.Command(py, "-c", `import sys, networkx
g = networkx.read_gml(sys.argv[1], label="id")
print(g.number_of_nodes(), g.number_of_edges(), g.is_multigraph())`, path).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx cannot read %s: %v\n%s", path, err, out)
	}
	if f := strings.Fields(string(out)); len(f) != 3 || f[0] == "0" || f[2] != "True" {
		t.Errorf("networkx read %s as %q: want nodes, edges and a multigraph", path, out)
	}
}
