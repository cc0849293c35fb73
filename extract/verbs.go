package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/schema"
)

// literalClasses are the predicate classes whose object may be a statement or proposal rather
// than an entity.
var literalClasses = map[string]bool{"SAY": true, "PROPOSE": true, "ASK": true, "URGE": true, "DEMAND": true,
	"OFFER": true, "REJECT": true, "DENY": true, "REPLY": true}

// addressee are the verbs of saying whose object is whom they spoke to ("told X that").
var addressee = map[string]bool{"tell": true, "inform": true, "warn": true, "assure": true, "remind": true,
	"advise": true, "brief": true, "notify": true, "promise": true, "ask": true, "urge": true, "thank": true,
	"answer": true, "reply": true, "respond": true, "address": true}

// clauseFacts turns the verb clauses of sentence si into facts, one clause at a time.
func (b *factBuilder) clauseFacts(si int) []schema.Fact {
	var out []schema.Fact
	for ci := range b.clauses[si] {
		out = append(out, b.verbFacts(si, ci)...)
	}
	return out
}

// verbFacts turns clause ci of sentence si into facts: the canonical predicate of the verb, its
// subject and its object (entities, or what was said, proposed or done), with negation, modality
// and attribution. A verb the vocabulary does not know gives open facts (see openFacts).
func (b *factBuilder) verbFacts(si, ci int) []schema.Fact {
	toks := b.d.Sentences[si].Tokens
	c := &b.clauses[si][ci]
	if c.Conditional {
		return nil // a condition, a question's option: not a fact of the world
	}
	quoted := b.quotesOf(si, c.Verb) // the quotations this clause attributes
	p, ok := schema.LookupVerb(c.Lemma, c.Particle, c.Prep)
	if !ok && len(quoted) > 0 { // "he continued, “…”"
		p, ok = schema.PredicateByName("said")
	}
	if !ok {
		return b.openFacts(si, ci)
	}
	subjTok, objTok := c.Subject, c.Object
	if p.Inverse {
		subjTok, objTok = objTok, subjTok
	}
	subjects := b.args(si, subjTok)
	if len(subjects) == 0 {
		if c.Passive && c.Subject < 0 {
			return b.passiveFacts(si, ci)
		}
		return nil
	}
	objects := b.args(si, objTok)
	if p.Class == "SAY" && !addressee[c.Lemma] {
		// "said of X", or a parse that makes the subject of what was said an object: only
		// verbs of telling have a person for object.
		objects = nil
	}
	var literals []string // what was said, proposed or done, one per coordinated clause
	switch {
	case len(quoted) > 0:
		literals = quoted
	case literalClasses[p.Class]:
		literals = b.contentLiterals(si, c, objTok, p.Class)
		if h := b.framedContent(si, c); h >= 0 && len(literals) == 0 {
			literals = b.framedLiteral(si, c.Verb, h)
		}
		if len(literals) == 0 {
			literals = b.nextQuote(si, c)
		}
	case objTok >= 0 && literalHead(&toks[objTok]):
		// "supported the plans": a thing, not an entity.
		if l := spanText(b.d, toks, phrase(toks, objTok)); l != "" {
			literals = append(literals, l)
		}
	}
	if len(objects) == 0 && len(literals) == 0 {
		return nil
	}
	var out []schema.Fact
	if p.Class == "SAY" && len(objects) == 0 && len(c.Parts) == 1 {
		out = append(out, b.ruledOutFacts(si, c, subjects)...)
	}
	conf := confVerb
	if c.Passive || c.Prep != "" {
		conf = confVerbIndirect
	}
	if c.Inherited {
		conf *= factorInherited
	}
	if p.Derived {
		conf *= factorDerived
	}
	if len(objects) == 0 && !literalClasses[p.Class] && len(quoted) == 0 {
		conf *= factorThing // a thing done, not said: the object phrase is less sure to be whole
	}
	modality, attributed := b.mood(si, ci)
	if c.Parent >= 0 && attributed == nil {
		conf *= factorUnnamed // what somebody unnamed said or thought ("…, officials said")
	}
	if modality == "hypothetical" {
		conf *= factorHypothetical
	}
	for _, sa := range subjects {
		conf := conf * mentionWeight(sa)
		base := b.newFact(si, c.Verb)
		base.Subject, base.Predicate, base.Relation, base.CAMEO = b.entityRef(sa), p.Name, c.Relation, p.CAMEO
		base.Negated, base.Modality, base.AttributedTo = c.Negated, modality, attributed
		out = append(out, b.objectFacts(base, conf, objects, literals)...)
		if len(objects) > 0 && p.Class == "SAY" && (len(quoted) > 0 || !c.Content.Empty()) {
			// "X told Y that S": to whom, and what.
			out = append(out, b.objectFacts(base, conf, nil, literals)...)
		}
	}
	return out
}

// objectFacts completes base with each entity object, or, when none is left, with each literal.
func (b *factBuilder) objectFacts(base schema.Fact, conf float64, objects []arg, literals []string) []schema.Fact {
	var out []schema.Fact
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
	if len(out) > 0 {
		return out
	}
	for _, l := range literals {
		f := base
		f.Object = schema.Object{Literal: l}
		f.Confidence = round(conf * factorLiteral)
		out = append(out, f)
	}
	return out
}

// statementObject are the verbs of saying whose object phrase can be what was said: "announced
// a review", "denied the claims"; "maintained a policy" or "told the police" cannot.
var statementObject = map[string]bool{"announce": true, "post": true, "tweet": true, "write": true,
	"publish": true, "issue": true, "release": true, "claim": true, "confirm": true, "reveal": true,
	"unveil": true, "report": true, "declare": true, "predict": true, "admit": true, "acknowledge": true}

// contentLiterals returns what a clause of saying or proposing says: its content clauses, the
// "that" clause of "told reporters in a call that …", or its object phrase.
func (b *factBuilder) contentLiterals(si int, c *clause.Clause, objTok int, class string) []string {
	toks := b.d.Sentences[si].Tokens
	var literals []string
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
	case objTok >= 0 && (class != "SAY" || statementObject[c.Lemma]):
		// "announced a review", "proposed a ceasefire"; not "maintained a policy".
		if l := spanText(b.d, toks, phrase(toks, objTok)); l != "" {
			literals = append(literals, l)
		}
	}
	return literals
}

// literalHead reports whether token t can head a literal object: a common noun or a number, not
// a pronoun or determiner that would mean nothing out of its sentence.
func literalHead(t *doc.Token) bool {
	return strings.HasPrefix(t.Tag, "NN") || t.Tag == "CD"
}

// mood returns the modality of clause ci of sentence si and, for reported speech, who said it:
// "hypothetical" under a modal or a condition; "reported" inside what a parent clause's subject
// said or a direct quotation.
func (b *factBuilder) mood(si, ci int) (string, *schema.Entity) {
	cs := b.clauses[si]
	c := &cs[ci]
	modality := ""
	if c.Modal != "" || irrealis(b.d.Sentences[si].Tokens, c.Verb) {
		modality = "hypothetical"
	}
	if b.framedContent(si, c) >= 0 {
		return modality, nil // "S, X said": the saying is the article's, S is X's
	}
	if c.Parent >= 0 {
		if sp := b.args(si, cs[c.Parent].Subject); len(sp) > 0 {
			e := b.entityRef(sp[0])
			return "reported", &e
		}
	} else if sp := b.speaker(si, c.Verb); sp != nil {
		return "reported", sp // a clause inside a direct quotation is its speaker's word
	} else if src := source(b.d.Sentences[si].Tokens, c.Verb); src >= 0 {
		if sp := strong(b.args(si, src)); len(sp) > 0 {
			e := b.entityRef(sp[0])
			return "reported", &e // "according to X"
		}
	} else if sp := b.framer(si, c.Verb); sp != nil {
		return "reported", sp
	}
	return modality, nil
}

// implicative are the verbs whose infinitive complement happened: "managed to win", "was forced
// to resign", "went on to found".
var implicative = map[string]bool{"manage": true, "force": true, "go": true, "begin": true, "start": true,
	"continue": true, "compel": true, "oblige": true, "dare": true, "get": true, "remember": true,
	"happen": true, "proceed": true, "help": true, "use": true}

// irrealis reports whether the verb at v is an infinitive ("to win") whose head does not make it
// happen: "wants to buy", "is tipped to win", "an idea for X to read" say nothing happened.
func irrealis(toks []doc.Token, v int) bool {
	if toks[v].Tag != "VB" {
		return false
	}
	to := false
	for j := range toks {
		if toks[j].Head == v && toks[j].Dep == "mark" && strings.EqualFold(toks[j].Text, "to") {
			to = true
		}
	}
	h := toks[v].Head
	return to && (h < 0 || !implicative[strings.ToLower(toks[h].Lemma)])
}

// newFact returns a fact whose provenance is sentence si: article, sentence index, offsets and
// evidence; and its time, that of token tok's clause (the verb or noun the fact is read from) or
// the article's date (see when.go).
func (b *factBuilder) newFact(si, tok int) schema.Fact {
	s := &b.d.Sentences[si]
	return schema.Fact{Doc: b.d.ID, Sentence: s.Index, Start: b.d.Offsets.Source(s.Start), End: b.d.Offsets.Source(s.End),
		Evidence: b.d.Text[s.Start:s.End], Time: b.when(si, tok)}
}
