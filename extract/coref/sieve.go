package coref

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/schema"
)

// stopWords are the words a phrase's word inclusion leaves out: determiners, possessives and
// punctuation say nothing about which thing a phrase names.
var stopWords = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "these": true,
	"those": true, "his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true,
	"'s": true, "’s": true, "'": true, ",": true, "-": true, "of": true, "\"": true, "such": true}

func lower(s string) string { return strings.ToLower(s) }

// maxCandidates is how many earlier phrases with the same words, head or initials a phrase tries,
// nearest first: it keeps a long article's sieves linear.
const maxCandidates = 64

// exactMatch links a phrase to the nearest earlier phrase with the same words (relaxed: the same
// words up to the head, "the study of X" and "the study"): Lee et al.'s string-match sieves.
// Pronouns and phrases that introduce something new ("a study") take no antecedent this way.
func (c *chainer) exactMatch(relaxed bool) {
	words := func(i int) []string {
		p := &c.ps[i]
		if relaxed {
			return p.words[:p.head-p.start+1]
		}
		return p.words
	}
	seen := map[uint64][]int{} // hash of the words -> phrases
	for i := range c.ps {
		p := &c.ps[i]
		ws := words(i)
		if p.kind == Pronoun || !content(ws) {
			continue
		}
		key := hashWords(ws)
		if c.first(i) && !p.indefinite && !hasOther(p.words) {
			cands := seen[key]
			for k := len(cands) - 1; k >= 0 && k >= len(cands)-maxCandidates; k-- {
				j := cands[k]
				if slices.Equal(words(j), ws) && !c.nested(i, j) && c.agree(c.cluster[i], c.cluster[j]) && c.merge(i, j) {
					break
				}
			}
		}
		seen[key] = append(seen[key], i)
	}
}

// hashWords returns the FNV-1a hash of words, each ended by a zero byte.
func hashWords(ws []string) uint64 {
	h := uint64(14695981039346656037)
	for _, w := range ws {
		for i := 0; i < len(w); i++ {
			h = (h ^ uint64(w[i])) * 1099511628211
		}
		h = (h ^ 0) * 1099511628211
	}
	return h
}

// content reports whether words hold a word that is not a stop word.
func content(words []string) bool {
	for _, w := range words {
		if !stopWords[w] {
			return true
		}
	}
	return false
}

// hasOther reports whether a phrase sets its thing apart from another ("the other study").
func hasOther(words []string) bool {
	return slices.Contains(words, "other") || slices.Contains(words, "another")
}

// nested reports whether phrases i and j overlap ("[the author of [her book]]"): i-within-i.
func (c *chainer) nested(i, j int) bool {
	a, b := &c.ps[i], &c.ps[j]
	return a.sent == b.sent && a.start < b.end && b.start < a.end
}

// headMatch links a description to the nearest earlier cluster one of whose phrases has the same
// head lemma and holds every content word of the description (Lee et al.'s strict head match);
// with compatibleMods, the description's modifiers must also be the antecedent's ("the new study"
// is not "the old study"). The variant without word inclusion lowered the CoNLL F1 on OntoGUM dev
// and is left out.
func (c *chainer) headMatch(compatibleMods bool) {
	byLemma := map[string][]int{}
	for i := range c.ps {
		p := &c.ps[i]
		if p.kind == Pronoun || p.lemma == "" || p.modifier {
			continue
		}
		if c.first(i) && !p.indefinite && !hasOther(p.words) {
			cands := byLemma[p.lemma]
			for k := len(cands) - 1; k >= 0 && k >= len(cands)-maxCandidates; k-- {
				j := cands[k]
				if c.cluster[i] == c.cluster[j] || c.nested(i, j) || !c.agree(c.cluster[i], c.cluster[j]) {
					continue
				}
				if compatibleMods && !subset(p.mods, c.ps[j].mods) || !c.included(i, c.cluster[j]) {
					continue
				}
				if c.merge(i, j) {
					break
				}
			}
		}
		byLemma[p.lemma] = append(byLemma[p.lemma], i)
	}
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// included reports whether the content words of phrase i all occur in the phrases of cluster k.
func (c *chainer) included(i, k int) bool {
	for _, w := range c.ps[i].words {
		if stopWords[w] {
			continue
		}
		found := false
		for _, j := range c.members[k] {
			if c.ps[j].kind != Pronoun && slices.Contains(c.ps[j].words, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// feats are the agreement features of a cluster as bit sets: the union of its phrases' number,
// animacy, gender (1 male, 2 female) and person (bit n for person n).
type feats struct{ number, animacy, gender, person uint8 }

func (f *feats) add(p *phrase) {
	f.number |= p.number
	f.animacy |= p.animacy
	switch p.gender {
	case lexicon.Male:
		f.gender |= 1
	case lexicon.Female:
		f.gender |= 2
	}
	f.person |= 1 << p.person
}

func (f *feats) union(g feats) {
	f.number |= g.number
	f.animacy |= g.animacy
	f.gender |= g.gender
	f.person |= g.person
}

// agree reports whether clusters a and b agree in number, animacy, gender and person: each
// feature either unknown on one side or shared.
func (c *chainer) agree(a, b int) bool {
	fa, fb := &c.feats[a], &c.feats[b]
	fits := func(x, y uint8) bool { return x == 0 || y == 0 || x&y != 0 }
	return fits(fa.number, fb.number) && fits(fa.animacy, fb.animacy) && fits(fa.gender, fb.gender) && fits(fa.person, fb.person)
}

// acronymMatch links an acronym ("the WTO") to the nearest earlier name whose capitalised words
// it abbreviates ("World Trade Organization"): Lee et al.'s precise constructs, for the names
// the recogniser did not type alike or missed.
func (c *chainer) acronymMatch() {
	byInitials := map[string][]int{}
	for i := range c.ps {
		p := &c.ps[i]
		if p.kind != Name {
			continue
		}
		toks := c.d.Sentences[p.sent].Tokens
		if w := form(&toks[p.head]); c.first(i) && len(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
			cands := byInitials[strings.ReplaceAll(w, ".", "")]
			for k := len(cands) - 1; k >= 0 && k >= len(cands)-maxCandidates; k-- {
				if c.merge(i, cands[k]) {
					break
				}
			}
		}
		var initials strings.Builder
		for k := p.start; k <= p.head; k++ {
			if w := form(&toks[k]); isCapitalized(w) && strings.HasPrefix(toks[k].Tag, "NNP") {
				initials.WriteString(w[:1])
			}
		}
		if initials.Len() >= 2 {
			byInitials[initials.String()] = append(byInitials[initials.String()], i)
		}
	}
}

// placeNouns are the common nouns a text calls a named place by once it has named it: "the city",
// "this country".
var placeNouns = map[string]bool{"city": true, "town": true, "country": true, "nation": true, "state": true,
	"island": true, "village": true, "capital": true, "region": true, "province": true}

// placeWindow is how many sentences back "the city" looks for the place it means.
const placeWindow = 2

// placeDescription links a definite description by a place noun, without modifiers ("the city",
// "this country"), to the nearest earlier place named within placeWindow sentences, as pass 2 of
// the mention layer does for "the company" and organisations. (The same for people, "the engineer" to
// the nearest named person, lowered the CoNLL F1 on OntoGUM dev and is left out.)
func (c *chainer) placeDescription() {
	for i := range c.ps {
		p := &c.ps[i]
		if p.kind != Nominal || p.indefinite || !placeNouns[p.lemma] || !c.first(i) || len(p.mods) > 0 || p.modifier {
			continue
		}
		for j := i - 1; j >= 0 && c.ps[j].sent >= p.sent-placeWindow; j-- {
			if e := c.entity[c.cluster[j]]; e < 0 || c.r.Entities[e].Type != schema.TypeGPE || c.nested(i, j) {
				continue
			}
			if c.merge(i, j) {
				break
			}
		}
	}
}
