package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// ListSep joins the lists of the entity-graph formats (aliases, relation words, source article
// ids) into one field: ";" is neo4j-admin import's default array delimiter.
const ListSep = ";"

// entityWriter adapts a writer of an entity graph to the signature of Write.
func entityWriter(write func(x *entityExport, w io.Writer) error) func(context.Context, *graph.Store, io.Writer, Options) error {
	return func(ctx context.Context, s *graph.Store, w io.Writer, opt Options) error {
		x, err := readEntityExport(ctx, s, opt.Doc)
		if err != nil {
			return err
		}
		return write(x, w)
	}
}

// entityExport is what the entity-graph formats write: the entity graph with a node for every
// edge end (complete), and the statements of the store or article — a table of its own in the
// CSV folder, and in every entity-graph format each entity's number of statements and its
// quotes as node attributes.
type entityExport struct {
	*graph.EntityGraph
	// Statements are every statement, as graph.Store.StatementsOf reads them.
	Statements []graph.Statement
	// bySubject are the statements of each entity as their subject, by entity IRI.
	bySubject map[string]*subjectStatements
}

// subjectStatements are the statements an entity is the subject of.
type subjectStatements struct {
	n      int     // how many
	quotes []quote // what it said: asserted speech acts (schema.IsSpeechPredicate) with a text object
}

// quote is one thing an entity said, as the node attribute quotes lists it (JSON).
type quote struct {
	Text     string `json:"text"`
	Relation string `json:"relation,omitempty"`
	Article  string `json:"article"`
	Source   string `json:"source,omitempty"`
	Date     string `json:"date,omitempty"`
	URL      string `json:"url,omitempty"`
}

// readEntityExport reads the entity graph and the statements of the store, or with doc set, of
// one article.
func readEntityExport(ctx context.Context, s *graph.Store, doc string) (*entityExport, error) {
	g, err := s.EntityGraph(ctx, doc)
	if err != nil {
		return nil, fmt.Errorf("read entity graph: %w", err)
	}
	sts, err := s.StatementsOf(ctx, doc)
	if err != nil {
		return nil, err
	}
	x := &entityExport{EntityGraph: complete(g), Statements: sts, bySubject: map[string]*subjectStatements{}}
	for _, st := range sts {
		b := x.bySubject[st.Subject]
		if b == nil {
			b = &subjectStatements{}
			x.bySubject[st.Subject] = b
		}
		b.n++
		if st.Literal != "" && st.Asserted() && schema.IsSpeechPredicate(st.Predicate) {
			a := st.Article
			b.quotes = append(b.quotes, quote{Text: st.Literal, Relation: st.Relation, Article: a.ID, Source: a.Source, Date: a.Date, URL: a.URL})
		}
	}
	return x, nil
}

// statements returns the number of statements whose subject is the entity id, and what it said
// as a JSON array of quotes ("" when it said nothing), in the order of graph.SortStatements.
func (x *entityExport) statements(id string) (int, string) {
	b := x.bySubject[id]
	if b == nil {
		return 0, ""
	}
	if len(b.quotes) == 0 {
		return b.n, ""
	}
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b.quotes); err != nil {
		return b.n, "" // strings only: cannot fail
	}
	return b.n, strings.TrimSuffix(buf.String(), "\n")
}

// complete returns g with a node for every edge end: an entity without a name (the store has its
// type or aliases only) still gets a node, named by its IRI, so that no format writes an edge to
// an undeclared node. Nodes stay sorted by id; g is not modified.
func complete(g *graph.EntityGraph) *graph.EntityGraph {
	have := make(map[string]bool, len(g.Nodes))
	for _, n := range g.Nodes {
		have[n.ID] = true
	}
	out := &graph.EntityGraph{Nodes: g.Nodes, Edges: g.Edges}
	added := false
	for _, e := range g.Edges {
		for _, id := range [...]string{e.Subject, e.Object} {
			if !have[id] {
				have[id] = true
				if !added {
					out.Nodes = append([]graph.Node(nil), g.Nodes...)
					added = true
				}
				out.Nodes = append(out.Nodes, graph.Node{ID: id, Name: id})
			}
		}
	}
	if added {
		sort.Slice(out.Nodes, func(i, j int) bool { return out.Nodes[i].ID < out.Nodes[j].ID })
	}
	return out
}

func join(ss []string) string { return strings.Join(ss, ListSep) }

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// ---- GraphML ----

// GraphML keys: id, domain, attribute name, type. Node attributes first, then edge attributes.
var graphMLKeys = []graphMLKey{
	{ID: "n_label", For: "node", Name: "label", Type: "string"},
	{ID: "n_iri", For: "node", Name: "iri", Type: "string"},
	{ID: "n_type", For: "node", Name: "type", Type: "string"},
	{ID: "n_aliases", For: "node", Name: "aliases", Type: "string"},
	{ID: "n_articles", For: "node", Name: "articles", Type: "int"},
	{ID: "n_statements", For: "node", Name: "statements", Type: "int"},
	{ID: "n_quotes", For: "node", Name: "quotes", Type: "string"},
	{ID: "e_label", For: "edge", Name: "label", Type: "string"},
	{ID: "e_relations", For: "edge", Name: "relations", Type: "string"},
	{ID: "e_sources", For: "edge", Name: "sources", Type: "int"},
	{ID: "e_source_ids", For: "edge", Name: "source_ids", Type: "string"},
	{ID: "e_confidence", For: "edge", Name: "confidence", Type: "double"},
	{ID: "e_statements", For: "edge", Name: "statements", Type: "int"},
	{ID: "e_time", For: "edge", Name: "time", Type: "string"},
}

type graphMLKey struct {
	XMLName xml.Name `xml:"key"`
	ID      string   `xml:"id,attr"`
	For     string   `xml:"for,attr"`
	Name    string   `xml:"attr.name,attr"`
	Type    string   `xml:"attr.type,attr"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type graphMLNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphMLData `xml:"data"`
}

type graphMLEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphMLData `xml:"data"`
}

type graphMLGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphMLNode `xml:"node"`
	Edges       []graphMLEdge `xml:"edge"`
}

type graphMLDoc struct {
	XMLName        xml.Name     `xml:"graphml"`
	XMLNS          string       `xml:"xmlns,attr"`
	XSI            string       `xml:"xmlns:xsi,attr"`
	SchemaLocation string       `xml:"xsi:schemaLocation,attr"`
	Keys           []graphMLKey `xml:"key"`
	Graph          graphMLGraph `xml:"graph"`
}

// writeGraphML writes the entity graph as GraphML (graphml.graphdrawing.org), which Gephi,
// Cytoscape and yEd read. One directed <graph id="newsgraph">; <node id> is "n0", "n1", ... in
// the order of entity IRIs (GraphML ids are XML name tokens, which IRIs with "/" are not), <edge
// id> "e0", "e1", ... in edge order. Keys (declared as <key> with attr.name/attr.type):
//
//	node: label (string, canonical name), iri (string, the entity's IRI in the store, e.g.
//	      "person/ada-quill"), type (string, PERSON, ORG, ...), aliases (string,
//	      ";"-joined), articles (int, articles mentioning it), statements (int, statements
//	      with the entity as subject, whatever their object and whether asserted or not),
//	      quotes (string, what it said: its asserted statements of a speech predicate (said,
//	      told, asked, urged, ...; schema.IsSpeechPredicate) with a text object, as a JSON array of {text,
//	      relation, article, source, date, url}; "" when nothing)
//	edge: label (string, the predicate), relations (string, ";"-joined words), sources (int,
//	      articles stating it), source_ids (string, ";"-joined article ids), confidence (double,
//	      highest), statements (int, occurrences), time (string, the earliest ISO 8601 time of an
//	      occurrence, "" when none is dated)
//
// Key ids are the attribute names prefixed "n_" or "e_". Every element has every data value.
func writeGraphML(g *entityExport, w io.Writer) error {
	doc := graphMLDoc{
		XMLNS:          "http://graphml.graphdrawing.org/xmlns",
		XSI:            "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Keys:           graphMLKeys,
		Graph:          graphMLGraph{ID: "newsgraph", EdgeDefault: "directed"},
	}
	index := make(map[string]string, len(g.Nodes))
	for i, n := range g.Nodes {
		id := "n" + strconv.Itoa(i)
		index[n.ID] = id
		sts, quotes := g.statements(n.ID)
		doc.Graph.Nodes = append(doc.Graph.Nodes, graphMLNode{ID: id, Data: []graphMLData{
			{"n_label", n.Name},
			{"n_iri", n.ID},
			{"n_type", n.Type},
			{"n_aliases", join(n.Aliases)},
			{"n_articles", strconv.Itoa(n.Articles)},
			{"n_statements", strconv.Itoa(sts)},
			{"n_quotes", quotes},
		}})
	}
	for i, e := range g.Edges {
		doc.Graph.Edges = append(doc.Graph.Edges, graphMLEdge{ID: "e" + strconv.Itoa(i), Source: index[e.Subject], Target: index[e.Object], Data: []graphMLData{
			{"e_label", e.Predicate},
			{"e_relations", join(e.Relations)},
			{"e_sources", strconv.Itoa(len(e.Sources))},
			{"e_source_ids", join(e.Sources)},
			{"e_confidence", formatFloat(e.Confidence)},
			{"e_statements", strconv.Itoa(e.Statements)},
			{"e_time", e.Time},
		}})
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("encode GraphML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("encode GraphML: %w", err)
	}
	bw.WriteString("\n")
	return bw.Flush()
}

// ---- GML ----

// gmlString quotes s as a GML string. GML files are ASCII and have no escape character: '&', '"'
// and every character outside ASCII are written as entities (&amp;, &quot;, &#233;), as GML's
// specification does for characters outside its set and as readers such as networkx expect;
// control characters become spaces.
func gmlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case unicode.IsControl(r):
			b.WriteByte(' ')
		case r > unicode.MaxASCII:
			fmt.Fprintf(&b, "&#%d;", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// writeGML writes the entity graph as GML, which Gephi reads:
//
//	graph [
//	  directed 1
//	  multigraph 1
//	  node [ id 0 label "Ada Quill" iri "person/ada-quill" type "PERSON" aliases "Quill" articles 2
//	         statements 3 quotes "[{&quot;text&quot;:&quot;prices will fall&quot;,...}]" ]
//	  edge [ source 0 target 1 label "praised" relations "hailed;praised" sources 2
//	         sourceIds "a1;a2" confidence 0.9 statements 3 time "2022-10-04" ]
//	]
//
// (one key a line). Node ids are 0, 1, ... in the order of entity IRIs; statements and quotes
// are those of GraphML. GML keys may hold only
// letters and digits, hence sourceIds. "multigraph 1" says that two entities may have several
// edges (one per predicate): readers such as networkx refuse parallel edges without it.
func writeGML(g *entityExport, w io.Writer) error {
	bw := bufio.NewWriter(w)
	index := make(map[string]int, len(g.Nodes))
	bw.WriteString("graph [\n  directed 1\n  multigraph 1\n") // parallel edges: one per predicate
	for i, n := range g.Nodes {
		index[n.ID] = i
		sts, quotes := g.statements(n.ID)
		fmt.Fprintf(bw, "  node [\n    id %d\n    label %s\n    iri %s\n    type %s\n    aliases %s\n    articles %d\n    statements %d\n    quotes %s\n  ]\n",
			i, gmlString(n.Name), gmlString(n.ID), gmlString(n.Type), gmlString(join(n.Aliases)), n.Articles, sts, gmlString(quotes))
	}
	for _, e := range g.Edges {
		fmt.Fprintf(bw, "  edge [\n    source %d\n    target %d\n    label %s\n    relations %s\n    sources %d\n    sourceIds %s\n    confidence %s\n    statements %d\n    time %s\n  ]\n",
			index[e.Subject], index[e.Object], gmlString(e.Predicate), gmlString(join(e.Relations)),
			len(e.Sources), gmlString(join(e.Sources)), gmlFloat(e.Confidence), e.Statements, gmlString(e.Time))
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// gmlFloat writes a GML real: always with a decimal point, as GML's grammar wants.
func gmlFloat(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "0.0"
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// ---- DOT ----

// dotStyle is how Graphviz draws an entity type.
type dotStyle struct{ shape, color string }

// dotStyles maps entity type labels to shapes and fill colours (ColorBrewer Pastel1/Set3).
var dotStyles = map[string]dotStyle{
	schema.TypePerson:  {"ellipse", "#fbb4ae"},
	schema.TypeOrg:     {"box", "#b3cde3"},
	schema.TypeGPE:     {"hexagon", "#ccebc5"},
	schema.TypeLoc:     {"octagon", "#decbe4"},
	schema.TypeNORP:    {"diamond", "#fed9a6"},
	schema.TypeEvent:   {"parallelogram", "#ffffcc"},
	schema.TypeWork:    {"note", "#e5d8bd"},
	schema.TypeProduct: {"component", "#fddaec"},
	schema.TypeOther:   {"ellipse", "#f2f2f2"},
}

// dotString quotes s as a DOT double-quoted string: '"' and '\' are escaped, a line break
// becomes "\n" (centred line in labels), other control characters spaces.
func dotString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// penwidth grows with the log of the number of articles stating a fact: 1 for one, 2 for two,
// 3 for four, at most 8.
func penwidth(sources int) string {
	w := 1.0
	if sources > 1 {
		w = math.Min(1+math.Log2(float64(sources)), 8)
	}
	return strconv.FormatFloat(w, 'f', 2, 64)
}

// writeDOT writes the entity graph as a Graphviz digraph named "newsgraph". One line a node:
//
//	"person/ada-quill" [label="Ada Quill", shape=ellipse, fillcolor="#fbb4ae", type="PERSON", aliases="Quill", articles=2, statements=3, quotes="[{\"text\":...}]"];
//
// shape and fill colour by type (PERSON ellipse, ORG box, GPE hexagon, LOC octagon, NORP
// diamond, EVENT parallelogram, WORK note, PRODUCT component, OTHER grey ellipse); one line an
// edge:
//
//	"person/ada-quill" -> "org/x" [label="praised", penwidth=2.00, relations="hailed;praised", sources=2, source_ids="a1;a2", confidence=0.9, statements=3];
//
// penwidth is 1 + log2(sources), at most 8. statements and quotes of a node are those of GraphML.
// type, aliases, articles, quotes, relations, sources, source_ids, confidence and statements
// are not Graphviz attributes: Graphviz keeps them, and
// tools that import DOT (Gephi) read them. Every id and string is quoted and escaped.
func writeDOT(g *entityExport, w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("digraph \"newsgraph\" {\n")
	bw.WriteString("  graph [overlap=false, splines=true];\n")
	bw.WriteString("  node [style=filled, fontname=\"Helvetica\"];\n")
	bw.WriteString("  edge [fontname=\"Helvetica\", fontsize=10];\n")
	for _, n := range g.Nodes {
		st, ok := dotStyles[n.Type]
		if !ok {
			st = dotStyles[schema.TypeOther]
		}
		sts, quotes := g.statements(n.ID)
		fmt.Fprintf(bw, "  %s [label=%s, shape=%s, fillcolor=%s, type=%s, aliases=%s, articles=%d, statements=%d, quotes=%s];\n",
			dotString(n.ID), dotString(n.Name), st.shape, dotString(st.color), dotString(n.Type),
			dotString(join(n.Aliases)), n.Articles, sts, dotString(quotes))
	}
	for _, e := range g.Edges {
		fmt.Fprintf(bw, "  %s -> %s [label=%s, penwidth=%s, relations=%s, sources=%d, source_ids=%s, confidence=%s, statements=%d];\n",
			dotString(e.Subject), dotString(e.Object), dotString(e.Predicate), penwidth(len(e.Sources)),
			dotString(join(e.Relations)), len(e.Sources), dotString(join(e.Sources)),
			formatFloat(e.Confidence), e.Statements)
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// ---- CSV ----

// csvWriter is csv.Writer with every cell made safe to open in a spreadsheet (csvCell).
type csvWriter struct{ *csv.Writer }

func newCSVWriter(w io.Writer) csvWriter { return csvWriter{csv.NewWriter(w)} }

// Write writes one row, its cells made safe.
func (c csvWriter) Write(row []string) error {
	safe := make([]string, len(row))
	for i, cell := range row {
		safe[i] = csvCell(cell)
	}
	return c.Writer.Write(safe)
}

// csvCell neutralises a cell that a spreadsheet would read as a formula (it starts with =, +,
// -, @, a tab or a carriage return) by putting an apostrophe before it, as OWASP advises:
// article text decides entity names and relation words, and a formula in an export could run
// when the file is opened. The numbers newsgraph writes are never negative, so none changes.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// CSVEdgeColumns are the columns of the one-table CSV that Write writes for format "csv": one
// row a fact between two entities, for a spreadsheet or `LOAD CSV WITH HEADERS`. Lists are
// joined with ListSep.
var CSVEdgeColumns = []string{
	"subject_id", "subject_name", "subject_type", "predicate", "object_id", "object_name",
	"object_type", "relations", "sources", "source_ids", "confidence", "statements", "time",
}

// writeCSVEdges writes the entity graph as one CSV table with the header CSVEdgeColumns.
func writeCSVEdges(g *entityExport, w io.Writer) error {
	nodes := make(map[string]graph.Node, len(g.Nodes))
	for _, n := range g.Nodes {
		nodes[n.ID] = n
	}
	cw := newCSVWriter(w)
	if err := cw.Write(CSVEdgeColumns); err != nil {
		return err
	}
	for _, e := range g.Edges {
		s, o := nodes[e.Subject], nodes[e.Object]
		if err := cw.Write([]string{
			e.Subject, s.Name, s.Type, e.Predicate, e.Object, o.Name, o.Type,
			join(e.Relations), strconv.Itoa(len(e.Sources)), join(e.Sources),
			formatFloat(e.Confidence), strconv.Itoa(e.Statements), e.Time,
		}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// CSVNodeHeader and CSVRelHeader are the headers of the two Neo4j tables (neo4j-admin import
// header syntax; LOAD CSV reads the same files, the columns then named as written, e.g.
// row.`id:ID`).
var (
	CSVNodeHeader = []string{"id:ID", "name", "type", "aliases:string[]", "articles:int", "statements:int", "quotes", ":LABEL"}
	CSVRelHeader  = []string{":START_ID", ":END_ID", ":TYPE", "predicate", "relations:string[]",
		"sources:int", "source_ids:string[]", "confidence:float", "statements:int", "time"}
)

// CSVStatementHeader is the header of the statements table: one row an occurrence of a fact in
// one sentence of one article — what someone said (text, the literal object), facts between
// entities, and those the article does not assert (negated, modality, attributed_to) — with the
// sentence and the article it comes from. Subject and object ids are the ids of nodes.csv.
var CSVStatementHeader = []string{"id", "subject_id", "subject_name", "predicate", "object_id", "object_name",
	"text", "relation", "negated", "modality", "attributed_to", "confidence", "time", "evidence",
	"sentence", "article_id", "title", "source", "date", "url"}

// WriteCSVTables writes the entity graph of the store (or with opt.Doc, of one article) as the
// two tables of a Neo4j import, and its statements as a third table: nodes (header
// CSVNodeHeader: the entity IRI, canonical name, type label, aliases, article count, number of
// statements it is the subject of, what it said as a JSON array of quotes (see writeGraphML),
// and the Neo4j labels "Entity;<schema.org class>", e.g. "Entity;Person"), relationships
// (header CSVRelHeader: subject and object IRIs, the relationship type, the predicate in upper
// snake case ("REPLIED_TO"), the predicate as written, relation words, number of source
// articles, their ids, the highest confidence, the number of statements, the earliest time)
// and, when stmts is not nil, statements (header CSVStatementHeader). Lists are joined with
// ListSep, neo4j-admin's default array delimiter. opt.Format and opt.Base are ignored. No
// writer is closed.
func WriteCSVTables(ctx context.Context, s *graph.Store, nodes, rels, stmts io.Writer, opt Options) error {
	if s == nil {
		return errors.New("export csv: no store")
	}
	x, err := readEntityExport(ctx, s, opt.Doc)
	if err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	if err := writeCSVNodes(x, nodes); err != nil {
		return fmt.Errorf("export csv nodes: %w", err)
	}
	if err := writeCSVRels(x, rels); err != nil {
		return fmt.Errorf("export csv relationships: %w", err)
	}
	if stmts != nil {
		if err := writeCSVStatements(x, stmts); err != nil {
			return fmt.Errorf("export csv statements: %w", err)
		}
	}
	return nil
}

// CSV file names WriteCSVDir writes.
const (
	CSVNodesFile      = "nodes.csv"
	CSVEdgesFile      = "edges.csv"
	CSVStatementsFile = "statements.csv"
)

// WriteCSVDir writes WriteCSVTables' three tables to dir/nodes.csv, dir/edges.csv and
// dir/statements.csv, creating dir when missing and replacing the files, for
//
//	neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv
//
// (statements.csv is for a spreadsheet or LOAD CSV). WriteFile calls it when the output of
// format "csv" is a folder; Write (one stream) writes the single edge table instead.
func WriteCSVDir(ctx context.Context, s *graph.Store, dir string, opt Options) (err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	var files [3]*os.File
	for i, name := range []string{CSVNodesFile, CSVEdgesFile, CSVStatementsFile} {
		if files[i], err = os.Create(filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("export csv: %w", err)
		}
		defer closeInto(files[i], &err)
	}
	return WriteCSVTables(ctx, s, files[0], files[1], files[2], opt)
}

// closeInto closes f and records its error in *err unless an earlier error is there.
func closeInto(f *os.File, err *error) {
	if cerr := f.Close(); cerr != nil && *err == nil {
		*err = fmt.Errorf("export csv: close %s: %w", f.Name(), cerr)
	}
}

// neo4jLabels returns the Neo4j labels of an entity type label.
func neo4jLabels(typ string) string { return "Entity;" + schema.TypeOf(typ).Class }

// relType returns the Neo4j relationship type of a predicate: upper case, every run of other
// characters than letters and digits one "_" ("replied to" → REPLIED_TO).
func relType(pred string) string {
	var b strings.Builder
	us := false
	for _, r := range pred {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if us && b.Len() > 0 {
				b.WriteByte('_')
			}
			us = false
			b.WriteRune(unicode.ToUpper(r))
		} else {
			us = true
		}
	}
	if b.Len() == 0 {
		return "RELATED_TO"
	}
	return b.String()
}

func writeCSVNodes(g *entityExport, w io.Writer) error {
	cw := newCSVWriter(w)
	cw.Write(CSVNodeHeader)
	for _, n := range g.Nodes {
		sts, quotes := g.statements(n.ID)
		cw.Write([]string{n.ID, n.Name, n.Type, join(n.Aliases), strconv.Itoa(n.Articles), strconv.Itoa(sts), quotes, neo4jLabels(n.Type)})
	}
	cw.Flush()
	return cw.Error()
}

func writeCSVRels(g *entityExport, w io.Writer) error {
	cw := newCSVWriter(w)
	cw.Write(CSVRelHeader)
	for _, e := range g.Edges {
		cw.Write([]string{e.Subject, e.Object, relType(e.Predicate), e.Predicate, join(e.Relations),
			strconv.Itoa(len(e.Sources)), join(e.Sources), formatFloat(e.Confidence), strconv.Itoa(e.Statements), e.Time})
	}
	cw.Flush()
	return cw.Error()
}

// writeCSVStatements writes the statements table (CSVStatementHeader), in the order of
// graph.SortStatements.
func writeCSVStatements(g *entityExport, w io.Writer) error {
	names := make(map[string]string, len(g.Nodes))
	for _, n := range g.Nodes {
		names[n.ID] = n.Name
	}
	cw := newCSVWriter(w)
	cw.Write(CSVStatementHeader)
	for _, st := range g.Statements {
		var when string
		if st.Time != nil {
			when = st.Time.Value
		}
		a := st.Article
		cw.Write([]string{st.ID, st.Subject, names[st.Subject], st.Predicate, st.Object, names[st.Object],
			st.Literal, st.Relation, strconv.FormatBool(st.Negated), st.Modality, st.AttributedTo,
			formatFloat(st.Confidence), when, st.Evidence, strconv.Itoa(st.Sentence),
			a.ID, a.Title, a.Source, a.Date, a.URL})
	}
	cw.Flush()
	return cw.Error()
}
