package graph

import (
	"context"
	"fmt"
	"runtime/debug"
	"slices"
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/schema"
)

// ArticleInfo is what the graph knows of one article, for showing where a fact comes from.
type ArticleInfo struct {
	ID     string `json:"id"`
	Title  string `json:"title,omitempty"`
	Source string `json:"source,omitempty"`
	Date   string `json:"date,omitempty"`
	URL    string `json:"url,omitempty"`
}

// Statement is one occurrence of a fact in one sentence of one article: the provenance of an
// edge of the entity graph.
type Statement struct {
	// ID is the statement node's short IRI.
	ID string `json:"id"`
	// Subject and Object are entity IRIs; Object is "" and Literal set when the object is text.
	Subject string `json:"subject"`
	// Predicate is the canonical predicate ("praised").
	Predicate string `json:"predicate"`
	Object    string `json:"object,omitempty"`
	Literal   string `json:"literal,omitempty"`
	// Relation is the words of the text ("hailed").
	Relation string `json:"relation"`
	// Evidence is the sentence.
	Evidence string `json:"evidence"`
	// RelationStart and RelationEnd are the byte offsets of the relation words inside Evidence,
	// from the first to the last; both -1 when they could not be found.
	RelationStart int `json:"relation_start"`
	RelationEnd   int `json:"relation_end"`
	// RelationSpans are the byte spans of the relation words inside Evidence, for highlighting
	// them and nothing else: "have criticised" in "have angrily criticised" is two spans.
	RelationSpans [][2]int `json:"relation_spans,omitempty"`
	// Sentence is the index of the sentence in the article.
	Sentence int `json:"sentence"`
	// Confidence is the extractor's belief, 0..1.
	Confidence float64 `json:"confidence"`
	// Negated, Modality and AttributedTo qualify statements the article does not assert.
	Negated      bool   `json:"negated,omitempty"`
	Modality     string `json:"modality,omitempty"`
	AttributedTo string `json:"attributed_to,omitempty"`
	// Open is set when Predicate is an open predicate, not a canonical one (schema.PropOpen).
	Open bool `json:"open,omitempty"`
	// Time is when the fact happened, when known (see schema.Time).
	Time *schema.Time `json:"time,omitempty"`
	// Article is the article the statement was read from.
	Article ArticleInfo `json:"article"`
}

// Asserted reports whether the article asserts the statement (not negated, not hypothetical or
// reported): only those make edges of the entity graph.
func (st *Statement) Asserted() bool { return !st.Negated && st.Modality == "" }

// Provenance returns every statement of the fact subject —predicate→ object (predicate "" for
// any predicate), asserted ones first, then by article, sentence and id; ErrNotFound when there
// is none.
func (s *Store) Provenance(ctx context.Context, subject, predicate, object string) (_ []Statement, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	var ids []string
	err = s.eachQuadWith(ctx, quad.Object, quad.IRI(subject), func(q quad.Quad) error {
		if iriOf(q.Predicate) == schema.PropSubject {
			ids = append(ids, iriOf(q.Subject))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("provenance of %s %s %s: %w", subject, predicate, object, err)
	}
	arts := map[string]*ArticleInfo{}
	var out []Statement
	for _, id := range ids {
		st, err := s.statement(ctx, id, arts)
		if err != nil {
			return nil, fmt.Errorf("provenance of %s %s %s: %w", subject, predicate, object, err)
		}
		if st == nil || st.Object != object || (predicate != "" && st.Predicate != predicate) {
			continue
		}
		out = append(out, *st)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("provenance of %s %s %s: %w", subject, predicate, object, ErrNotFound)
	}
	SortStatements(out)
	return out, nil
}

// SortStatements orders statements asserted first, then by article id, sentence and id.
func SortStatements(sts []Statement) {
	sort.Slice(sts, func(i, j int) bool {
		a, b := &sts[i], &sts[j]
		if a.Asserted() != b.Asserted() {
			return a.Asserted()
		}
		if a.Article.ID != b.Article.ID {
			return a.Article.ID < b.Article.ID
		}
		if a.Sentence != b.Sentence {
			return a.Sentence < b.Sentence
		}
		return a.ID < b.ID
	})
}

// Statements returns every statement in the store, sorted like Provenance's: what a
// self-contained export inlines. It is StatementsOf the whole store.
func (s *Store) Statements(ctx context.Context) ([]Statement, error) {
	return s.StatementsOf(ctx, "")
}

// StatementsOf returns every statement of one article, or with doc "" of the whole store:
// those with a literal object (what someone said) and those the article does not assert
// (negated, hypothetical, reported) included, sorted like Provenance's. It is the statements
// table of the exports.
func (s *Store) StatementsOf(ctx context.Context, doc string) (_ []Statement, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	var ids []string
	isStatement := func(q quad.Quad) error {
		if iriOf(q.Predicate) == schema.PropType && iriOf(q.Object) == schema.ClassStatement {
			ids = append(ids, iriOf(q.Subject))
		}
		return nil
	}
	if doc == "" {
		err = s.eachQuadWith(ctx, quad.Object, quad.IRI(schema.ClassStatement), isStatement)
	} else {
		err = s.EachQuad(ctx, doc, isStatement)
	}
	if err != nil {
		return nil, fmt.Errorf("read statements: %w", err)
	}
	sort.Strings(ids)
	ids = slices.Compact(ids)
	arts := map[string]*ArticleInfo{}
	out := make([]Statement, 0, len(ids))
	for _, id := range ids {
		st, err := s.statement(ctx, id, arts)
		if err != nil {
			return nil, fmt.Errorf("read statements: %w", err)
		}
		if st != nil {
			out = append(out, *st)
		}
	}
	SortStatements(out)
	return out, nil
}

// Articles returns every article of the store, sorted by id.
func (s *Store) Articles(ctx context.Context) (_ []ArticleInfo, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	var iris []string
	err = s.eachQuadWith(ctx, quad.Object, quad.IRI(schema.ClassArticle), func(q quad.Quad) error {
		if iriOf(q.Predicate) == schema.PropType {
			iris = append(iris, iriOf(q.Subject))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read articles: %w", err)
	}
	out := make([]ArticleInfo, 0, len(iris))
	for _, iri := range iris {
		a, err := s.article(ctx, iri, nil)
		if err != nil {
			return nil, fmt.Errorf("read articles: %w", err)
		}
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// statement reads one statement node; nil when it is not one. arts caches article nodes.
func (s *Store) statement(ctx context.Context, id string, arts map[string]*ArticleInfo) (*Statement, error) {
	st := &Statement{ID: id}
	isStmt := false
	var article string
	err := s.eachQuadOf(ctx, id, func(q quad.Quad) error {
		o := q.Object
		switch iriOf(q.Predicate) {
		case schema.PropType:
			isStmt = iriOf(o) == schema.ClassStatement
		case schema.PropSubject:
			st.Subject = iriOf(o)
		case schema.PropPredicate:
			st.Predicate = schema.PredicateName(iriOf(o))
		case schema.PropObject:
			if iri := iriOf(o); iri != "" {
				st.Object = iri
			} else {
				st.Literal = quad.ToString(o)
			}
		case schema.PropRelation:
			st.Relation = quad.ToString(o)
		case schema.PropEvidence:
			st.Evidence = quad.ToString(o)
		case schema.PropSentence:
			st.Sentence = intOf(o)
		case schema.PropConfidence:
			switch v := quad.NativeOf(o).(type) {
			case float64:
				st.Confidence = v
			case int64:
				st.Confidence = float64(v)
			}
		case schema.PropNegated:
			st.Negated, _ = quad.NativeOf(o).(bool)
		case schema.PropModality:
			st.Modality = quad.ToString(o)
		case schema.PropAttributedTo:
			st.AttributedTo = iriOf(o)
		case schema.PropOpen:
			st.Open, _ = quad.NativeOf(o).(bool)
		case schema.PropTime:
			timeOf(&st.Time).Value = literalText(o)
		case schema.PropTimeText:
			timeOf(&st.Time).Text = quad.ToString(o)
		case schema.PropTimeKind:
			timeOf(&st.Time).Kind = quad.ToString(o)
		case schema.PropArticle:
			article = iriOf(o)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if !isStmt {
		return nil, nil
	}
	st.RelationSpans = RelationSpans(st.Evidence, st.Relation)
	st.RelationStart, st.RelationEnd = -1, -1
	if n := len(st.RelationSpans); n > 0 {
		st.RelationStart, st.RelationEnd = st.RelationSpans[0][0], st.RelationSpans[n-1][1]
	}
	if article != "" {
		a, err := s.article(ctx, article, arts)
		if err != nil {
			return nil, err
		}
		st.Article = *a
	}
	return st, nil
}

// article reads one article node, through the cache when one is given.
func (s *Store) article(ctx context.Context, iri string, cache map[string]*ArticleInfo) (*ArticleInfo, error) {
	if a := cache[iri]; a != nil {
		return a, nil
	}
	a := &ArticleInfo{ID: schema.ArticleIDOf(iri)}
	err := s.eachQuadOf(ctx, iri, func(q quad.Quad) error {
		v := quad.ToString(q.Object)
		switch iriOf(q.Predicate) {
		case schema.PropID:
			a.ID = v
		case schema.PropTitle:
			a.Title = v
		case schema.PropSource:
			a.Source = v
		case schema.PropDate:
			a.Date = v
		case schema.PropURL:
			a.URL = v
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if cache != nil {
		cache[iri] = a
	}
	return a, nil
}

func intOf(v quad.Value) int {
	switch x := quad.NativeOf(v).(type) {
	case int64:
		return int(x)
	case int:
		return x
	case float64:
		return int(x)
	}
	return 0
}

// timeOf returns *t, allocating it first when nil.
func timeOf(t **schema.Time) *schema.Time {
	if *t == nil {
		*t = &schema.Time{}
	}
	return *t
}

// literalText returns the text of a literal: the value of a typed string (an xsd:date "2022-10-04"
// is 2022-10-04, not its N-Quads form), the string of anything else.
func literalText(v quad.Value) string {
	if ts, ok := v.(quad.TypedString); ok {
		return string(ts.Value)
	}
	return quad.ToString(v)
}
