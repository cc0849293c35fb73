package coref

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/schema"
)

// groupWindow is how many sentences back the two entities of a plural anaphor are looked for.
const groupWindow = 2

// Group returns the entities a plural anaphor at token tok of sentence sent stands for: "Both
// are expected to …", "the two banks said", "the pair worked at …" after two entities were the
// subjects of the sentences before. ok is false when the token is no such anaphor or the text
// did not name two entities to stand for.
func (r *Result) Group(sent, tok int) (members []int, ok bool) {
	members, ok = r.groups[[2]int{sent, tok}]
	return members, ok
}

// readGroups finds the plural anaphors of d's prose that are subjects and the two entities each
// stands for: the last two distinct entities of a fitting type that were subjects of that
// sentence before it or of the groupWindow sentences before.
func (r *Result) readGroups(d *doc.Doc) {
	for si := range d.Sentences {
		s := &d.Sentences[si]
		if s.Kind != doc.Body {
			continue
		}
		for t := range s.Tokens {
			if !isSubject(&s.Tokens[t]) {
				continue
			}
			typ, ok := groupAnaphor(s.Tokens, t)
			if !ok {
				continue
			}
			if members := r.lastSubjects(si, t, typ); len(members) == 2 {
				if r.groups == nil {
					r.groups = map[[2]int][]int{}
				}
				r.groups[[2]int{si, t}] = members
			}
		}
	}
}

// groupAnaphor reports whether subject token t is a plural anaphor for two ("both", "the pair",
// "the two banks", "the two men") and the entity type its noun asks for ("" for any).
func groupAnaphor(toks []doc.Token, t int) (string, bool) {
	w := strings.ToLower(form(&toks[t]))
	if w == "both" && (toks[t].Tag == "DT" || toks[t].Tag == "PDT") {
		return "", true
	}
	det, two := false, false
	for k := range toks {
		if toks[k].Head != t {
			continue
		}
		switch lw := strings.ToLower(form(&toks[k])); {
		case toks[k].Dep == "det" && lw == "the":
			det = true
		case toks[k].Dep == "nummod" && (lw == "two" || lw == "2"):
			two = true
		}
	}
	if !det {
		return "", false
	}
	lemma := strings.ToLower(toks[t].Lemma)
	switch {
	case lemma == "pair" && toks[t].Tag == "NN":
		return "", true
	case !two || toks[t].Tag != "NNS":
		return "", false
	case orgNouns[lemma]:
		return schema.TypeOrg, true
	case personNouns[lemma]:
		return schema.TypePerson, true
	}
	return "", true
}

// lastSubjects returns the last two distinct entities (of type typ, or of one type when typ is
// "") that were subjects before token t of sentence si, within groupWindow sentences.
func (r *Result) lastSubjects(si, t int, typ string) []int {
	var out []int
	for i := len(r.Mentions) - 1; i >= 0 && len(out) < 2; i-- {
		m := &r.Mentions[i]
		if m.Sent > si || m.Sent == si && m.Start >= t {
			continue
		}
		if m.Sent < si-groupWindow {
			break
		}
		if m.Entity < 0 || !m.Subject || m.Quoted {
			continue
		}
		et := r.Entities[m.Entity].Type
		if typ != "" && et != typ || et != schema.TypeOrg && et != schema.TypePerson && et != schema.TypeGPE {
			continue
		}
		if len(out) == 1 && (out[0] == m.Entity || r.Entities[out[0]].Type != et) {
			continue
		}
		out = append(out, m.Entity)
	}
	return out
}
