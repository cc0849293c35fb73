package graph

import (
	"context"
	"fmt"
	"runtime/debug"
	"sort"

	"github.com/newsgraph/newsgraph/schema"
)

// EntityStatements are "who said what" of one entity: what it said, and what was said to it or
// about it. Its asserted facts with other entities (praised, based in) are the edges of the
// entity graph and are not repeated here; everything else it takes part in is: speech (said,
// told, claimed, asked, replied to...), facts whose object is text ("supported “the peace
// plan”"), and facts the article does not assert (negated, hypothetical, or reported as somebody's
// words).
type EntityStatements struct {
	// Entity is the entity's id.
	Entity string `json:"entity"`
	// By are the statements the entity made: those it is the subject of, and those reported as
	// its words (AttributedTo).
	By []Statement `json:"by"`
	// About are the others: the entity is their object (told, asked, replied to), or the
	// subject or object of what somebody else is reported to have said.
	About []Statement `json:"about"`
	// Nodes are the entities the statements name (subjects, objects, speakers), by id.
	Nodes []Node `json:"nodes"`
	// Truncated is set when statements were left out to respect the limit.
	Truncated bool `json:"truncated,omitempty"`
}

// IsEdge reports whether the statement is an asserted fact between two entities that is not a
// speech act: what the entity graph draws as an edge, as opposed to what somebody said.
func (st *Statement) IsEdge() bool {
	return st.Asserted() && st.Object != "" && st.Object != st.Subject && !schema.IsSpeechPredicate(st.Predicate)
}

// EntityStatements returns the statements of the entity id, newest first (by the start of their
// time, undated last; then by article, sentence and id), at most limit of By and of About (0:
// all). It returns ErrNotFound when id is not an entity of the store.
func (s *Store) EntityStatements(ctx context.Context, id string, limit int) (_ *EntityStatements, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	if _, err := s.Entity(ctx, id); err != nil {
		return nil, fmt.Errorf("statements: %w", err)
	}
	sts, err := s.statementsWith(ctx, id, map[string]bool{}, schema.PropSubject, schema.PropObject, schema.PropAttributedTo)
	if err != nil {
		return nil, fmt.Errorf("statements of %s: %w", id, err)
	}
	out := &EntityStatements{Entity: id, By: []Statement{}, About: []Statement{}, Nodes: []Node{}}
	for _, st := range sts {
		switch {
		case st.IsEdge():
		case st.AttributedTo == id || (st.Subject == id && st.AttributedTo == ""):
			out.By = append(out.By, st)
		default:
			out.About = append(out.About, st)
		}
	}
	for _, l := range []*[]Statement{&out.By, &out.About} {
		SortNewestFirst(*l)
		if limit > 0 && len(*l) > limit {
			*l = (*l)[:limit]
			out.Truncated = true
		}
	}
	ids := map[string]bool{}
	for _, st := range append(append([]Statement{}, out.By...), out.About...) {
		for _, e := range []string{st.Subject, st.Object, st.AttributedTo} {
			if e != "" {
				ids[e] = true
			}
		}
	}
	for _, e := range sortedKeys(ids) {
		n, err := s.nodeInfo(ctx, e)
		if err != nil {
			return nil, fmt.Errorf("statements of %s: %w", id, err)
		}
		if n != nil {
			out.Nodes = append(out.Nodes, *n)
		}
	}
	return out, nil
}

// SortNewestFirst orders statements by the start of their time, newest first and undated last,
// then by article id, sentence and id.
func SortNewestFirst(sts []Statement) {
	when := func(st *Statement) string {
		if st.Time == nil {
			return ""
		}
		return timeStart(st.Time.Value)
	}
	sort.SliceStable(sts, func(i, j int) bool {
		a, b := &sts[i], &sts[j]
		if ta, tb := when(a), when(b); ta != tb {
			return ta > tb
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
