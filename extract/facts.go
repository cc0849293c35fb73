package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/quote"
	"github.com/newsgraph/newsgraph/schema"
)

// factBuilder turns the clauses and roles of one annotated article into facts.
type factBuilder struct {
	d  *doc.Doc
	cr *coref.Result
	// ents are the graph entities of the coref entities (by coref index); ok false for entities
	// that do not become nodes (unnamed, or nationalities without a country).
	ents []nodeRef
	// clauses are the clauses of each sentence, by sentence index.
	clauses [][]clause.Clause
	// quotes are the article's direct quotations.
	quotes []quote.Quote
}

type nodeRef struct {
	schema.EntityRecord
	ok bool
}

func newFactBuilder(d *doc.Doc, cr *coref.Result) *factBuilder {
	b := &factBuilder{d: d, cr: cr, ents: make([]nodeRef, len(cr.Entities)), clauses: make([][]clause.Clause, len(d.Sentences))}
	for i := range cr.Entities {
		b.ents[i] = b.node(&cr.Entities[i])
	}
	for si := range d.Sentences {
		b.clauses[si] = clause.Extract(d.Sentences[si].Tokens)
	}
	b.quotes = quote.Find(d, b.clauses)
	return b
}

// node gives a coref entity its canonical name, type and id. Places and international
// organisations take the gazetteer's canonical name ("Kiev" → "Kyiv", "the UN" → "United
// Nations"); nationalities become their country.
func (b *factBuilder) node(e *coref.Entity) nodeRef {
	hasName := false
	for _, mi := range e.Mentions {
		if b.cr.Mentions[mi].Kind == coref.Name {
			hasName = true
		}
	}
	if !hasName || e.Name == "" {
		return nodeRef{}
	}
	name, typ := e.Name, e.Type
	switch typ {
	case "GPE", "LOC":
		if p, ok := lexicon.Place(name); ok {
			name = p.Name
			if p.Kind == lexicon.Region {
				typ = "LOC"
			} else {
				typ = "GPE"
			}
		}
	case "ORG":
		if o, ok := lexicon.Org(name); ok {
			name = o.Name
		}
	case "NORP":
		c, ok := lexicon.Demonym(name)
		if !ok {
			return nodeRef{}
		}
		name, typ = c, "GPE"
	}
	rec := schema.EntityRecord{ID: schema.EntityIRI(typ, name), Name: name, Type: typ, Aliases: e.Aliases(b.cr.Mentions)}
	return nodeRef{EntityRecord: rec, ok: true}
}

// entityRecords returns the records of the entities that became nodes, merged by id and sorted.
func (b *factBuilder) entityRecords() []schema.EntityRecord {
	byID := map[string]*schema.EntityRecord{}
	for _, n := range b.ents {
		if !n.ok {
			continue
		}
		if r, ok := byID[n.ID]; ok {
			r.Aliases = append(r.Aliases, n.Aliases...)
			continue
		}
		r := n.EntityRecord
		r.Aliases = append([]string(nil), r.Aliases...)
		byID[n.ID] = &r
	}
	out := make([]schema.EntityRecord, 0, len(byID))
	for _, r := range byID {
		sort.Strings(r.Aliases)
		r.Aliases = slices.Compact(r.Aliases)
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// arg is a clause argument resolved to an entity.
type arg struct {
	ent     int    // coref entity
	alts    []int  // other candidate entities of a pronoun or description, best first
	mention string // the words of this sentence
	kind    coref.Kind
	weak    bool // reached through a possessive ("Lopez's plan" for Lopez)
}

// factSentence reports whether facts may be read from a sentence of this kind: headlines and
// asides (by-lines, "Read also:", disclaimers) are not statements of the article.
func factSentence(k doc.Kind) bool { return k == doc.Body || k == doc.Bullet || k == doc.Caption }

// facts returns the facts of every sentence, in text order.
func (b *factBuilder) facts() []schema.Fact {
	var out []schema.Fact
	for si := range b.d.Sentences {
		s := &b.d.Sentences[si]
		if !factSentence(s.Kind) {
			continue
		}
		out = append(out, b.roleFacts(si)...)
		out = append(out, b.clauseFacts(si)...)
		out = append(out, b.partFacts(si)...)
		out = append(out, b.reactionFacts(si)...)
	}
	return dedupFacts(out)
}

// args resolves the argument headed by token t of sentence si to entities: the entity the token
// belongs to, each entity coordinated with it ("Russia and Ukraine"), or, for a noun that is not
// an entity, the entity that owns it ("Lopez's plan").
func (b *factBuilder) args(si, t int) []arg {
	toks := b.d.Sentences[si].Tokens
	if t < 0 || t >= len(toks) {
		return nil
	}
	var out []arg
	add := func(tok int, weak bool) bool {
		m, ok := b.cr.At(si, tok)
		if !ok || m.Entity < 0 || !b.ents[m.Entity].ok {
			return false
		}
		out = append(out, arg{ent: m.Entity, alts: m.Alternatives, mention: m.Text, kind: m.Kind, weak: weak})
		return true
	}
	if !add(t, false) && !b.nameOf(si, t, add) && contentNoun(&toks[t]) {
		// "X's plan" stands for X, weakly; "Ukraine's ambassador" does not stand for Ukraine, nor
		// "his car" for him.
		phrase := nounComplement(toks, clause.Subtree(toks, t))
		for k := phrase.Start; k < t; k++ { // the owner may hang on a compound: "X's peace deal suggestion"
			if toks[k].Dep == "nmod:poss" && add(k, true) {
				// The mention is the whole phrase: the fact is about X's plan, not X.
				if txt := spanText(b.d, toks, phrase); txt != "" {
					out[len(out)-1].mention = txt
				}
				break
			}
		}
	}
	for k := range toks {
		if toks[k].Head == t && toks[k].Dep == "conj" {
			add(k, false)
		}
	}
	return out
}

// nounComplement extends a noun phrase over the infinitive that completes it ("the idea | to
// hold new votes"), which parsers often attach to the verb instead of the noun.
func nounComplement(toks []doc.Token, sp clause.Span) clause.Span {
	if sp.End+1 >= len(toks) || toks[sp.End].Tag != "TO" || toks[sp.End+1].Tag != "VB" || toks[sp.End].Head != sp.End+1 {
		return sp
	}
	if inf := clause.Subtree(toks, sp.End+1); inf.Start == sp.End {
		sp.End = inf.End
	}
	return sp
}

// nameOf resolves a title head to the name it introduces: in "Ukraine's ambassador to Germany
// Maria Lopez" the name may hang anywhere below "ambassador" (as flat, compound, appositive, or
// wrongly under "Germany"), so the first person named in the title's phrase is taken.
func (b *factBuilder) nameOf(si, t int, add func(int, bool) bool) bool {
	toks := b.d.Sentences[si].Tokens
	if !isTitle(&toks[t]) {
		return false
	}
	sp := clause.Subtree(toks, t)
	for k := t + 1; k < sp.End; k++ { // the name follows its title
		if m, ok := b.cr.At(si, k); ok && m.Type == "PERSON" && m.Kind == coref.Name {
			return add(m.Head, false)
		}
	}
	return false
}

// isTitle reports whether a token is a title or role noun ("ambassador", "spokesman").
func isTitle(t *doc.Token) bool {
	for _, w := range []string{t.Norm, t.Text, t.Lemma} { // as written first: "CEO" is an acronym, "ceo" is not
		if _, ok := lexicon.Title(w); ok && w != "" {
			return true
		}
	}
	return false
}

// contentNouns are nouns for what somebody said or proposed: reacting to "X's remarks" is
// reacting to X. Event nouns of the predicate vocabulary ("X's proposal", "X's attack") count too.
var contentNouns = map[string]bool{"comment": true, "remark": true, "statement": true, "word": true,
	"tweet": true, "post": true, "idea": true, "plan": true, "suggestion": true, "proposal": true,
	"poll": true, "view": true, "opinion": true, "claim": true, "message": true, "call": true,
	"thought": true, "position": true, "stance": true, "offer": true, "initiative": true, "move": true}

func contentNoun(t *doc.Token) bool {
	if !strings.HasPrefix(t.Tag, "NN") || strings.HasPrefix(t.Tag, "NNP") {
		return false
	}
	l := strings.ToLower(t.Lemma)
	if contentNouns[l] {
		return true
	}
	_, ok := schema.LookupNoun(l)
	return ok
}

// literalClasses are the predicate classes whose object may be a statement or proposal rather
// than an entity.
var literalClasses = map[string]bool{"SAY": true, "PROPOSE": true, "ASK": true, "URGE": true, "DEMAND": true,
	"OFFER": true, "REJECT": true, "DENY": true, "REPLY": true}

func (b *factBuilder) clauseFacts(si int) []schema.Fact {
	s := &b.d.Sentences[si]
	toks := s.Tokens
	cs := b.clauses[si]
	var out []schema.Fact
	for ci := range cs {
		c := &cs[ci]
		quoted := b.quotesOf(si, c.Verb) // the quotations this clause attributes
		p, ok := schema.LookupVerb(c.Lemma, c.Particle, c.Prep)
		if !ok && len(quoted) > 0 { // "he continued, “…”"
			p, ok = schema.PredicateByName("said")
		}
		if !ok {
			continue
		}
		subjTok, objTok := c.Subject, c.Object
		if p.Inverse {
			subjTok, objTok = objTok, subjTok
		}
		subjects := b.args(si, subjTok)
		if len(subjects) == 0 {
			continue
		}
		objects := b.args(si, objTok)
		var literals []string // what was said or proposed, one per coordinated clause
		if len(quoted) > 0 {
			literals = quoted
		} else if literalClasses[p.Class] {
			switch {
			case !c.Content.Empty():
				for _, part := range c.Parts {
					if l := spanText(b.d, toks, part); l != "" {
						literals = append(literals, l)
					}
				}
			case objTok >= 0 && schema.IsSpeech(c.Lemma):
				// "told reporters in a call that …": what was said, not to whom.
				if sp := thatClause(toks, c.Verb); !sp.Empty() {
					literals = append(literals, spanText(b.d, toks, sp))
					break
				}
				fallthrough
			case objTok >= 0:
				if l := spanText(b.d, toks, clause.Subtree(toks, objTok)); l != "" {
					literals = append(literals, l)
				}
			}
		}
		if len(objects) == 0 && len(literals) == 0 {
			continue
		}
		if p.Class == "SAY" && len(objects) == 0 && len(c.Parts) == 1 {
			// "X stressed there can be no Y": X ruled Y out.
			if r, lit, ok := ruledOut(toks, c.Parts[0]); ok {
				if rp, ok := schema.PredicateByName("rejected"); ok {
					for _, sa := range b.args(si, subjTok) {
						out = append(out, schema.Fact{
							Doc: b.d.ID, Sentence: s.Index, Start: b.d.Offsets.Source(s.Start), End: b.d.Offsets.Source(s.End),
							Evidence: b.d.Text[s.Start:s.End], Subject: b.entityRef(sa), Predicate: rp.Name, CAMEO: rp.CAMEO,
							Relation: c.Relation + " " + r, Object: schema.Object{Literal: spanText(b.d, toks, lit)},
							Confidence: round(0.6 * mentionWeight(sa)),
						})
					}
				}
			}
		}
		conf := 0.9
		switch {
		case c.Passive:
			conf = 0.85
		case c.Prep != "":
			conf = 0.85
		}
		if c.Inherited {
			conf *= 0.85
		}
		if p.Derived {
			conf *= 0.85
		}
		modality := ""
		var attributed *schema.Entity
		if c.Modal != "" {
			modality = "hypothetical"
		}
		if c.Parent >= 0 {
			if sp := b.args(si, cs[c.Parent].Subject); len(sp) > 0 {
				e := b.entityRef(sp[0])
				attributed = &e
				modality = "reported"
			}
		} else if sp := b.speaker(si, c.Verb); sp != nil {
			attributed = sp // a clause inside a direct quotation is its speaker's word
			modality = "reported"
		}
		for _, sa := range subjects {
			conf := conf * mentionWeight(sa)
			base := schema.Fact{
				Doc: b.d.ID, Sentence: s.Index, Start: b.d.Offsets.Source(s.Start), End: b.d.Offsets.Source(s.End),
				Evidence: b.d.Text[s.Start:s.End], Subject: b.entityRef(sa), Predicate: p.Name, Relation: c.Relation,
				CAMEO: p.CAMEO, Negated: c.Negated, Modality: modality, AttributedTo: attributed,
			}
			n := len(out)
			for _, oa := range objects {
				if b.ents[oa.ent].ID == base.Subject.ID {
					// One entity as subject and object: a pronoun or description then means the
					// next candidate ("X slammed Y, replying to his remarks": his is Y).
					if !b.nextCandidate(&oa, base.Subject.ID) {
						continue
					}
				}
				f := base
				f.Object = schema.Object{Entity: b.entityRef(oa)}
				f.Confidence = round(conf * mentionWeight(oa))
				out = append(out, f)
			}
			if len(out) == n { // no entity object: what was said or proposed
				for _, l := range literals {
					f := base
					f.Object = schema.Object{Literal: l}
					f.Confidence = round(conf * 0.9)
					out = append(out, f)
				}
			}
		}
	}
	return out
}

// quotesOf returns the texts of the quotations that the clause with verb v of sentence si
// attributes, in text order.
func (b *factBuilder) quotesOf(si, v int) []string {
	var out []string
	for i := range b.quotes {
		if q := &b.quotes[i]; q.Verb == (quote.Pos{Sent: si, Tok: v}) {
			if t := quote.Text(b.d, *q); t != "" {
				out = append(out, t)
			}
		}
	}
	return out
}

// speaker returns the entity a direct quotation holding token v of sentence si is attributed to,
// or nil.
func (b *factBuilder) speaker(si, v int) *schema.Entity {
	for i := range b.quotes {
		q := &b.quotes[i]
		if !q.Attributed() || !q.Contains(quote.Pos{Sent: si, Tok: v}) {
			continue
		}
		c := &b.clauses[q.Verb.Sent][q.Clause]
		if sp := b.args(q.Verb.Sent, c.Subject); len(sp) > 0 {
			e := b.entityRef(sp[0])
			return &e
		}
	}
	return nil
}

// thatClause returns the first "that" clause with a subject in the subtree of speech verb v, the
// content of "told reporters in a call that …" when the parse hangs it on a noun; empty when none.
func thatClause(toks []doc.Token, v int) clause.Span {
	sp := clause.Subtree(toks, v)
	for k := v + 1; k < sp.End; k++ {
		if !strings.EqualFold(toks[k].Text, "that") { // a mark, or wrongly a relative pronoun
			continue
		}
		h := toks[k].Head
		if h <= k || h >= len(toks) {
			continue
		}
		for j := k + 1; j < h; j++ {
			if strings.HasPrefix(toks[j].Dep, "nsubj") && toks[j].Head == h {
				c := clause.Subtree(toks, h)
				return clause.Span{Start: k + 1, End: c.End}
			}
		}
	}
	return clause.Span{}
}

// ruledOut reads a denied existence in the span of a content clause: "there can be no Y",
// "there will be no Y". It returns the words that deny ("there can be no") and Y's span.
func ruledOut(toks []doc.Token, sp clause.Span) (string, clause.Span, bool) {
	for v := sp.Start; v < sp.End; v++ {
		if !strings.EqualFold(toks[v].Lemma, "be") {
			continue
		}
		expl, subj := -1, -1
		for j := sp.Start; j < sp.End; j++ {
			if toks[j].Head != v {
				continue
			}
			switch {
			case toks[j].Dep == "expl":
				expl = j
			case strings.HasPrefix(toks[j].Dep, "nsubj"):
				subj = j
			}
		}
		if expl < 0 || subj < 0 {
			continue
		}
		no := -1
		for j := sp.Start; j < subj; j++ {
			if toks[j].Head == subj && toks[j].Dep == "det" && strings.EqualFold(toks[j].Text, "no") {
				no = j
			}
		}
		if no < 0 {
			continue
		}
		words := make([]string, 0, no-expl+1)
		for j := expl; j <= no; j++ {
			words = append(words, toks[j].Text)
		}
		np := clause.Subtree(toks, subj)
		np.Start = no + 1
		return strings.Join(words, " "), np, true
	}
	return "", clause.Span{}, false
}

// reactionNouns are nouns of a reaction whose "from" phrase names who reacted: "the plan drew
// criticism from X" is X criticizing the plan's author.
var reactionNouns = map[string]string{"backlash": "criticized", "criticism": "criticized", "condemnation": "criticized",
	"outrage": "criticized", "anger": "criticized", "fury": "criticized", "rebuke": "criticized", "praise": "praised",
	"support": "supported", "applause": "praised"}

// reactionFacts reads reactions named by a noun: "Her plan drew criticism from X and Y" (X and Y
// criticized her), "Its terms sparked backlash from X" (X criticized the author of what "its"
// refers to: the thing of the sentence before, owned by somebody).
func (b *factBuilder) reactionFacts(si int) []schema.Fact {
	s := &b.d.Sentences[si]
	toks := s.Tokens
	var out []schema.Fact
	for _, c := range b.clauses[si] {
		if c.Object < 0 || c.Passive {
			continue
		}
		pred, ok := reactionNouns[strings.ToLower(toks[c.Object].Lemma)]
		if !ok {
			continue
		}
		p, ok := schema.PredicateByName(pred)
		if !ok {
			continue
		}
		var reactors []arg
		for j := range toks {
			// "criticism from X", or the parse's "drew criticism | from X"
			if (toks[j].Head == c.Object && toks[j].Dep == "nmod" || toks[j].Head == c.Verb && toks[j].Dep == "obl") && caseWord(toks, j) == "from" {
				reactors = append(reactors, b.args(si, j)...)
			}
		}
		if len(reactors) == 0 {
			continue
		}
		targets := b.authorOf(si, c.Subject)
		for _, t := range targets {
			for _, r := range reactors {
				if b.ents[r.ent].ID == b.ents[t.ent].ID {
					continue
				}
				out = append(out, schema.Fact{
					Doc: b.d.ID, Sentence: s.Index, Start: b.d.Offsets.Source(s.Start), End: b.d.Offsets.Source(s.End),
					Evidence: b.d.Text[s.Start:s.End], Subject: b.entityRef(r), Predicate: p.Name, CAMEO: p.CAMEO,
					Relation: c.Relation + " " + toks[c.Object].Text + " from", Object: schema.Object{Entity: b.entityRef(t)},
					Confidence: round(0.6 * mentionWeight(r) * mentionWeight(t)),
				})
			}
		}
	}
	return out
}

// authorOf resolves the thing headed by token t to whoever made it: an entity itself, an owner
// ("her plan"), the subject of the clause that made it ("X posted a plan that drew…"), or for
// "its terms", the owner of the last owned thing of the sentence before.
func (b *factBuilder) authorOf(si, t int) []arg {
	if t < 0 {
		return nil
	}
	if a := b.args(si, t); len(a) > 0 {
		return a
	}
	toks := b.d.Sentences[si].Tokens
	for _, c := range b.clauses[si] {
		if c.Object == t && c.Subject >= 0 && c.Subject != t {
			return b.args(si, c.Subject)
		}
	}
	for j := range toks {
		if toks[j].Head == t && toks[j].Dep == "nmod:poss" && strings.EqualFold(toks[j].Text, "its") && si > 0 {
			prev := b.d.Sentences[si-1].Tokens
			for k := len(prev) - 1; k >= 0; k-- {
				if contentNoun(&prev[k]) {
					if a := b.args(si-1, k); len(a) > 0 && a[0].weak {
						return a
					}
				}
			}
		}
	}
	return nil
}

// territories are the nouns that make their subject part of their owner: "X is part of Y",
// "Y's region X", "the Zed regions – X and W".
var territories = map[string]bool{"part": true, "region": true, "province": true, "territory": true, "oblast": true}

// partFacts reads "part of" facts: "X is (a) part of Y", "X was recognized as part of Y", "X, a
// region of Y", "two Zed regions – X and W" (Zed a nationality). A part in a hypothetical clause
// ("should be part of") is hypothetical; one inside reported speech is the speaker's.
func (b *factBuilder) partFacts(si int) []schema.Fact {
	s := &b.d.Sentences[si]
	toks := s.Tokens
	p, ok := schema.PredicateByName("part of")
	if !ok {
		return nil
	}
	var out []schema.Fact
	for k := range toks {
		if !strings.HasPrefix(toks[k].Tag, "NN") || !territories[strings.ToLower(toks[k].Lemma)] {
			continue
		}
		var owners, parts []arg
		modality, rel := "", []string{}
		for j := range toks {
			if toks[j].Head != k {
				continue
			}
			switch {
			case toks[j].Dep == "nmod" && caseWord(toks, j) == "of", toks[j].Dep == "nmod:poss", toks[j].Dep == "amod" && toks[j].Ent != "" && toks[j].Ent != "O":
				owners = append(owners, b.args(si, j)...)
			case strings.HasPrefix(toks[j].Dep, "nsubj"), toks[j].Dep == "appos":
				parts = append(parts, b.args(si, j)...)
			case toks[j].Dep == "aux" && toks[j].Tag == "MD":
				modality = "hypothetical"
			}
		}
		switch h := toks[k].Head; {
		case h >= 0 && caseWord(toks, k) == "as": // "recognized X as part of Y"
			for j := range toks {
				if toks[j].Head == h && (toks[j].Dep == "obj" || toks[j].Dep == "nsubj:pass") {
					parts = append(parts, b.args(si, j)...)
				}
			}
		case h >= 0 && (toks[k].Dep == "acl" || toks[k].Dep == "appos"): // "X, a region of Y"
			parts = append(parts, b.args(si, h)...)
		}
		rel = append(rel, toks[k].Text)
		if toks[k].Lemma == "part" {
			rel = append(rel, "of")
		}
		for _, x := range parts {
			if t := b.ents[x.ent].Type; t != "GPE" && t != "LOC" {
				continue
			}
			for _, y := range owners {
				if b.ents[y.ent].ID == b.ents[x.ent].ID {
					continue
				}
				f := schema.Fact{
					Doc: b.d.ID, Sentence: s.Index, Start: b.d.Offsets.Source(s.Start), End: b.d.Offsets.Source(s.End),
					Evidence: b.d.Text[s.Start:s.End], Subject: b.entityRef(x), Predicate: p.Name, Relation: strings.Join(rel, " "),
					Object: schema.Object{Entity: b.entityRef(y)}, Modality: modality, Confidence: round(0.8 * mentionWeight(x) * mentionWeight(y)),
				}
				if sp := b.speaker(si, k); sp != nil {
					f.AttributedTo, f.Modality = sp, "reported"
				} else if sp := b.contentSpeaker(si, k); sp != nil {
					f.AttributedTo, f.Modality = sp, "reported"
				}
				out = append(out, f)
			}
		}
	}
	return out
}

// caseWord returns the preposition marking token j, lower case, or "".
func caseWord(toks []doc.Token, j int) string {
	for k := range toks {
		if toks[k].Head == j && toks[k].Dep == "case" {
			return strings.ToLower(toks[k].Text)
		}
	}
	return ""
}

// contentSpeaker returns the subject of the speech clause whose content holds token k of
// sentence si ("He said Zed should be part of Yon": he), or nil.
func (b *factBuilder) contentSpeaker(si, k int) *schema.Entity {
	for _, c := range b.clauses[si] {
		if c.Content.Empty() || k < c.Content.Start || k >= c.Content.End || !schema.IsSpeech(c.Lemma) {
			continue
		}
		if sp := b.args(si, c.Subject); len(sp) > 0 {
			e := b.entityRef(sp[0])
			return &e
		}
	}
	return nil
}

// nextCandidate moves a pronoun or description argument to its best alternative entity that is
// not the entity with id not; it reports whether there was one.
func (b *factBuilder) nextCandidate(a *arg, not string) bool {
	if a.kind == coref.Name || a.weak {
		return false // a name means what it says; "his own plan" is his
	}
	for _, e := range a.alts {
		if b.ents[e].ok && b.ents[e].ID != not {
			a.ent = e
			a.weak = true
			return true
		}
	}
	return false
}

// mentionWeight is how much a fact can trust an argument by the way it was mentioned.
func mentionWeight(a arg) float64 {
	w := 1.0
	switch a.kind {
	case coref.Nominal:
		w = 0.85
	case coref.Pronoun:
		w = 0.9
	}
	if a.weak {
		w *= 0.8
	}
	return w
}

func round(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

func (b *factBuilder) entityRef(a arg) schema.Entity {
	n := b.ents[a.ent]
	return schema.Entity{ID: n.ID, Name: n.Name, Type: n.Type, Mention: a.mention}
}

// roleFacts turns the roles titles give people into facts: "Pentagon spokesman X" is X
// —spokesperson of→ Pentagon; "Acme and Zenith CEO X" two facts; "U.S. billionaire X", a title
// with no role predicate, is X —has title→ "billionaire" and X —citizen of→ United States.
func (b *factBuilder) roleFacts(si int) []schema.Fact {
	s := &b.d.Sentences[si]
	var out []schema.Fact
	for _, r := range b.cr.Roles {
		if r.Sent != si || !b.ents[r.Person].ok {
			continue
		}
		person := b.entityRef(arg{ent: r.Person, mention: b.ents[r.Person].Name})
		base := schema.Fact{
			Doc: b.d.ID, Sentence: s.Index, Start: b.d.Offsets.Source(s.Start), End: b.d.Offsets.Source(s.End),
			Evidence: b.d.Text[s.Start:s.End], Subject: person, Relation: r.Title, Confidence: 0.9,
		}
		add := func(pred, cameo string, ent int) {
			if ent < 0 || !b.ents[ent].ok || ent == r.Person {
				return
			}
			f := base
			f.Predicate, f.CAMEO = pred, cameo
			f.Object = schema.Object{Entity: b.entityRef(arg{ent: ent, mention: b.ents[ent].Name})}
			out = append(out, f)
		}
		p, ok := schema.LookupRole(r.Title)
		if !ok {
			f := base
			f.Predicate = "has title"
			f.Object = schema.Object{Literal: strings.ToLower(r.Title)}
			f.Confidence = 0.8
			out = append(out, f)
			for _, of := range r.Of {
				if b.ents[of].ok && b.ents[of].Type == "GPE" {
					add("citizen of", "", of) // "U.S. billionaire"
				} else {
					add("works for", "", of) // "Acme columnist"
				}
			}
			continue
		}
		if r.To >= 0 {
			add(p.Name, p.CAMEO, r.To)
			if p.Possessive != "" {
				for _, of := range r.Of {
					add(p.Possessive, p.CAMEO, of)
				}
			}
			continue
		}
		name := p.Name
		if p.Possessive != "" {
			name = p.Possessive
		}
		for _, of := range r.Of {
			add(name, p.CAMEO, of)
		}
		if len(r.Of) == 0 { // "President Lopez" of nowhere the text names: the title itself
			f := base
			f.Predicate = "has title"
			f.Object = schema.Object{Literal: strings.ToLower(r.Title)}
			f.Confidence = 0.8
			out = append(out, f)
		}
	}
	return out
}

// spanText returns the text of a token span as written, without surrounding quotes and
// punctuation.
func spanText(d *doc.Doc, toks []doc.Token, sp clause.Span) string {
	if sp.Empty() || sp.Start < 0 || sp.End > len(toks) {
		return ""
	}
	txt := d.Text[toks[sp.Start].Start:toks[sp.End-1].End]
	return strings.Trim(txt, " \t\n\"'“”‘’,.;:—–-")
}

// dedupFacts drops facts that repeat another of the same sentence exactly (coordination and roles
// can yield one twice), keeping the first.
func dedupFacts(fs []schema.Fact) []schema.Fact {
	seen := map[string]bool{}
	out := fs[:0]
	for _, f := range fs {
		k := schema.StatementIRI(&f)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}
