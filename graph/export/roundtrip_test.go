package export

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

// readAll reads every quad of an export back through Reader.
func readAll(t testing.TB, format string, data []byte, base string) []quad.Quad {
	t.Helper()
	r, err := Reader(format, bytes.NewReader(data), base)
	if err != nil {
		t.Fatalf("Reader(%s): %v", format, err)
	}
	defer r.Close()
	var qs []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			return qs
		}
		if err != nil {
			t.Fatalf("read %s back: %v", format, err)
		}
		qs = append(qs, q)
	}
}

// The contract of the full-graph formats: export → Reader → load into an empty store gives the
// same set of quads (values, typed literals and labels), for every backend and with a custom base.
func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	for _, backend := range backends() {
		for _, format := range ReadFormats() {
			for _, base := range []string{"", "http://example.org/news/"} {
				t.Run(backend+"/"+format+"/"+base, func(t *testing.T) {
					src := fixtureStore(t, backend)
					want := quadSet(t, src)
					if len(want) != len(dedup(fixtureQuads())) {
						t.Fatalf("fixture store holds %d quads, fixture has %d", len(want), len(dedup(fixtureQuads())))
					}
					var buf bytes.Buffer
					if err := Write(ctx, src, &buf, Options{Format: format, Base: base}); err != nil {
						t.Fatalf("Write: %v", err)
					}
					qs := readAll(t, format, buf.Bytes(), base)
					if len(qs) != len(want) {
						t.Errorf("read %d quads back, store holds %d", len(qs), len(want))
					}
					dst := openStore(t, backend)
					if err := dst.Write(ctx, qs); err != nil {
						t.Fatalf("re-load: %v", err)
					}
					if d := diffSets(want, quadSet(t, dst)); d != "" {
						t.Errorf("re-loaded store differs from the exported one:\n%s", d)
					}
				})
			}
		}
	}
}

func dedup(qs []quad.Quad) map[quad.Quad]bool {
	m := map[quad.Quad]bool{}
	for _, q := range qs {
		m[q] = true
	}
	return m
}

// Every IRI of the RDF exports is absolute, typed literals carry absolute XSD datatypes, and
// every article's quads form its named graph.
func TestRDFIsAbsolute(t *testing.T) {
	s := fixtureStore(t, "memory")
	var buf bytes.Buffer
	if err := Write(context.Background(), s, &buf, Options{Format: NQuads}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<xsd:", `"True"^^`, "<person/", "<article/", "<stmt/", "<praised>"} {
		if strings.Contains(out, bad) {
			t.Errorf("N-Quads contain %q", bad)
		}
	}
	for _, want := range []string{
		`<urn:newsgraph:person/ada-quill> <http://schema.org/name> "Ada Quill" .`,
		`<urn:newsgraph:person/ada-quill> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .`,
		`^^<http://www.w3.org/2001/XMLSchema#double> <urn:newsgraph:article/a1.txt> .`,
		`"true"^^<http://www.w3.org/2001/XMLSchema#boolean> <urn:newsgraph:article/a1.txt> .`,
		`^^<http://www.w3.org/2001/XMLSchema#integer> <urn:newsgraph:article/news/a%202.txt> .`,
		`<http://www.w3.org/ns/prov#wasDerivedFrom> <urn:newsgraph:article/a1.txt> <urn:newsgraph:article/a1.txt> .`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("N-Quads lack %q", want)
		}
	}
	// Every line is a full quad or an unlabelled entity triple.
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if !strings.HasPrefix(line, "<urn:newsgraph:") || !strings.HasSuffix(line, " .") {
			t.Errorf("odd line %q", line)
		}
	}

	buf.Reset()
	if err := Write(context.Background(), s, &buf, Options{Format: JSONLD}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"@graph":`, `"@id":"urn:newsgraph:article/a1.txt"`, `"@id":"urn:newsgraph:article/news/a%202.txt"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("JSON-LD lacks %s", want)
		}
	}
}

// --doc: the article's labelled quads plus the unlabelled quads of the entities it mentions,
// and nothing of the other article.
func TestWriteDocFullGraph(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t, "memory")
	for _, a := range fixtureArticles() {
		want := map[quad.Quad]bool{}
		mentioned := map[string]bool{}
		for _, q := range a.Quads() {
			if q.Label != nil {
				want[q] = true
			}
		}
		for _, e := range a.Entities {
			mentioned[e.ID] = true
		}
		for q := range quadSet(t, s) {
			if q.Label == nil && mentioned[string(q.Subject.(quad.IRI))] {
				want[q] = true
			}
		}
		for _, format := range ReadFormats() {
			var buf bytes.Buffer
			if err := Write(ctx, s, &buf, Options{Format: format, Doc: a.Article.ID}); err != nil {
				t.Fatalf("Write %s --doc %s: %v", format, a.Article.ID, err)
			}
			if d := diffSets(want, dedup(readAll(t, format, buf.Bytes(), ""))); d != "" {
				t.Errorf("%s --doc %s:\n%s", format, a.Article.ID, d)
			}
		}
	}
	var buf bytes.Buffer
	if err := Write(ctx, s, &buf, Options{Format: NQuads, Doc: "no-such-article"}); err == nil {
		t.Error("export of a missing article: no error")
	}
}

func TestReaderErrors(t *testing.T) {
	if _, err := Reader("turtle", strings.NewReader(""), ""); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("Reader(turtle): %v, want ErrUnknownFormat", err)
	}
	if _, err := Reader(NQuads, strings.NewReader(""), "relative/"); err == nil {
		t.Error("Reader with a relative base: no error")
	}
	for format, input := range map[string]string{
		NQuads: "<a> <b> \"unterminated .\n",
		JSONLD: `{"@id": `,
		PQuads: "not protobuf at all",
	} {
		r, err := Reader(format, strings.NewReader(input), "")
		if err != nil {
			continue // reported at once: fine
		}
		if _, err := r.ReadQuad(); err == nil || err == io.EOF {
			t.Errorf("%s: bad input read without an error (%v)", format, err)
		}
		r.Close()
	}
}

// Malformed or truncated input must give errors, never panics.
func TestReaderNoPanicOnGarbage(t *testing.T) {
	s := fixtureStore(t, "memory")
	for _, format := range ReadFormats() {
		var buf bytes.Buffer
		if err := Write(context.Background(), s, &buf, Options{Format: format}); err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		for _, cut := range []int{1, 5, 9, 17, len(data) / 3, len(data) / 2, len(data) - 3} {
			mangled := append([]byte(nil), data[:cut]...)
			mangled = append(mangled, 0xff, '"', '<', 0x02)
			r, err := Reader(format, bytes.NewReader(mangled), "")
			if err != nil {
				continue
			}
			for i := 0; i < 10000; i++ {
				if _, err := r.ReadQuad(); err != nil {
					break
				}
			}
			r.Close()
		}
	}
}
