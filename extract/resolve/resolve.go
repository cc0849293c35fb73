// Package resolve links entities across articles: one real entity is one node over the corpus.
// An article that names a person only by surname ("Lopez") is linked to the one person of the
// corpus whose full name ends so ("Maria Lopez"); an acronym to the one organisation it abbreviates.
// One name recorded under several types (a recogniser's disagreement between articles) is one
// entity, under the type most articles gave it. Distinct entities stay apart: shortened names are
// only compared with names of the same type, and an ambiguous short name (two people called
// Johnson) is left as it is.
//
// The Index is built from every article of a run (and the entities already stored, each weighed
// by the number of articles that mention it) before any id is rewritten; what it answers depends
// only on the records added, not on their order, so ids do not depend on the order of the input.
// Stored articles are never rewritten: an entity linked when its article was stored keeps that
// id when later articles would have linked it otherwise (see docs/commands.md, "Incremental builds").
// It works on schema records and facts only: it never reads text and never touches a store.
package resolve

import (
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// Index holds the entities known to a corpus. What it answers depends only on the multiset of
// records added, never on the order of the calls: a build can index its articles as they are
// extracted, in any order, and rewrite them afterwards.
type Index struct {
	records map[string]*entry
	// first and last map a lower-case first or last name word to the ids of multi-word PERSON
	// names that begin or end with it.
	first, last map[string][]string
	// acronyms maps an acronym to the ids of ORG names it abbreviates.
	acronyms map[string][]string
	// byName maps a name slug to the ids (of any type) with that name: one name under two types
	// is one entity under the type most articles gave it.
	byName map[string][]string
	// memo caches Canonical.
	memo map[string]string
}

// entry is what the index knows of one id: its type, how many articles recorded it, and the
// name most of them used.
type entry struct {
	typ   string
	n     int
	name  string
	names map[string]int // every name and its count, once a second name turns up
}

// addName counts n more uses of name and keeps the most used one (ties: the smallest string).
// It reports whether the name is new for the id.
func (e *entry) addName(name string, n int) bool {
	if e.names == nil {
		if name == e.name {
			return false
		}
		e.names = map[string]int{e.name: e.n}
	}
	_, seen := e.names[name]
	e.names[name] += n
	if c, best := e.names[name], e.names[e.name]; c > best || c == best && name < e.name {
		e.name = name
	}
	return !seen
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{records: map[string]*entry{}, first: map[string][]string{},
		last: map[string][]string{}, acronyms: map[string][]string{}, byName: map[string][]string{}}
}

// Add records an entity as one article recorded it.
func (x *Index) Add(r schema.EntityRecord) { x.AddN(r, 1) }

// AddN records an entity that n articles recorded, such as an entity already in the store with
// the number of articles that mention it. Only the id, name and type of r count; aliases do not.
func (x *Index) AddN(r schema.EntityRecord, n int) {
	if n <= 0 {
		n = 1
	}
	x.memo = nil
	e, ok := x.records[r.ID]
	if !ok {
		e = &entry{typ: r.Type, name: r.Name}
		x.records[r.ID] = e
		slug := schema.Slug(r.Name)
		x.byName[slug] = append(x.byName[slug], r.ID)
		x.addKeys(r.ID, r.Type, r.Name)
	} else {
		if e.addName(r.Name, n) {
			// Another spelling of the same slug: its words are keys too, whichever came first.
			x.addKeys(r.ID, e.typ, r.Name)
		}
		if r.Type < e.typ { // one id has one type slug; keep one label whatever the order
			e.typ = r.Type
		}
	}
	e.n += n
}

// addKeys files id under the first and last words (PERSON) or the acronym (ORG) of name.
func (x *Index) addKeys(id, typ, name string) {
	words := strings.Fields(strings.ToLower(name))
	switch {
	case typ == schema.TypePerson && len(words) > 1:
		put(x.first, words[0], id)
		put(x.last, words[len(words)-1], id)
	case typ == schema.TypeOrg && len(words) > 1:
		put(x.acronyms, acronym(name), id)
	}
}

// put adds id to the set m[k].
func put(m map[string][]string, k, id string) {
	if !slices.Contains(m[k], id) {
		m[k] = append(m[k], id)
	}
}

// Len returns the number of distinct entity ids indexed.
func (x *Index) Len() int { return len(x.records) }

func acronym(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		switch strings.ToLower(w) {
		case "of", "the", "and", "for", "&":
			continue
		}
		b.WriteString(strings.ToUpper(w[:1]))
	}
	return b.String()
}

// Canonical returns the id an entity id stands for over the corpus: itself, or the one fuller
// entity its name shortens.
func (x *Index) Canonical(id string) string {
	if x.memo == nil {
		x.memo = map[string]string{}
	}
	if c, ok := x.memo[id]; ok {
		return c
	}
	c := x.retype(id)
	if r, ok := x.records[c]; ok {
		words := strings.Fields(strings.ToLower(r.name))
		switch {
		case r.typ == schema.TypePerson && len(words) == 1:
			if only, ok := single(x.last[words[0]]); ok {
				c = only
			} else if only, ok := single(x.first[words[0]]); ok && len(x.last[words[0]]) == 0 {
				c = only
			}
		case r.typ == schema.TypePerson && len(words) > 2:
			// "George W. Bush" and "George Bush" are kept apart; nothing to shorten to.
		case r.typ == schema.TypeOrg && len(words) == 1 && strings.ToUpper(r.name) == r.name:
			if only, ok := single(x.acronyms[strings.ReplaceAll(r.name, ".", "")]); ok {
				c = only
			}
		}
	}
	x.memo[id] = c
	return c
}

// retype returns the id that the entity's name has under the type most articles gave it (ties:
// the type listed first in schema.EntityTypes, then the id).
func (x *Index) retype(id string) string {
	r, ok := x.records[id]
	if !ok {
		return id
	}
	best, b := id, r
	for _, other := range x.byName[schema.Slug(r.name)] {
		if o := x.records[other]; better(o.n, o.typ, other, b.n, b.typ, best) {
			best, b = other, o
		}
	}
	return best
}

func better(n int, typ, id string, bn int, btyp, bid string) bool {
	if n != bn {
		return n > bn
	}
	if ti, bi := typeRank(typ), typeRank(btyp); ti != bi {
		return ti < bi
	}
	return id < bid
}

func typeRank(label string) int {
	for i, t := range schema.EntityTypes {
		if t.Label == label {
			return i
		}
	}
	return len(schema.EntityTypes)
}

// single returns the only member of a set.
func single(s []string) (string, bool) {
	if len(s) != 1 {
		return "", false
	}
	return s[0], true
}

// Apply rewrites the entity ids of one article's facts and records to their canonical ids: the
// canonical entity's name replaces the short one, and the short name becomes an alias.
func (x *Index) Apply(facts []schema.Fact, ents []schema.EntityRecord) []schema.EntityRecord {
	fix := func(e *schema.Entity) {
		if e == nil || e.ID == "" {
			return
		}
		if c := x.Canonical(e.ID); c != e.ID {
			e.ID, e.Name, e.Type = c, x.records[c].name, x.records[c].typ
		}
	}
	for i := range facts {
		fix(&facts[i].Subject)
		fix(&facts[i].Object.Entity)
		fix(facts[i].AttributedTo)
	}
	byID := map[string]*schema.EntityRecord{}
	var order []string
	for _, r := range ents {
		c := x.Canonical(r.ID)
		if c != r.ID {
			r.Aliases = append(r.Aliases, r.Name)
			r.ID, r.Name, r.Type = c, x.records[c].name, x.records[c].typ
		}
		if old, ok := byID[c]; ok {
			old.Aliases = append(old.Aliases, r.Aliases...)
			continue
		}
		rr := r
		byID[c] = &rr
		order = append(order, c)
	}
	sort.Strings(order)
	out := make([]schema.EntityRecord, 0, len(order))
	for _, id := range order {
		r := byID[id]
		sort.Strings(r.Aliases)
		r.Aliases = slices.DeleteFunc(slices.Compact(r.Aliases), func(a string) bool { return a == r.Name })
		out = append(out, *r)
	}
	return out
}
