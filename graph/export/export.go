// Package export writes a newsgraph store in the formats other tools read, and reads the RDF
// formats back.
//
// Two families of formats:
//
//   - Full-graph formats (nquads, jsonld, pquads) hold every quad of the store with its label (the
//     article that contributed it), so they are lossless: Reader reads them back and loading what
//     it returns into an empty store gives the same set of quads. Every IRI is expanded through
//     schema.Vocabulary (schema.org, RDF and PROV-O terms where they exist, Options.Base + the
//     short IRI otherwise), so nquads and jsonld are proper RDF datasets with absolute IRIs and one
//     named graph per article; typed literals carry absolute XSD datatype IRIs.
//   - Entity-graph formats (graphml, gml, dot, csv) hold only the entities and the asserted facts
//     between them, merged over articles, as (*graph.Store).EntityGraph reads them: what Gephi,
//     Cytoscape, Graphviz and Neo4j want. Nodes are identified by the store's short IRIs and
//     labelled with names, edges with predicates. They are not meant to be read back.
//
// Every format is deterministic: the same store gives byte-identical output. Full-graph formats
// are written in the order of the quads' N-Quads lines; entity-graph formats in the order of
// entity IRIs and (subject, predicate, object).
//
// The package only reads the store: it never writes to it and never extracts anything from
// text (it must not import package extract). The CLI picks the format and names the output;
// this package writes it (WriteFile: stdout, a file, or for csv the folder of the tables
// Neo4j's importer wants, WriteCSVDir). It knows no command line flags.
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// The names of the formats, as Options.Format takes them.
const (
	NQuads  = "nquads"  // N-Quads, one quad a line, labels as graph names
	JSONLD  = "jsonld"  // JSON-LD, one @graph per article
	PQuads  = "pquads"  // Cayley's protobuf quads (binary)
	GraphML = "graphml" // entity graph for Gephi, Cytoscape, yEd
	GML     = "gml"     // entity graph for Gephi
	DOT     = "dot"     // entity graph for Graphviz
	CSV     = "csv"     // entity graph as one CSV table of edges (see WriteCSVDir for Neo4j)
)

// formats lists every format in the order Formats returns them, with what it does.
var formats = []struct {
	name  string
	full  bool // full-graph (quads) rather than entity graph
	write func(ctx context.Context, s *graph.Store, w io.Writer, opt Options) error
}{
	{NQuads, true, writeNQuads},
	{JSONLD, true, writeJSONLD},
	{PQuads, true, writePQuads},
	{GraphML, false, entityWriter(writeGraphML)},
	{GML, false, entityWriter(writeGML)},
	{DOT, false, entityWriter(writeDOT)},
	{CSV, false, entityWriter(writeCSVEdges)},
}

// Formats returns the names of the formats Write accepts, full-graph formats first, in a fixed
// order.
func Formats() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.name
	}
	return out
}

// IsFullGraph reports whether format holds every quad with its label (nquads, jsonld, pquads),
// rather than the entity graph.
func IsFullGraph(format string) bool {
	for _, f := range formats {
		if f.name == format {
			return f.full
		}
	}
	return false
}

// Options says what to export and how.
type Options struct {
	// Format is one of Formats().
	Format string
	// Doc, when set, exports only the graph of this article id: for full-graph formats the quads
	// labelled with the article plus the unlabelled name, type and alias quads of the entities it
	// mentions; for entity-graph formats the entities it mentions and the facts it states.
	Doc string
	// Base is the namespace of newsgraph's own IRIs in full-graph formats ("" for
	// schema.DefaultBase). It must be an absolute IRI (have a scheme), or JSON-LD processors
	// would drop the quads. Entity-graph formats ignore it.
	Base string
}

// ErrUnknownFormat is wrapped by the errors of Write and Reader for a format they do not know.
var ErrUnknownFormat = errors.New("unknown export format")

// Write writes the store (or with opt.Doc, one article's graph) to w in opt.Format. An unknown
// format is an error that lists the known ones. w is not closed.
func Write(ctx context.Context, s *graph.Store, w io.Writer, opt Options) error {
	if s == nil {
		return errors.New("export: no store")
	}
	for _, f := range formats {
		if f.name != opt.Format {
			continue
		}
		if f.full {
			if err := checkBase(opt.Base); err != nil {
				return fmt.Errorf("export %s: %w", f.name, err)
			}
		}
		if err := f.write(ctx, s, w, opt); err != nil {
			if opt.Doc != "" {
				return fmt.Errorf("export %s of article %q: %w", f.name, opt.Doc, err)
			}
			return fmt.Errorf("export %s: %w", f.name, err)
		}
		return nil
	}
	return fmt.Errorf("%w %q (choose one of %s)", ErrUnknownFormat, opt.Format, strings.Join(Formats(), ", "))
}

// checkBase rejects a base that would not give absolute IRIs.
func checkBase(base string) error {
	if base == "" {
		return nil
	}
	u, err := url.Parse(base)
	if err != nil {
		return fmt.Errorf("base IRI %q: %w", base, err)
	}
	if u.Scheme == "" {
		return fmt.Errorf("base IRI %q is not absolute (it needs a scheme such as %q)", base, schema.DefaultBase)
	}
	return nil
}
