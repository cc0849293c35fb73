package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/quote"
	"github.com/newsgraph/newsgraph/extract/tree"
	"github.com/newsgraph/newsgraph/schema"
)

// factBuilder turns the clauses and roles of one annotated article into facts.
type factBuilder struct {
	d  *doc.Doc
	cr *coref.Result
	// ents are the graph entities of the coref entities (by coref index); ok false for entities
	// that do not become nodes (unnamed, or nationalities without a country).
	ents []nodeRef
	// clauses are the clauses of each sentence, by sentence index.
	clauses [][]clause.Clause
	// quotes are the article's direct quotations.
	quotes []quote.Quote
	// time is what the article's facts share about time (when.go).
	time whenState
}

type nodeRef struct {
	schema.EntityRecord
	ok bool
}

func newFactBuilder(d *doc.Doc, cr *coref.Result) *factBuilder {
	b := &factBuilder{d: d, cr: cr, ents: make([]nodeRef, len(cr.Entities)), clauses: make([][]clause.Clause, len(d.Sentences))}
	for i := range cr.Entities {
		b.ents[i] = b.node(&cr.Entities[i])
	}
	for si := range d.Sentences {
		b.clauses[si] = clause.Extract(d.Sentences[si].Tokens)
	}
	b.quotes = quote.Find(d, cr.Quotes, b.clauses)
	return b
}

// node gives a coref entity its canonical name, type and id. Places and international
// organisations take the gazetteer's canonical name ("Bombay" → "Mumbai", "the UN" → "United
// Nations"); nationalities become their country.
func (b *factBuilder) node(e *coref.Entity) nodeRef {
	hasName := false
	for _, mi := range e.Mentions {
		if b.cr.Mentions[mi].Kind == coref.Name {
			hasName = true
		}
	}
	if !hasName || e.Name == "" {
		return nodeRef{}
	}
	name, typ := e.Name, e.Type
	switch typ {
	case schema.TypeGPE, schema.TypeLoc:
		if p, ok := lexicon.Place(name); ok {
			name = p.Name
			if p.Kind == lexicon.Region {
				typ = schema.TypeLoc
			} else {
				typ = schema.TypeGPE
			}
		}
	case schema.TypeOrg:
		if o, ok := lexicon.Org(name); ok {
			name = o.Name
		}
	case schema.TypeNORP:
		c, ok := lexicon.Demonym(name)
		if !ok {
			return nodeRef{}
		}
		name, typ = c, schema.TypeGPE
	}
	rec := schema.EntityRecord{ID: schema.EntityIRI(typ, name), Name: name, Type: typ, Aliases: e.Aliases(b.cr.Mentions)}
	return nodeRef{EntityRecord: rec, ok: true}
}

// entityRecords returns the records of the entities that became nodes, merged by id and sorted.
func (b *factBuilder) entityRecords() []schema.EntityRecord {
	byID := map[string]*schema.EntityRecord{}
	for _, n := range b.ents {
		if !n.ok {
			continue
		}
		if r, ok := byID[n.ID]; ok {
			r.Aliases = append(r.Aliases, n.Aliases...)
			continue
		}
		r := n.EntityRecord
		r.Aliases = append([]string(nil), r.Aliases...)
		byID[n.ID] = &r
	}
	out := make([]schema.EntityRecord, 0, len(byID))
	for _, r := range byID {
		sort.Strings(r.Aliases)
		r.Aliases = slices.Compact(r.Aliases)
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// arg is a clause argument resolved to an entity.
type arg struct {
	ent     int    // coref entity
	alts    []int  // other candidate entities of a pronoun or description, best first
	mention string // the words of this sentence
	kind    coref.Kind
	weak    bool // reached through a possessive ("Lopez's plan" for Lopez)
}

// factSentence reports whether facts may be read from a sentence of this kind: headlines and
// asides (by-lines, "Read also:", disclaimers) are not statements of the article.
func factSentence(k doc.Kind) bool { return k == doc.Body || k == doc.Bullet || k == doc.Caption }

// facts returns the facts of every sentence, in text order.
func (b *factBuilder) facts() []schema.Fact {
	var out []schema.Fact
	for si := range b.d.Sentences {
		s := &b.d.Sentences[si]
		if !factSentence(s.Kind) {
			continue
		}
		out = append(out, b.roleFacts(si)...)
		out = append(out, b.copularRoleFacts(si)...)
		out = append(out, b.affiliationFacts(si)...)
		out = append(out, b.clauseFacts(si)...)
		out = append(out, b.accordingFacts(si)...)
		out = append(out, b.nounFacts(si)...)
		out = append(out, b.partFacts(si)...)
		out = append(out, b.placeFacts(si)...)
		out = append(out, b.stateBodyFacts(si)...)
		out = append(out, b.reactionFacts(si)...)
	}
	return dedupFacts(out)
}

// args resolves the argument headed by token t of sentence si to entities: the entity the token
// belongs to, each entity coordinated with it ("Zedland and Yonland"), or, for a noun that is not
// an entity, the entity that owns it ("Lopez's plan").
func (b *factBuilder) args(si, t int) []arg {
	toks := b.d.Sentences[si].Tokens
	if t < 0 || t >= len(toks) || hyphenModifier(toks, t) {
		return nil
	}
	var out []arg
	add := func(tok int, weak bool) bool {
		m, ok := b.cr.At(si, tok)
		if !ok || m.Entity < 0 || !b.ents[m.Entity].ok {
			return false
		}
		out = append(out, arg{ent: m.Entity, alts: m.Alternatives, mention: m.Text, kind: m.Kind, weak: weak})
		return true
	}
	if members, ok := b.cr.Group(si, t); ok {
		// "Both are expected to list", "the two banks said": each of the two just named.
		for _, e := range members {
			if b.ents[e].ok {
				out = append(out, arg{ent: e, mention: spanText(b.d, toks, phrase(toks, t)), kind: coref.Nominal})
			}
		}
		return out
	}
	if reflexiveObject(&toks[t]) {
		return nil // "gee himself up", "blamed herself": the clause's own subject, no second party
	}
	if firstPerson[strings.ToLower(toks[t].Text)] && strings.HasPrefix(toks[t].Tag, "PRP") {
		// "I" and "we" inside a quotation are its speaker.
		if sp := b.quoteSpeaker(si, t); len(sp) > 0 {
			sp[0].mention, sp[0].kind, sp[0].alts = toks[t].Text, coref.Pronoun, nil
			return sp[:1]
		}
		return nil
	}
	found := b.namedAfter(si, t, add) || b.titledUnder(si, t, add) || add(t, false) || b.nameOf(si, t, add)
	if k := b.orgOf(si, t); !found && k >= 0 && add(k, false) {
		found = true // "according to Zedpress news agency" is Zedpress
	}
	if k := b.placeOf(si, t); !found && k >= 0 && add(k, false) {
		found = true // "the Harbor City West constituency" is Harbor City West
	}
	if !found {
		if a, ok := b.actingFor(si, t); ok {
			out, found = append(out, a), true
		}
	}
	if !found && contentNoun(&toks[t]) {
		// "X's plan" stands for X, weakly; "Zedland's ambassador" does not stand for Zedland, nor
		// "his car" for him.
		phrase := nounComplement(toks, tree.Subtree(toks, t))
		for k := phrase.Start; k < t; k++ { // the owner may hang on a compound: "X's peace deal suggestion"
			if owner(&toks[k], t) && add(k, true) {
				// The mention is the whole phrase: the fact is about X's plan, not X.
				if txt := spanText(b.d, toks, phrase); txt != "" {
					out[len(out)-1].mention = txt
				}
				break
			}
		}
	}
	if !found && (toks[t].Tag == "NN" || toks[t].Tag == "NNS") {
		out = append(out, b.members(si, t)...)
	}
	// Conjuncts of the argument, hanging on its head or on any word of its name ("Prime Minister
	// X and Chancellor Y": the parse may hang "Chancellor Y" on X's surname).
	lo, hi := t, t+1
	if m, ok := b.cr.At(si, t); ok {
		lo, hi = m.Start, m.End
	}
	for k := range toks {
		if h := toks[k].Head; h < lo || h >= hi || toks[k].Dep != "conj" || k >= lo && k < hi {
			continue
		}
		if !add(k, false) && !b.nameOf(si, k, add) {
			for j := range toks { // "Chancellor | Peter Holm" as flat words of the title
				if toks[j].Head == k && (toks[j].Dep == "flat" || toks[j].Dep == "appos") && add(j, false) {
					break
				}
			}
		}
	}
	return out
}

// actingFor returns the entity a common noun subject acts or speaks for: the body whose people
// it names ("Labour MPs", "an Acme spokesman", "her lawyers"), the body whose unnamed spokesman
// spoke just before ("the spokesman said"), or the organisation an unnamed leader leads ("the
// chairman of the Zenith Foundation"). The mention is the noun's phrase.
func (b *factBuilder) actingFor(si, t int) (arg, bool) {
	toks := b.d.Sentences[si].Tokens
	mentionOf := func(sj, k int) (arg, bool) {
		m, ok := b.cr.At(sj, k)
		if !ok || m.Entity < 0 || !b.ents[m.Entity].ok {
			return arg{}, false
		}
		return arg{ent: m.Entity, mention: spanText(b.d, toks, phrase(toks, t)), kind: coref.Nominal}, true
	}
	if k := b.body(si, t); k >= 0 {
		a, ok := mentionOf(si, k)
		if m, _ := b.cr.At(si, k); ok {
			a.mention = spanText(b.d, toks, tree.Span{Start: m.Start, End: t + 1}) // "Labour MPs"
		}
		return a, ok
	}
	if sj, k := b.voiceBefore(si, t); k >= 0 {
		return mentionOf(sj, k)
	}
	if k := b.headOf(si, t); k >= 0 {
		return mentionOf(si, k)
	}
	return arg{}, false
}

// members returns the entities a common noun's phrase lists after "including" or "such as"
// ("attacked critics including X and Y", "sites such as X"), wherever the parse hangs the list
// inside the phrase ("critics of the plan including X"): weakly, as members of what was
// named.
func (b *factBuilder) members(si, t int) []arg {
	toks := b.d.Sentences[si].Tokens
	sp := tree.Subtree(toks, t)
	for j := sp.Start; j < sp.End; j++ {
		if j != t && toks[j].Dep == "nmod" && exemplar(toks, j) {
			var out []arg
			for _, a := range b.args(si, j) {
				a.weak = true
				out = append(out, a)
			}
			return out
		}
	}
	return nil
}

// owner reports whether token k, before noun t, names whose t is: a possessive ("X's plan"), or a
// name modifying it ("the Acme proposal", "the latest Zenith attack").
func owner(k *doc.Token, t int) bool {
	if k.Dep == "nmod:poss" {
		return true
	}
	return k.Head == t && (k.Dep == "compound" || k.Dep == "amod") && k.Ent != "" && k.Ent != "O"
}

// exemplar reports whether the noun phrase at token j lists members of the noun it modifies:
// "including X", "such as X".
func exemplar(toks []doc.Token, j int) bool {
	for k := range toks {
		if toks[k].Head != j || toks[k].Dep != "case" {
			continue
		}
		w := strings.ToLower(toks[k].Text)
		if w == "including" || w == "such" && k+1 < len(toks) && strings.EqualFold(toks[k+1].Text, "as") {
			return true
		}
	}
	return false
}

// placeNouns are common nouns for a kind of place that a place name before them names: "the
// Zed region", "the Harbor City district", "the Yon constituency".
var placeNouns = map[string]bool{"constituency": true, "district": true, "region": true, "province": true,
	"county": true, "state": true, "city": true, "town": true, "village": true, "borough": true,
	"municipality": true, "prefecture": true, "territory": true, "island": true}

// placeOf returns the token of the place name before a noun for a kind of place ("the Zed
// region": Zed), or -1.
func (b *factBuilder) placeOf(si, t int) int {
	toks := b.d.Sentences[si].Tokens
	if toks[t].Tag != "NN" || !placeNouns[strings.ToLower(toks[t].Lemma)] {
		return -1
	}
	return b.nameBefore(si, t, false, schema.TypeGPE, schema.TypeLoc)
}

// nameBefore returns the token of a name of one of types that modifies noun t from at most four
// words before it (hanging on t, or on a word between; as a compound only when compound is
// set), or -1.
func (b *factBuilder) nameBefore(si, t int, compound bool, types ...string) int {
	toks := b.d.Sentences[si].Tokens
	for k := t - 1; k >= 0 && t-k <= 4; k-- {
		if compound && toks[k].Dep != "compound" || toks[k].Head != t && !(toks[k].Head > k && toks[k].Head < t) {
			continue
		}
		if m, ok := b.cr.At(si, k); ok && m.Kind == coref.Name && slices.Contains(types, m.Type) {
			return k
		}
	}
	return -1
}

// orgOf returns the token of the organisation's name that a noun for a kind of organisation
// follows as its compound ("Zedpress news agency", "the Acme group"), or -1.
func (b *factBuilder) orgOf(si, t int) int {
	toks := b.d.Sentences[si].Tokens
	if toks[t].Tag != "NN" || !coref.OrgNoun(toks[t].Lemma) {
		return -1
	}
	return b.nameBefore(si, t, true, schema.TypeOrg)
}

// memberNouns are plural nouns for the people of a body, who speak and act for it: "Labour MPs
// criticised", "EU ministers agreed", "Zedland officials said".
var memberNouns = map[string]bool{"mp": true, "minister": true, "official": true, "member": true,
	"lawmaker": true, "leader": true, "executive": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "diplomat": true, "negotiator": true, "representative": true, "senator": true,
	"councillor": true, "officer": true, "commander": true, "regulator": true, "authority": true}

// voiceNouns are the singular nouns for somebody who speaks for a body: "an Acme spokesman said"
// is Acme speaking, where "an Acme engineer said" is not.
var voiceNouns = map[string]bool{"spokesman": true, "spokeswoman": true, "spokesperson": true,
	"representative": true, "official": true}

// body returns the token naming the body whose people a plural noun subject stands for ("Labour
// MPs": Labour; "EU finance ministers": EU), or whose voice a singular one is ("an Acme
// spokesman"), or -1.
func (b *factBuilder) body(si, t int) int {
	toks := b.d.Sentences[si].Tokens
	l := strings.ToLower(toks[t].Lemma)
	counsel := counselNouns[l] && (toks[t].Tag == "NN" || toks[t].Tag == "NNS")
	if !(toks[t].Tag == "NNS" && memberNouns[l] || toks[t].Tag == "NN" && voiceNouns[l] || counsel) || !strings.HasPrefix(toks[t].Dep, "nsubj") {
		return -1 // as an object, "told Labour members" is about the people, not the party
	}
	for k := 0; k < t; k++ {
		if toks[k].Head != t || toks[k].Dep != "compound" && toks[k].Dep != "amod" && toks[k].Dep != "nmod:poss" {
			continue
		}
		m, ok := b.cr.At(si, k)
		if !ok {
			continue
		}
		if m.Kind == coref.Name && (m.Type == schema.TypeOrg || m.Type == schema.TypeGPE || m.Type == schema.TypeNORP) {
			return k
		}
		if counsel && toks[k].Dep == "nmod:poss" && m.Entity >= 0 && b.cr.Entities[m.Entity].Type == schema.TypePerson {
			return k // "her lawyers said": she speaks through them
		}
	}
	return -1
}

// voiceBefore finds, for "the spokesman" as subject (nobody named so), the body an unnamed
// spokesman of the last three sentences spoke for ("A Zenda Trust spokesman said …"): its sentence and
// name token, or -1.
func (b *factBuilder) voiceBefore(si, t int) (int, int) {
	toks := b.d.Sentences[si].Tokens
	l := strings.ToLower(toks[t].Lemma)
	if toks[t].Tag != "NN" || !voiceNouns[l] || !strings.HasPrefix(toks[t].Dep, "nsubj") || caseWord(toks, t) != "" {
		return -1, -1
	}
	if m, ok := b.cr.At(si, t); ok && m.Entity >= 0 {
		return -1, -1 // the spokesman the article named
	}
	definite := false
	for k := range toks {
		if toks[k].Head == t && toks[k].Dep == "det" && strings.EqualFold(toks[k].Text, "the") {
			definite = true
		}
	}
	if !definite {
		return -1, -1
	}
	for sj := si - 1; sj >= 0 && sj >= si-3; sj-- {
		prev := b.d.Sentences[sj].Tokens
		for k := range prev {
			if strings.ToLower(prev[k].Lemma) == l {
				if o := b.body(sj, k); o >= 0 {
					return sj, o
				}
			}
		}
	}
	return -1, -1
}

// leaderNouns are the titles of whoever leads or speaks for a body: an unnamed "chairman of X"
// acts for X.
var leaderNouns = map[string]bool{"chairman": true, "chairwoman": true, "chair": true, "head": true,
	"chief": true, "president": true, "director": true, "leader": true, "secretary-general": true}

// headOf returns the token of the organisation whose unnamed leader a subject is ("the chairman
// of the Acme Trust"), or -1: the description must have resolved to nobody.
func (b *factBuilder) headOf(si, t int) int {
	toks := b.d.Sentences[si].Tokens
	if !leaderNouns[strings.ToLower(toks[t].Lemma)] || !strings.HasPrefix(toks[t].Dep, "nsubj") {
		return -1
	}
	if m, ok := b.cr.At(si, t); ok && m.Entity >= 0 {
		return -1 // a person the article names
	}
	for k := t + 1; k < len(toks); k++ {
		if toks[k].Head != t || toks[k].Dep != "nmod" || caseWord(toks, k) != "of" {
			continue
		}
		if m, ok := b.cr.At(si, k); ok && m.Kind == coref.Name && m.Type == schema.TypeOrg {
			return k
		}
	}
	return -1
}

// counselNouns are the people who speak for a person: "X's lawyers said", "his spokesman said".
var counselNouns = map[string]bool{"lawyer": true, "attorney": true, "solicitor": true, "barrister": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "representative": true, "agent": true}

// firstPerson are the pronouns by which a speaker names itself.
var firstPerson = map[string]bool{"i": true, "me": true, "we": true, "us": true}

// nounComplement extends a noun phrase over the infinitive that completes it ("the idea | to
// hold new votes"), which parsers often attach to the verb instead of the noun.
func nounComplement(toks []doc.Token, sp tree.Span) tree.Span {
	if sp.End+1 >= len(toks) || toks[sp.End].Tag != "TO" || toks[sp.End+1].Tag != "VB" || toks[sp.End].Head != sp.End+1 {
		return sp
	}
	if inf := tree.Subtree(toks, sp.End+1); inf.Start == sp.End {
		sp.End = inf.End
	}
	return sp
}

// nameOf resolves a title head to the name it introduces: in "Zedland's ambassador to Yonland
// Maria Lopez" the name may hang anywhere below "ambassador" (as flat, compound, appositive, or
// wrongly under "Yonland"), so the first person named in the title's phrase is taken.
func (b *factBuilder) nameOf(si, t int, add func(int, bool) bool) bool {
	toks := b.d.Sentences[si].Tokens
	if !isTitle(&toks[t]) {
		return false
	}
	sp := tree.Subtree(toks, t)
	for k := t + 1; k < sp.End; k++ { // the name follows its title
		if m, ok := b.cr.At(si, k); ok && m.Type == schema.TypePerson && m.Kind == coref.Name {
			return add(m.Head, false)
		}
	}
	if t > 0 && postNominal(toks[t].Text) { // "Maria Lopez MP"
		if m, ok := b.cr.At(si, t-1); ok && m.Type == schema.TypePerson && m.Kind == coref.Name {
			return add(m.Head, false)
		}
	}
	return false
}

// namedAfter resolves a common noun to the name that follows it at once, as its appositive: in
// "bought small toy maker Acme Widgets" the maker is Acme Widgets, though the parse may hang
// the name on the verb rather than on the noun.
func (b *factBuilder) namedAfter(si, t int, add func(int, bool) bool) bool {
	toks := b.d.Sentences[si].Tokens
	if t+1 >= len(toks) || toks[t].Tag != "NN" && toks[t].Tag != "NNS" {
		return false
	}
	at := t + 1
	if strings.EqualFold(toks[at].Text, "the") && at+1 < len(toks) {
		at++ // "its elite unit the Quill Guild"
	}
	m, ok := b.cr.At(si, at)
	if !ok || m.Kind != coref.Name || m.Start != at || m.Type != schema.TypeOrg && m.Type != schema.TypePerson {
		return false
	}
	if h := toks[m.Head].Head; h != t && h != toks[t].Head {
		return false
	}
	return add(m.Head, false)
}

// titledUnder adds the person whose title the name at token t begins and the parse hung below it:
// in "said Acme chief executive Maria Lopez" read with Acme as the subject and Lopez below it,
// the speaker is Lopez.
func (b *factBuilder) titledUnder(si, t int, add func(int, bool) bool) bool {
	m, ok := b.cr.At(si, t)
	if !ok || m.Kind != coref.Name || m.Type == schema.TypePerson {
		return false
	}
	toks := b.d.Sentences[si].Tokens
	under := tree.Subtree(toks, t)
	for _, r := range b.cr.Roles {
		if r.Sent != si || r.Start != m.Start || r.End >= len(toks) || r.End < under.Start || r.End >= under.End {
			continue
		}
		if p, ok := b.cr.At(si, r.End); ok && p.Entity == r.Person && under.Start <= p.Head && p.Head < under.End && add(p.Head, false) {
			return true
		}
	}
	return false
}

// reflexiveObject reports whether token t is a reflexive pronoun in an object's place ("blamed
// himself", "spoke to herself"); an emphatic one beside a subject ("Holm himself says") is not.
func reflexiveObject(t *doc.Token) bool {
	if t.Tag != "PRP" || !coref.Reflexive(t.Text) {
		return false
	}
	switch t.Dep {
	case "obj", "iobj", "obl", "nmod":
		return true
	}
	return false
}

// postNominal reports whether a title is written after a name: "Maria Lopez MP", "Jane Roe QC".
func postNominal(w string) bool { return coref.PostNominal[w] }

// isTitle reports whether a token is a title or role noun ("ambassador", "spokesman").
func isTitle(t *doc.Token) bool {
	for _, w := range []string{t.Norm, t.Text, t.Lemma} { // as written first: "CEO" is an acronym, "ceo" is not
		if _, ok := lexicon.Title(w); ok && w != "" {
			return true
		}
	}
	return false
}

// contentNouns are nouns for what somebody said or proposed: reacting to "X's remarks" is
// reacting to X. Event nouns of the predicate vocabulary ("X's proposal", "X's attack") count too.
var contentNouns = map[string]bool{"comment": true, "remark": true, "statement": true, "word": true,
	"tweet": true, "post": true, "idea": true, "plan": true, "suggestion": true, "proposal": true,
	"poll": true, "view": true, "opinion": true, "claim": true, "message": true, "call": true,
	"thought": true, "position": true, "stance": true, "offer": true, "initiative": true, "move": true}

func contentNoun(t *doc.Token) bool {
	if !strings.HasPrefix(t.Tag, "NN") || strings.HasPrefix(t.Tag, "NNP") {
		return false
	}
	l := strings.ToLower(t.Lemma)
	if contentNouns[l] {
		return true
	}
	_, ok := schema.LookupNoun(l)
	return ok
}

// hyphenModifier reports whether token t is the first half of a hyphenated modifier ("London" of
// "London-based agent", "Zenda" of "Zenda-backed"), which a parse may take for the argument
// itself: the argument is the noun the modifier qualifies.
func hyphenModifier(toks []doc.Token, t int) bool {
	if !tree.Hyphened(toks, t) {
		return false // a spaced dash sets off a phrase: "the Council - led by X - said"
	}
	w := &toks[t+2]
	return (w.Tag == "VBN" || w.Tag == "VBD" || w.Tag == "JJ") && w.Text == strings.ToLower(w.Text)
}

// caseWord returns the preposition marking token j, lower case, or "".
func caseWord(toks []doc.Token, j int) string {
	for k := range toks {
		if toks[k].Head == j && toks[k].Dep == "case" {
			return strings.ToLower(toks[k].Text)
		}
	}
	return ""
}

// nextCandidate moves a pronoun or description argument to its best alternative entity that is
// not the entity with id not; it reports whether there was one.
func (b *factBuilder) nextCandidate(a *arg, not string) bool {
	if a.kind == coref.Name || a.weak && strings.Contains(" "+strings.ToLower(a.mention)+" ", " own ") {
		return false // a name means what it says; "his own plan" is his
	}
	for _, e := range a.alts {
		if b.ents[e].ok && b.ents[e].ID != not {
			a.ent = e
			a.weak = true
			return true
		}
	}
	return false
}

// mentionWeight is how much a fact can trust an argument by the way it was mentioned.
func mentionWeight(a arg) float64 {
	w := 1.0
	switch a.kind {
	case coref.Nominal:
		w = weightNominal
	case coref.Pronoun:
		w = weightPronoun
	}
	if a.weak {
		w *= weightWeak
	}
	return w
}

func round(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

func (b *factBuilder) entityRef(a arg) schema.Entity {
	n := b.ents[a.ent]
	return schema.Entity{ID: n.ID, Name: n.Name, Type: n.Type, Mention: a.mention}
}

// spanText returns the text of a token span as written, without surrounding quotes and
// punctuation.
func spanText(d *doc.Doc, toks []doc.Token, sp tree.Span) string {
	if sp.Empty() || sp.Start < 0 || sp.End > len(toks) {
		return ""
	}
	txt := d.Text[toks[sp.Start].Start:toks[sp.End-1].End]
	return strings.Trim(txt, " \t\n\"'“”‘’,.;:—–-")
}

// dedupFacts drops facts that repeat another of the same sentence exactly (coordination and roles
// can yield one twice), keeping the first.
func dedupFacts(fs []schema.Fact) []schema.Fact {
	seen := map[string]bool{}
	out := fs[:0]
	for _, f := range fs {
		k := schema.StatementIRI(&f)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

// phrase returns the span of the phrase headed by token t without the preposition that
// introduces it: "to his remarks" is the phrase "his remarks".
func phrase(toks []doc.Token, t int) tree.Span {
	sp := tree.Subtree(toks, t)
	for sp.Start < t && toks[sp.Start].Head == t && toks[sp.Start].Dep == "case" {
		sp.Start++
	}
	return sp
}
