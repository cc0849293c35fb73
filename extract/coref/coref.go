package coref

import (
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/quote/marks"

	"github.com/newsgraph/newsgraph/schema"
)

// Entity is a group of mentions that refer to one thing.
type Entity struct {
	// Name is the fullest name the article gives.
	Name string
	// Type is the entity type label.
	Type string
	// Gender is the gender its mentions imply.
	Gender lexicon.Gender
	// Mentions are indices into Result.Mentions, in text order.
	Mentions []int
	// Descriptions are the role nouns and descriptions the article attaches to it ("spokesman",
	// "tycoon"), used to resolve later descriptions.
	Descriptions []string
}

// Aliases returns the distinct names the article gives the entity, sorted: the texts of its name
// mentions, without a possessive "'s" and with hyphenated names joined again. Descriptions ("the
// president") and pronouns are not names.
func (e *Entity) Aliases(ms []Mention) []string {
	set := map[string]bool{}
	for _, i := range e.Mentions {
		if ms[i].Kind != Name {
			continue // descriptions ("the president") and pronouns are no names of the entity
		}
		a := ms[i].Text
		for _, pos := range []string{" 's", " ’s", " '"} {
			a = strings.TrimSuffix(a, pos) // "Lopez 's" is Lopez
		}
		a = strings.ReplaceAll(a, " - ", "-") // the tokens of "Okonkwo-Baines"
		if a != "" {
			set[a] = true
		}
	}
	out := make([]string, 0, len(set))
	for a := range set {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// Result is the coreference of one article.
type Result struct {
	Mentions []Mention
	Entities []Entity
	// Roles are the roles titles give people.
	Roles []Role
	// Chains are the coreference chains of the whole article, named things and others (see
	// Chain): what coreference output writes. The fact layer does not read them.
	Chains []Chain
	// Quotes are the article's quotations as package marks pairs them: whose words a mention
	// is, and whom a quotation's "I" means. Package quote reads the same ones.
	Quotes []marks.Span
	// at maps sentence and token to the mention covering it.
	at map[[2]int]int
	// kinds are the kinds of the document's sentences.
	kinds []doc.Kind
	// groups maps the sentence and token of a plural anaphor to the entities it stands for
	// (see Group).
	groups map[[2]int][]int
}

// running reports whether mention j lies in running text (body or bullet): captions stand
// apart, and their names weigh less and are not what a pronoun of the text refers to.
func (r *Result) running(j int) bool {
	k := r.kinds[r.Mentions[j].Sent]
	return k == doc.Body || k == doc.Bullet
}

// At returns the mention that covers token tok of sentence sent, if any.
func (r *Result) At(sent, tok int) (*Mention, bool) {
	i, ok := r.at[[2]int{sent, tok}]
	if !ok {
		return nil, false
	}
	return &r.Mentions[i], true
}

// Resolve finds the mentions of every sentence of d and groups them into entities.
func Resolve(d *doc.Doc) *Result {
	r := &Result{at: map[[2]int]int{}, kinds: make([]doc.Kind, len(d.Sentences))}
	for si := range d.Sentences {
		r.kinds[si] = d.Sentences[si].Kind
		switch d.Sentences[si].Kind {
		case doc.Headline, doc.Aside:
			// Title case and by-lines mislead the recogniser ("Senate Backs Mayor's Plan" is no
			// name), and nothing is read from these units.
			continue
		}
		r.Mentions = append(r.Mentions, findMentions(si, d.Sentences[si].Tokens)...)
	}
	r.Mentions = propagateNames(d, r.Mentions)
	r.Quotes = marks.Find(d)
	markQuoted(r.Mentions, r.Quotes)
	// Pass 1: names, precise to loose.
	for i := range r.Mentions {
		if r.Mentions[i].Kind == Name {
			r.linkName(i)
		}
	}
	// An entity's type is the one most of its name mentions got.
	for ei := range r.Entities {
		r.Entities[ei].Type = r.majorityType(ei)
	}
	// Roles and descriptions from titles beside names, so that later descriptions resolve.
	bySent := make([][]int, len(d.Sentences)) // the mentions of each sentence, in index order
	for i, m := range r.Mentions {
		if m.Sent >= 0 && m.Sent < len(bySent) {
			bySent[m.Sent] = append(bySent[m.Sent], i)
		}
	}
	for si := range d.Sentences {
		r.readRoles(si, d.Sentences[si].Tokens, bySent[si])
	}
	r.retypeOwners(d)
	// Pass 2: descriptions and pronouns, in text order, to the most salient compatible entity.
	// Descriptions no longer change, and pass 2 sets only the entity of the mention at hand, so
	// the nearest earlier mention of each entity can be kept as the pass goes (linear, where a
	// backwards scan per description would be quadratic in the length of the article).
	p2 := pass2{described: map[string][]int{}, last: make([]int, len(r.Entities))}
	for ei := range r.Entities {
		p2.last[ei] = -1
		for _, d := range r.Entities[ei].Descriptions {
			p2.described[d] = append(p2.described[d], ei)
		}
	}
	for i := range r.Mentions {
		switch r.Mentions[i].Kind {
		case Nominal:
			r.linkNominal(i, &p2)
		case Pronoun:
			r.linkPronoun(i)
		}
		if e := r.Mentions[i].Entity; e >= 0 {
			p2.last[e] = i
		}
	}
	for ei := range r.Entities {
		sort.Ints(r.Entities[ei].Mentions)
	}
	for i, m := range r.Mentions {
		if m.Entity < 0 {
			continue
		}
		for k := m.Start; k < m.End; k++ {
			r.at[[2]int{m.Sent, k}] = i
		}
	}
	r.resolvedOwners(d)
	r.descriptionRoles(d)
	r.readGroups(d)
	r.buildChains(d)
	return r
}

// resolvedOwners completes the roles whose title names no owner by name with the owner a pronoun
// or a description names once resolved: "its chief executive X", "X, a director of the company"
// (read before pass 2, the roles could not know whose "its" or which company).
func (r *Result) resolvedOwners(d *doc.Doc) {
	for ri := range r.Roles {
		role := &r.Roles[ri]
		if len(role.Of) > 0 || role.To >= 0 {
			continue
		}
		toks := d.Sentences[role.Sent].Tokens
		for j := range toks {
			h := toks[j].Head
			if h < role.Start || h >= role.End || j >= role.Start && j < role.End && toks[j].Dep != "nmod:poss" {
				continue
			}
			if dep := toks[j].Dep; dep != "nmod:poss" && !(dep == "nmod" && (caseOf(toks, j) == "of" || caseOf(toks, j) == "for")) {
				continue
			}
			m, ok := r.At(role.Sent, j)
			if !ok || m.Kind == Name || m.Entity < 0 || m.Entity == role.Person {
				continue
			}
			if t := r.Entities[m.Entity].Type; t == schema.TypeOrg || t == schema.TypeGPE {
				role.Of = append(role.Of, m.Entity)
				role.Resolved = true
			}
		}
	}
}

// ownerTitles are the title kinds that belong to companies rather than to people: a one-word
// "person" that owns a CEO or a founder ("Acme's CEO", "the Acme boss") is a company the recogniser
// took for a surname.
var ownerTitles = map[string]bool{"business": true, "media": true}

// retypeOwners makes organisations of one-word person entities that stand as the possessor or
// compound modifier of a business title ("Zenith's CEO", "the Zenith tycoon"), unless the
// article also names them with more than one word (a real person: "Jane Roe's lawyer").
func (r *Result) retypeOwners(d *doc.Doc) {
	for i := range r.Mentions {
		m := &r.Mentions[i]
		if m.Kind != Name || m.Entity < 0 || r.Entities[m.Entity].Type != schema.TypePerson || len(strings.Fields(r.Entities[m.Entity].Name)) > 1 {
			continue
		}
		toks := d.Sentences[m.Sent].Tokens
		h := toks[m.Head].Head
		if dep := toks[m.Head].Dep; h < 0 || h >= len(toks) || dep != "compound" && dep != "nmod:poss" {
			continue
		}
		w := strings.ToLower(form(&toks[h]))
		t, ok := lexicon.Title(form(&toks[h]))
		if ok && ownerTitles[t.Kind] || personNouns[w] && w != "man" && w != "woman" {
			e := &r.Entities[m.Entity]
			e.Type = schema.TypeOrg
			for _, mi := range e.Mentions {
				r.Mentions[mi].Type = schema.TypeOrg
			}
		}
	}
}

// majorityType returns the type most name mentions of entity ei have; ties go to the type of the
// fullest name (the first mention with the most words).
func (r *Result) majorityType(ei int) string {
	e := &r.Entities[ei]
	votes := map[string]int{}
	best, bestWords := e.Type, 0
	for _, mi := range e.Mentions {
		m := &r.Mentions[mi]
		if m.Kind != Name {
			continue
		}
		votes[m.Type]++
		if r.running(mi) {
			votes[m.Type]++ // a name in running text outvotes one in a caption
		}
		if n := len(strings.Fields(m.Name)); n > bestWords {
			best, bestWords = m.Type, n
		}
	}
	types := make([]string, 0, len(votes))
	for t := range votes {
		types = append(types, t)
	}
	sort.Strings(types) // deterministic among equal counts
	for _, t := range types {
		if votes[t] > votes[best] {
			best = t
		}
	}
	return best
}

func nameTokens(s string) []string { return strings.Fields(strings.ToLower(s)) }

// compatible reports whether two entity types may name the same thing.
func compatible(a, b string) bool {
	if a == b {
		return true
	}
	place := func(t string) bool { return t == schema.TypeGPE || t == schema.TypeLoc }
	return place(a) && place(b)
}

// linkName attaches name mention i to an earlier entity with the same name, or one whose name it
// shortens ("Lopez" after "Maria Lopez"), or starts a new entity. A fuller later name upgrades the
// entity's name.
func (r *Result) linkName(i int) {
	m := &r.Mentions[i]
	mt := nameTokens(m.Name)
	best := -1
	for ei := len(r.Entities) - 1; ei >= 0; ei-- {
		e := &r.Entities[ei]
		et := nameTokens(e.Name)
		if equalTokens(et, mt) { // the same name is the same entity, whatever type one mention got
			best = ei
			break
		}
		if !compatible(e.Type, m.Type) {
			continue
		}
		if m.Type == schema.TypePerson && best < 0 && (subsequence(mt, et) && !m.Regnal || subsequence(et, mt) && !r.regnal(ei)) {
			best = ei // but "Prince Charles" is no shortening of another Charles, nor the reverse
		}
		if m.Type != schema.TypePerson && best < 0 && (isAcronymOf(m.Name, e.Name) || isAcronymOf(e.Name, m.Name)) {
			best = ei
		}
	}
	if best < 0 {
		r.Entities = append(r.Entities, Entity{Name: m.Name, Type: m.Type, Gender: m.Gender})
		best = len(r.Entities) - 1
	}
	e := &r.Entities[best]
	if len(mt) > len(nameTokens(e.Name)) {
		e.Name = m.Name
	}
	if e.Gender == lexicon.Unknown {
		e.Gender = m.Gender
	}
	m.Entity = best
	e.Mentions = append(e.Mentions, i)
}

// regnal reports whether entity e was named as a royal, by one name after a royal title.
func (r *Result) regnal(e int) bool {
	for _, i := range r.Entities[e].Mentions {
		if r.Mentions[i].Regnal {
			return true
		}
	}
	return false
}

func equalTokens(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// subsequence reports whether short is a shortening of long: its surname ("Lopez"), given name,
// or given name and surname of a longer name.
func subsequence(short, long []string) bool {
	if len(short) == 0 || len(short) >= len(long) {
		return false
	}
	if len(short) == 1 {
		return short[0] == long[len(long)-1] || short[0] == long[0]
	}
	return short[0] == long[0] && short[len(short)-1] == long[len(long)-1]
}

// isAcronymOf reports whether a is the acronym of the words of b ("UN" of "United Nations").
func isAcronymOf(a, b string) bool {
	a = strings.ReplaceAll(a, ".", "")
	if len(a) < 2 || strings.ToUpper(a) != a {
		return false
	}
	var initials strings.Builder
	for _, w := range strings.Fields(b) {
		if lw := strings.ToLower(w); lw == "of" || lw == "the" || lw == "and" || lw == "for" {
			continue
		}
		initials.WriteString(strings.ToUpper(w[:1]))
	}
	return initials.String() == a
}

// pass2 is what pass 2 knows of the mentions before the one at hand.
type pass2 struct {
	// described maps a description to the entities it describes.
	described map[string][]int
	// last holds each entity's nearest earlier mention (-1: none yet).
	last []int
}

// linkNominal attaches a description to the nearest earlier entity described the same way, or,
// for a description of a person, to the most salient person of the recent sentences.
func (r *Result) linkNominal(i int, p2 *pass2) {
	m := &r.Mentions[i]
	if m.Type == schema.TypeOrg { // "the company": the organisation that was a subject of the last sentences
		isOrg := func(e *Entity) bool { return e.Type == schema.TypeOrg }
		ranked := r.salient(i, isOrg, 2, true)
		if len(ranked) == 0 {
			// Or the organisation the article is about, named again and again before.
			ranked = r.mainOrg(i)
		}
		r.attachRanked(i, ranked)
		return
	}
	owner := -1 // the entity of the description's "of" phrase, if it names one
	if m.OfEnd > 0 {
		if o, ok := r.mentionAt(m.Sent, m.OfStart); ok && r.Mentions[o].Entity >= 0 {
			owner = r.Mentions[o].Entity
		}
	}
	best := -1
	for _, e := range p2.described[m.Name] {
		if owner >= 0 && !r.holdsRoleOf(e, owner) {
			continue // "the chairman of the Acme Trust" is not another body's chairman
		}
		if p2.last[e] >= 0 && (best < 0 || p2.last[e] > p2.last[best]) {
			best = e
		}
	}
	if best >= 0 {
		r.attach(i, best)
		return
	}
	if m.Owned || m.Restricted || office(m.Name) {
		return // "the spokesman" nobody was called before, "the woman she played": not named
	}
	r.attachRanked(i, r.prominent(i))
	if e := m.Entity; e >= 0 { // later "Acme's CEO" finds who "the Acme CEO" was
		r.Entities[e].Descriptions = append(r.Entities[e].Descriptions, m.Name)
		p2.described[m.Name] = append(p2.described[m.Name], e)
	}
}

// mentionAt returns the index of the name mention of sentence sent that covers token tok.
func (r *Result) mentionAt(sent, tok int) (int, bool) {
	for i := range r.Mentions {
		if m := &r.Mentions[i]; m.Sent == sent && m.Kind == Name && m.Start <= tok && tok < m.End {
			return i, true
		}
	}
	return -1, false
}

// holdsRoleOf reports whether person entity e holds a role of entity owner.
func (r *Result) holdsRoleOf(e, owner int) bool {
	for _, ro := range r.Roles {
		if ro.Person == e && slices.Contains(ro.Of, owner) {
			return true
		}
	}
	return false
}

// mainOrgMentions is how often an organisation must have been named before a description for
// the article to be about it.
const mainOrgMentions = 3

// mainOrg returns the organisation named most often before mention i, if named at least
// mainOrgMentions times and more than any other: what "the organisation" means in an article
// about it when no organisation was a subject just before.
func (r *Result) mainOrg(i int) []int {
	count := map[int]int{}
	for j := 0; j < i; j++ {
		if c := &r.Mentions[j]; c.Kind == Name && c.Entity >= 0 && r.Entities[c.Entity].Type == schema.TypeOrg {
			count[c.Entity]++
		}
	}
	best, n, at := -1, 0, 0 // the most named, how often, and how many are named that often
	for e, c := range count {
		switch {
		case c > n:
			best, n, at = e, c, 1
		case c == n:
			at++
		}
	}
	if n < mainOrgMentions || at != 1 {
		return nil
	}
	return []int{best}
}

// offices are the kinds of title held by one person of one body at a time: a description by such
// a title names whoever holds it, not the article's protagonist.
var offices = map[string]bool{"political": true, "government": true, "diplomatic": true, "military": true,
	"judicial": true, "royal": true, "religious": true}

// office reports whether a description key names an office, or a multi-word title.
func office(key string) bool {
	t, ok := lexicon.Title(key)
	return ok && (offices[t.Kind] || strings.Contains(key, " "))
}

// prominent ranks the people mentioned before mention i for a description that matches no
// earlier one ("the media mogul"): news describes its protagonist so, so the person mentioned most
// so far comes first, and among the equally mentioned, a person of the recent sentences.
func (r *Result) prominent(i int) []int {
	m := &r.Mentions[i]
	score := map[int]int{}
	for j := 0; j < i; j++ {
		c := &r.Mentions[j]
		if c.Entity < 0 || r.Entities[c.Entity].Type != schema.TypePerson || c.Sent == m.Sent && c.End > m.Start {
			continue
		}
		score[c.Entity] += 2
		if c.Sent >= m.Sent-3 {
			score[c.Entity] |= 1 // recent: wins a tie
		}
	}
	return rankedByScore(score)
}

// linkPronoun attaches a pronoun to the most salient earlier entity that agrees in gender and
// animacy.
func (r *Result) linkPronoun(i int) {
	m := &r.Mentions[i]
	ok := func(e *Entity) bool {
		if m.Type == schema.TypePerson {
			return e.Type == schema.TypePerson && (e.Gender == lexicon.Unknown || e.Gender == m.Gender)
		}
		return e.Type == schema.TypeOrg // "it" for a country is rare in news; for a company or body common
	}
	if m.Plural {
		// "they" for an organisation or a party ("Labour said they would…") when one was the
		// subject of this or the last sentence; most "they"s are people the text does not name.
		r.attachRanked(i, r.salient(i, func(e *Entity) bool { return e.Type == schema.TypeOrg }, 1, true))
		return
	}
	window := 2
	if m.Type != schema.TypePerson {
		window = 1
	}
	// "it" takes an organisation only when the organisation was a subject ("The company said it
	// would…"): most "it"s in news refer to things, not entities.
	r.attachRanked(i, r.salient(i, ok, window, m.Type != schema.TypePerson))
}

// salient ranks the entities mentioned within window sentences before mention i that fit (as
// subjects only, when subjectsOnly): a subject mention beats a non-subject one, a nearer one a
// farther one.
func (r *Result) salient(i int, fits func(*Entity) bool, window int, subjectsOnly bool) []int {
	m := &r.Mentions[i]
	score := map[int]int{}
	for j := i - 1; j >= 0; j-- {
		c := &r.Mentions[j]
		if c.Sent < m.Sent-window {
			break
		}
		if c.Entity < 0 || !fits(&r.Entities[c.Entity]) || c.Sent == m.Sent && c.End > m.Start || subjectsOnly && !c.Subject ||
			r.running(i) && !r.running(j) || c.Sent == m.Sent && c.Quoted && !m.Quoted {
			continue // a name in a speaker's words is not whom the narrator's "he said" means
		}
		if m.Kind == Pronoun && m.Bound >= 0 && c.Sent == m.Sent && c.Start <= m.Bound && m.Bound < c.End {
			continue // "X accused him": him is not X
		}
		sc := 10 * (window - (m.Sent - c.Sent) + 1)
		if c.Subject {
			sc += 6
		}
		if c.Kind == Name {
			sc += 2
		}
		if sc > score[c.Entity] {
			score[c.Entity] = sc
		}
	}
	return rankedByScore(score)
}

// rankedByScore returns the entities of score, highest score first; on a tie, the
// later-introduced entity first.
func rankedByScore(score map[int]int) []int {
	ranked := make([]int, 0, len(score))
	for e := range score {
		ranked = append(ranked, e)
	}
	sort.Slice(ranked, func(a, b int) bool {
		if score[ranked[a]] != score[ranked[b]] {
			return score[ranked[a]] > score[ranked[b]]
		}
		return ranked[a] > ranked[b]
	})
	return ranked
}

// attachRanked attaches mention i to the first of ranked entities and keeps the others as
// alternatives.
func (r *Result) attachRanked(i int, ranked []int) {
	if len(ranked) == 0 {
		return
	}
	r.attach(i, ranked[0])
	r.Mentions[i].Alternatives = ranked[1:]
}

func (r *Result) attach(i, e int) {
	r.Mentions[i].Entity = e
	ent := &r.Entities[e]
	ent.Mentions = append(ent.Mentions, i) // sorted once pass 2 is over
}
