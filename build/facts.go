package build

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/schema"
)

// The formats of WriteFacts.
const (
	// FactsJSONL is one fact a line, as JSON.
	FactsJSONL = "jsonl"
	// FactsNQuads is the quads Run would store, with IRIs expanded as export's nquads.
	FactsNQuads = "nquads"
)

// WriteFacts extracts the articles of inputs and opt.Feeds as Extract does, in order of article
// id whatever opt.ByID says (the same articles give the same output whatever order the files or
// folders were given in), and writes what it extracts to w, buffered, in format (FactsJSONL or
// FactsNQuads, whose IRIs are under base). The Summary and errors are Extract's, or w's.
func WriteFacts(ctx context.Context, opt Options, inputs []string, w io.Writer, format, base string) (Summary, error) {
	bw := bufio.NewWriter(w)
	var write func(*extract.Result) error
	switch format {
	case FactsJSONL:
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		write = func(r *extract.Result) error {
			for i := range r.Facts {
				if err := enc.Encode(&r.Facts[i]); err != nil {
					return err
				}
			}
			return nil
		}
	case FactsNQuads:
		voc := schema.NewVocabulary(base)
		qw := nquads.NewWriter(bw)
		write = func(r *extract.Result) error {
			for _, q := range schema.ArticleQuadsAll(r.Article, r.Entities, r.Facts) {
				if err := qw.WriteQuad(export.RDFQuad(voc, q)); err != nil {
					return err
				}
			}
			return nil
		}
	default:
		return Summary{}, fmt.Errorf("build: unknown facts format %q (%s or %s)", format, FactsJSONL, FactsNQuads)
	}
	opt.ByID = true
	sum, err := Extract(ctx, opt, inputs, write)
	if err != nil {
		return sum, err
	}
	return sum, bw.Flush()
}
