// Package resolve links entities across articles: one real entity is one node over the corpus.
// An article that names a person only by surname ("Lopez") is linked to the one person of the
// corpus whose full name ends so ("Maria Lopez"); an acronym to the one organisation it abbreviates.
// One name recorded under several types (a recogniser's disagreement between articles) is one
// entity, under the type most articles gave it. Distinct entities stay apart: shortened names are
// only compared with names of the same type, and an ambiguous short name (two people called
// Johnson) is left as it is.
//
// The Index is built from every article of a run (and the entities already stored) before any
// id is rewritten, so ids do not depend on the order of the input. It works on schema records
// and facts only: it never reads text and never touches a store.
package resolve

import (
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// Index holds the entities known to a corpus.
type Index struct {
	records map[string]schema.EntityRecord
	// full maps a lower-case first or last name word to the ids of multi-word PERSON names that
	// begin or end with it.
	first, last map[string]map[string]bool
	// acronyms maps an acronym to the ids of ORG names it abbreviates.
	acronyms map[string]map[string]bool
	// byName maps a name slug to the ids (of any type) with that name, and count how many
	// articles recorded each id: one name under two types is one entity under the type most
	// articles gave it.
	byName map[string]map[string]bool
	count  map[string]int
	// memo caches Canonical.
	memo map[string]string
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{records: map[string]schema.EntityRecord{}, first: map[string]map[string]bool{},
		last: map[string]map[string]bool{}, acronyms: map[string]map[string]bool{},
		byName: map[string]map[string]bool{}, count: map[string]int{}}
}

// Add records an entity. Records with the same id merge their aliases.
func (x *Index) Add(r schema.EntityRecord) {
	x.memo = nil
	x.count[r.ID]++
	if old, ok := x.records[r.ID]; ok {
		old.Aliases = append(old.Aliases, r.Aliases...)
		x.records[r.ID] = old
		return
	}
	r.Aliases = append([]string(nil), r.Aliases...)
	x.records[r.ID] = r
	put(x.byName, schema.Slug(r.Name), r.ID)
	words := strings.Fields(strings.ToLower(r.Name))
	switch {
	case r.Type == "PERSON" && len(words) > 1:
		put(x.first, words[0], r.ID)
		put(x.last, words[len(words)-1], r.ID)
	case r.Type == "ORG" && len(words) > 1:
		put(x.acronyms, acronym(r.Name), r.ID)
	}
}

func put(m map[string]map[string]bool, k, id string) {
	if m[k] == nil {
		m[k] = map[string]bool{}
	}
	m[k][id] = true
}

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
		words := strings.Fields(strings.ToLower(r.Name))
		switch {
		case r.Type == "PERSON" && len(words) == 1:
			if only, ok := single(x.last[words[0]]); ok {
				c = only
			} else if only, ok := single(x.first[words[0]]); ok && len(x.last[words[0]]) == 0 {
				c = only
			}
		case r.Type == "PERSON" && len(words) > 2:
			// "George W. Bush" and "George Bush" are kept apart; nothing to shorten to.
		case r.Type == "ORG" && len(words) == 1 && strings.ToUpper(r.Name) == r.Name:
			if only, ok := single(x.acronyms[strings.ReplaceAll(r.Name, ".", "")]); ok {
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
	best := id
	for other := range x.byName[schema.Slug(r.Name)] {
		if better(x.count[other], x.records[other].Type, other, x.count[best], x.records[best].Type, best) {
			best = other
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
func single(s map[string]bool) (string, bool) {
	if len(s) != 1 {
		return "", false
	}
	for k := range s {
		return k, true
	}
	return "", false
}

// Apply rewrites the entity ids of one article's facts and records to their canonical ids: the
// canonical entity's name replaces the short one, and the short name becomes an alias.
func (x *Index) Apply(facts []schema.Fact, ents []schema.EntityRecord) []schema.EntityRecord {
	fix := func(e *schema.Entity) {
		if e == nil || e.ID == "" {
			return
		}
		if c := x.Canonical(e.ID); c != e.ID {
			e.ID, e.Name, e.Type = c, x.records[c].Name, x.records[c].Type
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
			r.ID, r.Name, r.Type = c, x.records[c].Name, x.records[c].Type
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
