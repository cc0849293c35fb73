package prepare

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/lexicon"
)

// Plain text often carries its headline without the blank line that would set it apart: on a line
// of its own right above the first paragraph, or glued to the first sentence on one line, as
// corpora made from web pages store it ("Council backs harbour plan The town council has
// approved…"). Parsed as part of the first sentence, the headline's words become a subject, so it
// is found here. A headline is sentence case or title case, has no final full stop, is short, and
// in the usual headline style leaves out the articles ("a", "the") that prose has; the sentence
// after it starts with a capital.

// maxGluedWords is the most words a headline glued to the first sentence may have.
const maxGluedWords = 13

// word is one space-separated word of a line, with its byte offsets.
type word struct {
	s          string
	start, end int
}

// splitWords returns the space-separated words of s with their offsets.
func splitWords(s string) []word {
	var out []word
	start := -1
	for i, r := range s {
		if isSpace(r) {
			if start >= 0 {
				out = append(out, word{s[start:i], start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, word{s[start:], start, len(s)})
	}
	return out
}

// bare strips a word's surrounding quotes, brackets and punctuation and a possessive "'s".
func bare(w string) string {
	w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) && r != '-' && r != '&' })
	for _, s := range []string{"'s", "’s"} {
		w = strings.TrimSuffix(w, s)
	}
	return w
}

// initialCap reports whether w, after any opening quote or bracket, starts with an upper-case
// letter.
func initialCap(w string) bool {
	w = strings.TrimLeft(w, "\"'‘“([")
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// lowerStart reports whether w starts with a lower-case letter ("spyware").
func lowerStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"'‘“("))
	return unicode.IsLower(r)
}

// sentenceEnd reports whether w ends a sentence: final punctuation, perhaps inside a closing
// quote, and not an initial or a short abbreviation ("J.", "Mr.", "Dr.").
func sentenceEnd(w string) bool {
	t := strings.TrimRight(w, "\"'’”)")
	if t == "" || !strings.ContainsRune(".!?", rune(t[len(t)-1])) {
		return false
	}
	if t[len(t)-1] == '.' {
		b := strings.TrimSuffix(t, ".")
		if len(b) <= 2 && initialCap(b) || abbreviations[b] {
			return false
		}
	}
	return true
}

var abbreviations = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Gen": true, "Prof": true, "Sen": true, "Rep": true, "Gov": true, "Lt": true, "Col": true}

// headlineArticles are the words headline style leaves out; a run of words holding one (after its
// first word) is prose, not a headline.
var headlineArticles = map[string]bool{"a": true, "an": true, "the": true}

// closedClass are prepositions, conjunctions, particles and auxiliaries: a capitalised word after
// one is more likely a name inside the headline ("at Zenda bank") than a new sentence.
var closedClass = map[string]bool{"of": true, "to": true, "in": true, "on": true, "at": true, "for": true,
	"by": true, "with": true, "from": true, "as": true, "and": true, "or": true, "but": true, "nor": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "has": true, "have": true,
	"had": true, "not": true, "no": true, "up": true, "down": true, "out": true, "off": true, "over": true,
	"into": true, "onto": true, "about": true, "after": true, "before": true, "against": true, "v": true,
	"vs": true, "amid": true, "ahead": true, "says": true, "said": true, "tells": true, "told": true,
	"than": true, "via": true, "like": true, "near": true, "that": true, "which": true, "who": true,
	"whose": true, "where": true, "when": true, "while": true, "if": true, "because": true, "including": true,
	"starring": true, "named": true, "called": true, "fellow": true, "host": true, "hosts": true}

// starters are words that, capitalised inside a line, begin a new sentence rather than continue a
// headline: determiners, pronouns, numbers, and forms of address.
var starters = map[string]bool{"the": true, "a": true, "an": true, "in": true, "on": true, "at": true,
	"for": true, "after": true, "as": true, "but": true, "when": true, "while": true, "this": true,
	"that": true, "these": true, "those": true, "it": true, "its": true, "his": true, "her": true,
	"their": true, "there": true, "he": true, "she": true, "they": true, "we": true, "one": true,
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "several": true, "some": true, "more": true, "most": true, "many": true,
	"former": true, "mr": true, "ms": true, "mrs": true, "dr": true, "sir": true, "despite": true,
	"following": true, "according": true, "since": true, "last": true, "shares": true, "if": true,
	"although": true, "with": true}

// gluedHeadline finds a headline glued to the first sentence of line: it returns the byte offset in
// line where the sentence starts, or -1. Each capitalised word of the first sentence that could
// start it is scored: a capitalised determiner, pronoun or number ("… plant Two senior managers"),
// a name said twice in a row ("… New Zealand New Zealand proved …"), or a capitalised word after a
// lower-case content word ("… widgets Gadget users …"), more so when the name it begins repeats a
// name of the headline ("Acme chief quits Acme has …"). Short headlines are preferred; among equal
// scores the first wins. A headline with an article or a comma-ended word is prose and not split.
func gluedHeadline(line string) int {
	ws := splitWords(line)
	end := len(ws)
	for i, w := range ws {
		if sentenceEnd(w.s) {
			end = i + 1
			break
		}
	}
	if end < 7 {
		return -1
	}
	if first := strings.ToLower(bare(ws[0].s)); headlineArticles[first] || pronouns[first] || closedClass[first] || proseOpeners[first] {
		return -1 // "The …", "He …", "In …", "Some …": prose
	}
	best, bestScore := -1, 1.5
	for k := 1; k < maxGluedWords && k < end-3; k++ {
		w, p := ws[k].s, ws[k-1].s
		if lp := strings.ToLower(bare(p)); strings.HasSuffix(p, ",") || headlineArticles[lp] || auxiliaries[lp] || subjectPronouns[lp] || proseWords[lp] {
			break // a comma, an article, an auxiliary, a pronoun or a past "said": prose, no headline before it
		}
		if k < 2 || !initialCap(w) || strings.HasSuffix(p, ":") || strings.HasSuffix(p, ";") ||
			strings.HasSuffix(p, "'s") || strings.HasSuffix(p, "’s") {
			continue // a possessive takes the name after it: "Acme's Zenith Widget"
		}
		var score float64
		switch {
		case doubled(ws, k):
			score = 5
		case k >= 3 && bare(w) == bare(ws[0].s) && !closedClass[strings.ToLower(bare(p))] &&
			(!initialCap(p) || k+1 < len(ws) && (bare(ws[k+1].s) == bare(ws[1].s) || auxiliaries[strings.ToLower(bare(ws[k+1].s))])):
			// After a capitalised word ("Andy X"), only a repeat of two words or more counts, or
			// the repeated name followed by an auxiliary ("Acme sack Lopez Acme have sacked …").
			score = 3 // the sentence names the headline's subject again: "Acme profits fall Acme has …"
		case starters[strings.ToLower(bare(w))] && (!initialCap(p) && !closedClass[strings.ToLower(bare(p))] || headlineArticles[strings.ToLower(bare(w))]):
			score = 3
		case describes(bare(p)) || pastTense(bare(p)):
			continue // "film producer Tom X", "the court ruled Acme …": one phrase, not two
		case k < 3:
			continue // "Film studio Acme …": too short for a headline on this evidence alone
		case lowerStart(p) || strings.HasSuffix(p, "'") || strings.HasSuffix(p, "’") || strings.HasSuffix(p, ")"):
			score = 2
			run := 4 // the words of the name from k that may repeat the headline
			if closedClass[strings.ToLower(bare(p))] {
				// "… at Zenda bank": a name after a preposition starts a sentence only when it
				// repeats the headline's name at once ("Acme boss steps down Acme has …").
				score, run = 1, 1
			}
			if repeats(ws, k, min(end, k+run)) && !describes(bare(p)) {
				score += 2
			}
		default:
			continue
		}
		if k > 6 {
			score -= float64(k - 6)
		}
		if k >= 4 && k <= 7 {
			score += 0.5
		}
		if score > bestScore {
			best, bestScore = k, score
		}
	}
	if best < 0 {
		return -1
	}
	if best > 2 && lexicon.GivenNameGender(bare(ws[best-1].s)) != lexicon.Unknown && initialCap(ws[best-1].s) {
		best-- // "… against Holm Maria Lopez has filed": the sentence starts at the given name,
		// and at the singular title and its capitalised owner or the possessor before it: "…
		// with team Ruritania coach Anna Berg has made", "… Zenith United's Tom Holm is".
		switch p := ws[best-1].s; {
		case best > 3 && titleWord(p):
			best--
			if best > 3 && initialCap(ws[best-1].s) && !closedClass[strings.ToLower(bare(ws[best-1].s))] {
				best--
			}
		case best > 3 && (strings.HasSuffix(p, "'s") || strings.HasSuffix(p, "’s")) && initialCap(p):
			// "… on Berg Zenith United's Tom Holm is waiting": the possessor, two words at most.
			best--
			if best > 3 && initialCap(ws[best-1].s) && !closedClass[strings.ToLower(bare(ws[best-1].s))] &&
				!strings.ContainsAny(ws[best-1].s, "'’") {
				best--
			}
		}
	}
	return ws[best].start
}

// titleWord reports whether w is a singular title ("coach", "boss", "Minister"): plural titles
// ("MPs") end headlines ("Lopez pledges unity to Zenda MPs").
func titleWord(w string) bool {
	w = bare(w)
	if _, ok := lexicon.Title(w); !ok || strings.HasSuffix(w, "s") {
		return false
	}
	return true
}

// auxiliaries are verbs headline style leaves out ("Acme to buy Zenith", not "Acme is to buy
// Zenith").
var auxiliaries = map[string]bool{"is": true, "are": true, "was": true, "were": true, "has": true,
	"have": true, "had": true, "will": true, "would": true, "could": true, "should": true, "may": true,
	"might": true, "can": true, "must": true, "been": true, "being": true, "does": true, "did": true}

// proseWords are words of reported speech and subordinate clauses that headlines do without
// ("Lopez said that …").
var proseWords = map[string]bool{"said": true, "told": true, "that": true, "which": true, "who": true, "whom": true}

// subjectPronouns make a clause of prose, not a headline.
var subjectPronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true}

// pronouns begin prose, never a headline.
var pronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true, "we": true, "i": true,
	"you": true, "his": true, "her": true, "its": true, "their": true, "our": true, "my": true,
	"this": true, "that": true, "these": true, "those": true, "there": true}

// irregularPast are common irregular past-tense verbs.
var irregularPast = map[string]bool{"told": true, "became": true, "made": true, "met": true, "won": true,
	"took": true, "gave": true, "left": true, "beat": true, "led": true, "sent": true, "hit": true,
	"bought": true, "sold": true, "began": true, "saw": true, "went": true, "came": true, "got": true,
	"held": true, "paid": true, "spoke": true, "wrote": true, "chose": true, "brought": true}

// pastTense reports whether w looks like a verb in the past tense ("alleged", "told"): prose
// tells of the past, headlines speak in the present ("Acme buys Zenith").
func pastTense(w string) bool {
	w = strings.ToLower(w)
	return irregularPast[w] || len(w) > 3 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") // "sued", not "need"
}

// doubled reports whether the capitalised words from k repeat the ones right before k ("New
// Zealand New Zealand"): a name ending the headline and starting the sentence.
func doubled(ws []word, k int) bool {
	for m := 1; m <= 3 && m <= k && k+m <= len(ws); m++ {
		same := true
		for j := 0; j < m; j++ {
			a, b := bare(ws[k-m+j].s), bare(ws[k+j].s)
			if a == "" || a != b || !initialCap(a) {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// repeats reports whether the run of capitalised words from k up to end repeats a capitalised
// word of the words before k.
func repeats(ws []word, k, end int) bool {
	for j := k; j < end && initialCap(ws[j].s); j++ {
		b := strings.ToLower(bare(ws[j].s))
		for _, h := range ws[:k] {
			if initialCap(h.s) && strings.ToLower(bare(h.s)) == b && b != "" {
				return true
			}
		}
	}
	return false
}

// headlineLine reports whether line, the first line of a paragraph, is a headline set on its own
// line right above the prose that follows it (next, the paragraph's second line): headline-like,
// not ending in a word that needs a continuation, followed by a capitalised line clearly longer
// than itself (a hard-wrapped paragraph's lines are all about as long).
func headlineLine(line, next string) bool {
	if !headlineLike(line) || !initialCap(next) || len(next) < len(line)*3/2 {
		return false
	}
	ws := splitWords(line)
	if len(ws) < 2 {
		return false
	}
	last := strings.ToLower(bare(ws[len(ws)-1].s))
	return !closedClass[last] && !headlineArticles[last]
}

// descriptionNouns are nouns that describe who a name is ("music producer X", "mining firm X"),
// beyond the titles of package lexicon: a name after one continues the description, so its
// repeating the headline says nothing of where the sentence starts.
var descriptionNouns = map[string]bool{"producer": true, "firm": true, "company": true, "group": true,
	"operator": true, "maker": true, "giant": true, "star": true, "actor": true, "actress": true,
	"singer": true, "player": true, "striker": true, "defender": true, "midfielder": true,
	"goalkeeper": true, "winger": true, "captain": true, "champion": true, "band": true, "rival": true,
	"carrier": true, "retailer": true, "bank": true, "airline": true, "brand": true, "act": true,
	"legend": true, "veteran": true, "newcomer": true, "rapper": true, "director": true,
	"writer": true, "author": true, "designer": true, "chain": true, "network": true, "team": true, "side": true,
	"winner": true, "provider": true, "expert": true, "member": true, "studio": true, "seed": true,
	"prop": true, "partner": true, "institute": true, "sprinter": true, "robber": true, "peer": true}

// describes reports whether w is a title or a description noun, singular or plural ("chief",
// "producer", "winners").
func describes(w string) bool {
	lw := strings.ToLower(w)
	for _, f := range []string{lw, strings.TrimSuffix(lw, "s")} {
		if descriptionNouns[f] {
			return true
		}
		if _, ok := lexicon.Title(f); ok {
			return true
		}
	}
	return false
}

// proseOpeners begin sentences of prose rather than headlines.
var proseOpeners = map[string]bool{"some": true, "around": true, "if": true, "having": true,
	"formerly": true, "although": true, "despite": true, "since": true, "according": true,
	"however": true, "meanwhile": true, "yet": true, "so": true, "then": true, "also": true}
