package ner

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/lexicon"
)

// companyTitles are the titles only a company (or a body run like one) has: the proper nouns
// right before them name an organisation ("Acme CEO", "Acme and Zenith CEO", "Acme's founder").
var companyTitles = map[string]bool{"ceo": true, "chief executive": true, "chief executive officer": true,
	"boss": true, "chairman": true, "chairwoman": true, "founder": true, "co-founder": true, "cfo": true,
	"coo": true, "cto": true, "owner": true}

// speakerTitles are titles of those who speak for a body or for a person ("Acme spokesman", "Lopez
// spokesman"): the proper nouns before one name an organisation only when they are several words
// or an acronym ("an Operation Zenith spokesman", "a ZRC spokesman").
var speakerTitles = map[string]bool{"spokesman": true, "spokeswoman": true, "spokesperson": true}

// orgNouns are common nouns for kinds of organisation: the proper noun right before one names an
// organisation ("the Zenith news agency", "the Acme party"), even one the model took for a person.
var orgNouns = map[string]bool{"agency": true, "newspaper": true, "magazine": true, "website": true,
	"broadcaster": true, "party": true, "daily": true, "tabloid": true}

// titleCues labels as organisations the unlabelled proper nouns that head a company title, the
// cue the statistical model misses most in news ("the Acme boss", "an Acme spokesman"), and those
// before a noun for a kind of organisation (see nounCue). pos holds the tokens' tags
// (nil when the tokens were not tagged: then only capitalised words after the first count).
func titleCues(words, pos, labels []string, begins []bool) {
	for j := 1; j < len(words); j++ {
		if orgNouns[words[j]] {
			nounCue(words, pos, labels, begins, j)
			continue
		}
		if kindNouns[words[j]] && j+1 < len(words) {
			namedKind(words, labels, begins, j+1)
			continue
		}
		n, e := lexicon.Match(words, j)
		if n == 0 || e.Class&lexicon.ClassTitle == 0 {
			continue
		}
		canon := strings.ToLower(e.Title.Canonical)
		if !companyTitles[canon] && !speakerTitles[canon] {
			continue
		}
		k := j - 1
		if words[k] == "'s" || words[k] == "’s" {
			k--
		}
		for k >= 0 {
			end := k
			for k >= 0 && labels[k] == "" && properNoun(words, pos, k) {
				k--
			}
			if k == end || speakerTitles[canon] && end == k+1 && hasLower(words[end]) {
				break
			}
			mark(labels, begins, k+1, end+1, Org)
			if k >= 1 && (words[k] == "and" || words[k] == "&") {
				k--
				continue
			}
			break
		}
	}
}

// properNoun reports whether word k is a proper noun: tagged so, or capitalised inside the
// sentence where the tagger saw a common noun or an adjective ("an Operation Fair Play
// spokesman") and the gazetteers do not know the word ("Former", "British").
func properNoun(words, pos []string, k int) bool {
	if pos != nil && strings.HasPrefix(pos[k], "NNP") {
		return true
	}
	if pos != nil && pos[k] != "NN" && pos[k] != "NNS" && pos[k] != "JJ" {
		return false
	}
	return k > 0 && capitalised(words[k]) && !known(words[k])
}

// nounCue labels as an organisation the proper noun before the organisation noun at j, passing
// over "news" ("Zenith news agency"): unlabelled, or a one-word person's name, which a name of this
// kind is not.
func nounCue(words, pos, labels []string, begins []bool, j int) {
	k := j - 1
	if k >= 1 && words[k] == "news" {
		k--
	}
	if k < 1 || !properNoun(words, pos, k) {
		return
	}
	switch {
	case labels[k] == "":
		s := k
		for s > 1 && labels[s-1] == "" && properNoun(words, pos, s-1) {
			s--
		}
		mark(labels, begins, s, k+1, Org)
	case labels[k] == Person && begins[k] && (k+1 == len(words) || labels[k+1] != Person || begins[k+1]) && lexicon.GivenNameGender(words[k]) == lexicon.Unknown:
		mark(labels, begins, k, k+1, Org)
	}
}

// hasLower reports whether w has a lower-case letter (an acronym has none).
func hasLower(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// kindNouns are common nouns for kinds of organisation that news puts before a name in apposition
// ("the software firm Acme", "protest group Zenith Now", "rock band Quill").
var kindNouns = map[string]bool{"firm": true, "company": true, "group": true, "band": true,
	"website": true, "site": true, "newspaper": true, "magazine": true, "agency": true, "retailer": true,
	"charity": true, "club": true, "broadcaster": true, "carrier": true, "airline": true, "publisher": true,
	"manufacturer": true, "maker": true, "chain": true, "network": true, "organisation": true,
	"organization": true, "party": true, "union": true, "consultancy": true, "bank": true}

// namedKind labels as an organisation the capitalised words from k, after a noun for a kind of
// organisation: unlabelled words the gazetteers do not know, or a one-word name the model took
// for a person's that is no common given name.
func namedKind(words, labels []string, begins []bool, k int) {
	if !capitalised(words[k]) || known(words[k]) || notInName[words[k]] {
		return
	}
	if labels[k] == Person && begins[k] && (k+1 == len(words) || labels[k+1] != Person || begins[k+1]) && lexicon.GivenNameGender(words[k]) == lexicon.Unknown {
		mark(labels, begins, k, k+1, Org)
		return
	}
	e := k
	for e < len(words) && e-k < 4 && labels[e] == "" && capitalised(words[e]) && !title(words[e]) {
		e++
	}
	if e > k {
		mark(labels, begins, k, e, Org)
	}
}
