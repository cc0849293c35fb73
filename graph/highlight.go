package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxRelationGap is how many words of the evidence may stand between two words of a relation
// ("have angrily criticised" for the relation "have criticised").
const maxRelationGap = 3

// textWord is one word of a text: its byte span and its lower-case form.
type textWord struct {
	start, end int
	low        string
}

// wordsOf splits s into words: runs of letters, digits and combining marks.
func wordsOf(s string) []textWord {
	var out []textWord
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, textWord{start, i, strings.ToLower(s[start:i])})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, textWord{start, len(s), strings.ToLower(s[start:])})
	}
	return out
}

// stem is what a relation word must start with to match a word of the text loosely: its first
// four letters ("praised" matches "praise").
func stem(w string) string {
	if utf8.RuneCountInString(w) > 4 {
		return string([]rune(w)[:4])
	}
	return w
}

// RelationSpans returns the byte spans of the relation's words inside the evidence sentence,
// ignoring case, in order; words that stand next to each other make one span. The words are
// looked for in order, with at most a few words of the text between two of them; first as
// written, then loosely (a word of the text that starts like the relation's word: "praised"
// finds "praise"), and when the text lacks some of them, the others. Nil when none is there.
func RelationSpans(evidence, relation string) [][2]int {
	rel := wordsOf(relation)
	text := wordsOf(evidence)
	if len(rel) == 0 || len(text) == 0 {
		return nil
	}
	exact := func(t textWord, r string) bool { return t.low == r }
	loose := func(t textWord, r string) bool { return strings.HasPrefix(t.low, stem(r)) }
	for _, match := range []func(textWord, string) bool{exact, loose} {
		if idx := matchWords(text, rel, match, false); idx != nil {
			return spansOf(text, idx)
		}
	}
	return spansOf(text, matchWords(text, rel, loose, true))
}

// matchWords returns the indexes in text of the relation's words, found in order, each at most
// maxRelationGap words after the one before, from the first place where all are found; nil
// when there is none. With partial set, relation words the text lacks are skipped and the
// place where most are found wins.
func matchWords(text, rel []textWord, match func(textWord, string) bool, partial bool) []int {
	var best []int
	for i := range text {
		k := 0 // the relation word text[i] is: the first, or with partial set any
		for partial && k < len(rel)-1 && !match(text[i], rel[k].low) {
			k++
		}
		if !match(text[i], rel[k].low) {
			continue
		}
		idx, prev := []int{i}, i
		for _, r := range rel[k+1:] {
			found := -1
			for j := prev + 1; j <= prev+1+maxRelationGap && j < len(text); j++ {
				if match(text[j], r.low) {
					found = j
					break
				}
			}
			if found < 0 {
				if partial {
					continue
				}
				idx = nil
				break
			}
			idx, prev = append(idx, found), found
		}
		if !partial && idx != nil {
			return idx
		}
		if len(idx) > len(best) {
			best = idx
		}
	}
	return best
}

// spansOf returns the byte spans of the words at idx, joining neighbours.
func spansOf(text []textWord, idx []int) [][2]int {
	var out [][2]int
	for n, i := range idx {
		if n > 0 && idx[n-1] == i-1 {
			out[len(out)-1][1] = text[i].end
			continue
		}
		out = append(out, [2]int{text[i].start, text[i].end})
	}
	return out
}
