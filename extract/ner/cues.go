package ner

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/lexicon"
)

// companyTitles are the titles only a company (or a body run like one) has: the proper nouns
// right before them name an organisation ("Acme CEO", "Acme and Zenith CEO", "Acme's founder").
var companyTitles = map[string]bool{"ceo": true, "chief executive": true, "chief executive officer": true,
	"boss": true, "chairman": true, "chairwoman": true, "founder": true, "co-founder": true, "cfo": true,
	"coo": true, "cto": true, "owner": true}

// titleCues labels as organisations the unlabelled proper nouns that head a company title, the
// cue the statistical model misses most in news ("the Acme boss"). pos holds the tokens' tags
// (nil when the tokens were not tagged: then only capitalised words after the first count).
func titleCues(words, pos, labels []string, begins []bool) {
	for j := 1; j < len(words); j++ {
		n, e := lexicon.Match(words, j)
		if n == 0 || e.Class&lexicon.ClassTitle == 0 || !companyTitles[strings.ToLower(e.Title.Canonical)] {
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
			if k == end {
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

func properNoun(words, pos []string, k int) bool {
	if pos != nil {
		return strings.HasPrefix(pos[k], "NNP")
	}
	return k > 0 && capitalised(words[k])
}
