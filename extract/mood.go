package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/schema"
)

// stance is how the article stands to a clause's facts: asserted (modality ""), supposed
// (hypothetical) or reported, by whom, and whether what frames the clause denies it.
type stance struct {
	modality string
	by       *schema.Entity
	denied   bool
}

// mood returns the stance of clause ci of sentence si: "hypothetical" under a modal, a
// condition, a question, or a word that only supposes or alleges it (see frame); "reported"
// inside what a parent clause's subject said, a direct quotation, or what an accuser alleged;
// denied inside what its speaker denies.
func (b *factBuilder) mood(si, ci int) stance {
	cs := b.clauses[si]
	c := &cs[ci]
	toks := b.d.Sentences[si].Tokens
	var st stance
	if c.Modal != "" || irrealis(toks, c.Verb) || question(toks, c.Verb) && !schema.IsSpeech(c.Lemma) {
		st.modality = schema.ModalityHypothetical
	}
	if b.framedContent(si, c) >= 0 {
		return st // "S, X said": the saying is the article's, S is X's
	}
	if c.Parent >= 0 {
		p := &cs[c.Parent] // "X denied that Y had lied"; not "cannot deny that", "asked to deny that"
		st.denied = denyVerbs[p.Lemma] && !p.Negated && p.Modal == "" && !irrealis(toks, p.Verb)
		if sp := b.args(si, cs[c.Parent].Subject); len(sp) > 0 {
			e := b.entityRef(sp[0])
			st.modality, st.by = schema.ModalityReported, &e
			return st
		}
	} else if sp := b.speaker(si, c.Verb); sp != nil {
		st.modality, st.by = schema.ModalityReported, sp // a clause inside a direct quotation is its speaker's word
		return st
	} else if src := source(toks, c.Verb); src >= 0 {
		if sp := strong(b.args(si, src)); len(sp) > 0 {
			e := b.entityRef(sp[0])
			st.modality, st.by = schema.ModalityReported, &e // "according to X"
			return st
		}
	} else if sp := b.framer(si, c.Verb); sp != nil {
		st.modality, st.by = schema.ModalityReported, sp
		return st
	} else if sp := b.hungContent(si, ci); sp != nil {
		st.modality, st.by = schema.ModalityReported, sp
		return st
	}
	if kind, h := frame(toks, c.Verb); kind != framedAsserted {
		// "accused X of taking", "denied taking", "no evidence that X had", "considered buying".
		st.modality, st.denied = schema.ModalityHypothetical, kind == framedDenied
		if fc := b.clauseAt(si, h); fc != nil && kind != framedSupposed {
			if sp := strong(b.args(si, fc.Subject)); len(sp) > 0 {
				e := b.entityRef(sp[0])
				st.modality, st.by = schema.ModalityReported, &e
			}
		}
	}
	return st
}

// clauseAt returns the clause of sentence si whose verb is token v, or nil.
func (b *factBuilder) clauseAt(si, v int) *clause.Clause {
	for k := range b.clauses[si] {
		if b.clauses[si][k].Verb == v {
			return &b.clauses[si][k]
		}
	}
	return nil
}

// The ways a word above a clause can frame it (see frame).
const (
	framedAsserted = iota // nothing above the clause takes its truth away
	framedAlleged         // "accused X of taking": the accuser's word
	framedDenied          // "denied taking": its subject's word, denied
	framedSupposed        // "no evidence that", "considered buying": nobody's assertion
)

// allegeVerbs make a gerund after "of", "with" or "for" an allegation: "accused X of taking",
// "was charged with stealing", "blamed X for leaking". A conviction is not among them.
var allegeVerbs = map[string]bool{"accuse": true, "charge": true, "suspect": true, "indict": true,
	"arrest": true, "investigate": true, "prosecute": true, "sue": true, "allege": true, "blame": true,
	"detain": true, "question": true}

// denyVerbs deny their complement: "denied taking the money", "denied that X had lied".
var denyVerbs = map[string]bool{"deny": true}

// supposeVerbs make a gerund complement a plan or a view, not an act: "considered buying Zenith",
// "sees reforming the banks as vital", "ruled out raising taxes".
var supposeVerbs = map[string]bool{"consider": true, "suggest": true, "propose": true, "recommend": true,
	"advocate": true, "favour": true, "favor": true, "support": true, "oppose": true, "discuss": true,
	"contemplate": true, "envisage": true, "envision": true, "see": true, "rule": true, "resist": true,
	"reject": true, "urge": true, "back": true, "mull": true, "explore": true, "weigh": true, "study": true,
	"avoid": true, "imagine": true, "risk": true}

// supposeNouns take a "that" clause the article does not assert: "the claim that X lied",
// "reports that X had held talks". "The fact that" and "the news that" assert it.
var supposeNouns = map[string]bool{"claim": true, "allegation": true, "accusation": true,
	"suggestion": true, "report": true, "rumour": true, "rumor": true, "speculation": true,
	"fear": true, "hope": true, "belief": true, "suspicion": true, "possibility": true,
	"prospect": true, "assertion": true, "idea": true, "notion": true, "chance": true, "risk": true,
	"danger": true, "doubt": true, "theory": true, "assumption": true, "expectation": true,
	"warning": true, "promise": true, "impression": true, "pretext": true, "pretence": true,
	"pretense": true, "excuse": true, "myth": true, "illusion": true, "perception": true}

// evidenceNouns take a "that" clause the article asserts unless they are denied: "further
// evidence that X had", but "no evidence that X had".
var evidenceNouns = map[string]bool{"evidence": true, "proof": true, "sign": true, "indication": true}

// frame reads what the words above verb v of a clause make of it, and the token that frames it:
//
//   - an alleging verb over a gerund after "of", "with" or "for" ("accused X of taking", also
//     when the parse hangs the gerund on X): framedAlleged;
//   - a gerund completing an active "deny": framedDenied;
//   - a gerund completing a verb of planning or judging with no object of its own ("considered
//     buying", not "saw the crowd cheering"), or a "that" clause completing a noun of claim or
//     supposition ("reports that X had lied"): framedSupposed.
//
// A progressive ("are making") is no gerund.
func frame(toks []doc.Token, v int) (int, int) {
	// A clause completing a framed one, coordinated with it or saying by what means is framed
	// alike: "accused X of trying to score points by muddling Y" frames the scoring and the
	// muddling too.
	for k, up := v, 0; k >= 0 && k < len(toks) && up < 4; k, up = toks[k].Head, up+1 {
		if kind, h := frameOf(toks, k); kind != framedAsserted {
			return kind, h
		}
		if d := toks[k].Dep; d != "xcomp" && d != "conj" && (d != "advcl" || markWord(toks, k) != "by") {
			break // "since coming to power" is a time, not part of what was alleged
		}
	}
	return framedAsserted, -1
}

// frameOf is frame for the words right above verb v.
func frameOf(toks []doc.Token, v int) (int, int) {
	h := toks[v].Head
	if h < 0 || h >= len(toks) {
		return framedAsserted, -1
	}
	if toks[v].Tag == "VBG" && !hasChild(toks, v, "aux") { // a gerund, not "are making"
		if w := markWord(toks, v); w == "of" || w == "with" || w == "for" {
			if allegeVerbs[toks[h].Lemma] {
				return framedAlleged, h
			}
			if hh := toks[h].Head; hh >= 0 && strings.HasPrefix(toks[h].Tag, "NN") && allegeVerbs[toks[hh].Lemma] {
				return framedAlleged, hh // "accused [X [of taking]]": the gerund hung on X
			}
		}
		switch toks[v].Dep {
		case "xcomp", "ccomp", "obj":
			if denyVerbs[toks[h].Lemma] && !hasChild(toks, h, "aux:pass") {
				return framedDenied, h // not "would not be denied, thrilling the crowd"
			}
			if supposeVerbs[toks[h].Lemma] && !hasChild(toks, h, "obj") && !hasChild(toks, h, "aux:pass") {
				return framedSupposed, h // not "saw the crowd cheering", "is seen asking"
			}
		}
	}
	if (toks[v].Dep == "acl" || toks[v].Dep == "acl:relcl") && strings.HasPrefix(toks[h].Tag, "NN") &&
		supposedContent(toks, h) && contentClause(toks, h, v) {
		return framedSupposed, h
	}
	// The parse may hang the noun's "that" clause on a verb: "under the pretext that X fired".
	for m := 1; m < v; m++ {
		if toks[m].Head == v && toks[m].Dep == "mark" && strings.EqualFold(toks[m].Text, "that") &&
			toks[m-1].Tag == "NN" && supposedContent(toks, m-1) {
			return framedSupposed, m - 1
		}
	}
	return framedAsserted, -1
}

// supposedContent reports whether noun n makes its "that" clause a supposition: "claims that",
// "fears that"; "evidence that" and its kin only when denied ("no evidence that"), as "further
// evidence that X had" asserts it.
func supposedContent(toks []doc.Token, n int) bool {
	l := strings.ToLower(toks[n].Lemma)
	if supposeNouns[l] {
		return true
	}
	if !evidenceNouns[l] {
		return false
	}
	for j := range toks {
		if toks[j].Head == n && toks[j].Dep == "det" {
			if w := strings.ToLower(toks[j].Text); w == "no" || w == "little" || w == "any" {
				return true
			}
		}
	}
	return false
}

// hasChild reports whether token h has a dependent with relation dep.
func hasChild(toks []doc.Token, h int, dep string) bool {
	for j := range toks {
		if toks[j].Head == h && toks[j].Dep == dep {
			return true
		}
	}
	return false
}

// markWord returns the lower-cased word that introduces clause v ("of" in "of taking"), or "".
func markWord(toks []doc.Token, v int) string {
	for j := 0; j < v; j++ {
		if toks[j].Head == v && (toks[j].Dep == "mark" || toks[j].Dep == "case") {
			return strings.ToLower(toks[j].Text)
		}
	}
	return ""
}

// contentClause reports whether clause v hung on noun n is n's content ("the claim that X lied")
// rather than a relative clause ("the claim that he made"): "that" follows the noun and either
// introduces the clause or stands where no argument of the verb is missing.
func contentClause(toks []doc.Token, n, v int) bool {
	t := n + 1
	if t >= v || !strings.EqualFold(toks[t].Text, "that") || toks[t].Head != v {
		return false
	}
	if toks[t].Dep == "mark" {
		return true
	}
	subj, obj := false, false
	for j := range toks {
		if j == t || toks[j].Head != v {
			continue
		}
		switch {
		case strings.HasPrefix(toks[j].Dep, "nsubj"):
			subj = true
		case toks[j].Dep == "obj", toks[j].Dep == "iobj", toks[j].Dep == "xcomp", toks[j].Dep == "ccomp":
			obj = true // the verb's object is there: "that" fills no gap
		}
	}
	return subj && (obj || toks[t].Dep != "obj")
}

// hungContent returns who said the clause ci of sentence si when it lies in the "that" clause a
// speech verb of the sentence says but the parse hung on a noun ("X claimed in his book that Y
// had lied": Y lied is X's word), or nil.
func (b *factBuilder) hungContent(si, ci int) *schema.Entity {
	toks := b.d.Sentences[si].Tokens
	v := b.clauses[si][ci].Verb
	for _, c := range b.clauses[si] {
		if c.Verb == v || !c.Content.Empty() || !schema.IsSpeech(c.Lemma) {
			continue
		}
		if sp := nounThatClause(toks, c.Verb); !sp.Empty() && v >= sp.Start && v < sp.End {
			if who := strong(b.args(si, c.Subject)); len(who) > 0 {
				e := b.entityRef(who[0])
				return &e
			}
		}
	}
	return nil
}

// question reports whether the sentence asks what its clause at verb v says: "Will Acme buy
// Zenith?" asserts neither; but a clause outside a quoted question ("they unveiled a poster
// under the words “How can they …?”") is asserted.
func question(toks []doc.Token, v int) bool {
	for k := len(toks) - 1; k >= 0; k-- {
		switch toks[k].Text {
		case "\"", "”", "’", "'", ")":
			continue
		case "?":
			for o := k - 1; o >= 0; o-- { // the quotation the question mark closes, if any
				if t := toks[o].Text; t == "“" || t == "\"" && toks[o].Tag == "``" {
					return v > o
				}
			}
			return true
		}
		return false
	}
	return false
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
