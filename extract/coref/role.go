package coref

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/lexicon"

	"github.com/newsgraph/newsgraph/schema"
)

// Role is a role a title gives a person: "Pentagon spokesman John Smith" (spokesman of the
// Pentagon), "Chile's ambassador to Peru X" (ambassador of Chile, to Peru).
type Role struct {
	// Sent is the sentence; Start and End the token span of the title phrase.
	Sent, Start, End int
	// Person is the entity holding the role.
	Person int
	// Title is the title as written ("spokesman", "Ambassador").
	Title string
	// Of are the entities the role belongs to (the Pentagon; "Acme and Zenith CEO": both), in text
	// order; none when the text names none.
	Of []int
	// To is the entity a diplomatic role is accredited to (Yonland), -1 when none.
	To int
	// Resolved marks owners named by a pronoun or a description that coreference resolved ("its
	// chief executive X"), less sure than owners named by name.
	Resolved bool
}

// readRoles finds the titles standing before or in apposition to the person names of sentence si,
// whose mentions are the indices mentions.
func (r *Result) readRoles(si int, toks []doc.Token, mentions []int) {
	mentionAt := map[int]int{} // token -> name mention of this sentence
	var people []int
	for _, i := range mentions {
		m := r.Mentions[i]
		if m.Sent != si || m.Kind != Name || m.Entity < 0 {
			continue
		}
		for k := m.Start; k < m.End; k++ {
			mentionAt[k] = i
		}
		if m.Type == schema.TypePerson {
			people = append(people, i)
		}
	}
	words := make([]string, len(toks))
	for i := range toks {
		words[i] = form(&toks[i])
	}
	for _, pi := range people {
		p := r.Mentions[pi]
		// The title phrase runs leftwards from the first word of the name.
		first := p.Start
		for first < p.End && !strings.EqualFold(words[first], firstWord(p.Name)) {
			first++
		}
		if role, ok := r.titleBefore(si, toks, words, mentionAt, first, p.Start); ok {
			role.Person = p.Entity
			r.addRole(role)
		}
		if role, ok := r.appositive(si, toks, words, mentionAt, p.Head); ok {
			role.Person = p.Entity
			r.addRole(role)
		}
		if last := p.End - 1; PostNominal[words[last]] { // "John Smith MP", the title inside the name's span
			r.addRole(Role{Sent: si, Start: last, End: p.End, Person: p.Entity, Title: words[last], To: -1})
		} else if p.End < len(words) && PostNominal[words[p.End]] {
			r.addRole(Role{Sent: si, Start: p.End, End: p.End + 1, Person: p.Entity, Title: words[p.End], To: -1})
		}
	}
}

// isPossessive reports whether a word is the possessive clitic.
func isPossessive(w string) bool { return w == "'s" || w == "’s" || w == "'" }

// PostNominal are the titles written after a name: "John Smith MP", "Jane Roe QC".
var PostNominal = map[string]bool{"MP": true, "MEP": true, "MSP": true, "MLA": true, "AM": true, "QC": true, "KC": true}

func firstWord(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return name
}

// linkers may stand inside a title phrase without ending it.
var linkers = map[string]bool{"'s": true, "’s": true, "'": true, "of": true, "to": true, "for": true, "and": true, "&": true,
	"former": true, "deputy": true, "acting": true, "then": true, "-": true, "the": true, "at": true}

// honorific reports whether w is a form of address ("Mr", "Dr").
func honorific(w string) bool {
	_, ok := lexicon.Honorific(w)
	return ok
}

// ownerPreps introduce whose a title is, or where it is held: a name right after them is no
// holder of the title before them.
var ownerPreps = map[string]bool{"for": true, "of": true, "to": true, "at": true}

// titleBefore reads "ORG TITLE (to X)" leftwards from token end-1 (end is the name's first word;
// spanStart the mention's start, which may include the title).
func (r *Result) titleBefore(si int, toks []doc.Token, words []string, mentionAt map[int]int, end, spanStart int) (Role, bool) {
	k := end - 1
	for k >= 0 && (strings.EqualFold(words[k], "the") || honorific(words[k])) {
		k-- // "a spokesman for Mr Lopez", "the author of The Zed Code"
	}
	if k >= 0 && ownerPreps[strings.ToLower(words[k])] {
		return Role{}, false // "spokesman for Maria Lopez": she is whose spokesman, not he
	}
	role := Role{Sent: si, To: -1, Start: end, End: end}
	titleAt := -1
	for k := end - 1; k >= 0 && end-k <= 12; k-- {
		// An entity left of the title is whose role it is ("Zedland's ambassador", "the
		// president's spokesman", "Acme and Zenith CEO"); right of it, after "to", where a
		// diplomat is posted; otherwise after "of"/"for" whose role it is.
		if mi, ok := mentionAt[k]; ok && (titleAt >= 0 || r.Mentions[mi].Type != schema.TypePerson) {
			if m := r.Mentions[mi]; m.Type == schema.TypePerson && (m.End >= len(words) || !isPossessive(words[m.End])) {
				break // "musician X and actor Y": X is another holder, not whose actor Y is
			}
			e, start := r.entityOf(mi), r.Mentions[mi].Start
			if titleAt >= 0 && len(role.Of) > 0 && start > 0 && toks[start-1].Tag == "IN" {
				break // "in Cardiff and Ruritania Minister X": Cardiff ends the phrase before
			}
			switch {
			case titleAt >= 0:
				role.Of = append([]int{e}, role.Of...)
			case start > 0 && strings.EqualFold(words[start-1], "to"),
				start > 1 && strings.EqualFold(words[start-1], "the") && strings.EqualFold(words[start-2], "to"):
				role.To = e
			default:
				role.Of = append(role.Of, e)
			}
			role.Start = r.Mentions[mi].Start
			k = r.Mentions[mi].Start
			continue
		}
		if n, _ := matchTitle(words, k); n > 0 {
			// The title keeps the lower-case words that make it one office: "shadow education
			// secretary", "retail analyst".
			from := k
			for from > 0 && modifiesTitle(&toks[from-1]) && !linkers[strings.ToLower(words[from-1])] {
				if m, _ := matchTitle(words, from-1); m > 0 {
					break // another title: read on its own
				}
				from--
			}
			titleAt = from
			role.Title = strings.Join(words[from:k+n], " ")
			role.Start = from
			k = from
			continue
		}
		if k > 0 {
			if n, _ := matchTitle(words, k-1); n == 2 {
				continue // the second word of a two-word title: read with the first
			}
		}
		if _, ok := lexicon.Demonym(words[k]); ok && titleAt >= 0 {
			role.Start = k
			continue // "Polish President": the nationality is read by package extract
		}
		if titleAt >= 0 && ownerPreps[strings.ToLower(words[k])] {
			break // "an adviser to President X": the title before "to" is somebody else's
		}
		if _, named := mentionAt[k-1]; named && k == titleAt-1 && len(role.Of) == 0 && (words[k] == "and" || words[k] == "&") {
			break // "Acme and actor X": a conjunct of its own; not "Acme chairman and chief executive X"
		}
		if linkers[strings.ToLower(words[k])] || isCompoundNoun(toks, k) && titleAt < 0 {
			continue
		}
		if honorific(words[k]) && titleAt < 0 {
			continue // "Home Secretary Mr Harlow"
		}
		break
	}
	if titleAt < 0 {
		return Role{}, false
	}
	if role.To >= 0 && len(role.Of) == 0 && !diplomatic(role.Title) {
		role.Of, role.To = []int{role.To}, -1
	}
	return role, true
}

// modifiesTitle reports whether a token can be part of a title before its noun: a lower-case
// common noun or adjective ("shadow", "education", "retail").
func modifiesTitle(t *doc.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	if !unicode.IsLower(r) || t.Ent != "" && t.Ent != "O" {
		return false
	}
	return t.Tag == "NN" || t.Tag == "JJ"
}

func isCompoundNoun(toks []doc.Token, k int) bool {
	return toks[k].Dep == "compound" && strings.HasPrefix(toks[k].Tag, "NN")
}

// matchTitle matches a title or person noun at words[k], returning its length in words.
func matchTitle(words []string, k int) (int, string) {
	if n, e := lexicon.Match(words, k); n > 0 && e.Class&lexicon.ClassTitle != 0 {
		return n, e.Title.Canonical
	}
	if w := strings.ToLower(words[k]); personNouns[w] && w != "man" && w != "woman" {
		return 1, w
	}
	return 0, ""
}

func diplomatic(title string) bool {
	t, ok := lexicon.Title(title)
	return ok && t.Kind == "diplomatic"
}

// appositive reads a title in apposition to the name headed by token head: "X, the Pentagon's
// spokesman," or "X, spokesman for the Pentagon,".
func (r *Result) appositive(si int, toks []doc.Token, words []string, mentionAt map[int]int, head int) (Role, bool) {
	for k := range toks {
		if toks[k].Head != head || toks[k].Dep != "appos" || conjBetween(toks, head, k) {
			continue // "X and Y, a minister": the title is Y's, whatever the parse hangs it on
		}
		if role, ok := r.titleRole(si, toks, words, mentionAt, k); ok {
			return role, true
		}
	}
	// "a Zenith attorney, X": the name in apposition to the title; "the head of Zenith, X": to
	// the title's "of" phrase, where the parse often hangs it.
	if h := toks[head].Head; toks[head].Dep == "appos" && h >= 0 && h < len(toks) {
		if h+1 < len(toks) && h+1 != head && toks[h+1].Ent == "B-PERSON" {
			return Role{}, false // "Acme chief Ada Moss and athlete X": the title's holder follows it
		}
		if role, ok := r.titleRole(si, toks, words, mentionAt, h); ok {
			return role, true
		}
		if t := toks[h].Head; toks[h].Dep == "nmod" && t >= 0 && t < len(toks) {
			if role, ok := r.titleRole(si, toks, words, mentionAt, t); ok {
				return role, true
			}
		}
	}
	return Role{}, false
}

// conjBetween reports whether a conjunct of token h stands between h and token k.
func conjBetween(toks []doc.Token, h, k int) bool {
	for j := h + 1; j < k; j++ {
		if toks[j].Head == h && toks[j].Dep == "conj" {
			return true
		}
	}
	return false
}

// titleRole reads the role a title noun at token k gives, with the entities its possessor,
// compound modifiers and "of"/"for" phrase name ("the Pentagon's spokesman", "a Zenith attorney",
// "spokesman for the Pentagon").
func (r *Result) titleRole(si int, toks []doc.Token, words []string, mentionAt map[int]int, k int) (Role, bool) {
	n, _ := matchTitle(words, k)
	if n == 0 {
		return Role{}, false
	}
	// The title keeps the lower-case words before it that make it one office ("the shadow
	// education secretary"), as titleBefore does.
	from := k
	for from > 0 && modifiesTitle(&toks[from-1]) && !linkers[strings.ToLower(words[from-1])] && descends(toks, from-1, k) {
		from--
	}
	role := Role{Sent: si, Start: from, End: k + n, Title: strings.Join(words[from:k+n], " "), To: -1}
	var nationals []int // owners named by a national adjective ("the German chief")
	for j := range toks {
		if toks[j].Head != k {
			continue
		}
		mi, ok := mentionAt[j]
		if !ok || r.Mentions[mi].Type == schema.TypePerson {
			continue
		}
		switch toks[j].Dep {
		case "nmod:poss", "compound", "amod":
			if _, ok := lexicon.Demonym(form(&toks[j])); ok && toks[j].Dep == "amod" {
				nationals = append(nationals, r.entityOf(mi))
			}
			role.Of = append(role.Of, r.entityOf(mi))
		case "nmod":
			c := caseOf(toks, j)
			switch {
			case c == "to" && diplomatic(role.Title):
				role.To = r.entityOf(mi)
			case placePreps[c] && (r.Mentions[mi].Type == schema.TypeGPE || r.Mentions[mi].Type == schema.TypeLoc):
				// "the Acme correspondent in Ruritania", "a senator from Zenda": where the
				// office is held, not whose it is
			default:
				role.Of = append(role.Of, r.entityOf(mi))
			}
		}
	}
	if len(role.Of) == 0 && role.To < 0 {
		role.Of = r.unitOwners(toks, mentionAt, k)
	}
	if len(role.Of) > 1 && len(nationals) > 0 && len(nationals) < len(role.Of) {
		// "the German co-head of Acme": the body named is the owner, the nationality only where
		// the holder is from.
		role.Of = slices.DeleteFunc(role.Of, func(e int) bool { return slices.Contains(nationals, e) })
	}
	return role, true
}

// unitOwners returns the organisations that own the unit or field a title at token k is placed in
// when no name hangs on the title itself: "head of research at Zenith", "vice president in Acme's
// games unit" (a name one step below the title's "of", "at" or "in" phrase).
func (r *Result) unitOwners(toks []doc.Token, mentionAt map[int]int, k int) []int {
	var out []int
	for c := range toks {
		if toks[c].Head != k || toks[c].Dep != "nmod" {
			continue
		}
		if cs := caseOf(toks, c); cs != "of" && cs != "at" && cs != "in" {
			continue
		}
		for j := range toks {
			if toks[j].Head != c {
				continue
			}
			mi, ok := mentionAt[j]
			if !ok || r.Mentions[mi].Type != schema.TypeOrg {
				continue
			}
			switch toks[j].Dep {
			case "nmod:poss", "compound":
				out = append(out, r.entityOf(mi))
			case "nmod":
				if cs := caseOf(toks, j); cs == "at" || cs == "of" {
					out = append(out, r.entityOf(mi))
				}
			}
		}
	}
	return out
}

// placePreps introduce where a title is held rather than its owner when they name a place.
var placePreps = map[string]bool{"in": true, "from": true, "near": true, "outside": true, "across": true, "on": true}

func caseOf(toks []doc.Token, j int) string {
	for k := range toks {
		if toks[k].Head == j && toks[k].Dep == "case" {
			return strings.ToLower(form(&toks[k]))
		}
	}
	return ""
}

func (r *Result) entityOf(mi int) int { return r.Mentions[mi].Entity }

// addRole records a role and the description it gives the person.
func (r *Result) addRole(role Role) {
	if role.Person < 0 {
		return
	}
	r.Roles = append(r.Roles, role)
	// The person is now "the minister" (the title's head) and "the foreign minister" (the
	// whole title), not "the prime minister" because the title was "deputy prime minister".
	e := &r.Entities[role.Person]
	words := strings.Fields(strings.ToLower(role.Title))
	descs := []string{strings.Join(words, " ")}
	if len(words) > 0 {
		descs = append(descs, words[len(words)-1])
	}
	if t, ok := lexicon.Title(role.Title); ok {
		descs = append(descs, t.Canonical)
	}
	for _, d := range descs {
		if !slices.Contains(e.Descriptions, d) {
			e.Descriptions = append(e.Descriptions, d)
		}
	}
}

// descriptionRoles reads roles off the descriptions that resolved to a person: "the Acme CEO" and
// "Acme's founder" say whose CEO or founder the person is, "the Acme and Zenith boss" both.
func (r *Result) descriptionRoles(d *doc.Doc) {
	for i := range r.Mentions {
		m := &r.Mentions[i]
		if m.Kind != Nominal || m.Entity < 0 || r.Entities[m.Entity].Type != schema.TypePerson {
			continue
		}
		toks := d.Sentences[m.Sent].Tokens
		if n, _ := matchTitle([]string{form(&toks[m.Head])}, 0); n == 0 {
			continue
		}
		role := Role{Sent: m.Sent, Start: m.Start, End: m.End, Person: m.Entity, Title: form(&toks[m.Head]), To: -1}
		for k := range toks {
			if !ownerOf(toks, k, m.Head) {
				continue
			}
			if o, ok := r.At(m.Sent, k); ok && o.Kind == Name && o.Type != schema.TypePerson && o.Entity >= 0 && o.Head == k {
				role.Of = append(role.Of, o.Entity)
			}
		}
		if len(role.Of) > 0 {
			r.Roles = append(r.Roles, role)
		}
	}
}

// ownerOf reports whether token k modifies title token h as its owner: a compound or possessive
// dependent, or one coordinated with such ("Acme and Zenith CEO").
func ownerOf(toks []doc.Token, k, h int) bool {
	for n := 0; n < 2 && k >= 0 && k < len(toks); n++ {
		switch toks[k].Dep {
		case "compound", "nmod:poss":
			return toks[k].Head == h
		case "conj":
			k = toks[k].Head
			continue
		}
		return false
	}
	return false
}
