package extract

import (
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/tree"
)

// maxReadings bounds how many finite readings a sentence without a finite main verb is parsed
// again with.
const maxReadings = 3

// finiteMain repairs the tags and parse of a sentence of prose whose main clause has no finite
// verb. A declarative sentence (five tokens or more, ending in a full stop) has one; when the
// tagger's greedy choice leaves it without ("Yesterday, Ruritania fired/VBN warning shots
// …" parsed as one noun phrase), the finite readings the tagger passed over are tried, the
// closest call first, each tagged and parsed anew, and the first whose parse has a finite main
// verb is kept. This is decoding under a constraint across the tagger and the parser, not a rule
// about words; a sentence that already has a finite main verb is never touched.
func (x *Extractor) finiteMain(s *doc.Sentence) {
	if s.Kind != doc.Body || !declarative(s.Tokens) || hasFiniteMain(s.Tokens) {
		return
	}
	trial := make([]doc.Token, len(s.Tokens))
	for k, r := range x.tagger.FiniteReadings(s.Tokens) {
		if k == maxReadings {
			return
		}
		copy(trial, s.Tokens)
		x.tagger.TagAs(trial, r)
		nameTags(trial) // the names found keep their proper nouns
		x.parser.Parse(trial)
		if hasFiniteMain(trial) {
			copy(s.Tokens, trial)
			return
		}
	}
}

// declarative reports whether toks look like a whole declarative sentence: five tokens or more,
// the last a full stop (or a closing quotation mark or bracket after one).
func declarative(toks []doc.Token) bool {
	if len(toks) < 5 {
		return false
	}
	for i := len(toks) - 1; i >= 0 && i >= len(toks)-3; i-- {
		switch toks[i].Text {
		case ".":
			return true
		case "\"", "'", "”", "’", ")":
			continue
		}
		return false
	}
	return false
}

// hasFiniteMain reports whether the root of the parse of toks is a finite verb or has a finite
// auxiliary or copula.
func hasFiniteMain(toks []doc.Token) bool {
	for i := range toks {
		if toks[i].Head >= 0 {
			continue
		}
		if tree.IsFinite(&toks[i]) {
			return true
		}
		for j := range toks {
			if toks[j].Head == i && tree.IsFinite(&toks[j]) && (toks[j].Dep == "aux" || toks[j].Dep == "aux:pass" || toks[j].Dep == "cop") {
				return true
			}
		}
	}
	return false
}
