package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

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
