package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/schema"
)

// territories are the nouns that make their subject part of their owner: "X is part of Y",
// "Y's region X", "the Zed regions – X and W".
var territories = map[string]bool{"part": true, "region": true, "province": true, "territory": true, "oblast": true}

// partFacts reads "part of" facts: "X is (a) part of Y", "X was recognized as part of Y", "X, a
// region of Y", "two Zed regions – X and W" (Zed a nationality). A part in a hypothetical clause
// ("should be part of") is hypothetical; one inside reported speech is the speaker's.
func (b *factBuilder) partFacts(si int) []schema.Fact {
	s := &b.d.Sentences[si]
	toks := s.Tokens
	p, ok := schema.PredicateByName(schema.PredPartOf)
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
				modality = schema.ModalityHypothetical
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
			if t := b.ents[x.ent].Type; t != schema.TypeGPE && t != schema.TypeLoc {
				continue
			}
			for _, y := range owners {
				if b.ents[y.ent].ID == b.ents[x.ent].ID {
					continue
				}
				f := b.newFact(si, k)
				f.Subject, f.Predicate, f.Relation = b.entityRef(x), p.Name, strings.Join(rel, " ")
				f.Object = schema.Object{Entity: b.entityRef(y)}
				f.Modality, f.Confidence = modality, round(confPartOf*mentionWeight(x)*mentionWeight(y))
				if m, sp := b.tokenMood(si, k); sp != nil {
					f.Modality, f.AttributedTo = m, sp
				}
				out = append(out, f)
			}
		}
	}
	return out
}

// placeFacts reads places set in larger ones by apposition or a preposition: "Springfield,
// Ohio" and "Zendaville in the Netherlands" put the first place in the second ("part of").
func (b *factBuilder) placeFacts(si int) []schema.Fact {
	toks := b.d.Sentences[si].Tokens
	p, ok := schema.PredicateByName(schema.PredPartOf)
	if !ok {
		return nil
	}
	place := func(a arg) bool { t := b.ents[a.ent].Type; return t == schema.TypeGPE || t == schema.TypeLoc }
	var out []schema.Fact
	for mi := range b.cr.Mentions {
		m := &b.cr.Mentions[mi]
		if m.Sent != si || m.Kind != coref.Name || m.Type != schema.TypeGPE && m.Type != schema.TypeLoc || m.Entity < 0 || !b.ents[m.Entity].ok {
			continue
		}
		x := arg{ent: m.Entity, mention: m.Text, kind: m.Kind}
		for j := m.End; j < len(toks); j++ {
			rel := ""
			switch c := caseWord(toks, j); {
			case toks[j].Head != m.Head:
				continue
			case toks[j].Dep == "appos" && j > m.End && toks[m.End].Text == "," && !listed(toks, m.Head, j):
				rel = ","
			case toks[j].Dep == "nmod" && (c == "in" || c == "of") && !coordinated(toks, m.End, j):
				rel = c
			default:
				continue
			}
			for _, y := range strong(b.args(si, j)) {
				if !place(y) || b.ents[y.ent].ID == b.ents[x.ent].ID {
					continue
				}
				f := b.newFact(si, m.Head)
				f.Subject, f.Predicate, f.Relation = b.entityRef(x), p.Name, rel
				f.Object = schema.Object{Entity: b.entityRef(y)}
				f.Confidence = confPlace
				f.Modality, f.AttributedTo = b.tokenMood(si, m.Head)
				out = append(out, f)
			}
		}
	}
	return out
}

// coordinated reports whether a conjunction stands between tokens from and to: "in Zedland or in
// Yonland" lists two places, it does not put one in the other.
func coordinated(toks []doc.Token, from, to int) bool {
	for k := from; k < to && k < len(toks); k++ {
		if toks[k].Tag == "CC" {
			return true
		}
	}
	return false
}

// listed reports whether either of two tokens has a conjunct: "in Egypt, the Gulf of Mexico and
// Angola" is a list of places, not one in another.
func listed(toks []doc.Token, a, b int) bool {
	for k := range toks {
		if toks[k].Dep == "conj" && (toks[k].Head == a || toks[k].Head == b) {
			return true
		}
	}
	return false
}

// stateBodies are the last words of the names of a state's institutions: named after their
// country ("the Ruritanian Navy", "the US Commerce Department"), they are part of it. Newspapers,
// banks, parties and universities named so are not.
var stateBodies = map[string]bool{"ministry": true, "department": true, "army": true, "navy": true,
	"military": true, "force": true, "forces": true, "guard": true, "police": true, "parliament": true,
	"senate": true, "congress": true, "assembly": true, "cabinet": true, "government": true,
	"council": true, "commission": true, "court": true, "agency": true}

// stateBodyFacts puts the state institutions named after a country in that country, at the
// first mention of their name, when the article names the country too: "the Ruritanian Navy"
// (a demonym) and "the US Commerce Department" (a country) are part of Ruritania and of the US.
func (b *factBuilder) stateBodyFacts(si int) []schema.Fact {
	p, ok := schema.PredicateByName(schema.PredPartOf)
	if !ok {
		return nil
	}
	var out []schema.Fact
	for mi := range b.cr.Mentions {
		m := &b.cr.Mentions[mi]
		if m.Sent != si || m.Kind != coref.Name || m.Entity < 0 || !b.ents[m.Entity].ok || b.ents[m.Entity].Type != schema.TypeOrg {
			continue
		}
		if e := &b.cr.Entities[m.Entity]; len(e.Mentions) == 0 || e.Mentions[0] != mi {
			continue // the first mention only
		}
		words := strings.Fields(m.Name)
		if len(words) < 2 || !stateBodies[strings.ToLower(words[len(words)-1])] {
			continue
		}
		country, rel := "", words[0]
		if c, ok := lexicon.Demonym(words[0]); ok {
			country = c
		}
		for n := len(words) - 1; n > 0 && country == ""; n-- { // "US", "United States"
			if pl, ok := lexicon.Place(strings.Join(words[:n], " ")); ok && pl.Kind == lexicon.Country {
				country, rel = pl.Name, strings.Join(words[:n], " ")
			}
		}
		owner := b.entityNamed(country, schema.TypeGPE)
		if owner < 0 || owner == m.Entity {
			continue
		}
		f := b.newFact(si, m.Head)
		f.Subject = b.entityRef(arg{ent: m.Entity, mention: m.Text, kind: m.Kind})
		f.Predicate, f.Relation = p.Name, rel
		f.Object = schema.Object{Entity: b.entityRef(arg{ent: owner, mention: b.ents[owner].Name})}
		f.Confidence = confStateBody
		out = append(out, f)
	}
	return out
}

// entityNamed returns the entity of the given type and name in the article, or -1.
func (b *factBuilder) entityNamed(name, typ string) int {
	if name == "" {
		return -1
	}
	for i := range b.ents {
		if b.ents[i].ok && b.ents[i].Type == typ && strings.EqualFold(b.ents[i].Name, name) {
			return i
		}
	}
	return -1
}
