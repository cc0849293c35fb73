package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"
	"github.com/cayleygraph/quad/pquads"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// rdfQuad is one quad ready to write: its IRIs expanded, and its N-Quads line, the sort key.
type rdfQuad struct {
	native quad.Quad // IRIs expanded, literals as stored (for pquads)
	rdf    quad.Quad // IRIs expanded, literals as RDF typed literals (for nquads, jsonld)
	line   string    // rdf as an N-Quads line without the final " ."
}

// collectQuads reads the quads to export, expands them and sorts them by their N-Quads line.
//
// Sorting needs every quad in memory, so full-graph exports are not streamed: memory grows
// with the store (BenchmarkExportNQuads: about 1.8 KB allocated a quad, ~0.2 s for 52k quads). Cayley's iterators have no order
// we could rely on for deterministic output; an external sort would lift the limit if stores
// outgrow memory.
func collectQuads(ctx context.Context, s *graph.Store, opt Options) ([]rdfQuad, error) {
	voc := schema.NewVocabulary(opt.Base)
	var out []rdfQuad
	add := func(q quad.Quad) error {
		r := RDFQuad(voc, q)
		out = append(out, rdfQuad{native: voc.ExpandQuad(q), rdf: r, line: nquadLine(r)})
		return nil
	}
	if err := eachExportQuad(ctx, s, opt.Doc, add); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].line < out[j].line })
	// The store holds a set, but two values that differ only in their Go type (a String and a
	// TypedString of xsd:string) would give one line: keep the first, so output stays a set.
	uniq := out[:0]
	for i, q := range out {
		if i == 0 || q.line != out[i-1].line {
			uniq = append(uniq, q)
		}
	}
	return uniq, nil
}

// eachExportQuad calls fn for every quad of the store, or with doc set, for every quad labelled
// with the article and every unlabelled quad of the entities it mentions. The correction layer
// is left out: the graph is exported as corrected, and `newsgraph correct list` exports the
// corrections.
func eachExportQuad(ctx context.Context, s *graph.Store, doc string, each func(quad.Quad) error) error {
	fn := func(q quad.Quad) error {
		if schema.IsCorrectionQuad(q) {
			return nil
		}
		return each(q)
	}
	if doc == "" {
		return s.EachQuad(ctx, "", fn)
	}
	mentioned := map[quad.IRI]bool{}
	err := s.EachQuad(ctx, doc, func(q quad.Quad) error {
		if p, ok := q.Predicate.(quad.IRI); ok && p == schema.PropMentionedIn {
			if e, ok := q.Subject.(quad.IRI); ok {
				mentioned[e] = true
			}
		}
		return fn(q)
	})
	if err != nil {
		return err
	}
	ents := make([]string, 0, len(mentioned))
	for e := range mentioned {
		ents = append(ents, string(e))
	}
	sort.Strings(ents)
	qs := s.QuadStore()
	for _, e := range ents {
		ref := qs.ValueOf(quad.IRI(e))
		if ref == nil {
			continue
		}
		it := qs.QuadIterator(quad.Subject, ref)
		for it.Next(ctx) {
			if q := qs.Quad(it.Result()); q.Label == nil {
				if err := fn(q); err != nil {
					it.Close()
					return err
				}
			}
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return fmt.Errorf("read quads of entity %s: %w", e, err)
		}
	}
	return ctx.Err()
}

// RDFQuad returns q as the RDF exports write it: IRIs expanded by voc, typed literals with an
// absolute XSD datatype (see rdfLiteral). `newsgraph extract --format nquads` writes quads so too,
// and Reader reads both back.
//
// An article's date ("2006-01-02" or RFC 3339, as schema.NormalizeDate writes it; the store holds
// a plain string) is typed xsd:date or xsd:dateTime; a date in another form stays a plain string.
func RDFQuad(voc *schema.Vocabulary, q quad.Quad) quad.Quad {
	r := voc.ExpandQuad(q)
	if s, ok := q.Object.(quad.String); ok && q.Predicate == quad.IRI(schema.PropDate) {
		if t := schema.DateType(string(s)); t != "" {
			r.Object = quad.TypedString{Value: s, Type: quad.IRI(t)}
			return r
		}
	}
	if p, ok := q.Predicate.(quad.IRI); ok && string(p) == schema.PropTime {
		if v, ok := q.Object.(quad.String); ok {
			r.Object = schema.TimeLiteral(string(v)) // xsd:date, xsd:gYearMonth, xsd:gYear
			return r
		}
	}
	r.Object = rdfLiteral(r.Object)
	return r
}

// xsdBoolean is the absolute datatype IRI of booleans.
var xsdBoolean = quad.Bool(true).TypedString().Type.Full()

// rdfLiteral returns the RDF form of a literal: typed values (integers, doubles, booleans,
// times) become typed strings with an absolute XSD datatype IRI. quad v1.2.5 writes the prefixed
// form (^^<xsd:integer>), which RDF tools read as an IRI of the scheme "xsd:", not as the XSD
// type, and booleans as "True", which is not a valid xsd:boolean; both are fixed here. Reader
// turns them back into the values the store holds.
func rdfLiteral(v quad.Value) quad.Value {
	switch v := v.(type) {
	case nil, quad.IRI, quad.BNode, quad.String, quad.LangString:
		return v
	case quad.Bool:
		return quad.TypedString{Value: quad.String(fmt.Sprint(bool(v))), Type: xsdBoolean}
	case quad.TypedString:
		v.Type = v.Type.Full()
		return v
	case quad.TypedStringer:
		ts := v.TypedString()
		ts.Type = ts.Type.Full()
		return ts
	default:
		return v
	}
}

// nquadLine returns q as an N-Quads line without the terminating " .", as quad's writer writes it.
func nquadLine(q quad.Quad) string {
	var b strings.Builder
	b.WriteString(q.Subject.String())
	b.WriteByte(' ')
	b.WriteString(q.Predicate.String())
	b.WriteByte(' ')
	b.WriteString(q.Object.String())
	if q.Label != nil {
		b.WriteByte(' ')
		b.WriteString(q.Label.String())
	}
	return b.String()
}

// writeNQuads writes N-Quads with quad's writer: one quad a line, labels as graph names.
func writeNQuads(ctx context.Context, s *graph.Store, w io.Writer, opt Options) error {
	qs, err := collectQuads(ctx, s, opt)
	if err != nil {
		return err
	}
	nw := nquads.NewWriter(w)
	for _, q := range qs {
		if err := nw.WriteQuad(q.rdf); err != nil {
			return fmt.Errorf("write %s: %w", q.line, err)
		}
	}
	return nw.Close() // flushes
}

// writeJSONLD writes JSON-LD with quad's writer (json-gold's fromRdf): a top-level array of
// node objects; the unlabelled entity quads are nodes of the default graph, and each article's
// quads are the "@graph" of a node whose "@id" is the article's IRI. rdf:type becomes "@type",
// typed literals {"@value", "@type"}. json-gold sorts graphs and subjects; values of a property
// keep the order of the sorted quads, so the output is deterministic.
func writeJSONLD(ctx context.Context, s *graph.Store, w io.Writer, opt Options) error {
	qs, err := collectQuads(ctx, s, opt)
	if err != nil {
		return err
	}
	jw := jsonld.NewWriter(w)
	for _, q := range qs {
		if err := jw.WriteQuad(q.rdf); err != nil {
			return fmt.Errorf("write %s: %w", q.line, err)
		}
	}
	if err := jw.Close(); err != nil { // converts and writes everything
		return fmt.Errorf("write JSON-LD: %w", err)
	}
	return nil
}

// writePQuads writes Cayley's protobuf quads with quad's writer: IRIs expanded, values in their
// native types (quad.Int, quad.Float, quad.Bool), as `cayley load` reads them.
func writePQuads(ctx context.Context, s *graph.Store, w io.Writer, opt Options) error {
	qs, err := collectQuads(ctx, s, opt)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	pw := pquads.NewWriter(bw, nil)
	for _, q := range qs {
		if err := pw.WriteQuad(q.native); err != nil {
			return fmt.Errorf("write %s: %w", q.line, err)
		}
	}
	if err := pw.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

// ReadFormats lists the formats Reader reads: the full-graph formats.
func ReadFormats() []string { return []string{NQuads, JSONLD, PQuads} }

// Reader returns a reader of quads exported in format (nquads, jsonld or pquads) that gives them
// back in the store's form: IRIs compacted through schema.Vocabulary with the given base (""
// for schema.DefaultBase), typed literals of known XSD types turned back into the values the
// store holds (quad.Int, quad.Float, quad.Bool). Loading what it returns into an empty store
// gives the store that was exported. nquads and pquads are streamed; jsonld is read whole when
// Reader is called (JSON-LD is one document). Quads come in the file's order, except for jsonld.
// The returned reader's Close does not close r.
func Reader(format string, r io.Reader, base string) (quad.ReadCloser, error) {
	if err := checkBase(base); err != nil {
		return nil, fmt.Errorf("read %s: %w", format, err)
	}
	var in quad.ReadCloser
	switch format {
	case NQuads:
		in = nquads.NewReader(r, false)
	case JSONLD:
		var err error
		in, err = safeJSONLDReader(r)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", format, err)
		}
	case PQuads:
		in = pquads.NewReader(r, pquads.DefaultMaxSize)
	default:
		return nil, fmt.Errorf("read: %w %q (choose one of %s)", ErrUnknownFormat, format, strings.Join(ReadFormats(), ", "))
	}
	return &reader{in: in, format: format, voc: schema.NewVocabulary(base)}, nil
}

// safeJSONLDReader runs quad's JSON-LD reader, which processes the whole document at once,
// turning a panic of the JSON-LD processor on odd input into an error.
func safeJSONLDReader(r io.Reader) (rc quad.ReadCloser, err error) {
	defer func() {
		if p := recover(); p != nil {
			rc, err = nil, fmt.Errorf("JSON-LD processor failed: %v", p)
		}
	}()
	return jsonld.NewReader(r), nil
}

// reader compacts the quads of another reader into the store's form.
type reader struct {
	in     quad.ReadCloser
	format string
	voc    *schema.Vocabulary
	n      int
}

// ReadQuad returns the next quad in the store's form, io.EOF at the end, or an error that says
// which quad of the input could not be read.
func (r *reader) ReadQuad() (q quad.Quad, err error) {
	defer func() { // third-party parsers on arbitrary input: never let them panic the caller
		if p := recover(); p != nil {
			q, err = quad.Quad{}, fmt.Errorf("read %s quad %d: parser failed: %v", r.format, r.n+1, p)
		}
	}()
	q, err = r.in.ReadQuad()
	if err == io.EOF {
		return quad.Quad{}, io.EOF
	}
	if err != nil {
		return quad.Quad{}, fmt.Errorf("read %s quad %d: %w", r.format, r.n+1, err)
	}
	r.n++
	q = r.voc.CompactQuad(q)
	if ts, ok := q.Object.(quad.TypedString); ok && q.Predicate == quad.IRI(schema.PropDate) &&
		(string(ts.Type.Full()) == schema.XSDDate || string(ts.Type.Full()) == schema.XSDDateTime) {
		q.Object = ts.Value // the store holds dates as plain strings (see RDFQuad)
		return q, nil
	}
	q.Object = nativeLiteral(q.Object)
	return q, nil
}

// Close closes the underlying format reader.
func (r *reader) Close() error { return r.in.Close() }

// nativeLiteral is the inverse of rdfLiteral (and of the typing of times in RDFQuad): a typed
// string of a known XSD type becomes the native value, a date, year-month or year the plain
// string; anything else is returned unchanged.
func nativeLiteral(v quad.Value) quad.Value {
	ts, ok := v.(quad.TypedString)
	if !ok {
		return v
	}
	switch string(ts.Type) {
	case schema.NSXSD + "date", schema.NSXSD + "gYearMonth", schema.NSXSD + "gYear":
		return ts.Value // a fact's time: the store holds it as a plain string
	}
	if n, err := ts.ParseValue(); err == nil && n != nil {
		return n
	}
	return v
}
