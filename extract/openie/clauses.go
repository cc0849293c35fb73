package openie

import "slices"

// source says where a clause's subject comes from, and so how far it can be trusted.
type source int

const (
	fromOwn      source = iota // the clause's own subject
	fromShared                 // a coordinated or controlling clause's ("X came and saw", "X tried to go")
	fromRelative               // the noun a relative clause modifies ("X, who praised Y")
	fromModifier               // the subject of the clause a participle or adverbial clause hangs on
	fromGuess                  // the noun an infinitive or gerund modifies, which may not be its doer
	fromNone
)

// subjectOf returns the surface subject of predicate p (a verb or the head of a copular clause):
// its own, or the one it shares with the clause it is coordinated with, controlled by, or
// modifies; -1 and fromNone when there is none.
func (t *tree) subjectOf(p int, depth int) (int, source) {
	if s := t.ownSubject(p); s >= 0 {
		if t.relative(s) {
			if n := t.inRelative(p); n >= 0 && t.IsVerb(n) {
				// "X began a feud, which led to Y": the relative stands for what was done
				if o := t.Child(n, "obj"); o >= 0 {
					return o, fromRelative
				}
				return -1, fromNone
			} else if n >= 0 {
				return t.nounOf(n), fromRelative
			}
			if n := t.antecedent(s); n >= 0 {
				return n, fromRelative
			}
		}
		if t.tag(s) == "EX" {
			return -1, fromNone
		}
		return s, fromOwn
	}
	h := t.Head(p)
	if h < 0 || depth > 8 {
		return -1, fromNone
	}
	inherit := func(src source) (int, source) {
		s, from := t.subjectOf(h, depth+1)
		if s < 0 {
			return -1, fromNone
		}
		return s, max(src, from)
	}
	switch t.Toks[p].Dep {
	case "conj":
		if t.verbal(h) || t.copular(h) {
			return inherit(fromShared)
		}
		if t.Toks[h].Dep == "root" && (t.isNoun(h) || t.adjective(h)) {
			return h, fromShared // a misparse that made the subject the root: "The first, ..., occurred"
		}
	case "xcomp":
		if o := t.Child(h, "obj", "iobj"); o >= 0 && t.Toks[h].Lemma != "be" {
			return o, fromShared // "told X to go": X goes
		}
		return inherit(fromShared)
	case "advcl":
		if m := t.Child(p, "mark"); m >= 0 && t.tag(p) != "VBG" && t.tag(p) != "VBN" && t.Lower(m) != "to" {
			return -1, fromNone // "because X said" names its own subject or none
		}
		return inherit(fromModifier)
	case "acl:relcl", "advcl:relcl":
		if t.isNoun(h) {
			return t.nounOf(h), fromRelative
		}
	case "acl":
		if !t.isNoun(h) {
			break
		}
		m := t.Child(p, "mark", "case")
		switch {
		case m < 0:
			return t.nounOf(h), fromModifier // "a man calling for peace", "duties specified for"
		case t.Lower(m) != "to":
			return h, fromGuess // "the idea of running": whose running, the noun does not say
		}
		// "her efforts to gain control": the one whose efforts they are; "the first woman to
		// land": the woman; "a chance to ride": nobody named
		if o := t.Child(h, "nmod:poss"); o >= 0 {
			return o, fromModifier
		}
		if t.ranked(h) {
			return t.nounOf(h), fromModifier
		}
		return h, fromGuess
	}
	return -1, fromNone
}

// ranked reports whether noun n is singled out by an ordinal or superlative ("the first
// woman", "the last ship", "the only team"): such a noun is the subject of its infinitive.
func (t *tree) ranked(n int) bool {
	for _, c := range t.Kids(n) {
		if t.Dep(c) != "amod" {
			continue
		}
		switch w := t.Lower(c); {
		case t.tag(c) == "JJS", w == "first", w == "last", w == "only", w == "next":
			return true
		}
	}
	return false
}

// antecedent returns the noun right before relative pronoun r (across a comma) when the parser
// did not attach the relative clause to it ("Acme , which ..." parsed as a clause of its own),
// or -1.
func (t *tree) antecedent(r int) int {
	i := r - 1
	for i >= 0 && t.isPunct(i) {
		i--
	}
	if i < 0 || !t.isNoun(i) || t.pronoun(i) || t.relative(i) {
		return -1
	}
	for n := 0; n < len(t.Toks); n++ { // up from a name's last part to its head
		h := t.Head(i)
		if h < 0 || !(t.Dep(i) == "flat" || t.Dep(i) == "compound") {
			break
		}
		i = h
	}
	return i
}

// ownSubject returns p's own subject. Of several (a parse may make both a title and the name
// after it subjects), the one nearest before p.
func (t *tree) ownSubject(p int) int {
	best := -1
	for _, c := range t.Kids(p) {
		switch t.Toks[c].Dep {
		case "nsubj", "nsubj:pass", "csubj", "csubj:pass", "nsubj:outer":
			if best < 0 || c < p && c > best {
				best = c
			}
		}
	}
	return best
}

// nounOf returns the noun that a relative or participial clause attached to n is about: n
// itself, or when n is the predicate of a copular clause ("X is a footballer who plays"), that
// clause's subject.
func (t *tree) nounOf(n int) int {
	if t.copular(n) {
		if s := t.ownSubject(n); s >= 0 && !t.relative(s) && t.tag(s) != "EX" {
			return s
		}
	}
	return n
}

// verbal reports whether token v heads a verbal clause.
func (t *tree) verbal(v int) bool {
	if !t.IsVerb(v) {
		return false
	}
	switch t.Dep(v) {
	case "aux", "cop", "amod", "compound", "case", "mark", "det", "fixed", "flat", "goeswith", "punct", "cc", "nummod":
		return false
	}
	if t.Toks[v].Lemma == "be" && t.Child(v, "cop") < 0 {
		return false // existential "there are" and elided copulas: no verbal relation
	}
	return !t.mergedXcomp(v)
}

// mergedXcomp reports whether verb v is an infinitive complement whose words join its head's
// relation ("tried to woo", "had to close").
func (t *tree) mergedXcomp(v int) bool {
	if t.Toks[v].Dep != "xcomp" || !t.IsVerb(v) {
		return false
	}
	h := t.Head(v)
	if h < 0 || !t.IsVerb(h) && !(t.adjective(h) && t.Child(h, "cop") >= 0) || t.Child(v, "nsubj", "nsubj:pass") >= 0 {
		return false // "tried to woo", "was able to reinforce"
	}
	if m := t.Child(v, "mark"); m >= 0 {
		return t.Lower(m) == "to"
	}
	return (t.tag(v) == "VB" || t.tag(v) == "VBG") && t.Child(h, "obj") < 0 // "helped build", "began building"
}

// copular reports whether token p is the predicate of a copular clause ("X is a footballer")
// of its own: not a complement whose "to be" joins its head's relation ("was considered to be
// a saint").
func (t *tree) copular(p int) bool {
	if t.IsVerb(p) || t.Child(p, "cop") < 0 {
		return false
	}
	h := t.Head(p)
	return t.Toks[p].Dep != "xcomp" || h < 0 || !t.IsVerb(h) || t.ownSubject(p) >= 0
}

// verbGroup returns the relation words of verb v: its auxiliaries, negation, the adverbs inside
// the verb group and its particle.
func (t *tree) verbGroup(v int) span {
	s := span{v}
	first := v
	for _, c := range t.Kids(v) {
		if (t.Dep(c) == "aux" || t.Dep(c) == "cop") && c < v {
			first = min(first, c)
		}
	}
	for _, c := range t.Kids(v) {
		switch {
		case t.Dep(c) == "aux" || t.Dep(c) == "cop":
			s = append(s, c)
		case t.Toks[c].Dep == "compound:prt":
			s = append(s, c)
		case t.Dep(c) == "advmod" && negation(t.Lower(c)):
			s = append(s, c)
		case t.Dep(c) == "advmod" && c < v && c > first && len(t.Kids(c)) == 0:
			s = append(s, c) // "have sharply improved"
		case t.Dep(c) == "advmod" && c == v-1 && len(t.Kids(c)) == 0 && t.tag(c) == "RB" && !t.relative(c) && t.tag(c) != "WRB":
			s = append(s, c) // "often refers"
		}
	}
	slices.Sort(s)
	return s
}

func negation(w string) bool { return w == "not" || w == "n't" || w == "never" }

// temporal reports whether the oblique headed by i is a time phrase ("in 1941", "on 12 July").
func (t *tree) temporal(i int) bool {
	if t.tag(i) == "CD" {
		return true
	}
	switch t.Lower(i) {
	case "year", "years", "month", "months", "week", "weeks", "day", "days", "century", "centuries",
		"decade", "decades", "time", "times", "era", "period", "season", "morning", "evening", "night",
		"january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday", "today", "yesterday", "tomorrow":
		return true
	}
	return false
}

// locative reports an oblique introduced by "in": a setting more often than an argument.
func (t *tree) locative(o int) bool {
	c := t.firstCase(o)
	return c >= 0 && t.Lower(c) == "in"
}

// verbTuples returns the tuples of the verbal clause headed by v (or of the copular adjective v
// whose infinitive joins its relation: "was able to reinforce").
func (t *tree) verbTuples(v int) []Extraction {
	f := frame{pred: v, conf: confVerb, pattern: "verb"}
	subj, src := t.subjectOf(v, 0)
	if subj < 0 {
		return nil
	}
	f.subj, f.source = subj, src
	preds := t.chain(&f)
	t.participle(&f)
	obj, iobj := t.objects(&f, preds)
	t.obliques(&f, preds)
	for _, p := range preds {
		for _, c := range t.Kids(p) {
			if t.Dep(c) == "advcl" && c > p && t.circumstance(c) {
				f.extra = append(f.extra, t.phrase(c, nil))
			}
		}
	}
	if n := t.inRelative(v); n >= 0 && n != f.subj && obj != n {
		if w := t.Child(v, "advmod"); w >= 0 && t.tag(w) == "WRB" {
			f.extra = append(f.extra, t.argPhrase(n, v, keepConj)) // "the city where they live"
		}
	}
	if f.objs == nil && len(f.extra) > 0 {
		f.objs = []span{f.extra[0]}
		f.pattern += "/obl"
		f.extra = f.extra[1:]
		f.conf -= 0.1
	}
	slices.Sort(f.rel)
	f.rel = slices.Compact(f.rel)
	if f.objs == nil {
		// "was put higher", "became longer": an adverb after the verb is all it says
		last := preds[len(preds)-1]
		for _, c := range t.Kids(last) {
			if c > last && t.Dep(c) == "advmod" && !slices.Contains(f.rel, c) && !negation(t.Lower(c)) && t.tag(c) != "WRB" {
				f.objs = []span{t.phrase(c, nil)}
				f.pattern += "/adv"
				f.conf -= 0.1
				break
			}
		}
	}
	out := t.emit(&f)
	if obj >= 0 && iobj < 0 && len(f.objs) == 1 {
		out = append(out, t.lightVerb(f, obj)...)
	}
	return out
}

// chain sets the relation of f to the verb group of its head and of the infinitive complements
// that join it ("attempted to popularize", "has had to close") and returns the verbs of the chain.
func (t *tree) chain(f *frame) []int {
	v := f.pred
	f.rel = t.verbGroup(v)
	preds := []int{v}
	for x, n := v, 0; n < 4; n++ {
		y := -1
		for _, c := range t.Kids(x) {
			if t.mergedXcomp(c) {
				y = c
				break
			}
		}
		if y < 0 {
			break
		}
		if m := t.Child(y, "mark"); m >= 0 {
			f.rel = append(f.rel, m)
		}
		f.rel = append(f.rel, t.verbGroup(y)...)
		preds = append(preds, y)
		x = y
	}
	return preds
}

// objects sets arg2 of f to the direct object of the chain (an indirect object first, the
// direct one then a further argument), to the object the relative clause's noun stands for, or
// to a predicative complement ("became a justice"), and returns the object and indirect object.
func (t *tree) objects(f *frame, preds []int) (obj, iobj int) {
	v, last := f.pred, preds[len(preds)-1]
	obj, iobj = -1, -1
	for _, p := range preds {
		if o := t.Child(p, "obj"); o >= 0 && obj < 0 {
			obj = o
		}
		if o := t.Child(p, "iobj"); o >= 0 && iobj < 0 {
			iobj = o
		}
	}
	if obj < 0 && iobj < 0 {
		obj = t.sharedObject(last)
	}
	n := t.inRelative(v)
	if t.relative(obj) && n >= 0 {
		obj = n // "the match which Lopez lost"
	}
	if obj < 0 && n >= 0 && !t.relative(t.Child(v, "nsubj", "nsubj:pass")) && f.subj != n {
		obj = n // "the offer Acme is making": the offer is what is made
	}
	switch {
	case iobj >= 0 && obj >= 0:
		f.objs = t.conjuncts(iobj, v)
		f.extra = append(f.extra, t.argPhrase(obj, v, keepConj))
	case obj >= 0:
		f.objs = t.conjuncts(obj, v)
	case iobj >= 0:
		f.objs = t.conjuncts(iobj, v)
	}
	xc := -1
	for _, c := range t.Kids(last) {
		if t.Toks[c].Dep == "xcomp" && !t.IsVerb(c) {
			xc = c
			break
		}
	}
	if xc < 0 {
		return obj, iobj
	}
	if cop := t.Child(xc, "cop"); cop >= 0 {
		// "was considered to be the patron": "to be" joins the relation
		if m := t.Child(xc, "mark"); m >= 0 {
			f.rel = append(f.rel, m)
		}
		f.rel = append(f.rel, cop)
	}
	if f.objs == nil {
		f.objs = []span{t.argPhrase(xc, v, keepConj)}
		f.pattern += "/xcomp"
	} else {
		f.extra = append(f.extra, t.argPhrase(xc, v, keepConj|keepCase))
	}
	return obj, iobj
}

// obliques adds the prepositional and time modifiers of the chain to f: when there is no object,
// the first one after the verb (preferring one not introduced by "in") gives the relation its
// preposition and arg2; the others are further arguments. Without an object or such a phrase,
// what was said or thought is arg2.
func (t *tree) obliques(f *frame, preds []int) {
	v := f.pred
	var obls []int
	for _, p := range preds {
		for _, c := range t.Kids(p) {
			switch {
			case t.Dep(c) == "obl":
				obls = append(obls, c)
			case t.Dep(c) == "advmod" && c > p:
				// "was made largely of X": the parser may hang the phrase on the adverb
				for _, o := range t.Kids(c) {
					if t.Dep(o) == "obl" && o > c {
						obls = append(obls, o)
					}
				}
			}
		}
	}
	slices.Sort(obls)
	moved := -1
	if f.objs == nil {
		for _, o := range obls {
			if o > v && t.firstCase(o) >= 0 && !t.temporal(o) && (moved < 0 || t.locative(moved) && !t.locative(o)) {
				moved = o
			}
		}
		if moved >= 0 {
			if h := t.Head(moved); t.Dep(h) == "advmod" {
				f.rel = append(f.rel, h)
			}
			f.rel = append(f.rel, t.caseWords(moved)...)
			f.objs = t.conjuncts(moved, v)
			f.pattern += "/prep"
		}
	}
	if f.objs == nil {
		t.content(f, preds[len(preds)-1])
	}
	for _, o := range obls {
		if o != moved {
			f.extra = append(f.extra, t.argPhrase(o, v, keepConj|keepCase))
		}
	}
}

// content sets arg2 of f to the clause that verb last reports: its clausal complement ("indicated
// that X", with "that" in the relation), or, for a verb of saying that follows what it reports,
// the clause it interrupts ("X will resign, the company said").
func (t *tree) content(f *frame, last int) {
	v := f.pred
	cc := t.Child(last, "ccomp")
	if cc < 0 && speech[t.Toks[v].Lemma] && t.Head(v) >= 0 && t.Head(v) < v {
		r := v
		for n := 0; t.Head(r) >= 0 && n < len(t.Toks); n++ {
			r = t.Head(r)
		}
		if s := t.phrase(r, func(c int) bool { return t.Dominates(c, v) }); len(s) > 0 {
			f.objs = []span{s}
			f.pattern += "/said"
		}
		return
	}
	if cc >= 0 {
		s := t.phrase(cc, nil)
		if m := t.Child(cc, "mark"); m >= 0 && len(s) > 0 && m == s[0] {
			f.rel = append(f.rel, m)
			s = s[1:]
		}
		f.objs = []span{s}
		f.pattern += "/ccomp"
	}
}

// lightVerb returns the reading of "made an offer on X" that makes the object noun part of the
// relation ("made an offer on") and the object of its preposition arg2.
func (t *tree) lightVerb(f frame, obj int) []Extraction {
	var pp int = -1
	for _, c := range t.Kids(obj) {
		if t.Dep(c) == "nmod" && c > obj && t.firstCase(c) >= 0 && t.firstCase(c) > obj {
			pp = c
			break
		}
	}
	if pp < 0 || t.isProper(obj) {
		return nil
	}
	noun := t.phrase(obj, func(c int) bool {
		return c >= pp || t.Dep(c) == "case" || clauseDep(t.Toks[c].Dep) || t.Toks[c].Dep == "conj"
	})
	if len(noun) == 0 || len(noun) > 4 {
		return nil
	}
	f.rel = append(append(slices.Clone(f.rel), noun...), t.caseWords(pp)...)
	slices.Sort(f.rel)
	f.objs = t.conjuncts(pp, f.pred)
	f.pattern += "/light"
	out := t.emit(&f)
	for k := range out {
		out[k].Confidence = min(out[k].Confidence, confLight)
	}
	return out
}

// speech are the verbs that report what someone said or thought.
var speech = map[string]bool{"say": true, "tell": true, "add": true, "argue": true, "claim": true,
	"report": true, "note": true, "state": true, "explain": true, "insist": true, "contend": true,
	"write": true, "announce": true, "believe": true, "think": true, "warn": true, "suggest": true,
	"acknowledge": true, "admit": true, "predict": true, "estimate": true, "conclude": true,
	"reply": true, "respond": true, "declare": true, "recall": true, "observe": true}

// circumstance reports whether the adverbial clause c says when or under what condition its
// head holds ("until he moved", "when results were poor"): such clauses are further arguments.
func (t *tree) circumstance(c int) bool {
	m := t.Child(c, "mark", "advmod")
	if m < 0 || m > c {
		return false
	}
	return t.Lower(m) != "to"
}

// sharedObject returns the object that verb v shares with the verb coordinated right after it
// ("buy and sell shares": both take "shares"), or -1.
func (t *tree) sharedObject(v int) int {
	for _, c := range t.Kids(v) {
		if t.Toks[c].Dep != "conj" || !t.IsVerb(c) || c > v+3 {
			continue
		}
		for k := v + 1; k < c; k++ {
			if t.Dep(k) != "cc" && !t.isPunct(k) {
				return -1
			}
		}
		if o := t.Child(c, "obj"); o > c {
			return o
		}
	}
	return -1
}

// participle adjusts the relation of a clause without a finite verb of its own: "having
// returned" says "returned"; "being appointed" and a bare passive participle ("duties specified
// for", "the case reviewed by") say "was appointed", "were specified".
func (t *tree) participle(f *frame) {
	v := f.pred
	if t.ownSubject(v) >= 0 {
		return
	}
	aux := false
	for _, c := range t.Kids(v) {
		if t.Dep(c) == "aux" && c < v {
			aux = true
		}
	}
	switch d := t.Dep(v); {
	case aux:
		for k, c := range f.rel {
			if t.Dep(c) == "aux" && t.tag(c) == "VBG" && t.Head(c) == v {
				if t.Toks[c].Dep == "aux:pass" {
					f.pre = t.be(f.subj, t.past)
				}
				f.rel = slices.Delete(slices.Clone(f.rel), k, k+1)
				break
			}
		}
	case t.tag(v) == "VBN" && (d == "acl" || d == "xcomp" || d == "advcl"):
		f.pre = t.be(f.subj, t.past)
	}
}

// firstCase returns the first case marker of oblique o ("out of"), or -1.
func (t *tree) firstCase(o int) int {
	for _, c := range t.Kids(o) {
		if t.Dep(c) == "case" {
			return c
		}
	}
	return -1
}

// caseWords returns the case markers of o with their fixed parts ("because of", "out of").
func (t *tree) caseWords(o int) span {
	var s span
	for _, c := range t.Kids(o) {
		if t.Dep(c) == "case" && c < o {
			s = append(s, c)
			for _, f := range t.Kids(c) {
				if t.Dep(f) == "fixed" {
					s = append(s, f)
				}
			}
		}
	}
	return s
}

// copulaTuples returns the tuples of the copular clause whose predicate is p.
func (t *tree) copulaTuples(p int) []Extraction {
	for _, c := range t.Kids(p) {
		if t.mergedXcomp(c) {
			return t.verbTuples(p) // "was able to reinforce the hotel"
		}
	}
	f := frame{pred: p, conf: confCopula, pattern: "copula"}
	subj, src := t.subjectOf(p, 0)
	if subj < 0 {
		return nil
	}
	f.subj, f.source = subj, src
	f.rel = t.verbGroup(p)
	f.rel = slices.DeleteFunc(f.rel, func(i int) bool { return i == p })
	var caseOf span
	if cs := t.firstCase(p); cs >= 0 && cs < p {
		caseOf = t.caseWords(p)
		f.rel = append(f.rel, caseOf...)
	}
	inRel := map[int]bool{}
	for _, i := range f.rel {
		inRel[i] = true
	}
	drop := func(c int) bool {
		d := t.Toks[c].Dep
		switch {
		case inRel[c], clauseDep(d):
			return true
		case d == "nsubj" || d == "nsubj:pass" || d == "csubj" || d == "expl" || d == "nsubj:outer":
			return true
		case t.Dep(c) == "advcl" || t.Dep(c) == "ccomp" || t.Dep(c) == "obl" || d == "conj" || d == "cc":
			return true
		case t.Dep(c) == "mark", d == "acl" && t.setOff(c):
			return true
		}
		return false
	}
	moved := -1
	if len(caseOf) == 0 && t.adjective(p) {
		// "is independent from X", "are adapted to X": the adjective and the preposition of its
		// first argument are the relation.
		for _, c := range t.Kids(p) {
			if t.Dep(c) == "obl" && c > p && t.firstCase(c) >= 0 && !t.temporal(c) {
				moved = c
				break
			}
		}
	}
	if moved >= 0 {
		f.rel = append(f.rel, p)
		f.rel = append(f.rel, t.caseWords(moved)...)
		f.objs = t.conjuncts(moved, p)
		f.pattern += "/adj"
		f.conf = confAdjective
	} else {
		f.objs = []span{t.phrase(p, drop)}
		for _, c := range t.Kids(p) {
			if t.Toks[c].Dep == "conj" && c > p && !t.IsVerb(c) && t.Child(c, "cop") < 0 && t.Child(c, "nsubj") < 0 {
				f.objs = append(f.objs, t.phrase(c, func(c int) bool { return clauseDep(t.Toks[c].Dep) }))
			}
		}
	}
	for _, c := range t.Kids(p) {
		if t.Dep(c) == "obl" && c != moved {
			f.extra = append(f.extra, t.argPhrase(c, p, keepConj|keepCase))
		}
	}
	slices.Sort(f.rel)
	return t.emit(&f)
}
