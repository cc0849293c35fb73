// Package eval scores extracted facts against a gold folder (entities.json and facts.jsonl, as in
// ../shared/eval/seeds-gold): core, overall, entity-fact and literal-fact recall, per-class
// counts, entity-pair precision and how predicted entity ids fragment or over-merge the gold
// entities. It is a faithful port of the reference scorer score_kg.py — the same name
// normalisation, lemmatiser, predicate classes and matching rules, the same report with the same
// keys and rounding — so that `newsgraph eval` and the script give the same figures.
//
// It scores and does nothing else: it extracts nothing (the caller passes facts, read from a
// file or produced by package extract), must not import package graph, and writes nothing but
// the report it is asked for.
package eval

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Report is the result of scoring, with the keys and rounding of score_kg.py's report.
type Report struct {
	// PredictedFacts is the number of predictions scored.
	PredictedFacts int
	// CoreRecall is the share of core gold facts found (3 decimals).
	CoreRecall float64
	// Recall is the share of all gold facts found (3 decimals).
	Recall float64
	// EntityFactRecall and LiteralFactRecall are the recall of the gold facts whose object is an
	// entity and a literal (3 decimals).
	EntityFactRecall, LiteralFactRecall float64
	// PrecisionEntityPairs is the share of entity-pair predictions (subject and object both gold
	// entities) that state a gold fact (3 decimals; 0 without such predictions).
	PrecisionEntityPairs float64
	// EntityPairPredictions is the number of entity-pair predictions.
	EntityPairPredictions int
	// GoldEntitiesSeen and GoldEntities count the gold entities some predicted id resolves to,
	// and all of them (reported as "seen/all").
	GoldEntitiesSeen, GoldEntities int
	// IDsPerGoldEntity is the mean number of distinct predicted ids per seen gold entity (2
	// decimals): 1 when no entity is split over several ids.
	IDsPerGoldEntity float64
	// OvermergedIDs are the predicted ids that stand for more than one gold entity, sorted, at
	// most 10.
	OvermergedIDs []string
	// PerClass counts the gold facts found and all gold facts of each class, by class name.
	PerClass []ClassCount
	// MissedCore describes the core gold facts not found ("id subject predicate object"), at most 15.
	MissedCore []string
}

// ClassCount is the number of gold facts of one class, and how many of them were found.
type ClassCount struct {
	// Class is the gold class (PRAISE, SAY, ...).
	Class string
	// Found and Total count the found and all gold facts of the class.
	Found, Total int
}

// Thresholds are the minimum figures a run must reach (score_kg.py's --min-core, --min-recall and
// --min-precision); zero values demand nothing.
type Thresholds struct {
	Core, Recall, Precision float64
}

// Failures returns what the report falls short of in t, one message a threshold; none when it
// meets them all. The rounded figures are compared, as score_kg.py does.
func (r *Report) Failures(t Thresholds) []string {
	var out []string
	check := func(name string, got, min float64, flag string) {
		if got < min {
			out = append(out, fmt.Sprintf("%s %s is below %s %s", name, pyFloat(got), flag, pyFloat(min)))
		}
	}
	check("core recall", r.CoreRecall, t.Core, "--min-core")
	check("recall", r.Recall, t.Recall, "--min-recall")
	check("entity-pair precision", r.PrecisionEntityPairs, t.Precision, "--min-precision")
	return out
}

// scored is a prediction with what the scorer derives from it once.
type scored struct {
	Prediction
	subj    []string        // gold ids the subject may stand for
	classes map[string]bool // classes of the predicate, relation and CAMEO code
	words   map[string]bool // lemmas of predicate and relation
}

// goldVerbs is the lemmas of a gold fact's predicate and its variants, less stop words and be/have.
func goldVerbs(g GoldFact) map[string]bool {
	out := map[string]bool{}
	for _, p := range append([]string{g.Predicate}, g.PredicateVariants...) {
		for _, l := range lemmas(p) {
			out[l] = true
		}
	}
	return withoutStop(out)
}

func withoutStop(m map[string]bool) map[string]bool {
	for w := range m {
		if stopWords[w] || w == "be" || w == "have" {
			delete(m, w)
		}
	}
	return m
}

// roleWords are the predicate lemmas that make any fact compatible with a ROLE gold fact.
var roleWords = []string{"be", "title", "role", "position", "job", "occupation"}

// compatible is score_kg.py's compatible: the prediction's predicate has the gold fact's class
// (by its words, their prefixes or its CAMEO root), or is a ROLE-like "be", or shares a content
// lemma with the gold predicate or one of its variants.
func compatible(p *scored, g GoldFact, gverbs map[string]bool) bool {
	if p.classes[g.Class] {
		return true
	}
	if g.Class == "ROLE" && slices.ContainsFunc(roleWords, func(w string) bool { return p.words[w] }) {
		return true
	}
	for w := range gverbs {
		if p.words[w] && !stopWords[w] && w != "be" && w != "have" {
			return true
		}
	}
	return false
}

// objectMatch is score_kg.py's object_match: an entity object must resolve to the gold object; a
// literal must share content lemmas with the gold literal (at least 40% of the gold's, at least
// one, and at least 15% of the prediction's).
func (g *Gold) objectMatch(p *scored, gf GoldFact) bool {
	if !gf.Object.IsLiteral() {
		return slices.Contains(g.Resolve(p.Object), gf.Object.Entity)
	}
	gw := content(gf.Object.Literal)
	pw := content(p.Object.literalText())
	if len(gw) == 0 || len(pw) == 0 {
		return false
	}
	ov := 0
	for w := range gw {
		if pw[w] {
			ov++
		}
	}
	return float64(ov) >= math.Max(1, 0.4*float64(len(gw))) && float64(ov) >= 0.15*float64(len(pw))
}

// docMatch is score_kg.py's docmatch: doc is one of the gold documents, a path ending in one, or
// a prefix of one.
func docMatch(doc string, docs []string) bool {
	for _, d := range docs {
		if doc == d || strings.HasSuffix(doc, "/"+d) || strings.HasPrefix(d, doc) {
			return true
		}
	}
	return false
}

// round is Python's round(x, digits): the correctly rounded decimal, ties to even.
func round(x float64, digits int) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', digits, 64), 64)
	return f
}

// Score scores preds against the gold as score_kg.py does.
func (g *Gold) Score(preds []Prediction) *Report {
	ps := make([]scored, len(preds))
	for i, p := range preds {
		s := scored{Prediction: p, subj: g.Resolve(p.Subject), classes: map[string]bool{}, words: map[string]bool{}}
		classes(p.Predicate, s.classes)
		classes(p.Relation, s.classes)
		if len(p.CAMEO) >= 2 {
			if c, ok := cameoRoot[p.CAMEO[:2]]; ok {
				s.classes[c] = true
			}
		}
		for _, l := range append(lemmas(p.Predicate), lemmas(p.Relation)...) {
			s.words[l] = true
		}
		ps[i] = s
	}
	gverbs := make([]map[string]bool, len(g.Facts))
	for i, gf := range g.Facts {
		gverbs[i] = goldVerbs(gf)
	}

	// A gold fact is found when one prediction of one of its documents matches it.
	found := map[string]bool{}
	for i, gf := range g.Facts {
		if found[gf.ID] {
			continue // an id listed twice: found once is found (as in the script's dict)
		}
		for j := range ps {
			p := &ps[j]
			if docMatch(p.Doc, gf.Docs) && slices.Contains(p.subj, gf.Subject) && compatible(p, gf, gverbs[i]) && g.objectMatch(p, gf) {
				found[gf.ID] = true
				break
			}
		}
	}
	recall := func(keep func(GoldFact) bool) float64 {
		n, hit := 0, 0
		for _, gf := range g.Facts {
			if keep(gf) {
				n++
				if found[gf.ID] {
					hit++
				}
			}
		}
		return round(float64(hit)/float64(max(1, n)), 3)
	}
	r := &Report{
		PredictedFacts:    len(preds),
		CoreRecall:        recall(func(gf GoldFact) bool { return gf.Core }),
		Recall:            recall(func(GoldFact) bool { return true }),
		EntityFactRecall:  recall(func(gf GoldFact) bool { return !gf.Object.IsLiteral() }),
		LiteralFactRecall: recall(func(gf GoldFact) bool { return gf.Object.IsLiteral() }),
		GoldEntities:      len(g.Entities),
	}

	perClass := map[string]*ClassCount{}
	for _, gf := range g.Facts {
		c := perClass[gf.Class]
		if c == nil {
			c = &ClassCount{Class: gf.Class}
			perClass[gf.Class] = c
		}
		c.Total++
		if found[gf.ID] {
			c.Found++
		}
	}
	for _, c := range perClass {
		r.PerClass = append(r.PerClass, *c)
	}
	slices.SortFunc(r.PerClass, func(a, b ClassCount) int { return strings.Compare(a.Class, b.Class) })

	// Precision on predictions whose subject and object are both gold entities.
	pairs, good := 0, 0
	for j := range ps {
		p := &ps[j]
		o := g.Resolve(p.Object)
		if len(p.subj) == 0 || len(o) == 0 {
			continue
		}
		pairs++
		for i, gf := range g.Facts {
			if slices.Contains(p.subj, gf.Subject) && !gf.Object.IsLiteral() && slices.Contains(o, gf.Object.Entity) &&
				docMatch(p.Doc, gf.Docs) && compatible(p, gf, gverbs[i]) {
				good++
				break
			}
		}
	}
	r.EntityPairPredictions = pairs
	if pairs > 0 {
		r.PrecisionEntityPairs = round(float64(good)/float64(pairs), 3)
	}

	// Entity resolution: distinct predicted ids per gold entity, predicted ids over several.
	idsFor := map[string]map[string]bool{}
	goldsFor := map[string]map[string]bool{}
	addTo := func(m map[string]map[string]bool, k, v string) {
		if m[k] == nil {
			m[k] = map[string]bool{}
		}
		m[k][v] = true
	}
	for _, p := range preds {
		for _, e := range [...]Ref{p.Subject, p.Object} {
			if !e.Dict || e.ID == "" {
				continue
			}
			if gs := g.Resolve(e); len(gs) == 1 {
				addTo(idsFor, gs[0], e.ID)
				addTo(goldsFor, e.ID, gs[0])
			}
		}
	}
	total := 0
	for _, v := range idsFor {
		total += len(v)
	}
	r.GoldEntitiesSeen = len(idsFor)
	r.IDsPerGoldEntity = round(float64(total)/float64(max(1, len(idsFor))), 2)
	for k, v := range goldsFor {
		if len(v) > 1 {
			r.OvermergedIDs = append(r.OvermergedIDs, k)
		}
	}
	slices.Sort(r.OvermergedIDs)
	r.OvermergedIDs = r.OvermergedIDs[:min(10, len(r.OvermergedIDs))]

	for _, gf := range g.Facts {
		if !gf.Core || found[gf.ID] {
			continue
		}
		obj := gf.Object.Entity
		if gf.Object.IsLiteral() {
			rs := []rune(gf.Object.Literal)
			obj = string(rs[:min(40, len(rs))])
		}
		r.MissedCore = append(r.MissedCore, fmt.Sprintf("%s %s %s %s", gf.ID, gf.Subject, gf.Predicate, obj))
		if len(r.MissedCore) == 15 {
			break
		}
	}
	return r
}
