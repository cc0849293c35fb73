package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/tree"
	"github.com/newsgraph/newsgraph/schema"
)

// literalClasses are the predicate classes whose object may be a statement or proposal rather
// than an entity.
var literalClasses = map[string]bool{schema.ClassSay: true, schema.ClassPropose: true, schema.ClassAsk: true,
	schema.ClassUrge: true, schema.ClassDemand: true, schema.ClassOffer: true, schema.ClassReject: true,
	schema.ClassDeny: true, schema.ClassReply: true}

// addressee are the verbs of saying whose object is whom they spoke to ("told X that").
var addressee = map[string]bool{"tell": true, "inform": true, "warn": true, "assure": true, "remind": true,
	"advise": true, "brief": true, "notify": true, "promise": true, "ask": true, "urge": true, "thank": true,
	"answer": true, "reply": true, "respond": true, "address": true}

// clauseTaking are the verbs of saying and thinking whose noun "object" is nearly always the
// subject of a clause the parse broke ("said such attacks were…", "believes the plans will…"):
// with no content, they make no open fact either.
var clauseTaking = map[string]bool{"say": true, "believe": true, "think": true, "insist": true,
	"suggest": true, "claim": true, "argue": true, "feel": true, "hope": true, "expect": true,
	"know": true, "warn": true, "stress": true, "admit": true, "accept": true, "conclude": true}

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
	if c.Object < 0 {
		// "called on X", "relied on X": a preposition the clause reader takes for a
		// circumstance makes the verb's object where the vocabulary says so.
		if j, prep := b.phrasalObject(si, c); j >= 0 {
			cl := *c
			cl.Object, cl.Prep, cl.Relation = j, prep, c.Relation+" "+prep
			c = &cl
		}
	}
	quoted, elsewhere := b.quotesOf(si, c) // the quotations this clause attributes
	p, ok := schema.LookupVerb(c.Lemma, c.Particle, c.Prep)
	if !ok && len(quoted) > 0 { // "he continued, “…”"
		p, ok = schema.PredicateByName(schema.PredSaid)
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
		if c.Passive && !p.Inverse { // no agent, or one no entity names: read from the patient
			return b.passiveFacts(si, ci)
		}
		return nil
	}
	objects := b.args(si, objTok)
	if p.Class == schema.ClassSay && !addressee[c.Lemma] {
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
			for _, l := range literals {
				elsewhere[l] = si + 1 // evidenced by the quotation's own sentence
			}
		}
	case objTok >= 0 && literalHead(&toks[objTok]):
		// "supported the plans": a thing, not an entity.
		if p.Class == schema.ClassMeet && len(objects) == 0 {
			return b.openFacts(si, ci) // "met with strong resistance", "met its target": no meeting
		}
		if l := spanText(b.d, toks, phrase(toks, objTok)); l != "" {
			literals = append(literals, l)
		}
	}
	if len(objects) == 0 && len(literals) == 0 {
		if p.Class == schema.ClassSay && !addressee[c.Lemma] && !clauseTaking[c.Lemma] && objTok >= 0 && len(quoted) == 0 && literalHead(&toks[objTok]) {
			// "maintained a policy", "denied visas to X": no speech reported; the verb's plain
			// meaning as an open predicate.
			return b.openFacts(si, ci)
		}
		return nil
	}
	var out []schema.Fact
	if p.Class == schema.ClassSay && len(objects) == 0 && len(c.Parts) == 1 {
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
	st := b.mood(si, ci)
	if c.Parent >= 0 && st.by == nil {
		conf *= factorUnnamed // what somebody unnamed said or thought ("…, officials said")
	}
	if st.modality == schema.ModalityHypothetical {
		conf *= factorHypothetical
	}
	for _, sa := range subjects {
		conf := conf * mentionWeight(sa)
		base := b.newFact(si, c.Verb)
		base.Subject, base.Predicate, base.Relation, base.CAMEO = b.entityRef(sa), p.Name, c.Relation, p.CAMEO
		base.Negated, base.Modality, base.AttributedTo = c.Negated != st.denied, st.modality, st.by
		out = append(out, b.objectFacts(base, conf, objects, literals)...)
		if len(objects) > 0 && p.Class == schema.ClassSay && len(literals) > 0 {
			// "X told Y that S": to whom, and what.
			out = append(out, b.objectFacts(base, conf, nil, literals)...)
		}
	}
	for i := range out {
		// A quotation in a paragraph of its own is evidenced by its own sentence, not the one
		// that named its speaker.
		if qs, ok := elsewhere[out[i].Object.Literal]; ok && out[i].Object.IsLiteral() {
			f := b.newFact(qs, -1)
			out[i].Sentence, out[i].Start, out[i].End, out[i].Evidence = f.Sentence, f.Start, f.End, f.Evidence
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
			// next candidate ("X slammed Y, replying to his remarks": his is Y), except the
			// owner of what one proposes or says ("X outlined his plan": his own, a thing).
			if ownProposal(base.Predicate, oa) || !b.nextCandidate(&oa, base.Subject.ID) {
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
		if sameName(l, base.Subject) || !contentful(l) {
			continue // "the group called the Quill Guild": a name, not what the Quill Guild did
		}
		f := base
		f.Object = schema.Object{Literal: l}
		f.Confidence = round(conf * factorLiteral)
		out = append(out, f)
	}
	return out
}

// ownProposal reports whether object a of a fact with predicate pred is a thing its subject
// owns by a possessive pronoun and proposes, offers or states ("outlined his plan", "announced
// her resignation"): the owner is the subject, no other candidate.
func ownProposal(pred string, a arg) bool {
	p, ok := schema.PredicateByName(pred)
	return ok && a.weak && a.kind == coref.Pronoun &&
		(p.Class == schema.ClassPropose || p.Class == schema.ClassOffer || p.Class == schema.ClassSay)
}

// statementObject are the verbs of saying whose object phrase can be what was said: "announced
// a review", "denied the claims"; "maintained a policy" or "told the police" cannot.
var statementObject = map[string]bool{"announce": true, "post": true, "tweet": true, "write": true,
	"publish": true, "issue": true, "release": true, "claim": true, "confirm": true, "reveal": true,
	"unveil": true, "report": true, "declare": true, "predict": true, "admit": true, "acknowledge": true,
	"put out": true, "lay out": true, "set out": true}

// works are the things a verb of writing or publishing makes that are no statement of its
// subject: "wrote a book" is not "said a book".
var works = map[string]bool{"book": true, "novel": true, "biography": true, "autobiography": true,
	"memoir": true, "song": true, "album": true, "single": true, "record": true, "film": true,
	"movie": true, "script": true, "screenplay": true, "play": true, "poem": true, "game": true,
	"software": true, "program": true, "programme": true, "version": true, "product": true,
	"code": true, "music": true, "episode": true, "series": true, "show": true}

// emptyWords are the words that mean nothing out of their sentence: a literal of these alone
// ("has denied this", "I could not reconstruct what") says nothing.
var emptyWords = map[string]bool{"what": true, "this": true, "that": true, "these": true, "those": true,
	"it": true, "them": true, "him": true, "her": true, "which": true, "who": true, "so": true,
	"there": true, "here": true, "one": true, "all": true, "some": true, "both": true, "none": true,
	"something": true, "anything": true, "nothing": true, "everything": true, "much": true, "more": true}

// contentful reports whether a literal has a word that means something on its own.
func contentful(literal string) bool {
	for _, w := range strings.Fields(literal) {
		if w = strings.ToLower(strings.Trim(w, ".,;:!?\"'’‘“”()")); w != "" && !emptyWords[w] {
			return true
		}
	}
	return false
}

// sameName reports whether a literal is only the name of entity e ("the Quill Guild" for
// Quill Guild).
func sameName(literal string, e schema.Entity) bool {
	l := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(literal, "the "), "The "))
	return l == strings.ToLower(e.Name) || e.Mention != "" && l == strings.ToLower(e.Mention)
}

// contentLiterals returns what a clause of saying or proposing says: its content clauses, the
// "that" clause of "told reporters in a call that …", or its object phrase.
func (b *factBuilder) contentLiterals(si int, c *clause.Clause, objTok int, class string) []string {
	toks := b.d.Sentences[si].Tokens
	var literals []string
	if !c.Content.Empty() {
		for _, part := range c.Parts {
			if objTok > c.Verb && clauseTaking[c.Lemma] && !addressee[c.Lemma] && toks[objTok].Dep == "obj" {
				// "said his conviction in X had not changed" parsed with "his conviction" as the
				// verb's object: the object right before what was said is its subject (not
				// before "that", where it would be whom the words were for).
				if obj := tree.Subtree(toks, objTok); obj.End == part.Start && !strings.EqualFold(toks[part.Start].Text, "that") {
					part.Start = obj.Start
				}
			}
			// One word before the speaker is a parse gone astray ("Major general X said …"
			// read with "Major" as what was said), not a statement.
			if l := spanText(b.d, toks, part); l != "" && (part.End-part.Start > 1 || part.Start > c.Verb) {
				literals = append(literals, l)
			}
		}
		return literals
	}
	if objTok < 0 {
		if schema.IsSpeech(c.Lemma) {
			// "claimed in his book that …": what was said, which the parse hung on a noun.
			if sp := nounThatClause(toks, c.Verb); !sp.Empty() {
				return []string{spanText(b.d, toks, sp)}
			}
		}
		return nil
	}
	if schema.IsSpeech(c.Lemma) {
		// "told reporters in a call that …": what was said, not to whom.
		if sp := thatClause(toks, c.Verb); !sp.Empty() {
			return []string{spanText(b.d, toks, sp)}
		}
		// "He added his plan would be …": the parse took the subject of what was said for the
		// verb's object; a finite verb right after it says so. Not a passive's subject before
		// its verb ("The music is being written by …").
		if obj := tree.Subtree(toks, objTok); objTok > c.Verb && obj.End < len(toks) && tree.IsFinite(&toks[obj.End]) && !addressee[c.Lemma] {
			if all := tree.Subtree(toks, c.Verb); all.End > obj.End {
				return []string{spanText(b.d, toks, tree.Span{Start: obj.Start, End: all.End})}
			}
		}
	}
	if works[strings.ToLower(toks[objTok].Lemma)] && class == schema.ClassSay {
		return literals // "wrote a book", "released an album": a work made, not something said
	}
	if class != schema.ClassSay || statementObject[c.Lemma] || c.Particle != "" && statementObject[c.Lemma+" "+c.Particle] {
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

// phrasalObject returns the prepositional argument of clause c's verb that the vocabulary reads as
// its object ("called on X": urged X), and its preposition; -1 when there is none.
func (b *factBuilder) phrasalObject(si int, c *clause.Clause) (int, string) {
	toks := b.d.Sentences[si].Tokens
	bare, bareOK := schema.LookupVerb(c.Lemma, c.Particle, "")
	for j := range toks {
		if toks[j].Head != c.Verb || !isOblique(&toks[j]) {
			continue
		}
		prep := caseWord(toks, j)
		if prep == "" || prep == "by" || prep == "according" {
			continue
		}
		if p, ok := schema.LookupVerb(c.Lemma, c.Particle, prep); ok && (!bareOK || p.Name != bare.Name) {
			return j, prep
		}
	}
	return -1, ""
}

// newFact returns a fact whose provenance is sentence si: article, sentence index, offsets and
// evidence; and its time, that of token tok's clause (the verb or noun the fact is read from) or
// the article's date (see when.go). The end offset is the byte after the sentence's last byte in
// the original, not where the prepared text's end maps (past a closing tag of a web page).
func (b *factBuilder) newFact(si, tok int) schema.Fact {
	s := &b.d.Sentences[si]
	end := b.d.Offsets.Source(s.End)
	if s.End > s.Start {
		end = b.d.Offsets.Source(s.End-1) + 1
	}
	return schema.Fact{Doc: b.d.ID, Sentence: s.Index, Start: b.d.Offsets.Source(s.Start), End: end,
		Evidence: b.d.Text[s.Start:s.End], Time: b.when(si, tok)}
}
