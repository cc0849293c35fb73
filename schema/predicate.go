package schema

import (
	"bufio"
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// The vocabulary lives in three embedded tables, parsed once on first use:
//
//   - predicates.tsv: the closed list of canonical predicates (name, class, CAMEO code, flags, doc);
//   - verbs.tsv: the curated lexicon of verbs (lemma, particle, preposition), event nouns and role
//     titles, each naming a predicate;
//   - cameo_verbs.tsv: verbs with CAMEO codes, generated from the CAMEO verb dictionary by
//     `go run ./schema/internal/gencameo` (see that command); cameoPredicates maps the codes to
//     predicates.
//
// Precedence: a lookup consults the curated lexicon first, with its whole fallback chain (exact
// preposition, then none); only when the curated lexicon has nothing does it consult the CAMEO
// table, with the same chain. So a curated verb always wins over the CAMEO reading of the same
// verb, and the CAMEO table only widens coverage to verbs nobody curated.
//
// Decisions worth knowing:
//
//   - "hit back at", "hit out at", "lash out at", "fire back at" read as criticized, not replied
//     to: in news they report a retort that is criticism (the CAMEO dictionary codes them 111, and
//     the seed gold classes them CRITICIZE); "reply", "respond", "retort", "answer" read as
//     replied to. The fact's relation keeps "hit back at" either way.
//   - "attack" reads as attacked (physical); "attack ... for" as criticized. Telling a verbal
//     attack from a physical one needs the clause (a person object in a quote): the extractor's
//     call, which may pick criticized instead.
//   - "back" and "endorse" read as supported (CAMEO 051, endorse); "dismiss" as rejected, but
//     "dismiss from" as fired; "acquire" and "take over" as bought.
//   - Passive clauses are the extractor's: it swaps the by-agent in. Only verbs whose active
//     subject is the predicate's object ("host": X hosted Y = Y visited X) are marked Inverse.

//go:embed predicates.tsv
var predicatesTSV string

//go:embed verbs.tsv
var verbsTSV string

//go:embed cameo_verbs.tsv
var cameoTSV string

// Predicate is one canonical predicate of the graph: the edge label between a subject and an
// object, under which facts with different wording ("slammed", "hit out at", "lambasted") meet.
//
// Class is a coarse class shared by several predicates, one of: PRAISE, SUPPORT, CRITICIZE,
// ACCUSE, REJECT, DENY, OPPOSE, THREATEN, REPLY, SAY, ASK, URGE, DEMAND, PROPOSE, OFFER, MEET,
// VISIT, CALL, NEGOTIATE, SIGN, AGREE, COOPERATE, ATTACK, KILL, INVADE, OCCUPY, ANNEX, SEIZE,
// ARREST, EXPEL, SANCTION, SUE, INVESTIGATE, BUY, SELL, WITHDRAW, RESIGN, APPOINT, ELECT, DISMISS,
// ROLE, NATIONALITY, LOCATED, PART_OF (see Classes).
type Predicate struct {
	// Name is the readable past-tense form the graph shows, e.g. "praised", "replied to",
	// "spokesperson of". IRIs are derived from it by replacing spaces with "_".
	Name string
	// Class is the coarse class of the predicate, e.g. "PRAISE", "ROLE".
	Class string
	// CAMEO is the CAMEO event code of the predicate (3 or 4 digits), or "" where none applies.
	// A lookup through the CAMEO table returns the verb's own, possibly more specific, code.
	CAMEO string
	// Role marks a role predicate read from a title ("the Pentagon spokesman X"): the subject holds
	// the title at the object, and the fact's relation keeps the title as the text wrote it.
	Role bool
	// Possessive is, for a role whose prepositional object differs from its possessor, the
	// predicate linking the holder to the possessor: "A's ambassador to B" is X "ambassador to" B
	// and X "ambassador of" A.
	Possessive string
	// Inverse is set by a lookup when the verb's subject is the predicate's object and the verb's
	// object its subject: "X hosted Y" is Y visited X. The extractor swaps them. It is false in
	// Predicates and PredicateByName.
	Inverse bool
	// Derived is set by a lookup when the word was found in the CAMEO-derived table, not the
	// curated lexicon: a weaker reading the extractor may trust less.
	Derived bool
	// Open marks an open predicate made by OpenPredicate: not one of Predicates.
	Open bool
	// Doc says what a fact with this predicate asserts.
	Doc string
}

// cameoPredicates maps CAMEO codes to predicate names for verbs of the CAMEO table, by longest
// prefix of the code (4, then 3, then 2 digits). Codes not listed (e.g. 060 material cooperation,
// 080 yield, 150 force posture, 170 coerce) are too broad to name one predicate: their verbs stay
// unknown unless curated. A name ending in "<" is used inversely (043 host: X hosted Y = Y visited X).
var cameoPredicates = map[string]string{
	"010": "said", "015": "said", "016": "denied",
	"02": "urged",
	"03": "promised", "036": "met",
	"041": "called", "042": "visited", "043": "visited<", "044": "met", "045": "mediated", "046": "negotiated with",
	"050": "cooperated with", "051": "praised", "057": "signed",
	"061": "funded", "062": "helped", "07": "helped",
	"083": "resigned from", "087": "withdrew from",
	"09":  "investigated",
	"10":  "demanded",
	"110": "criticized", "111": "criticized", "112": "accused", "113": "opposed", "114": "criticized", "115": "sued",
	"12":  "rejected",
	"13":  "threatened",
	"140": "protested against", "141": "protested against",
	"163": "sanctioned", "171": "seized", "172": "sanctioned", "173": "arrested", "174": "expelled",
	"18": "attacked", "181": "", "186": "killed",
	"19": "attacked", "192": "invaded",
	"20": "killed",
}

// cameoStop lists lemmas of the CAMEO table that are ignored: common verbs whose CAMEO code holds
// only in the event phrases the dictionary was built for ("saw", "face", "take"), or whose code
// would misname them here.
var cameoStop = wordSet(`
	accentuate address anticipate assess augur auspicate await calculate copy count define depict
	describe diffuse dispense disperse dissipate distribute echo envisage estimate figure forebode
	foresee foreshadow foretell gauge imitate impress measure mimic notice ordain pinpoint portend
	prefigure presage punctuate rationalize reassesment refer saw scatter score see spread sum tally
	total view watch witness
	bridle concern distress doubt frustrate involve worried worry desire intrude obtrude pry trespass
	advise apply count desire hint hope mean reach
	aim certify comply decide determine endeavor endeavour ensure expect gear groom mean plan
	prepare ready resurrect resuscitate revive seek signal strive subscribe train vote want
	affect impact influence deal expose tempt triumph persuade exuberate exult correlate integrate
	synchronise synchronize concert orchestrate organise organize promote unionise union advertise
	advertize associate confess confide divulge conform
	stand spur prefer recognise recognize commemorate celebrate embolden enliven invigorate galvanize
	rouse revitalize inspire reassure favor favour reassert affirm legitimise legitimize bless
	sanctify prize esteem reward exalt glorify cheer clap
	render tender stock attire gear outfit furnish
	interfere intervene tend ward evacuate stabilise stabilize contribute
	mine comb rake sweep skim scan glance dig search study spy research check unearth explore
	ascertain monitor
	bid need necessitate press push decree campaign order
	compete contrast counterbalance differ express grieve despair cry disappoint discourage
	dishearten humble humiliate sadden mourn weep wail regret suspect swear counter debase defile
	degrade fire
	delay defer postpone procrastinate shelve stall table remit retard fail forestall defect
	hamper hinder impede inhibit obstruct prevent stymie override
	risk endanger break caution
	agitate agonise agonize annoy arouse badger bother discomfit disconcert disquiet disturb
	enkindle irk irritate pester plague rag torment upset vex provoke harass harry hassle
	sentence tax censor veto
	convict indict prosecute hunt catch
	capture pluck pull overturn revolutionise revolutionize take extract appropriate
	corrupt crack spoil tarnish tear mar impair contaminate vitiate rip dishonor dishonour lash
	best master dominate hang die bust circle conflict disarm engage hit blow hammer match overcome
	overshadow overtake pit ring square string struggle surmount stamp wipe beat defeat press
	reside inhabit infest
	quarrel wrestle ruin harm damage hurt kick abuse overwhelm shatter smash
	profess rejoice bargain barter haggle unionize unionise harmonise harmonize
	aver avow compensate dismay blaspheme
	beef remove export import pay value link intend propagate circulate spotlight
	burn demolish subvert vandalise vandalize pirate convene return rush set depart arrive breach
`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var (
	cameoCodeRE = regexp.MustCompile(`^[0-9]{3,4}$`)
	classRE     = regexp.MustCompile(`^[A-Z][A-Z_]*$`)
)

// verbKey identifies a verb reading: lemma, particle (compound:prt) and object preposition.
type verbKey struct{ lemma, particle, prep string }

// lexEntry is what a lexicon key reads as: a predicate (index into lexicon.preds), whether it is
// inverse, and for CAMEO entries the verb's own code.
type lexEntry struct {
	pred    int
	inverse bool
	code    string
}

// lexicon is the parsed vocabulary.
type lexicon struct {
	preds  []Predicate
	byName map[string]int
	verbs  map[verbKey]lexEntry // curated
	cameo  map[verbKey]lexEntry // derived from CAMEO
	nouns  map[[2]string]lexEntry
	roles  map[string]lexEntry
	speech map[string]bool
	// derived counts the CAMEO rows that name a predicate.
	derived int
}

var (
	lexOnce sync.Once
	lexVal  *lexicon
	lexErr  error
)

// lex returns the parsed vocabulary. The embedded tables are validated by this package's tests,
// so a parse error is a build defect and panics.
func lex() *lexicon {
	lexOnce.Do(func() { lexVal, lexErr = parseLexicon(predicatesTSV, verbsTSV, cameoTSV) })
	if lexErr != nil {
		panic(lexErr)
	}
	return lexVal
}

// Names of the canonical predicates the extractor produces by construction rather than through
// the verb lexicon (predicates.tsv has them all; TestPredicateConstants checks).
const (
	PredSaid       = "said"
	PredRejected   = "rejected"
	PredPartOf     = "part of"
	PredMemberOf   = "member of"
	PredHasTitle   = "has title"
	PredWorksFor   = "works for"
	PredCitizenOf  = "citizen of"
	PredCriticized = "criticized"
	PredPraised    = "praised"
	PredSupported  = "supported"
)

// ClassOpen is the class of open predicates (see OpenPredicate).
const ClassOpen = "OPEN"

// The classes of predicates.tsv that code refers to by name: the acts of communication and
// their denials, whose object may be what was said rather than an entity, and meetings, whose
// object must be an entity. The other classes are data only. TestClassConstants checks each is a class of the vocabulary.
const (
	ClassSay     = "SAY"
	ClassAsk     = "ASK"
	ClassUrge    = "URGE"
	ClassDemand  = "DEMAND"
	ClassPropose = "PROPOSE"
	ClassOffer   = "OFFER"
	ClassReject  = "REJECT"
	ClassDeny    = "DENY"
	ClassReply   = "REPLY"
	// ClassMeet is the class of meetings and talks: its object is whom the subject met, never a
	// thing ("met with strong resistance" is no meeting).
	ClassMeet = "MEET"
)

// OpenPredicate returns the open predicate of a verb phrase the vocabulary has no canonical
// predicate for: its words (lemma, particle, a light verb's noun, preposition) lower-cased and
// joined by spaces, empty words skipped: ("part", "", "company", "with") → "part company with".
// Its class is ClassOpen and it has no CAMEO code.
func OpenPredicate(words ...string) Predicate {
	var f []string
	for _, w := range words {
		if w = lexWord(w); w != "" {
			f = append(f, w)
		}
	}
	name := strings.Join(f, " ")
	return Predicate{Name: name, Class: ClassOpen, Open: true, Doc: "an open predicate: the words of the text, lemmatised"}
}

// Predicates returns every canonical predicate in the stable order of predicates.tsv.
func Predicates() []Predicate { return slices.Clone(lex().preds) }

// Classes returns the distinct classes of the predicates, sorted.
func Classes() []string {
	var cs []string
	for _, p := range lex().preds {
		cs = append(cs, p.Class)
	}
	slices.Sort(cs)
	return slices.Compact(cs)
}

// PredicateByName returns the predicate with the given name; case is ignored and "_" reads as a
// space, so the IRI form "replied_to" finds "replied to".
func PredicateByName(name string) (Predicate, bool) {
	l := lex()
	i, ok := l.byName[lexPhrase(name)]
	if !ok {
		return Predicate{}, false
	}
	return l.preds[i], true
}

// LookupVerb returns the canonical predicate of a verb: lemma is the verb's lemma ("hit"),
// particle its phrasal particle (compound:prt: "back", "out", "up") or "", prep the preposition of
// its object ("at", "to", "with", "for", "on", "against") or "".
//
// The curated lexicon is consulted first, then the CAMEO-derived table. In each, with a particle
// the reading (lemma, particle, prep), then (lemma, particle) must exist: a particle changes the
// meaning ("hit out at" is criticized, "hit" attacked); without one, (lemma, prep) then the bare
// lemma. British americanSpellings fall back to American ones ("criticise" → "criticize", "honour" →
// "honor"). The result's Inverse and Derived fields describe the reading found.
func LookupVerb(lemma, particle, prep string) (Predicate, bool) {
	l := lex()
	particle, prep = lexWord(particle), lexWord(prep)
	tables := []struct {
		m       map[verbKey]lexEntry
		derived bool
	}{{l.verbs, false}, {l.cameo, true}}
	for _, t := range tables {
		for _, lm := range americanSpellings(lexWord(lemma)) {
			for _, k := range []verbKey{{lm, particle, prep}, {lm, particle, ""}} {
				if e, ok := t.m[k]; ok {
					return l.result(e, t.derived), true
				}
			}
		}
	}
	return Predicate{}, false
}

// result builds the predicate a lexicon lexEntry reads as.
func (l *lexicon) result(e lexEntry, derived bool) Predicate {
	p := l.preds[e.pred]
	p.Inverse = e.inverse
	p.Derived = derived
	if e.code != "" {
		p.CAMEO = e.code
	}
	return p
}

// LookupNoun returns the predicate of an event noun, alone ("criticism", "invasion") or with the
// preposition of its argument ("attack on", "backlash against", "call for"). A phrase with a
// preposition falls back to the bare noun; plural nouns fall back to the singular.
func LookupNoun(phrase string) (Predicate, bool) {
	l := lex()
	f := strings.Fields(lexPhrase(phrase))
	if len(f) == 0 {
		return Predicate{}, false
	}
	prep := ""
	if len(f) > 1 && nounPreps[f[len(f)-1]] {
		prep, f = f[len(f)-1], f[:len(f)-1]
	}
	noun := strings.Join(f, " ")
	for _, n := range []string{noun, strings.TrimSuffix(noun, "s")} {
		for _, k := range [][2]string{{n, prep}, {n, ""}} {
			if e, ok := l.nouns[k]; ok {
				return l.result(e, false), true
			}
		}
	}
	return Predicate{}, false
}

// titleDrop are modifiers dropped from the front of a title before lookup.
var titleDrop = wordSet("the former then acting interim outgoing incoming current new ex")

// LookupRole returns the role predicate of a title ("spokeswoman", "press secretary", "CEO",
// "foreign minister", "Secretary-General"). Case, dots and hyphens are ignored; "former",
// "acting" and similar are dropped; a title not known as a whole is tried without its leading
// words ("deputy foreign minister" → "foreign minister" → "minister") and without a trailing
// "of ..." ("minister of defence" → "minister").
func LookupRole(title string) (Predicate, bool) {
	l := lex()
	t := strings.ReplaceAll(lexPhrase(strings.ReplaceAll(title, ".", "")), "-", " ")
	f := strings.Fields(t)
	for len(f) > 0 && titleDrop[f[0]] {
		f = f[1:]
	}
	cands := [][]string{f}
	for i, w := range f {
		if i > 0 && (w == "of" || w == "for" || w == "to" || w == "at") {
			cands = append(cands, f[:i])
			break
		}
	}
	for _, c := range cands {
		for i := range c {
			if e, ok := l.roles[strings.Join(c[i:], " ")]; ok {
				return l.result(e, false), true
			}
		}
	}
	return Predicate{}, false
}

// IsSpeech reports whether a verb lemma is a verb of communication that can introduce reported
// speech or a quote: say, tell, claim, add, note, write, tweet, insist, argue, warn, reply, ...
func IsSpeech(lemma string) bool {
	l := lex()
	for _, lm := range americanSpellings(lexWord(lemma)) {
		if l.speech[lm] {
			return true
		}
	}
	return false
}

// nounPreps are the prepositions LookupNoun splits off a phrase.
var nounPreps = wordSet("about against at by for from in into of on over to toward towards upon with between")

func lexWord(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// lexPhrase lowercases s, reads "_" as a space and collapses spaces.
func lexPhrase(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "_", " "))), " ")
}

// americanSpellings returns the lemma and, for British americanSpellings, its American form.
func americanSpellings(lemma string) []string {
	out := []string{lemma}
	for _, r := range [][2]string{{"ise", "ize"}, {"yse", "yze"}, {"our", "or"}} {
		if strings.HasSuffix(lemma, r[0]) && len(lemma) > len(r[0])+2 {
			out = append(out, strings.TrimSuffix(lemma, r[0])+r[1])
		}
	}
	return out
}

// parseLexicon parses the three embedded tables.
func parseLexicon(predTSV, verbTSV, cameoTab string) (*lexicon, error) {
	l := &lexicon{
		byName: map[string]int{},
		verbs:  map[verbKey]lexEntry{},
		cameo:  map[verbKey]lexEntry{},
		nouns:  map[[2]string]lexEntry{},
		roles:  map[string]lexEntry{},
		speech: map[string]bool{},
	}
	type poss struct {
		pred int
		name string
		line int
	}
	var possessives []poss
	err := eachTSVRow("predicates.tsv", predTSV, 5, func(n int, f []string) error {
		p := Predicate{Name: f[0], Class: f[1], CAMEO: f[2], Doc: f[4]}
		if p.Name != lexPhrase(p.Name) || p.Name == "" {
			return fmt.Errorf("name %q is not lower case with single spaces", p.Name)
		}
		if _, dup := l.byName[p.Name]; dup {
			return fmt.Errorf("predicate %q defined twice", p.Name)
		}
		if !classRE.MatchString(p.Class) {
			return fmt.Errorf("predicate %q: bad class %q", p.Name, p.Class)
		}
		if p.CAMEO != "" && !cameoCodeRE.MatchString(p.CAMEO) {
			return fmt.Errorf("predicate %q: bad CAMEO code %q", p.Name, p.CAMEO)
		}
		if p.Doc == "" {
			return fmt.Errorf("predicate %q: no doc", p.Name)
		}
		for flag := range strings.SplitSeq(f[3], ",") {
			switch name, ok := strings.CutPrefix(flag, "of="); {
			case flag == "":
			case flag == "role":
				p.Role = true
			case ok:
				possessives = append(possessives, poss{len(l.preds), name, n})
			default:
				return fmt.Errorf("predicate %q: unknown flag %q", p.Name, flag)
			}
		}
		l.byName[p.Name] = len(l.preds)
		l.preds = append(l.preds, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, ps := range possessives {
		if _, ok := l.byName[ps.name]; !ok {
			return nil, fmt.Errorf("predicates.tsv:%d: of=%q: no such predicate", ps.line, ps.name)
		}
		l.preds[ps.pred].Possessive = ps.name
	}

	err = eachTSVRow("verbs.tsv", verbTSV, 6, func(n int, f []string) error {
		for i := range f {
			if f[i] == "-" {
				f[i] = ""
			}
		}
		kind, lemma, part, prep, name, flags := f[0], f[1], f[2], f[3], f[4], f[5]
		i, ok := l.byName[name]
		if !ok {
			return fmt.Errorf("no predicate %q", name)
		}
		e := lexEntry{pred: i, inverse: strings.Contains(flags, "i")}
		if strings.Trim(flags, "is") != "" {
			return fmt.Errorf("unknown flags %q", flags)
		}
		switch kind {
		case "verb":
			k := verbKey{lemma, part, prep}
			if _, dup := l.verbs[k]; dup {
				return fmt.Errorf("verb %q %q %q listed twice", lemma, part, prep)
			}
			l.verbs[k] = e
			if strings.Contains(flags, "s") {
				l.speech[lemma] = true
			}
		case "noun":
			k := [2]string{lemma, prep}
			if _, dup := l.nouns[k]; dup {
				return fmt.Errorf("noun %q %q listed twice", lemma, prep)
			}
			l.nouns[k] = e
		case "role":
			t := strings.ReplaceAll(lemma, "-", " ")
			if !l.preds[i].Role {
				return fmt.Errorf("role %q names %q, not a role predicate", lemma, name)
			}
			if _, dup := l.roles[t]; dup {
				return fmt.Errorf("role %q listed twice", lemma)
			}
			l.roles[t] = e
		default:
			return fmt.Errorf("unknown kind %q", kind)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	err = eachTSVRow("cameo_verbs.tsv", cameoTab, 4, func(_ int, f []string) error {
		lemma, part, prep, code := f[0], f[1], f[2], f[3]
		if !cameoCodeRE.MatchString(code) {
			return fmt.Errorf("bad CAMEO code %q", code)
		}
		if cameoStop[lemma] {
			return nil
		}
		name := cameoPredicate(code)
		if name == "" {
			return nil
		}
		inverse := strings.HasSuffix(name, "<")
		i, ok := l.byName[strings.TrimSuffix(name, "<")]
		if !ok {
			return fmt.Errorf("code %s maps to unknown predicate %q", code, name)
		}
		l.cameo[verbKey{lemma, part, prep}] = lexEntry{pred: i, inverse: inverse, code: code}
		l.derived++
		return nil
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// cameoPredicate returns the predicate name cameoPredicates gives a code, by longest prefix.
func cameoPredicate(code string) string {
	for n := len(code); n >= 2; n-- {
		if name, ok := cameoPredicates[code[:n]]; ok {
			return name
		}
	}
	return ""
}

// eachTSVRow calls fn with the tab-separated fields of each non-comment, non-blank line of a table,
// which must have exactly cols fields; errors are prefixed with file and line.
func eachTSVRow(file, text string, cols int, fn func(line int, f []string) error) error {
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != cols {
			return fmt.Errorf("%s:%d: %d fields, want %d", file, n, len(f), cols)
		}
		if err := fn(n, f); err != nil {
			return fmt.Errorf("%s:%d: %w", file, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}
