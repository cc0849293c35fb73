package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// patientPreps are the prepositions that introduce the target of an event noun: "criticism of
// X", "support for X", "an attack on X", "opposition to X".
var patientPreps = map[string]bool{"of": true, "for": true, "on": true, "against": true, "to": true,
	"at": true, "over": true, "with": true, "toward": true, "towards": true}

// nounFacts reads events named by a noun of the vocabulary, with the actor as its possessor or
// "by" phrase and the target as its prepositional phrase: "Acme's bid for Zenith" (Acme offered
// Zenith... as the vocabulary names it), "the invasion of Zedland by Yon", "X's support for Y".
// Both must be entities: a noun alone ("the criticism") says nothing of who.
func (b *factBuilder) nounFacts(si int) []schema.Fact {
	toks := b.d.Sentences[si].Tokens
	var out []schema.Fact
	for n := range toks {
		if !strings.HasPrefix(toks[n].Tag, "NN") || strings.HasPrefix(toks[n].Tag, "NNP") {
			continue
		}
		if _, ok := schema.LookupNoun(strings.ToLower(toks[n].Lemma)); !ok {
			continue
		}
		var agents, patients []arg
		prep := ""
		for j := range toks {
			if toks[j].Head != n {
				continue
			}
			c := caseWord(toks, j)
			switch {
			case toks[j].Dep == "nmod:poss", toks[j].Dep == "nmod" && c == "by":
				agents = append(agents, strong(b.args(si, j))...)
			case toks[j].Dep == "nmod" && patientPreps[c] && len(patients) == 0:
				if a := strong(b.args(si, j)); len(a) > 0 {
					patients, prep = a, c
				}
			}
		}
		if len(agents) == 0 || len(patients) == 0 {
			continue
		}
		p, ok := schema.LookupNoun(strings.ToLower(toks[n].Lemma) + " " + prep)
		if !ok {
			continue
		}
		modality, attributed := b.tokenMood(si, n)
		for _, a := range agents {
			base := b.newFact(si, n)
			base.Subject, base.Predicate, base.CAMEO = b.entityRef(a), p.Name, p.CAMEO
			base.Relation = toks[n].Text + " " + prep
			base.Modality, base.AttributedTo = modality, attributed
			for _, f := range b.objectFacts(base, confEventNoun*mentionWeight(a), patients, nil) {
				if f.Object.ID != f.Subject.ID {
					out = append(out, f)
				}
			}
		}
	}
	return out
}
