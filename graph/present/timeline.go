package present

import (
	"context"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// maxTimelineLiteral is how much of a literal object a timeline line shows.
const maxTimelineLiteral = 60

// Names returns a function that gives an entity's name in st (its IRI when it has none or the
// store cannot say), asking the store once for each entity.
func Names(ctx context.Context, st *graph.Store) func(iri string) string {
	names := map[string]string{}
	return func(iri string) string {
		if n, ok := names[iri]; ok {
			return n
		}
		n := iri
		if node, err := st.Entity(ctx, iri); err == nil && node.Name != "" {
			n = node.Name
		}
		names[iri] = n
		return n
	}
}

// WriteTimeline prints dated statements a line each, in the order given: the date, how it was
// found (the words of the article, or the kind of date), the fact with its entities named by
// name (why it is not asserted, if it is not) and its source article and sentence. Long literal
// objects are cut at 60 characters.
func WriteTimeline(w io.Writer, sts []graph.Statement, name func(iri string) string) error {
	tw := newTable(w)
	for _, s := range sts {
		obj := s.Literal
		if s.Object != "" {
			obj = name(s.Object)
		} else if len([]rune(obj)) > maxTimelineLiteral {
			obj = string([]rune(obj)[:maxTimelineLiteral]) + "…"
		}
		fact := name(s.Subject) + " " + s.Predicate + " " + obj
		if !s.Asserted() {
			fact += " (" + qualifier(s, name) + ")"
		}
		when := s.Time.Kind
		if s.Time.Kind != schema.TimeReported {
			when = fmt.Sprintf("%q", s.Time.Text)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s#%d\n", s.Time.Value, when, fact, s.Article.ID, s.Sentence)
	}
	return tw.Flush()
}

// qualifier says why a statement is not asserted; name gives an entity's name.
func qualifier(s graph.Statement, name func(string) string) string {
	switch {
	case s.Negated:
		return "negated"
	case s.Modality == schema.ModalityReported && s.AttributedTo != "":
		return "reported by " + name(s.AttributedTo)
	default:
		return s.Modality
	}
}
