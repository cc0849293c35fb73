package openie

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// maxRepairs caps the re-parses tried for one sentence.
const maxRepairs = 4

// repair re-reads a sentence whose parse has no clause at its root: the tagger most often took
// its main verb for a noun ("Acme hosts events" with "hosts" a plural noun). It tries, left to
// right, the words that may be a verb in the third person ("-s") or the past ("-ed"), re-parses
// with that word tagged as the verb and keeps the first parse whose root is a verb with a
// subject. toks are changed only when a repair is kept.
func (p *Pipeline) repair(toks []doc.Token) {
	if clausalRoot(toks) {
		return
	}
	tried := 0
	try := make([]doc.Token, len(toks))
	for i := 1; i < len(toks) && tried < maxRepairs; i++ {
		tag := verbReading(toks, i)
		if tag == "" {
			continue
		}
		tried++
		copy(try, toks)
		try[i].Tag = tag
		try[i].Lemma = p.tagger.Lemma(strings.ToLower(norm(&try[i])), tag)
		p.parser.Parse(try)
		if try[i].Head < 0 && clausalRoot(try) {
			copy(toks, try)
			return
		}
	}
}

// clausalRoot reports whether the root of the parse is a verb or a copular predicate with a
// subject.
func clausalRoot(toks []doc.Token) bool {
	for i, t := range toks {
		if t.Head >= 0 {
			continue
		}
		subj, cop := false, false
		for _, c := range toks {
			if c.Head != i {
				continue
			}
			subj = subj || strings.HasPrefix(c.Dep, "nsubj") || strings.HasPrefix(c.Dep, "csubj")
			cop = cop || c.Dep == "cop"
		}
		return subj && (strings.HasPrefix(t.Tag, "VB") || cop)
	}
	return false
}

// verbReading returns the verb tag that word i could have instead of the noun or participle tag
// it was given ("hosts" VBZ, "flooded" VBD), or "".
func verbReading(toks []doc.Token, i int) string {
	t := &toks[i]
	w := norm(t)
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) || len(w) < 4 {
		return ""
	}
	if prev := toks[i-1].Tag; prev == "DT" || prev == "PRP$" || prev == "IN" || prev == "TO" || prev == "POS" {
		return "" // "the results", "its features", "of hosts": a noun
	}
	if i+1 < len(toks) {
		switch toks[i+1].Tag {
		case "VBD", "VBZ", "VBP", "VBG", "MD", "WP", "WDT":
			return "" // "villagers hiding", "caliphs who": a noun before its verb or clause
		}
	}
	switch {
	case (t.Tag == "NNS" || t.Tag == "NN") && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return "VBZ"
	case (t.Tag == "VBN" || t.Tag == "JJ") && strings.HasSuffix(w, "ed"):
		return "VBD"
	}
	return ""
}
