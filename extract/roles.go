package extract

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/schema"
)

// roleFacts turns the roles titles give people into facts: "Pentagon spokesman X" is X
// —spokesperson of→ Pentagon; "Acme and Zenith CEO X" two facts; "U.S. billionaire X", a title
// with no role predicate, is X —has title→ "billionaire" and X —citizen of→ United States.
func (b *factBuilder) roleFacts(si int) []schema.Fact {
	var out []schema.Fact
	for _, r := range b.cr.Roles {
		if r.Sent != si || !b.ents[r.Person].ok {
			continue
		}
		person := b.entityRef(arg{ent: r.Person, mention: b.ents[r.Person].Name})
		base := b.newFact(si, r.End-1)
		base.Subject, base.Relation, base.Confidence = person, r.Title, confTitleRole
		if r.Resolved {
			base.Confidence = round(confTitleRole * weightPronoun) // "its founder X": whose "its" is
		}
		add := func(pred, cameo string, ent int) {
			if ent < 0 || !b.ents[ent].ok || ent == r.Person || b.ents[ent].Type == schema.TypePerson && pred != schema.PredWorksFor {
				return // a person can employ ("Lopez's lawyer") but holds no office another person is
			}
			if strings.Contains(strings.ToLower(b.ents[ent].Name), strings.ToLower(r.Title)) {
				return // "the Transport Department Spokesperson" read as one name: the title is no owner
			}
			f := base
			f.Predicate, f.CAMEO = pred, cameo
			f.Object = schema.Object{Entity: b.entityRef(arg{ent: ent, mention: b.ents[ent].Name})}
			out = append(out, f)
		}
		p, ok := schema.LookupRole(r.Title)
		if !ok {
			f := base
			f.Predicate = schema.PredHasTitle
			f.Object = schema.Object{Literal: strings.ToLower(r.Title)}
			f.Confidence = confTitle
			out = append(out, f)
			for _, of := range r.Of {
				place, known := lexicon.Place(b.ents[of].Name)
				switch typ := b.ents[of].Type; {
				case team[strings.ToLower(r.Title)]:
					add(schema.PredWorksFor, "", of) // "Everton manager", "Bristol City midfielder"
				case typ == schema.TypeLoc: // "a Black Sea fisherman": where, not whose
				case typ == schema.TypeGPE && known:
					// "U.S. billionaire"; but a "Texas judge" or a "London lawyer" is no
					// citizen of a state or a city.
					if place.Kind == lexicon.Country {
						add(schema.PredCitizenOf, "", of)
					}
				default: // an organisation, or a "place" the gazetteers do not know
					add(schema.PredWorksFor, "", of) // "Acme columnist"
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
			f.Predicate = schema.PredHasTitle
			f.Object = schema.Object{Literal: strings.ToLower(r.Title)}
			f.Confidence = confTitle
			out = append(out, f)
		}
	}
	return out
}

// team are the titles of a team or club: with a place for owner they name the club or the
// national side ("Everton manager", "Scotland striker"), not a nationality.
var team = map[string]bool{"manager": true, "coach": true, "captain": true, "player": true, "footballer": true,
	"striker": true, "midfielder": true, "defender": true, "goalkeeper": true, "winger": true, "boss": true,
	"chairman": true, "owner": true}

// affiliationFacts reads the organisation a person is named with: "X of the Labour Party", "X
// from Acme", "Acme's X" make X a member of the organisation. A title read by roleFacts already
// says more and is not repeated.
func (b *factBuilder) affiliationFacts(si int) []schema.Fact {
	toks := b.d.Sentences[si].Tokens
	member, ok := schema.PredicateByName(schema.PredMemberOf)
	if !ok {
		return nil
	}
	var out []schema.Fact
	for mi := range b.cr.Mentions {
		m := &b.cr.Mentions[mi]
		if m.Sent != si || m.Kind != coref.Name || m.Type != schema.TypePerson || m.Entity < 0 || !b.ents[m.Entity].ok {
			continue
		}
		for j := range toks {
			if toks[j].Head != m.Head || j >= m.Start && j < m.End {
				continue
			}
			rel := ""
			switch c := caseWord(toks, j); {
			case toks[j].Dep == "nmod" && (c == "of" || c == "from"):
				rel = c
			case toks[j].Dep == "nmod:poss" && j < m.Start:
				rel = "'s"
			default:
				continue
			}
			for _, o := range b.args(si, j) {
				if b.ents[o.ent].Type != schema.TypeOrg || o.weak || b.hasRole(si, m.Entity, o.ent) {
					continue
				}
				f := b.newFact(si, m.Head)
				f.Subject = b.entityRef(arg{ent: m.Entity, mention: m.Text})
				f.Predicate, f.Relation = member.Name, rel
				f.Object = schema.Object{Entity: b.entityRef(o)}
				f.Confidence = round(confAffiliation * mentionWeight(o))
				out = append(out, f)
			}
		}
	}
	return out
}

// hasRole reports whether a title of sentence si already ties person to org.
func (b *factBuilder) hasRole(si, person, org int) bool {
	for _, r := range b.cr.Roles {
		if r.Sent == si && r.Person == person && (r.To == org || slices.Contains(r.Of, org)) {
			return true
		}
	}
	return false
}

// copularRoleFacts reads roles stated with a copula: "X is chief executive of Acme", "X has been
// managing director and chief executive of Acme" (two roles), "X was the Zed ambassador". The
// title's owner is its "of", "at" or "for" phrase or its possessor; a title with no owner is the
// literal of "has title".
func (b *factBuilder) copularRoleFacts(si int) []schema.Fact {
	toks := b.d.Sentences[si].Tokens
	var out []schema.Fact
	for k := range toks {
		if !strings.HasPrefix(toks[k].Tag, "NN") || !isTitle(&toks[k]) || toks[k].Dep == "conj" {
			continue
		}
		cop, subj := -1, -1
		for j := range toks {
			if toks[j].Head != k {
				continue
			}
			switch {
			case toks[j].Dep == "cop":
				cop = j
			case toks[j].Dep == "nsubj":
				subj = j
			}
		}
		if cop < 0 || subj < 0 {
			subj = holderOf(toks, k) // "X became chief executive", "X was named chairman"
		}
		if subj < 0 {
			continue
		}
		holders := b.args(si, subj)
		titles := []int{k}
		for j := range toks {
			if toks[j].Head == k && toks[j].Dep == "conj" && isTitle(&toks[j]) {
				titles = append(titles, j)
			}
		}
		var owners []arg
		for _, t := range titles {
			owners = append(owners, b.titleOwners(si, t)...)
		}
		negated := false
		for j := range toks {
			if toks[j].Head == k && toks[j].Dep == "advmod" && clause.IsNegation(strings.ToLower(toks[j].Text)) {
				negated = true
			}
		}
		conf := confCopularRole
		gov := toks[k].Head // the verb of becoming, if any: "if he became king"
		supposed := unreal(toks, k) || gov >= 0 && becoming[strings.ToLower(toks[gov].Lemma)] && unreal(toks, gov)
		if supposed {
			conf *= factorHypothetical
		}
		for _, h := range holders {
			if b.ents[h.ent].Type != schema.TypePerson {
				continue
			}
			for _, t := range titles {
				title := titlePhrase(toks, t)
				base := b.newFact(si, t)
				base.Subject, base.Relation, base.Negated = b.entityRef(h), title, negated
				base.Modality, base.AttributedTo = b.tokenMood(si, k)
				if supposed && base.Modality == "" {
					base.Modality = schema.ModalityHypothetical
				}
				out = append(out, b.titleFacts(base, title, owners, conf*mentionWeight(h))...)
			}
		}
	}
	return out
}

// unreal reports whether predicate token k is only supposed: under a modal ("would be the
// governor") or a condition ("if he became king").
func unreal(toks []doc.Token, k int) bool {
	for j := range toks {
		if toks[j].Head != k {
			continue
		}
		switch w := strings.ToLower(toks[j].Text); {
		case toks[j].Dep == "aux" && toks[j].Tag == "MD" && w != "will" && w != "shall":
			return true
		case toks[j].Dep == "mark" && (w == "if" || w == "unless" || w == "whether"):
			return true
		}
	}
	return false
}

// becoming are the verbs that give their subject (or, passive, their patient) the title that
// completes them: "X became chairman", "X was appointed chief executive".
var becoming = map[string]bool{"become": true, "remain": true, "appoint": true, "name": true, "elect": true,
	"re-elect": true, "reelect": true, "make": true, "promote": true, "nominate": true, "install": true}

// holderOf returns the token of who holds title k when a verb of becoming gives it, or -1.
func holderOf(toks []doc.Token, k int) int {
	h := toks[k].Head
	if d := toks[k].Dep; h < 0 || d != "xcomp" && d != "obj" || !becoming[strings.ToLower(toks[h].Lemma)] {
		return -1
	}
	for j := range toks {
		if toks[j].Head == h && (toks[j].Dep == "nsubj" || toks[j].Dep == "nsubj:pass") {
			return j
		}
	}
	return -1
}

// titleFacts completes base, a fact whose subject holds title, with the title's role predicate
// towards each owner, or with "has title" when there is no owner or no role predicate.
func (b *factBuilder) titleFacts(base schema.Fact, title string, owners []arg, conf float64) []schema.Fact {
	var out []schema.Fact
	p, ok := schema.LookupRole(title)
	for _, o := range owners {
		if !ok || b.ents[o.ent].ID == base.Subject.ID {
			break
		}
		f := base
		f.Predicate, f.CAMEO = p.Name, p.CAMEO
		if p.Possessive != "" {
			f.Predicate = p.Possessive
		}
		f.Object = schema.Object{Entity: b.entityRef(o)}
		f.Confidence = round(conf * mentionWeight(o))
		out = append(out, f)
	}
	if len(out) == 0 {
		f := base
		f.Predicate = schema.PredHasTitle
		f.Object = schema.Object{Literal: strings.ToLower(title)}
		f.Confidence = round(conf * factorLiteral)
		out = append(out, f)
	}
	return out
}

// titleOwners returns the entities a title token belongs to: its "of", "at" or "for" phrase, its
// possessor, or an entity compounded with it ("the Acme chairman").
func (b *factBuilder) titleOwners(si, t int) []arg {
	toks := b.d.Sentences[si].Tokens
	var out []arg
	for j := range toks {
		if toks[j].Head != t {
			continue
		}
		switch c := caseWord(toks, j); {
		case (toks[j].Dep == "nmod" || toks[j].Dep == "obl") && (c == "of" || c == "at" || c == "for"),
			toks[j].Dep == "nmod:poss", toks[j].Dep == "compound" && j < t:
			for _, a := range b.args(si, j) {
				if typ := b.ents[a.ent].Type; typ != schema.TypePerson && !a.weak {
					out = append(out, a)
				}
			}
		}
	}
	return out
}

// titlePhrase returns a title with the words that make it one title: "managing director", "chief
// executive", "foreign minister"; not determiners, names or owners.
func titlePhrase(toks []doc.Token, t int) string {
	start := t
	for j := t - 1; j >= 0; j-- {
		if toks[j].Head != t && toks[j].Head != start || toks[j].Ent != "" && toks[j].Ent != "O" {
			break
		}
		if d := toks[j].Dep; d != "amod" && d != "compound" || toks[j].Tag == "NNP" {
			break
		}
		start = j
	}
	words := make([]string, 0, t-start+1)
	for j := start; j <= t; j++ {
		words = append(words, toks[j].Text)
	}
	return strings.Join(words, " ")
}
