// Package lexicon holds newsgraph's general gazetteers: countries and their variants, demonyms,
// capitals and major cities, states and provinces, regions and seas, international organisations,
// the political parties of major democracies, company suffixes, government-body patterns, titles
// and role nouns, honorifics and the usual gender of common given names. The lists are plain-text data files embedded in the binary, each
// with a header naming its source and licence.
//
// It answers lookups (case-insensitive where sensible, with canonical names for variants, so
// "U.S." and "the United States" both give "United States") and matches phrases over token
// sequences. It must not hold lists of particular persons, companies or news subjects, and it does
// no linguistic analysis of its own: the recogniser and later stages decide what a match means.
package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed data/*.tsv
var dataFS embed.FS

// PlaceKind says what sort of place a gazetteer place is.
type PlaceKind uint8

// The kinds of place.
const (
	Country PlaceKind = iota + 1 // a sovereign state or territory with an ISO 3166-1 code
	State                        // a state, province or constituent nation
	City                         // a city or town
	Region                       // a continent, region, sea, river, range or other non-political place
)

var placeKindNames = [...]string{"", "country", "state", "city", "region"}

// String returns the lower-case name of the kind.
func (k PlaceKind) String() string {
	if int(k) < len(placeKindNames) && k != 0 {
		return placeKindNames[k]
	}
	return "unknown"
}

// PlaceInfo describes a gazetteer place.
type PlaceInfo struct {
	// Name is the canonical name ("United States" for "the US").
	Name string
	// Kind is the sort of place.
	Kind PlaceKind
	// Country is the canonical name of the country the place is in (its own name for a
	// country), empty for regions.
	Country string
	// Capital is true for national capitals.
	Capital bool
}

// OrgInfo describes a gazetteer organisation.
type OrgInfo struct {
	// Name is the canonical name ("North Atlantic Treaty Organization" for "NATO").
	Name string
	// Kind is "intergovernmental", "alliance", "bloc", "nongovernmental" or "party" (a political
	// party).
	Kind string
}

// TitleInfo describes a title or role noun.
type TitleInfo struct {
	// Canonical is the canonical role ("chief executive" for "CEO").
	Canonical string
	// Kind is the field of the role: political, government, diplomatic, military, business,
	// judicial, religious, royal, media, academic or generic.
	Kind string
}

// Gender is the usual gender of a given name or honorific.
type Gender uint8

// The genders.
const (
	Unknown Gender = iota
	Male
	Female
)

// String returns "male", "female" or "unknown".
func (g Gender) String() string {
	switch g {
	case Male:
		return "male"
	case Female:
		return "female"
	}
	return "unknown"
}

// HonorificInfo describes an honorific ("Mr", "Gen.").
type HonorificInfo struct {
	// Canonical is the full form ("General" for "Gen").
	Canonical string
	// Gender is the gender the honorific implies, Unknown when none.
	Gender Gender
	// Address marks a form of address ("Mr", "Dr", "Sir", "Lord"): it belongs to the way the
	// person is named, so a name mention includes it ("Mr Harlow"). Abbreviated titles ("Gen",
	// "Sen") name a role instead and stay out of the name.
	Address bool
}

// Class is a set of the gazetteer lists a phrase belongs to.
type Class uint16

// The gazetteer lists.
const (
	ClassCountry       Class = 1 << iota // a country or territory
	ClassState                           // a state or province
	ClassCity                            // a city
	ClassRegion                          // a region, sea, river...
	ClassOrg                             // an international organisation
	ClassDemonym                         // a demonym or national adjective
	ClassTitle                           // a title or role noun
	ClassHonorific                       // an honorific
	ClassGivenName                       // a common given name
	ClassCompanySuffix                   // a company legal-form suffix
	ClassGovPrefix                       // a word that begins a body's name: "Ministry (of X)"
	ClassGovSuffix                       // a word that ends a body's name: "(Foreign) Ministry"
)

// ClassPlace is any kind of place.
const ClassPlace = ClassCountry | ClassState | ClassCity | ClassRegion

// Entry is everything the gazetteers know about one phrase.
type Entry struct {
	// Class says which lists the phrase is on.
	Class Class
	// Place is set when Class has a place bit.
	Place PlaceInfo
	// Org is set when Class has ClassOrg.
	Org OrgInfo
	// Demonym is the canonical country name when Class has ClassDemonym.
	Demonym string
	// Title is set when Class has ClassTitle.
	Title TitleInfo
	// Honorific is set when Class has ClassHonorific.
	Honorific HonorificInfo
	// Gender is the usual gender when Class has ClassGivenName.
	Gender Gender
	// capsOnly marks acronyms ("US", "WHO") that match only when written without lower-case letters.
	capsOnly bool
}

type table struct {
	byKey map[uint64]*Entry
	// prefixes holds the key hashes of every prefix of every phrase (whole phrases too): Match
	// stops at the first token that leaves them.
	prefixes map[uint64]struct{}
	maxToks  int
	err      error
}

var (
	once sync.Once
	tab  *table
)

func get() *table {
	once.Do(func() { tab = load() })
	return tab
}

// Check reports whether the embedded data files loaded cleanly; lookups find nothing when they
// did not.
func Check() error { return get().err }

// key hashes a phrase for lookup: FNV-1a over its lower-cased bytes with spaces left out and
// curly apostrophes made straight, so "United States", "united states" and "UnitedStates" agree,
// as do the token sequences "Guinea - Bissau" and "Guinea-Bissau".
func key(s string) uint64 { return hashMore(fnvOffset, s) }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashMore continues hash h over s (see key).
func hashMore(h uint64, s string) uint64 {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * fnvPrime
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case '\u2019', '\u2018':
			r = '\''
		case '\u00a0':
			continue
		}
		r = unicode.ToLower(r)
		var buf [4]byte
		m := utf8.EncodeRune(buf[:], r)
		for _, b := range buf[:m] {
			h = (h ^ uint64(b)) * fnvPrime
		}
	}
	return h
}

// hasLower reports whether s has a lower-case letter.
func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// lookup finds the entry for a phrase as written.
func lookup(s string) (*Entry, bool) {
	t := get()
	e, ok := t.byKey[key(strings.TrimSpace(s))]
	if !ok || (e.capsOnly && hasLower(s)) {
		return nil, false
	}
	return e, true
}

// Lookup returns everything the gazetteers know about a phrase.
func Lookup(phrase string) (Entry, bool) {
	e, ok := lookup(phrase)
	if !ok {
		return Entry{}, false
	}
	return *e, true
}

// Place looks up a place name or variant ("the U.S.", "Bombay", "Texas", "the Black Sea").
func Place(name string) (PlaceInfo, bool) {
	e, ok := lookup(name)
	if !ok || e.Class&ClassPlace == 0 {
		return PlaceInfo{}, false
	}
	return e.Place, true
}

// Demonym returns the canonical name of the country a demonym or national adjective refers to
// ("Kenyan", "Kenyans" → "Kenya").
func Demonym(word string) (country string, ok bool) {
	e, ok := lookup(word)
	if !ok || e.Class&ClassDemonym == 0 {
		return "", false
	}
	return e.Demonym, true
}

// Org looks up an international organisation by name or acronym ("NATO", "the UN").
func Org(name string) (OrgInfo, bool) {
	e, ok := lookup(name)
	if !ok || e.Class&ClassOrg == 0 {
		return OrgInfo{}, false
	}
	return e.Org, true
}

// Title looks up a title or role noun, one word or several ("president", "Prime Minister",
// "chief executive", "CEO").
func Title(phrase string) (TitleInfo, bool) {
	e, ok := lookup(phrase)
	if !ok || e.Class&ClassTitle == 0 {
		if rest, cut := cutTitlePrefix(phrase); cut {
			return Title(rest)
		}
		return TitleInfo{}, false
	}
	return e.Title, true
}

// titlePrefixes are the prefixes a title takes before a hyphen and stays a title: an
// "ex-president" held the office, a "co-founder" founded.
var titlePrefixes = []string{"ex-", "co-"}

// cutTitlePrefix returns s without a leading title prefix, and whether it had one.
func cutTitlePrefix(s string) (string, bool) {
	for _, p := range titlePrefixes {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			return s[len(p):], true
		}
	}
	return s, false
}

// Honorific looks up an honorific, with or without its full stop ("Mr", "Mrs.", "Gen.").
func Honorific(word string) (HonorificInfo, bool) {
	e, ok := lookup(word)
	if !ok || e.Class&ClassHonorific == 0 {
		return HonorificInfo{}, false
	}
	return e.Honorific, true
}

// GivenNameGender returns the usual gender of a common given name, Unknown for names not listed
// or used for both.
func GivenNameGender(name string) Gender {
	e, ok := lookup(name)
	if !ok || e.Class&ClassGivenName == 0 {
		return Unknown
	}
	return e.Gender
}

// CompanySuffix reports whether word is a company legal-form suffix ("Inc", "Ltd.", "GmbH").
func CompanySuffix(word string) bool {
	e, ok := lookup(word)
	return ok && e.Class&ClassCompanySuffix != 0
}

// GovHead reports whether word begins the name of a body ("Ministry" in "Ministry of Defence":
// prefix) or ends one ("Ministry" in "Foreign Ministry": suffix).
func GovHead(word string) (prefix, suffix bool) {
	e, ok := lookup(word)
	if !ok {
		return false, false
	}
	return e.Class&ClassGovPrefix != 0, e.Class&ClassGovSuffix != 0
}

// Match finds the longest gazetteer phrase that starts at words[i] and returns its length in
// words and its entry; n is 0 when none does. Phrases match case-insensitively except acronyms,
// which must be written without lower-case letters; a title may carry a prefix ("ex-president").
// It allocates only for such a prefix.
func Match(words []string, i int) (n int, e *Entry) {
	if i < 0 || i >= len(words) {
		return 0, nil
	}
	if n, e = match(words, i); n > 0 {
		return n, e
	}
	if rest, cut := cutTitlePrefix(words[i]); cut { // "ex-president", "co-chief executive"
		w := append([]string{rest}, words[i+1:min(len(words), i+get().maxToks)]...)
		if n, e = match(w, 0); n > 0 && e.Class&ClassTitle != 0 {
			return n, e
		}
	}
	return 0, nil
}

// match is Match without title prefixes.
func match(words []string, i int) (n int, e *Entry) {
	t := get()
	h := uint64(fnvOffset)
	for j := i; j < len(words) && j-i < t.maxToks; j++ {
		h = hashMore(h, words[j])
		if _, ok := t.prefixes[h]; !ok {
			break
		}
		if x, ok := t.byKey[h]; ok {
			if x.capsOnly {
				caps := true
				for _, w := range words[i : j+1] {
					if hasLower(w) {
						caps = false
						break
					}
				}
				if !caps {
					continue
				}
			}
			n, e = j-i+1, x
		}
	}
	return n, e
}

// load reads every data file into a table.
func load() *table {
	t := &table{byKey: make(map[uint64]*Entry, 8192), prefixes: make(map[uint64]struct{}, 1<<15)}
	t.err = t.loadAll()
	t.maxToks += 2 // runtime tokens may split a phrase further ("People 's", "U.S .")
	if t.err != nil {
		t.byKey = map[uint64]*Entry{}
	}
	return t
}

// add merges info about surface into the table through fn.
func (t *table) add(surface string, fn func(e *Entry)) {
	surface = strings.TrimSpace(surface)
	if surface == "" {
		return
	}
	k := key(surface)
	e, ok := t.byKey[k]
	caps := !hasLower(surface) && len([]rune(surface)) <= 8
	if !ok {
		e = &Entry{capsOnly: caps}
		t.byKey[k] = e
		for i := range surface {
			t.prefixes[key(surface[:i])] = struct{}{}
		}
		t.prefixes[k] = struct{}{}
	} else if !caps {
		e.capsOnly = false
	}
	fn(e)
	if n := len(strings.Fields(strings.ReplaceAll(surface, "-", " - "))); n > t.maxToks {
		t.maxToks = n
	}
}

// setPlace records a place unless the phrase already names a place of a higher rank (countries
// first, then states, cities, regions: "Georgia" is the country).
func setPlace(p PlaceInfo, class Class) func(e *Entry) {
	return func(e *Entry) {
		if e.Class&ClassPlace == 0 {
			e.Place = p
		}
		e.Class |= class
	}
}

// rows reads a data file as tab-separated rows, skipping comments and blank lines; it calls fn
// with each row's fields and wraps its error with the file and line.
func rows(name string, minFields int, fn func(f []string) error) error {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < minFields {
			return fmt.Errorf("lexicon: data/%s:%d: want %d tab-separated fields, got %d", name, line, minFields, len(f))
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("lexicon: data/%s:%d: %w", name, line, err)
		}
	}
	return sc.Err()
}

// variants splits a "|"-separated list of variants.
func variants(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// withStop returns s and, for a word not ending in ".", s with a full stop ("Mr", "Mr.").
func withStop(s string) []string {
	if strings.HasSuffix(s, ".") || strings.Contains(s, " ") {
		return []string{s}
	}
	return []string{s, s + "."}
}

func (t *table) loadAll() error {
	countries := map[string]string{} // ISO code → canonical name
	if err := rows("countries.tsv", 2, func(f []string) error {
		p := PlaceInfo{Name: f[1], Kind: Country, Country: f[1]}
		countries[f[0]] = f[1]
		t.add(f[1], setPlace(p, ClassCountry))
		if len(f) > 2 {
			for _, v := range variants(f[2]) {
				t.add(v, setPlace(p, ClassCountry))
			}
		}
		return nil
	}); err != nil {
		return err
	}
	country := func(code string) (string, error) {
		c, ok := countries[code]
		if !ok {
			return "", fmt.Errorf("unknown country code %q", code)
		}
		return c, nil
	}
	if err := rows("states.tsv", 3, func(f []string) error {
		c, err := country(f[1])
		if err != nil {
			return err
		}
		p := PlaceInfo{Name: f[0], Kind: State, Country: c}
		t.add(f[0], setPlace(p, ClassState))
		if len(f) > 3 {
			for _, v := range variants(f[3]) {
				t.add(v, setPlace(p, ClassState))
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := rows("cities.tsv", 3, func(f []string) error {
		c, err := country(f[1])
		if err != nil {
			return err
		}
		p := PlaceInfo{Name: f[0], Kind: City, Country: c, Capital: f[2] == "capital"}
		t.add(f[0], setPlace(p, ClassCity))
		if len(f) > 3 {
			for _, v := range variants(f[3]) {
				t.add(v, setPlace(p, ClassCity))
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := rows("regions.tsv", 1, func(f []string) error {
		p := PlaceInfo{Name: f[0], Kind: Region}
		t.add(f[0], setPlace(p, ClassRegion))
		if len(f) > 1 {
			for _, v := range variants(f[1]) {
				t.add(v, setPlace(p, ClassRegion))
			}
		}
		return nil
	}); err != nil {
		return err
	}
	// orgs.tsv rows give the kind of organisation; parties.tsv rows the party's country.
	if err := rows("orgs.tsv", 2, func(f []string) error {
		t.addOrg(OrgInfo{Name: f[0], Kind: f[1]}, f)
		return nil
	}); err != nil {
		return err
	}
	if err := rows("parties.tsv", 2, func(f []string) error {
		if _, err := country(f[1]); err != nil {
			return err
		}
		t.addOrg(OrgInfo{Name: f[0], Kind: "party"}, f)
		return nil
	}); err != nil {
		return err
	}
	if err := rows("demonyms.tsv", 2, func(f []string) error {
		c, err := country(f[1])
		if err != nil {
			return err
		}
		set := func(e *Entry) {
			if e.Class&ClassDemonym == 0 {
				e.Demonym = c
			}
			e.Class |= ClassDemonym
		}
		t.add(f[0], set)
		if pl := plural(f[0]); pl != "" {
			if _, isPlace := t.byKey[key(pl)]; !isPlace {
				t.add(pl, set)
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if err := rows("titles.tsv", 3, func(f []string) error {
		ti := TitleInfo{Canonical: f[1], Kind: f[2]}
		t.add(f[0], func(e *Entry) {
			if e.Class&ClassTitle == 0 {
				e.Title = ti
			}
			e.Class |= ClassTitle
		})
		return nil
	}); err != nil {
		return err
	}
	if err := rows("honorifics.tsv", 3, func(f []string) error {
		h := HonorificInfo{Canonical: f[1], Gender: parseGender(f[2]), Address: len(f) > 3 && f[3] == "address"}
		if len(f) > 3 && f[3] != "address" && f[3] != "title" {
			return fmt.Errorf("bad kind %q (want address or title)", f[3])
		}
		for _, s := range withStop(f[0]) {
			t.add(s, func(e *Entry) { e.Honorific = h; e.Class |= ClassHonorific })
		}
		return nil
	}); err != nil {
		return err
	}
	if err := rows("given_names.tsv", 2, func(f []string) error {
		g := parseGender(f[1])
		if g == Unknown {
			return fmt.Errorf("bad gender %q", f[1])
		}
		t.add(f[0], func(e *Entry) { e.Gender = g; e.Class |= ClassGivenName })
		return nil
	}); err != nil {
		return err
	}
	if err := rows("company_suffixes.tsv", 1, func(f []string) error {
		for _, s := range withStop(f[0]) {
			t.add(s, func(e *Entry) { e.Class |= ClassCompanySuffix })
		}
		return nil
	}); err != nil {
		return err
	}
	return rows("gov_patterns.tsv", 2, func(f []string) error {
		var c Class
		switch f[1] {
		case "prefix":
			c = ClassGovPrefix
		case "suffix":
			c = ClassGovSuffix
		default:
			return fmt.Errorf("bad position %q (want prefix or suffix)", f[1])
		}
		t.add(f[0], func(e *Entry) { e.Class |= c })
		return nil
	})
}

// addOrg records organisation o under its name f[0] and the variants in f[2], if any.
func (t *table) addOrg(o OrgInfo, f []string) {
	set := func(e *Entry) {
		if e.Class&ClassOrg == 0 {
			e.Org = o
		}
		e.Class |= ClassOrg
	}
	t.add(f[0], set)
	if len(f) > 2 {
		for _, v := range variants(f[2]) {
			t.add(v, set)
		}
	}
}

func parseGender(s string) Gender {
	switch s {
	case "m":
		return Male
	case "f":
		return Female
	}
	return Unknown
}

// plural derives the plural of a demonym used as a noun ("Kenyans", "Frenchmen"), or "" for
// adjectives that have none ("French", "Chinese", "Swiss").
func plural(w string) string {
	switch {
	case strings.Contains(w, " "):
		return ""
	case strings.HasSuffix(w, "man"):
		return w[:len(w)-3] + "men"
	case strings.HasSuffix(w, "ese"), strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "sh"),
		strings.HasSuffix(w, "ch") && w != "Czech", strings.HasSuffix(w, "y"), strings.HasSuffix(w, "ic"):
		return ""
	}
	return w + "s"
}
