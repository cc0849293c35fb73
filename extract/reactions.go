package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/schema"
)

// reactionNouns are nouns of a reaction whose "from" phrase names who reacted: "the plan drew
// criticism from X" is X criticizing the plan's author.
var reactionNouns = map[string]string{"backlash": schema.PredCriticized, "criticism": schema.PredCriticized, "condemnation": schema.PredCriticized,
	"outrage": schema.PredCriticized, "anger": schema.PredCriticized, "fury": schema.PredCriticized, "rebuke": schema.PredCriticized, "praise": schema.PredPraised,
	"support": schema.PredSupported, "applause": schema.PredPraised}

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
		from := -1
		for j := range toks {
			// "criticism from X", or the parse's "drew criticism | from X"
			if (toks[j].Head == c.Object && toks[j].Dep == "nmod" || toks[j].Head == c.Verb && toks[j].Dep == "obl") && caseWord(toks, j) == "from" {
				reactors = append(reactors, b.args(si, j)...)
				from = j
			}
		}
		for k := from + 1; from >= 0 && k < len(toks); k++ {
			// "backlash from X and Y" with Y hung on the noun as its conjunct: a name there is
			// one more who reacted, not a second reaction.
			if m, ok := b.cr.At(si, k); ok && toks[k].Head == c.Object && toks[k].Dep == "conj" && m.Kind == coref.Name {
				reactors = append(reactors, b.args(si, k)...)
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
				f := b.newFact(si, c.Verb)
				f.Subject, f.Predicate, f.CAMEO = b.entityRef(r), p.Name, p.CAMEO
				f.Relation = c.Relation + " " + toks[c.Object].Text + " from"
				f.Object = schema.Object{Entity: b.entityRef(t)}
				f.Confidence = round(confReaction * mentionWeight(r) * mentionWeight(t))
				out = append(out, f)
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
