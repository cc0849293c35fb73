package extract

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/tag"
	"github.com/newsgraph/newsgraph/schema"
)

// openStop are verbs that make no fact of their own: auxiliaries and copulas read as verbs, and
// verbs whose meaning is in their complement ("seem to", "appear to").
var openStop = map[string]bool{"be": true, "have": true, "do": true, "seem": true, "appear": true,
	"become": true, "remain": true, "let": true}

// openFacts reads a clause whose verb the vocabulary has no canonical predicate for as open
// facts: the predicate is the lemmatised verb phrase of the text, flagged Open, at a lower
// confidence. Every clause whose subject is an entity and that has an object says something:
//
//   - an entity object, direct or oblique: "X replaced Y" (replace), "X merged with Y" (merge with);
//   - a common-noun object with an entity in a prepositional phrase: the noun joins the
//     predicate, as light verbs want: "X parted company with Y" (part company with), "X gave its
//     backing to Y" (give backing to);
//   - otherwise a common-noun object as a literal: "X released a toolkit" (release | a toolkit).
func (b *factBuilder) openFacts(si, ci int) []schema.Fact {
	toks := b.d.Sentences[si].Tokens
	c := &b.clauses[si][ci]
	if openStop[c.Lemma] || c.Conditional || !strings.HasPrefix(toks[c.Verb].Tag, "VB") ||
		!wordLike(c.Lemma) || closedWords[strings.ToLower(toks[c.Verb].Text)] || tag.Nominal(strings.ToLower(toks[c.Verb].Text)) {
		return nil // "preparations" tagged a verb makes no open predicate
	}
	if c.Passive && c.Subject < 0 {
		return b.passiveFacts(si, ci)
	}
	if c.Subject < 0 || c.Object >= 0 && titlePair(toks, c.Verb, c.Object) {
		return nil // "managing director of X" read as managing a director
	}
	subjects := strong(b.args(si, c.Subject))
	if len(subjects) == 0 {
		if c.Passive { // "X was founded by its late owner in Y": an agent no entity names
			return b.passiveFacts(si, ci)
		}
		return nil
	}
	var targets []openTarget
	add := func(noun, prep, relation string, objects []arg, literal string) {
		targets = append(targets, openTarget{schema.OpenPredicate(c.Lemma, c.Particle, noun, prep), relation, objects, literal})
	}
	obliques := b.entityObliques(si, c)
	if c.Object >= 0 && desireVerbs[c.Lemma] && controlledObject(toks, c.Verb, c.Object) {
		return nil // "wanted Ruritania to send aid": Ruritania is who would send it, not what was wanted
	}
	var objects []arg
	if c.Object >= 0 {
		objects = owned(b.args(si, c.Object))
	}
	switch {
	case len(objects) > 0:
		add("", c.Prep, c.Relation, objects, "")
		for _, o := range obliques {
			add("", o.prep, c.Relation+" "+o.prep, o.args, "")
		}
	case c.Object >= 0 && literalHead(&toks[c.Object]):
		// "gave its backing to Y": the parse may hang the phrase on the verb or on the noun.
		var light []oblique
		if c.Prep == "" {
			light = append(append(light, obliques...), b.entityModifiers(si, c.Object)...)
		}
		noun := strings.ToLower(toks[c.Object].Lemma)
		for _, o := range light {
			add(noun, o.prep, c.Relation+" "+toks[c.Object].Text+" "+o.prep, o.args, "")
		}
		if l := spanText(b.d, toks, phrase(toks, c.Object)); len(light) == 0 && l != "" && len(strings.Fields(l)) <= maxOpenLiteral {
			add("", c.Prep, c.Relation, nil, l)
		}
	default:
		for _, o := range obliques {
			add("", o.prep, c.Relation+" "+o.prep, o.args, "")
		}
	}
	return b.openTargets(si, ci, subjects, targets)
}

// desireVerbs want or expect something of their object: with an infinitive after it, the
// object is who would do it ("wants X to go"), not what is wanted; verbs that act on their object
// ("forced X to go", "invited X to come") are not among them.
var desireVerbs = map[string]bool{"want": true, "wish": true, "expect": true, "prefer": true, "like": true,
	"love": true, "hate": true, "intend": true, "mean": true}

// controlledObject reports whether the object o of verb v is the subject of an infinitive that
// completes the verb after it ("wanted X to go", "expects X to win").
func controlledObject(toks []doc.Token, v, o int) bool {
	for k := o + 1; k < len(toks); k++ {
		if toks[k].Head == v && toks[k].Dep == "xcomp" && toks[k].Tag == "VB" {
			return true
		}
	}
	return false
}

// openTarget is what an open fact's subject does: the predicate, the words of the text, and the
// entity objects or else the literal.
type openTarget struct {
	pred     schema.Predicate
	relation string
	objects  []arg
	literal  string
}

// openTargets makes the open facts of clause ci of sentence si: each subject with each target.
func (b *factBuilder) openTargets(si, ci int, subjects []arg, targets []openTarget) []schema.Fact {
	c := &b.clauses[si][ci]
	conf := confOpen
	if c.Inherited {
		conf *= factorInherited
	}
	st := b.mood(si, ci)
	if st.modality == schema.ModalityHypothetical {
		conf *= factorHypothetical
	}
	var out []schema.Fact
	for _, t := range targets {
		var literals []string
		if t.literal != "" {
			literals = []string{t.literal}
		}
		for _, sa := range subjects {
			base := b.newFact(si, c.Verb)
			base.Subject, base.Predicate, base.Relation, base.Open = b.entityRef(sa), t.pred.Name, t.relation, true
			base.Negated, base.Modality, base.AttributedTo = c.Negated != st.denied, st.modality, st.by
			out = append(out, b.objectFacts(base, conf*mentionWeight(sa), t.objects, literals)...)
		}
	}
	return out
}

// maxOpenLiteral caps the words of an open fact's literal object: a longer phrase is more
// likely a parse gone astray than the thing done.
const maxOpenLiteral = 12

// oblique is a prepositional argument of a verb that names entities.
type oblique struct {
	prep string
	args []arg
}

// entityObliques returns the prepositional arguments of clause c's verb, other than its object,
// that resolve to entities: "floated on the Exchange", "merged with Zenith". Time phrases are not
// arguments.
func (b *factBuilder) entityObliques(si int, c *clause.Clause) []oblique {
	toks := b.d.Sentences[si].Tokens
	var out []oblique
	for j := range toks {
		if toks[j].Head != c.Verb || j == c.Object || !isOblique(&toks[j]) {
			continue
		}
		prep := caseWord(toks, j)
		if prep == "" || prep == "according" || prep == "by" && c.Passive {
			continue
		}
		if a := owned(b.args(si, j)); len(a) > 0 {
			out = append(out, oblique{prep: prep, args: a})
		}
	}
	return out
}

// entityModifiers returns the prepositional modifiers of noun n that resolve to entities:
// "backing | to Y", "sights | on Y". "Between" and "among" relate several things, not the
// subject to one.
func (b *factBuilder) entityModifiers(si, n int) []oblique {
	toks := b.d.Sentences[si].Tokens
	var out []oblique
	for j := range toks {
		if toks[j].Head != n || toks[j].Dep != "nmod" {
			continue
		}
		if prep := caseWord(toks, j); prep != "" && prep != "of" && prep != "between" && prep != "among" {
			if a := strong(b.args(si, j)); len(a) > 0 {
				out = append(out, oblique{prep: prep, args: a})
			}
		}
	}
	return out
}

// isOblique reports whether token t is a prepositional argument of its head that is not a time
// or measure phrase.
func isOblique(t *doc.Token) bool {
	return (t.Dep == "obl" || strings.HasPrefix(t.Dep, "obl:")) && t.Dep != "obl:tmod" && t.Dep != "obl:npmod"
}

// passiveFacts reads a passive clause without an agent as open facts of its patient: "X was
// elected in Y" is X "be elect in" Y, "X was moved to Y" X "be move to" Y. Only prepositional
// arguments that name entities make facts: "X was arrested" alone says nothing of whom.
func (b *factBuilder) passiveFacts(si, ci int) []schema.Fact {
	c := &b.clauses[si][ci]
	if c.Object < 0 {
		return nil
	}
	patients := strong(b.args(si, c.Object))
	if len(patients) == 0 {
		return nil
	}
	var targets []openTarget
	for _, o := range b.entityObliques(si, c) {
		targets = append(targets, openTarget{schema.OpenPredicate("be", c.Lemma, c.Particle, o.prep),
			c.Relation + " " + o.prep, o.args, ""})
	}
	return b.openTargets(si, ci, patients, targets)
}

// strong drops the arguments reached through a possessive: an open predicate says nothing of
// the owner ("X broke his word" is not X breaking him).
func strong(args []arg) []arg {
	out := args[:0:0]
	for _, a := range args {
		if !a.weak {
			out = append(out, a)
		}
	}
	return out
}

// owned keeps the arguments that are entities themselves or the named owner of what the clause
// is about: "complied with Acme's requests" is about Acme, but "broke his word" is not about him.
func owned(args []arg) []arg {
	out := args[:0:0]
	for _, a := range args {
		if !a.weak || a.kind == coref.Name {
			out = append(out, a)
		}
	}
	return out
}

// titlePair reports whether a verb and its object are the words of one title the parse split:
// "managing director", "acting chairman".
func titlePair(toks []doc.Token, v, o int) bool {
	if o != v+1 {
		return false
	}
	_, ok := lexicon.Title(strings.ToLower(toks[v].Text + " " + toks[o].Text))
	return ok
}

// wordLike reports whether a lemma can name a verb: letters and hyphens.
func wordLike(lemma string) bool {
	if lemma == "" {
		return false
	}
	for _, r := range lemma {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}

// closedWords are prepositions and conjunctions a tagger may read as verbs.
var closedWords = map[string]bool{"amid": true, "despite": true, "via": true, "per": true,
	"versus": true, "towards": true, "unlike": true, "besides": true, "pending": true,
	"regarding": true, "concerning": true, "notwithstanding": true, "barring": true}
