package graph

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/cayleygraph/quad/pquads"

	"github.com/newsgraph/newsgraph/schema"
)

// Corrections: an analyst's fixes of what extraction got wrong (schema.Correction), kept in the
// store as a layer of quads of their own and applied by rewriting the articles' quads, so that
// Gizmo queries, exports and the explorer see the corrected graph without knowing of
// corrections. Applying one rewrites the quads it concerns and keeps an undo record of every
// quad it took out or put in; WriteArticles passes every article written later
// through the corrections, in their order, and adds to the records. Undoing a correction takes
// back the later ones, restores what the record says, and applies the later ones again, so the
// store is as if the correction had never been made.

// Errors of corrections.
var (
	// ErrBadCorrection wraps what makes a correction malformed whatever the store holds: an
	// unknown kind or type, a target of the wrong form (schema.Correction.Check).
	ErrBadCorrection = errors.New("bad correction")
	// ErrNoFact is returned when the fact to reject is not in the store.
	ErrNoFact = errors.New("no such fact in the store")
	// ErrNoEntity is returned when an entity to correct is not in the store.
	ErrNoEntity = errors.New("no such entity in the store")
	// ErrNoCorrection is returned by UndoCorrection for an id the store has no correction of.
	ErrNoCorrection = errors.New("no such correction")
	// ErrCorrected is returned when the store says already what a correction would make it say.
	ErrCorrected = errors.New("nothing to correct")
	// ErrCorrectionQuads is returned by WriteArticles for quads of the correction layer, which
	// only ImportCorrections adds.
	ErrCorrectionQuads = errors.New("quads of the correction layer are not articles: add corrections with `newsgraph correct apply`")
)

// Corrected says what a correction, or its undo, did to the articles' quads (the quads of the
// correction layer are not counted).
type Corrected struct {
	schema.Correction
	// Removed and Added count the quads taken out of the graph and put in.
	Removed, Added int
}

// Corrections returns the store's corrections, by id.
func (s *Store) Corrections(ctx context.Context) (_ []schema.Correction, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	return s.corrections(ctx)
}

func (s *Store) corrections(ctx context.Context) ([]schema.Correction, error) {
	var qs []quad.Quad
	err := s.eachQuadWith(ctx, quad.Label, quad.IRI(schema.CorrectionsLabel), func(q quad.Quad) error {
		qs = append(qs, q)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read corrections: %w", err)
	}
	cs, err := schema.CorrectionsOf(qs)
	if err != nil {
		return nil, fmt.Errorf("read corrections: %w", err)
	}
	return cs, nil
}

// Correct checks correction c against the store, numbers it after the store's last one and
// applies it (see applyCorrection). Its Target and Value may be written as in Gizmo (<person/x>),
// and a type by label, class or slug (schema.LookupType). An error wraps ErrBadCorrection,
// ErrNoFact, ErrNoEntity or ErrCorrected and names what is wrong.
func (s *Store) Correct(ctx context.Context, c schema.Correction) (_ *Corrected, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	if s.readOnly {
		return nil, ErrReadOnly
	}
	c = tidy(c)
	if err := c.Check(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadCorrection, err)
	}
	cs, err := s.applyPending(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.checkTarget(ctx, c, cs); err != nil {
		return nil, err
	}
	c.ID = nextCorrectionID(cs)
	return s.applyCorrection(ctx, c, true)
}

// ImportCorrections adds corrections made elsewhere (schema.CorrectionsOf of another store's
// `correct list --format nquads`), in their order, numbered after the store's own. A correction
// the store has already (same kind, target and value) is left out; one whose target the store
// does not hold is kept all the same, with nothing removed or added, and applies to the articles
// that bring its target later. It returns what each added correction did.
func (s *Store) ImportCorrections(ctx context.Context, cs []schema.Correction) (_ []Corrected, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	if s.readOnly {
		return nil, ErrReadOnly
	}
	for i := range cs {
		cs[i] = tidy(cs[i])
		if err := cs[i].Check(); err != nil {
			return nil, fmt.Errorf("%w: correction %d of %d: %w", ErrBadCorrection, i+1, len(cs), err)
		}
	}
	have, err := s.applyPending(ctx)
	if err != nil {
		return nil, err
	}
	var out []Corrected
	for _, c := range cs {
		if sameCorrection(have, c) != nil {
			continue
		}
		c.ID = nextCorrectionID(have)
		res, err := s.applyCorrection(ctx, c, true)
		if err != nil {
			return out, err
		}
		have = append(have, c)
		out = append(out, *res)
	}
	return out, nil
}

// UndoCorrection takes correction id back: the store is as it would be had the correction never
// been made, the later corrections applied. An unknown id is an error wrapping ErrNoCorrection.
//
// It takes several transactions: the later corrections are taken back one at a time, then this
// one, then the later ones are applied again. A correction taken back and not yet applied again
// (an interrupted undo) is applied by the next Correct, ImportCorrections or UndoCorrection.
func (s *Store) UndoCorrection(ctx context.Context, id int) (_ *Corrected, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	if s.readOnly {
		return nil, ErrReadOnly
	}
	cs, err := s.applyPending(ctx)
	if err != nil {
		return nil, err
	}
	at := sort.Search(len(cs), func(i int) bool { return cs[i].ID >= id })
	if at == len(cs) || cs[at].ID != id {
		ids := make([]string, len(cs))
		for i, c := range cs {
			ids[i] = strconv.Itoa(c.ID)
		}
		have := "none"
		if len(ids) > 0 {
			have = strings.Join(ids, ", ")
		}
		return nil, fmt.Errorf("%w: %d (the store has %s)", ErrNoCorrection, id, have)
	}
	for i := len(cs) - 1; i > at; i-- {
		if _, err := s.revert(ctx, cs[i], true); err != nil {
			return nil, err
		}
	}
	res, err := s.revert(ctx, cs[at], false)
	if err != nil {
		return nil, err
	}
	if _, err := s.applyPending(ctx); err != nil {
		return nil, err
	}
	return res, nil
}

// WriteCorrections writes corrections as N-Quads, the quads of the correction layer that say
// them (schema.CorrectionQuads), for ReadCorrections.
func WriteCorrections(w io.Writer, cs []schema.Correction) error {
	nw := nquads.NewWriter(w)
	for _, c := range cs {
		if _, err := nw.WriteQuads(schema.CorrectionQuads(c)); err != nil {
			return err
		}
	}
	return nw.Close()
}

// ReadCorrections reads corrections written by WriteCorrections.
func ReadCorrections(r io.Reader) ([]schema.Correction, error) {
	nr := nquads.NewReader(r, false)
	var qs []quad.Quad
	for {
		q, err := nr.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("quad %d: %w", len(qs)+1, err)
		}
		qs = append(qs, q)
	}
	cs, err := schema.CorrectionsOf(qs)
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 && len(qs) > 0 {
		return nil, fmt.Errorf("%d quads and no correction among them (corrections are quads labelled <%s>)", len(qs), schema.CorrectionsLabel)
	}
	return cs, nil
}

// tidy returns c with IRIs without angle brackets, spaces trimmed and a type given by its label.
func tidy(c schema.Correction) schema.Correction {
	bare := func(s string) string {
		s = strings.TrimSpace(s)
		if len(s) > 2 && s[0] == '<' && s[len(s)-1] == '>' {
			s = s[1 : len(s)-1]
		}
		return s
	}
	c.Kind = strings.ToLower(strings.TrimSpace(c.Kind))
	c.Target = bare(c.Target)
	switch c.Kind {
	case schema.CorrectMerge:
		c.Value = bare(c.Value)
	case schema.CorrectRetype:
		if t, ok := schema.LookupType(strings.TrimSpace(c.Value)); ok {
			c.Value = t.Label
		}
	case schema.CorrectRename:
		c.Value = strings.TrimSpace(c.Value)
	}
	return c
}

// nextCorrectionID returns the id after the largest of cs.
func nextCorrectionID(cs []schema.Correction) int {
	n := 0
	for _, c := range cs {
		n = max(n, c.ID)
	}
	return n + 1
}

// sameCorrection returns the correction of cs that says what c says, or nil.
func sameCorrection(cs []schema.Correction, c schema.Correction) *schema.Correction {
	for i := range cs {
		if cs[i].Kind == c.Kind && cs[i].Target == c.Target && cs[i].Value == c.Value {
			return &cs[i]
		}
	}
	return nil
}

// checkTarget reports what in the store stops correction c: a fact or entity it does not hold,
// or a correction that says the same already (cs are the store's corrections).
func (s *Store) checkTarget(ctx context.Context, c schema.Correction, cs []schema.Correction) error {
	if d := sameCorrection(cs, c); d != nil {
		return fmt.Errorf("%w: correction %d says %s already", ErrCorrected, d.ID, c)
	}
	if c.Kind == schema.CorrectReject {
		typ, err := s.firstOut(ctx, quad.IRI(c.Target), schema.PropType)
		if err != nil {
			return fmt.Errorf("look up fact %s: %w", c.Target, err)
		}
		if iriOf(typ) != schema.ClassStatement {
			return fmt.Errorf("%w: %s (fact ids are the stmt/… ids of statements, as the explorer and queries show them)", ErrNoFact, c.Target)
		}
		return nil
	}
	ids := []string{c.Target}
	if c.Kind == schema.CorrectMerge {
		ids = append(ids, c.Value)
	}
	var n *Node
	for i, id := range ids {
		node, err := s.nodeInfo(ctx, id)
		if err != nil {
			return fmt.Errorf("look up entity %s: %w", id, err)
		}
		if node == nil {
			return s.unknownEntity(ctx, id, cs)
		}
		if i == 0 {
			n = node
		}
	}
	switch c.Kind {
	case schema.CorrectRetype:
		if n.Type == c.Value {
			return fmt.Errorf("%w: %s is of type %s already", ErrCorrected, c.Target, c.Value)
		}
	case schema.CorrectRename:
		if n.Name == c.Value {
			return fmt.Errorf("%w: %s is named %q already", ErrCorrected, c.Target, c.Value)
		}
	}
	return nil
}

// unknownEntity returns the error of an entity id the store does not hold, saying where it went
// when a merge took it, or which entities have names like it.
func (s *Store) unknownEntity(ctx context.Context, id string, cs []schema.Correction) error {
	for i := len(cs) - 1; i >= 0; i-- {
		if cs[i].Kind == schema.CorrectMerge && cs[i].Value == id {
			return fmt.Errorf("%w: %s (correction %d merged it into %s)", ErrNoEntity, id, cs[i].ID, cs[i].Target)
		}
	}
	var like []string
	seen := map[string]bool{}
	for _, w := range strings.Split(id[strings.LastIndexByte(id, '/')+1:], "-") {
		if len(w) < 3 || len(like) == 3 {
			continue
		}
		hits, err := s.Search(ctx, w, 3)
		if err != nil {
			break
		}
		for _, h := range hits {
			if !seen[h.ID] && len(like) < 3 {
				seen[h.ID] = true
				like = append(like, fmt.Sprintf("%s (%s)", h.ID, h.Name))
			}
		}
	}
	if len(like) == 0 {
		return fmt.Errorf("%w: %s", ErrNoEntity, id)
	}
	return fmt.Errorf("%w: %s (did you mean %s?)", ErrNoEntity, id, strings.Join(like, " or "))
}

// applyPending applies, in order, the corrections the store holds that are not applied (an
// interrupted UndoCorrection leaves some), and returns all of them.
func (s *Store) applyPending(ctx context.Context) ([]schema.Correction, error) {
	cs, err := s.corrections(ctx)
	if err != nil || len(cs) == 0 {
		return cs, err
	}
	applied := map[string]bool{}
	err = s.eachQuadWith(ctx, quad.Predicate, quad.IRI(schema.PropCorrectionApplied), func(q quad.Quad) error {
		applied[iriOf(q.Subject)] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read corrections: %w", err)
	}
	for _, c := range cs {
		if !applied[schema.CorrectionIRI(c.ID)] {
			if _, err := s.applyCorrection(ctx, c, false); err != nil {
				return nil, err
			}
		}
	}
	return cs, nil
}

// applyCorrection rewrites the stored quads c concerns, records what it took out and put in,
// and marks it applied; with define, it adds the quads that say c too. It takes two
// transactions (see applyDeltas): the first adds the new quads, the record and c, the second
// deletes the old quads and marks c applied. Between them the store holds c not applied, which
// applyPending completes.
func (s *Store) applyCorrection(ctx context.Context, c schema.Correction, define bool) (*Corrected, error) {
	in, err := s.concerned(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("correction %d (%s): %w", c.ID, c, err)
	}
	out, err := s.rewrite(ctx, c, in)
	if err != nil {
		return nil, fmt.Errorf("correction %d (%s): %w", c.ID, c, err)
	}
	removed, added := quadsDiff(in, out)
	if added, err = s.absent(ctx, added); err != nil {
		return nil, fmt.Errorf("correction %d (%s): %w", c.ID, c, err)
	}
	adds, err := recordQuads(c.ID, removed, added)
	if err != nil {
		return nil, fmt.Errorf("correction %d (%s): %w", c.ID, c, err)
	}
	if define {
		adds = append(adds, schema.CorrectionQuads(c)...)
	}
	// A write since the correction was taken back may have recorded some of it already.
	if adds, err = s.absent(ctx, adds); err != nil {
		return nil, fmt.Errorf("correction %d (%s): %w", c.ID, c, err)
	}
	if err := s.applyDeltas(ctx, nil, append(added, adds...)); err != nil {
		return nil, fmt.Errorf("correction %d (%s): %w", c.ID, c, err)
	}
	if err := s.applyDeltas(ctx, removed, []quad.Quad{appliedMark(c.ID)}); err != nil {
		return nil, fmt.Errorf("correction %d (%s): %w", c.ID, c, err)
	}
	return &Corrected{Correction: c, Removed: len(removed), Added: len(added)}, nil
}

// revert takes correction c back: it deletes what c added and the store still holds, restores
// what c removed and is still wanted, and deletes c's undo record and, unless keep, c itself. A
// kept correction is left not applied (see applyPending). It takes two transactions (see
// applyDeltas): the first restores and marks c not applied, the second deletes; between them the
// store holds c not applied, which applyPending would apply again.
//
// A removed quad of an article is restored whenever its record is there: the record carries
// the article's label and goes with it (Remove). A removed quad without a label (an entity's
// name, type or alias) is restored only when a quad of an article still uses its entity.
func (s *Store) revert(ctx context.Context, c schema.Correction, keep bool) (*Corrected, error) {
	fail := func(err error) (*Corrected, error) {
		return nil, fmt.Errorf("undo correction %d (%s): %w", c.ID, c, err)
	}
	var layer, mark, removed, added []quad.Quad
	err := s.eachQuadOf(ctx, schema.CorrectionIRI(c.ID), func(q quad.Quad) error {
		if q == appliedMark(c.ID) {
			mark = append(mark, q)
			return nil
		}
		if keep && q.Label == quad.IRI(schema.CorrectionsLabel) {
			return nil
		}
		layer = append(layer, q)
		p := iriOf(q.Predicate)
		if p != schema.PropCorrectionRemoved && p != schema.PropCorrectionAdded {
			return nil
		}
		rq, err := decodeQuad(quad.ToString(q.Object))
		if err != nil {
			return fmt.Errorf("undo record %s: %w", q.Object, err)
		}
		if p == schema.PropCorrectionRemoved {
			removed = append(removed, rq)
		} else {
			added = append(added, rq)
		}
		return nil
	})
	if err != nil {
		return fail(err)
	}
	removed, added = distinctQuads(removed), distinctQuads(added)
	wasRemoved := quadSet(removed)
	var drop []quad.Quad
	for _, q := range added {
		if !wasRemoved[q] {
			drop = append(drop, q)
		}
	}
	if drop, err = s.present(ctx, drop); err != nil {
		return fail(err)
	}
	restore, err := s.absent(ctx, removed)
	if err != nil {
		return fail(err)
	}
	dropped := quadSet(drop)
	used := map[quad.Value]bool{}
	for _, q := range restore {
		if q.Label != nil {
			used[q.Subject], used[q.Object] = true, true
		}
	}
	kept := restore[:0]
	for _, q := range restore {
		if q.Label == nil && !used[q.Subject] {
			iri, ok := q.Subject.(quad.IRI)
			if !ok {
				continue
			}
			inUse, err := s.usedElsewhere(ctx, iri, dropped)
			if err != nil {
				return fail(err)
			}
			if !inUse {
				continue
			}
			used[q.Subject] = true
		}
		kept = append(kept, q)
	}
	if err := s.applyDeltas(ctx, mark, kept); err != nil {
		return fail(err)
	}
	if err := s.applyDeltas(ctx, append(drop, layer...), nil); err != nil {
		return fail(err)
	}
	return &Corrected{Correction: c, Removed: len(drop), Added: len(kept)}, nil
}

// appliedMark returns the quad that marks correction id applied. Its object is a class no
// article's quad uses, so that applyDeltas may add it beside deletions of articles' quads.
func appliedMark(id int) quad.Quad {
	return quad.Make(quad.IRI(schema.CorrectionIRI(id)), quad.IRI(schema.PropCorrectionApplied), quad.IRI(schema.ClassCorrection), schema.RecordLabel(id))
}

// applyDeltas deletes del and adds add in one transaction, all of them or none: del must be
// stored, add not, and neither may hold a quad twice.
//
// Cayley's key-value store (v0.7.7, bolt) stores an added quad without the node of a direction
// when the same transaction takes more quads of that node away than it adds: it looks nodes
// up only among those it counts up. Callers add quads beside deletions only when no node of an
// added quad can be one of those (the corrections delete and add in separate transactions).
func (s *Store) applyDeltas(ctx context.Context, del, add []quad.Quad) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	deltas := make([]cgraph.Delta, 0, len(del)+len(add))
	for _, q := range del {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
	}
	for _, q := range add {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	if len(deltas) == 0 {
		return nil
	}
	s.written.forget()
	return s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{})
}

// concerned returns the stored quads correction c may rewrite: every quad of the article of
// the fact to reject, or of the entity to correct (for a merge, of the entity merged away).
func (s *Store) concerned(ctx context.Context, c schema.Correction) ([]quad.Quad, error) {
	var qs []quad.Quad
	collect := func(q quad.Quad) error {
		qs = append(qs, q)
		return nil
	}
	switch c.Kind {
	case schema.CorrectReject:
		var label quad.Value
		err := s.eachQuadOf(ctx, c.Target, func(q quad.Quad) error {
			label = q.Label
			return errStop
		})
		if err != nil && !errors.Is(err, errStop) {
			return nil, err
		}
		if label == nil {
			return nil, nil
		}
		if err := s.eachQuadWith(ctx, quad.Label, label, collect); err != nil {
			return nil, err
		}
	case schema.CorrectMerge:
		for _, d := range []quad.Direction{quad.Subject, quad.Object} {
			if err := s.eachQuadWith(ctx, d, quad.IRI(c.Value), collect); err != nil {
				return nil, err
			}
		}
	default:
		if err := s.eachQuadOf(ctx, c.Target, collect); err != nil {
			return nil, err
		}
	}
	return distinctQuads(qs), nil
}

// rewrite returns what the quads qs become under correction c, each once; the quads c does
// not concern come through unchanged.
//
//   - reject: the statement's quads go, and its direct fact edge unless another statement of
//     the same article asserts the same edge (in qs or in the store);
//   - merge: the entity merged away becomes the target everywhere; its type goes, its names
//     and aliases become the target's aliases (but for the target's own name); a target the
//     store and qs give no name or type (its articles are not written yet, or removed) takes
//     those of the entity merged away, so that it stays an entity with a name;
//   - retype: the entity's type becomes the new one;
//   - rename: the entity's name becomes the new one, the old one an alias.
func (s *Store) rewrite(ctx context.Context, c schema.Correction, qs []quad.Quad) ([]quad.Quad, error) {
	if c.Kind == schema.CorrectReject {
		return s.rejectIn(ctx, quad.IRI(c.Target), qs)
	}
	e := quad.IRI(c.Target)
	alias := quad.IRI(schema.PropAlias)
	out := make([]quad.Quad, 0, len(qs))
	var into *survivor // the target of a merge, read when needed
	for _, q := range qs {
		switch c.Kind {
		case schema.CorrectMerge:
			gone := quad.IRI(c.Value)
			if q.Subject == gone && q.Label == nil {
				if into == nil {
					var err error
					if into, err = s.survivorOf(ctx, e, qs); err != nil {
						return nil, err
					}
				}
				switch p, v := iriOf(q.Predicate), quad.ToString(q.Object); {
				case p == schema.PropType && !into.typed:
					into.typed = true
					out = append(out, quad.Make(e, q.Predicate, q.Object, nil))
				case p == schema.PropType:
				case p == schema.PropName && len(into.names) == 0:
					into.names[v] = true
					out = append(out, quad.Make(e, q.Predicate, q.Object, nil))
				case p == schema.PropName || p == schema.PropAlias:
					if !into.names[v] {
						out = append(out, quad.Make(e, alias, q.Object, nil))
					}
				default:
					out = append(out, quad.Make(e, q.Predicate, q.Object, nil))
				}
				continue
			}
			if q.Subject == gone {
				q.Subject = e
			}
			if q.Object == gone {
				q.Object = e
			}
		case schema.CorrectRetype:
			if q.Subject == e && q.Label == nil && iriOf(q.Predicate) == schema.PropType {
				if _, ok := schema.TypeOfClass(iriOf(q.Object)); ok {
					t, _ := schema.LookupType(c.Value)
					q.Object = quad.IRI(t.Class)
				}
			}
		case schema.CorrectRename:
			if q.Subject == e && q.Label == nil {
				switch iriOf(q.Predicate) {
				case schema.PropName:
					out = append(out, quad.Make(e, q.Predicate, quad.String(c.Value), nil))
					if quad.ToString(q.Object) != c.Value {
						out = append(out, quad.Make(e, alias, q.Object, nil))
					}
					continue
				case schema.PropAlias:
					if quad.ToString(q.Object) == c.Value {
						continue
					}
				}
			}
		}
		out = append(out, q)
	}
	return distinctQuads(out), nil
}

// survivor is what the store and the quads being rewritten say of the entity a merge keeps.
type survivor struct {
	names map[string]bool
	typed bool
}

// survivorOf reads the names of entity e, and whether it has a type, from the store and qs.
func (s *Store) survivorOf(ctx context.Context, e quad.IRI, qs []quad.Quad) (*survivor, error) {
	sv := &survivor{names: map[string]bool{}}
	add := func(q quad.Quad) error {
		if q.Subject != e || q.Label != nil {
			return nil
		}
		switch iriOf(q.Predicate) {
		case schema.PropName:
			sv.names[quad.ToString(q.Object)] = true
		case schema.PropType:
			sv.typed = true
		}
		return nil
	}
	for _, q := range qs {
		add(q)
	}
	if err := s.eachQuadOf(ctx, string(e), add); err != nil {
		return nil, fmt.Errorf("read entity %s: %w", e, err)
	}
	return sv, nil
}

// stmtFacts is what a statement's quads say of its fact.
type stmtFacts struct {
	s, p, o, label quad.Value
	notAsserted    bool
}

// read takes in one quad of the statement.
func (f *stmtFacts) read(q quad.Quad) {
	f.label = q.Label
	switch iriOf(q.Predicate) {
	case schema.PropSubject:
		f.s = q.Object
	case schema.PropPredicate:
		f.p = q.Object
	case schema.PropObject:
		f.o = q.Object
	case schema.PropNegated, schema.PropModality:
		f.notAsserted = true
	}
}

// edge returns the direct fact edge of the statement, and whether it has one.
func (f *stmtFacts) edge() (quad.Quad, bool) {
	if f.notAsserted || f.s == nil || f.p == nil || f.o == nil {
		return quad.Quad{}, false
	}
	return quad.Quad{Subject: f.s, Predicate: f.p, Object: f.o, Label: f.label}, true
}

// rejectIn returns qs without the quads of statement st, and without its direct fact edge when
// no other statement of its article, in qs or in the store, asserts that edge.
func (s *Store) rejectIn(ctx context.Context, st quad.IRI, qs []quad.Quad) ([]quad.Quad, error) {
	var f stmtFacts
	found := false
	out := make([]quad.Quad, 0, len(qs))
	for _, q := range qs {
		if q.Subject == st {
			f.read(q)
			found = true
			continue
		}
		out = append(out, q)
	}
	edge, ok := f.edge()
	if !found || !ok {
		return out, nil
	}
	other, err := s.assertedElsewhere(ctx, edge, st, out)
	if err != nil || other {
		return out, err
	}
	kept := out[:0]
	for _, q := range out {
		if q != edge {
			kept = append(kept, q)
		}
	}
	return kept, nil
}

// assertedElsewhere reports whether a statement other than st, in qs or in the store, asserts
// edge (with edge's label).
func (s *Store) assertedElsewhere(ctx context.Context, edge quad.Quad, st quad.IRI, qs []quad.Quad) (bool, error) {
	inQs := map[quad.Value]*stmtFacts{}
	for _, q := range qs {
		if sid := iriOf(q.Subject); strings.HasPrefix(sid, "stmt/") && q.Subject != st {
			f := inQs[q.Subject]
			if f == nil {
				f = &stmtFacts{}
				inQs[q.Subject] = f
			}
			f.read(q)
		}
	}
	for _, f := range inQs {
		if e, ok := f.edge(); ok && e == edge {
			return true, nil
		}
	}
	var ids []quad.Value
	err := s.eachQuadWith(ctx, quad.Object, edge.Subject, func(q quad.Quad) error {
		if q.Label == edge.Label && q.Subject != st && iriOf(q.Predicate) == schema.PropSubject && inQs[q.Subject] == nil {
			ids = append(ids, q.Subject)
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("read statements of %s: %w", edge.Subject, err)
	}
	for _, id := range ids {
		var f stmtFacts
		if err := s.eachQuadOf(ctx, iriOf(id), func(q quad.Quad) error {
			f.read(q)
			return nil
		}); err != nil {
			return false, fmt.Errorf("read statement %s: %w", id, err)
		}
		if e, ok := f.edge(); ok && e == edge {
			return true, nil
		}
	}
	return false, nil
}

// correctArticles passes the quads of articles about to be written through the store's
// corrections, in order, and returns them with the undo records of what the corrections changed
// as one more slice. An article none of the corrections concerns comes through as it is.
func (s *Store) correctArticles(ctx context.Context, articles [][]quad.Quad) ([][]quad.Quad, error) {
	for i, a := range articles {
		for _, q := range a {
			if schema.IsCorrectionQuad(q) {
				return nil, fmt.Errorf("article %d of %d: %v: %w", i+1, len(articles), q, ErrCorrectionQuads)
			}
		}
	}
	cs, err := s.corrections(ctx)
	if err != nil || len(cs) == 0 {
		return articles, err
	}
	keys := map[quad.Value]bool{}
	for _, c := range cs {
		keys[quad.IRI(c.Target)] = true
		if c.Kind == schema.CorrectMerge {
			keys[quad.IRI(c.Value)] = true
		}
	}
	out := make([][]quad.Quad, 0, len(articles)+1)
	var records []quad.Quad
	for _, a := range articles {
		concerned := false
		for _, q := range a {
			if keys[q.Subject] || keys[q.Object] {
				concerned = true
				break
			}
		}
		if !concerned {
			out = append(out, a)
			continue
		}
		for _, c := range cs {
			next, err := s.rewrite(ctx, c, a)
			if err != nil {
				return nil, fmt.Errorf("correction %d (%s): %w", c.ID, c, err)
			}
			removed, added := quadsDiff(a, next)
			if len(removed)+len(added) == 0 {
				continue
			}
			if added, err = s.absent(ctx, added); err != nil {
				return nil, fmt.Errorf("correction %d (%s): %w", c.ID, c, err)
			}
			rec, err := recordQuads(c.ID, removed, added)
			if err != nil {
				return nil, fmt.Errorf("correction %d (%s): %w", c.ID, c, err)
			}
			records = append(records, rec...)
			a = next
		}
		out = append(out, a)
	}
	if len(records) > 0 {
		out = append(out, records)
	}
	return out, nil
}

// recordQuads returns the undo record of correction id for the quads it removed and added.
// Each recorded quad carries the label of the quad it records, or for an unlabelled quad
// schema.RecordLabel(id): the record of an article's quads goes when the article does.
func recordQuads(id int, removed, added []quad.Quad) ([]quad.Quad, error) {
	node := quad.IRI(schema.CorrectionIRI(id))
	out := make([]quad.Quad, 0, len(removed)+len(added))
	for _, part := range []struct {
		prop  string
		quads []quad.Quad
	}{{schema.PropCorrectionRemoved, removed}, {schema.PropCorrectionAdded, added}} {
		for _, q := range part.quads {
			enc, err := encodeQuad(q)
			if err != nil {
				return nil, err
			}
			label := q.Label
			if label == nil {
				label = schema.RecordLabel(id)
			}
			out = append(out, quad.Make(node, quad.IRI(part.prop), quad.String(enc), label))
		}
	}
	return out, nil
}

// encodeQuad writes q as a string that decodeQuad reads back to the same values (integers,
// floats and booleans included): its protocol buffer (package pquads), in base64.
func encodeQuad(q quad.Quad) (string, error) {
	b, err := pquads.MakeQuad(q).Marshal()
	if err != nil {
		return "", fmt.Errorf("encode %v: %w", q, err)
	}
	return base64.StdEncoding.EncodeToString(b), nil
}

// decodeQuad is the inverse of encodeQuad.
func decodeQuad(s string) (quad.Quad, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return quad.Quad{}, err
	}
	var pq pquads.Quad
	if err := pq.Unmarshal(b); err != nil {
		return quad.Quad{}, err
	}
	q := pq.ToNative()
	if !q.IsValid() {
		return quad.Quad{}, fmt.Errorf("incomplete quad %v", q)
	}
	return q, nil
}

// absent returns the quads of qs the store does not hold, and present those it holds. Each
// looks a quad up among the quads of its subject, reading each subject once.
func (s *Store) absent(ctx context.Context, qs []quad.Quad) ([]quad.Quad, error) {
	return s.stored(ctx, qs, false)
}

func (s *Store) present(ctx context.Context, qs []quad.Quad) ([]quad.Quad, error) {
	return s.stored(ctx, qs, true)
}

// stored returns the quads of qs that the store holds (want) or does not hold (!want).
func (s *Store) stored(ctx context.Context, qs []quad.Quad, want bool) ([]quad.Quad, error) {
	bySubject := map[quad.Value]map[quad.Quad]bool{}
	var out []quad.Quad
	for _, q := range qs {
		have := bySubject[q.Subject]
		if have == nil {
			have = map[quad.Quad]bool{}
			if err := s.eachQuadWith(ctx, quad.Subject, q.Subject, func(sq quad.Quad) error {
				have[sq] = true
				return nil
			}); err != nil {
				return nil, fmt.Errorf("read quads of %s: %w", q.Subject, err)
			}
			bySubject[q.Subject] = have
		}
		if have[q] == want {
			out = append(out, q)
		}
	}
	return out, nil
}

// quadsDiff returns the quads of in that out lacks, and those of out that in lacks.
func quadsDiff(in, out []quad.Quad) (removed, added []quad.Quad) {
	inSet, outSet := quadSet(in), quadSet(out)
	for _, q := range in {
		if !outSet[q] {
			removed = append(removed, q)
		}
	}
	for _, q := range out {
		if !inSet[q] {
			added = append(added, q)
		}
	}
	return distinctQuads(removed), distinctQuads(added)
}

// quadSet returns the quads of qs as a set.
func quadSet(qs []quad.Quad) map[quad.Quad]bool {
	m := make(map[quad.Quad]bool, len(qs))
	for _, q := range qs {
		m[q] = true
	}
	return m
}

// distinctQuads returns qs without repeats, in their first order.
func distinctQuads(qs []quad.Quad) []quad.Quad {
	seen := make(map[quad.Quad]bool, len(qs))
	out := qs[:0:0]
	for _, q := range qs {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}
