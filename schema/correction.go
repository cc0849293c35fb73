package schema

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
)

// Corrections are what an analyst says the machine got wrong: a fact to reject, two entities
// that are one, an entity of another type or name. The graph keeps them as a layer of quads of
// their own (see CorrectionQuads) beside the articles' quads, and rewrites the articles' quads by
// them (package graph).

// The kinds of correction.
const (
	// CorrectReject takes one fact occurrence (a statement) out of the graph.
	CorrectReject = "reject"
	// CorrectMerge makes two entities one: the second's quads become the first's, its names
	// aliases.
	CorrectMerge = "merge"
	// CorrectRetype gives an entity another type.
	CorrectRetype = "retype"
	// CorrectRename gives an entity another name; the old one becomes an alias.
	CorrectRename = "rename"
)

// CorrectionKinds lists the kinds of correction in the order help shows them.
var CorrectionKinds = []string{CorrectReject, CorrectMerge, CorrectRetype, CorrectRename}

// The vocabulary of the correction layer: every quad of it has a correction node as subject.
// What the corrections are carries the label CorrectionsLabel; the undo record of a correction,
// the label of each quad it records (see RecordLabel). Targets are written as strings, not IRIs,
// so that a correction is no edge of the graph a Gizmo traversal could follow.
const (
	// CorrectionsLabel labels the quads that say which corrections there are.
	CorrectionsLabel = "corrections"
	// ClassCorrection is the class of a correction node.
	ClassCorrection = "Correction"
	// PropCorrectionKind is the kind of a correction (CorrectReject, ...).
	PropCorrectionKind = "correction_kind"
	// PropCorrectionTarget is the statement or entity corrected, as its short IRI.
	PropCorrectionTarget = "correction_target"
	// PropCorrectionValue is the correction's argument: for a merge the entity merged into the
	// target, for a retype the type label, for a rename the name.
	PropCorrectionValue = "correction_value"
	// PropCorrectionRemoved and PropCorrectionAdded hold, in a correction's undo record, one quad
	// the correction took out of the graph or put in, encoded as a string (package graph says
	// how).
	PropCorrectionRemoved = "correction_removed"
	PropCorrectionAdded   = "correction_added"
	// PropCorrectionApplied marks, in a correction's undo record, that the correction has been
	// applied to the quads the store held.
	PropCorrectionApplied = "correction_applied"
)

// Correction is one correction of the graph.
type Correction struct {
	// ID numbers the corrections of a store from 1 in the order they were made; corrections
	// apply in that order.
	ID int `json:"id"`
	// Kind is one of CorrectionKinds.
	Kind string `json:"kind"`
	// Target is the short IRI of the statement (reject) or entity (the others) corrected; for a
	// merge, the entity that stays.
	Target string `json:"target"`
	// Value is the entity merged into Target (merge), the type label (retype) or the new name
	// (rename); "" for a reject.
	Value string `json:"value,omitempty"`
}

// String returns the correction as the arguments of `newsgraph correct` that make it, the new
// name of a rename quoted.
func (c Correction) String() string {
	switch {
	case c.Value == "":
		return c.Kind + " " + c.Target
	case c.Kind == CorrectRename:
		return c.Kind + " " + c.Target + " " + strconv.Quote(c.Value)
	}
	return c.Kind + " " + c.Target + " " + c.Value
}

// Check reports what makes c malformed, whatever the store holds: an unknown kind, a missing
// target or value, a target of the wrong form, an unknown type.
func (c Correction) Check() error {
	switch c.Kind {
	case CorrectReject:
		if !strings.HasPrefix(c.Target, "stmt/") {
			return fmt.Errorf("%q is not a fact id (fact ids start with stmt/)", c.Target)
		}
		if c.Value != "" {
			return fmt.Errorf("reject %s takes no value, got %q", c.Target, c.Value)
		}
		return nil
	case CorrectMerge, CorrectRetype, CorrectRename:
	default:
		return fmt.Errorf("unknown kind of correction %q (one of %s)", c.Kind, strings.Join(CorrectionKinds, ", "))
	}
	if !IsEntityIRI(c.Target) {
		return fmt.Errorf("%q is not an entity id (such as person/maria-lopez)", c.Target)
	}
	switch c.Kind {
	case CorrectMerge:
		if !IsEntityIRI(c.Value) {
			return fmt.Errorf("%q is not an entity id (such as person/maria-lopez)", c.Value)
		}
		if c.Value == c.Target {
			return fmt.Errorf("merge %s with itself", c.Target)
		}
	case CorrectRetype:
		if _, ok := LookupType(c.Value); !ok {
			return fmt.Errorf("unknown entity type %q (one of %s)", c.Value, strings.Join(typeLabels(), ", "))
		}
	case CorrectRename:
		if strings.TrimSpace(c.Value) == "" {
			return fmt.Errorf("rename %s to an empty name", c.Target)
		}
	}
	return nil
}

// IsEntityIRI reports whether iri has the form of an entity's IRI (see EntityIRI) rather than an
// article's, a statement's, a correction's or a property's.
func IsEntityIRI(iri string) bool {
	slash := strings.IndexByte(iri, '/')
	if slash <= 0 || slash == len(iri)-1 {
		return false
	}
	for _, p := range []string{"article/", "stmt/", "correction/"} {
		if strings.HasPrefix(iri, p) {
			return false
		}
	}
	return true
}

// CorrectionIRI returns the IRI of the node of correction id.
func CorrectionIRI(id int) string { return "correction/" + strconv.Itoa(id) }

// RecordLabel returns the label of the quads of the undo record of correction id that record
// an unlabelled quad, and of the mark that it is applied. A record of a quad of an article
// carries the article's label, so that it goes with the article (graph.Store.Remove).
func RecordLabel(id int) quad.IRI { return quad.IRI(CorrectionIRI(id)) }

// IsCorrectionQuad reports whether q belongs to the correction layer: a correction or its undo
// record, whose subject is a correction node.
func IsCorrectionQuad(q quad.Quad) bool {
	iri, ok := q.Subject.(quad.IRI)
	return ok && strings.HasPrefix(string(iri), "correction/")
}

// CorrectionQuads returns the quads that say correction c, labelled CorrectionsLabel.
func CorrectionQuads(c Correction) []quad.Quad {
	n, l := quad.IRI(CorrectionIRI(c.ID)), quad.IRI(CorrectionsLabel)
	qs := []quad.Quad{
		quad.Make(n, quad.IRI(PropType), quad.IRI(ClassCorrection), l),
		quad.Make(n, quad.IRI(PropCorrectionKind), quad.String(c.Kind), l),
		quad.Make(n, quad.IRI(PropCorrectionTarget), quad.String(c.Target), l),
	}
	if c.Value != "" {
		qs = append(qs, quad.Make(n, quad.IRI(PropCorrectionValue), quad.String(c.Value), l))
	}
	return qs
}

// CorrectionsOf reads corrections back from quads written by CorrectionQuads (other quads are
// ignored), sorted by id. A correction node without a kind or a target is an error.
func CorrectionsOf(quads []quad.Quad) ([]Correction, error) {
	byID := map[int]*Correction{}
	for _, q := range quads {
		if q.Label != quad.IRI(CorrectionsLabel) {
			continue
		}
		s, _ := q.Subject.(quad.IRI)
		rest, ok := strings.CutPrefix(string(s), "correction/")
		if !ok {
			continue
		}
		id, err := strconv.Atoi(rest)
		if err != nil || id < 1 {
			return nil, fmt.Errorf("correction node %s: not correction/N with N a number from 1", s)
		}
		c := byID[id]
		if c == nil {
			c = &Correction{ID: id}
			byID[id] = c
		}
		p, _ := q.Predicate.(quad.IRI)
		switch p {
		case PropCorrectionKind:
			c.Kind = quad.ToString(q.Object)
		case PropCorrectionTarget:
			c.Target = quad.ToString(q.Object)
		case PropCorrectionValue:
			c.Value = quad.ToString(q.Object)
		}
	}
	out := make([]Correction, 0, len(byID))
	for _, c := range byID {
		if c.Kind == "" || c.Target == "" {
			return nil, fmt.Errorf("correction %d: no %s or no %s", c.ID, PropCorrectionKind, PropCorrectionTarget)
		}
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
