package ner

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/lexicon"
)

// orgHeads are capitalised nouns that end the names of companies, newspapers and other bodies,
// beyond the government-body words and company legal forms of package lexicon ("Zenoria
// Securities", "Acme Software", "the Morning Telegraph"). They are kept here rather than in the
// lexicon so that the statistical model's gazetteer features stay those it was trained with.
var orgHeads = map[string]bool{
	"Securities": true, "Software": true, "Productions": true, "Pictures": true, "Records": true,
	"Airways": true, "Airlines": true, "Motors": true, "Insurance": true, "Capital": true,
	"Systems": true, "Communications": true, "Networks": true, "Media": true, "Entertainment": true,
	"Studios": true, "Foods": true, "Energy": true, "Pharmaceuticals": true, "Telecom": true,
	"Exchange": true, "Bancorp": true, "Investments": true, "Associates": true,
	"Telegraph": true, "Standard": true, "Observer": true, "Guardian": true, "Herald": true,
	"Mail": true, "Express": true, "Tribune": true, "Gazette": true, "Chronicle": true,
	"Magazine": true, "Weekly": true, "Treasury": true, "Commons": true, "Lords": true,
}

// notInName are capitalised words that do not begin an organisation's name before its head:
// sentence openers and determiners.
var notInName = map[string]bool{"The": true, "A": true, "An": true, "In": true, "On": true, "At": true,
	"For": true, "But": true, "And": true, "Or": true, "As": true, "If": true, "Its": true, "His": true,
	"Her": true, "Their": true, "This": true, "That": true, "When": true, "While": true, "After": true,
	"Before": true, "Since": true, "With": true, "From": true, "By": true, "Of": true, "To": true}

// orgHead reports whether w ends an organisation's name ("Ministry", "Bank", "Securities", "Inc").
func orgHead(w string) bool {
	return capitalisedIn(w, orgHeads, lexicon.ClassGovSuffix|lexicon.ClassCompanySuffix, lexicon.ClassPlace)
}

// capitalisedIn reports whether w is capitalised and listed in extra, or in a gazetteer list of
// classes want and of none of the classes not.
func capitalisedIn(w string, extra map[string]bool, want, not lexicon.Class) bool {
	if !capitalised(w) {
		return false
	}
	if extra[w] {
		return true
	}
	e, ok := lexicon.Lookup(w)
	return ok && e.Class&want != 0 && e.Class&not == 0
}

// spanOf returns the span [start, end) of the entity token k belongs to (labels[k] != "").
func spanOf(labels []string, begins []bool, k int) (int, int) {
	s := k
	for s > 0 && !begins[s] && labels[s-1] == labels[k] {
		s--
	}
	e := k + 1
	for e < len(labels) && labels[e] == labels[k] && !begins[e] {
		e++
	}
	return s, e
}

// nameStart returns where the name of an organisation whose head begins at token h starts: h
// itself, or further left over capitalised words, names ("[Zenda] Stock Exchange") and an "&" or
// "and" between capitalised words ("US Securities and Investments Commission", "Marks & Spencer").
func nameStart(words, labels []string, begins []bool, h int) int {
	start := h
	for k, n := h-1, 0; k >= 0 && n < 5; n++ {
		switch {
		case labels[k] != "":
			switch labels[k] {
			case Date, Money, Percent, Person:
				return start // a person before a company's name is its owner or chief, not part of it
			}
			s, _ := spanOf(labels, begins, k)
			start, k = s, s-1
		case words[k] == "&" || strings.EqualFold(words[k], "and"):
			// "and" joins two names only when the word before it is no entity of its own.
			if k == 0 || labels[k-1] != "" || !capitalised(words[k-1]) || notInName[words[k-1]] || known(words[k-1]) && words[k] != "&" {
				return start
			}
			k--
		case capitalised(words[k]) && !notInName[words[k]] && !title(words[k]):
			start, k = k, k-1
		default:
			return start
		}
	}
	return start
}

// title reports whether w is a title or an honorific ("President", "Mr").
func title(w string) bool {
	e, ok := lexicon.Lookup(w)
	return ok && e.Class&(lexicon.ClassTitle|lexicon.ClassHonorific) != 0
}

// orgNames labels the names of organisations that end in a head noun ("Zenoria Securities",
// "the Zenda Stock Exchange", "US Securities and Investments Commission") or begin with one before
// "of" or "for" ("Bank of Ruritania", "Commission for Rural Affairs"), and names joined by "&"
// ("Marks & Spencer"), taking in the names the model found inside them.
func orgNames(words, labels []string, begins []bool, info []tokInfo) {
	n := len(words)
	// Right to left, so that a name is read from its last head ("Securities and Investments
	// Commission" is one name, not "Securities" and "Investments Commission").
	for h := n - 1; h >= 1; h-- {
		if !orgHead(words[h]) {
			continue
		}
		first, end := h, h+1
		if labels[h] != "" {
			s, e := spanOf(labels, begins, h)
			if labels[h] != Org || e != h+1 || s < h-3 {
				continue // the head inside another name
			}
			first, end = s, e
		}
		start := nameStart(words, labels, begins, first)
		if start < first && (!genericHeads[words[h]] || nameLike(words, labels, info, start, first)) {
			mark(labels, begins, start, end, Org)
		}
		h = start
	}
	for h := 0; h+2 < n; h++ {
		if !capitalised(words[h]) || words[h+1] != "of" && words[h+1] != "for" {
			continue
		}
		if p, _ := lexicon.GovHead(words[h]); !p {
			continue
		}
		if labels[h] != "" {
			s, e := spanOf(labels, begins, h)
			if s != h {
				continue // the head inside another name
			}
			if x, ok := lexicon.Lookup(join(words, s, e)); e > h+1 && ok && x.Class&lexicon.ClassPlace != 0 {
				continue // "Union of Soviet Socialist Republics": a place the gazetteers know
			}
		}
		end := h + 2
		for end < n && end-h < 7 {
			if labels[end] != "" {
				_, e := spanOf(labels, begins, end)
				end = e
				continue
			}
			if !capitalised(words[end]) {
				break
			}
			end++
		}
		if end == h+2 {
			continue
		}
		mark(labels, begins, nameStart(words, labels, begins, h), end, Org)
		h = end - 1
	}
	for h := 1; h < n; h++ {
		// An institution named by its capitalised common noun alone: "the Treasury", "in
		// Parliament", "Cabinet ministers".
		if labels[h] == "" && institution(words[h]) && !capitalised(words[h-1]) && (h+1 == n || !capitalised(words[h+1])) {
			mark(labels, begins, h, h+1, Org)
		}
	}
	for k := 0; k+1 < n; k++ {
		// An acronym the gazetteers do not know before a place: a club or company ("AC Zenda",
		// "FC Zenda").
		if labels[k] == "" && (labels[k+1] == GPE || labels[k+1] == Loc) && begins[k+1] && acronym(words[k]) && !known(words[k]) {
			_, e := spanOf(labels, begins, k+1)
			mark(labels, begins, k, e, Org)
		}
	}
	for k := 1; k+1 < n; k++ {
		if words[k] != "&" || !capitalised(words[k-1]) || !capitalised(words[k+1]) {
			continue
		}
		start := nameStart(words, labels, begins, k)
		end := k + 1
		if labels[end] != "" {
			_, end = spanOf(labels, begins, end)
		}
		for end < n && end-k < 4 && labels[end] == "" && capitalised(words[end]) {
			end++
		}
		// "Quill & Barlow", not "Astrology & Palmistry": one side must look like a name.
		if start < k && (nameLike(words, labels, info, start, k) || nameLike(words, labels, info, k+1, end)) {
			mark(labels, begins, start, end, Org)
		}
		k = end - 1
	}
}

// institutions are bodies of state that news names by a capitalised common noun alone
// ("Parliament", "the Cabinet", "the Treasury"); broader words ("Office", "Court", "Government")
// are capitalised alone too often where they name nothing in particular.
var institutions = map[string]bool{"Treasury": true, "Commons": true, "Lords": true, "Pentagon": true,
	"Exchequer": true, "Bundestag": true, "Knesset": true, "Politburo": true, "Parliament": true,
	"Congress": true, "Senate": true, "Cabinet": true, "Duma": true, "Rada": true, "Reichstag": true}

// institution reports whether w, capitalised, names a body of state by itself.
func institution(w string) bool {
	return capitalised(w) && institutions[w]
}

// acronym reports whether w is two to four capital letters.
func acronym(w string) bool {
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// genericHeads end names only after a name ("Zenoria News", "Acme Service"); after common words
// they head phrases in title case ("Customer Service", "Technology News").
var genericHeads = map[string]bool{"Service": true, "News": true, "Office": true, "Government": true}

// nameLike reports whether tokens i..j-1 hold a name: an entity already found (a nationality
// does not count: "the Ruritanian Government"), an acronym, or a capitalised word that no English
// word list has in lower case ("Quill", "Zenoria").
func nameLike(words, labels []string, info []tokInfo, i, j int) bool {
	for k := i; k < j; k++ {
		if labels[k] != "" && labels[k] != NORP || acronym(words[k]) || capitalised(words[k]) && k < len(info) && info[k].dict&uint64(DictLower) == 0 {
			return true
		}
	}
	return false
}

// listPlaces types as places the odd items of a list of places ("Leeds, York, Zenda and Hull":
// "Zenda", which the model left out or took for a person's name, is a town too): in a list of
// three places or more that make most of its items, a one-word item that is unlabelled or a
// person's name that is no common given name becomes a GPE.
func listPlaces(words, labels []string, begins []bool) {
	n := len(words)
	item := func(k int) (int, int, bool) {
		switch {
		case k >= n:
			return 0, 0, false
		case labels[k] != "" && begins[k]:
			s, e := spanOf(labels, begins, k)
			return s, e, true
		case labels[k] == "" && k > 0 && capitalised(words[k]) && !notInName[words[k]]:
			return k, k + 1, true
		}
		return 0, 0, false
	}
	for i := 1; i < n; i++ {
		var items [][2]int
		for k := i; ; {
			s, e, ok := item(k)
			if !ok {
				break
			}
			items = append(items, [2]int{s, e})
			if e < n && words[e] == "," {
				e++
			}
			if e < n && (words[e] == "and" || words[e] == "or") {
				e++
			}
			if e == items[len(items)-1][1] {
				break
			}
			k = e
		}
		if len(items) < 3 {
			continue
		}
		places := 0
		for _, it := range items {
			if l := labels[it[0]]; l == GPE || l == Loc {
				places++
			}
		}
		if places >= 3 && 2*places > len(items) {
			for _, it := range items {
				k := it[0]
				if it[1]-k == 1 && (labels[k] == "" || labels[k] == Person && lexicon.GivenNameGender(words[k]) == lexicon.Unknown) && !known(words[k]) {
					mark(labels, begins, k, k+1, GPE)
				}
			}
		}
		i = items[len(items)-1][1]
	}
}
