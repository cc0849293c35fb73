package extract

import (
	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/schema"
)

// literalClasses are the predicate classes whose object may be a statement or proposal rather
// than an entity.
var literalClasses = map[string]bool{"SAY": true, "PROPOSE": true, "ASK": true, "URGE": true, "DEMAND": true,
	"OFFER": true, "REJECT": true, "DENY": true, "REPLY": true}

// clauseFacts turns the verb clauses of sentence si into facts: the canonical predicate of the
// verb, its subject and its object (entities, or what was said or proposed), with negation,
// modality and attribution.
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
