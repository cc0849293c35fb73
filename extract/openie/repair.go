package openie

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/doc"
	dtree "github.com/newsgraph/newsgraph/extract/tree"
)

// maxRepairs caps the re-parses tried for one sentence.
const maxRepairs = 4

// repair re-reads a sentence whose parse has no clause with a subject at its root: the tagger
// most often took its main verb for a noun ("Acme hosts events" with "hosts" a plural noun), or
// a noun for its main verb ("In 2010, demand for boats grew" with "demand" a verb). It tries the
// noun reading of a subjectless verb root, then, left to right, the words that may be a verb in
// the third person ("-s") or the past ("-ed"); it re-parses with each and keeps the first parse
// whose root is a clause with a subject. toks are changed only when a repair is kept.
func (p *Pipeline) repair(toks []doc.Token) {
	if clausalRoot(toks) {
		p.repairConjunct(toks)
		return
	}
	type reading struct {
		i   int
		tag string
	}
	var tries []reading
	for i, t := range toks {
		if t.Head < 0 && (t.Tag == "VB" || t.Tag == "VBP") && i > 0 && lowerWord(dtree.Form(&toks[i])) {
			tries = append(tries, reading{i, "NN"})
		}
	}
	for i := 1; i < len(toks) && len(tries) < maxRepairs; i++ {
		if tag := verbReading(toks, i); tag != "" {
			tries = append(tries, reading{i, tag})
		}
	}
	try := make([]doc.Token, len(toks))
	for _, r := range tries {
		copy(try, toks)
		try[r.i].Tag = r.tag
		try[r.i].Lemma = p.tagger.Lemma(strings.ToLower(dtree.Form(&try[r.i])), r.tag)
		p.parser.Parse(try)
		if clausalRoot(try) && (r.tag == "NN" || try[r.i].Head < 0) {
			copy(toks, try)
			return
		}
	}
}

// repairConjunct re-reads a verb after "and" or "but" that the tagger took for a noun ("must
// refund money and loses revenue"): it keeps the verb reading when the re-parse coordinates the
// word with a verb and the root stays a clause with a subject.
func (p *Pipeline) repairConjunct(toks []doc.Token) {
	try := make([]doc.Token, len(toks))
	tried := 0
	for i := 2; i < len(toks)-1 && tried < maxRepairs; i++ {
		if toks[i-1].Tag != "CC" || !strings.HasPrefix(toks[i].Tag, "NN") {
			continue
		}
		switch toks[i+1].Tag {
		case "DT", "PRP$", "PRP", "CD", "JJ", "JJR", "JJS":
		default:
			continue // a verb here would take an object: "and loses considerable revenue"
		}
		tag := verbReading(toks, i)
		if tag == "" {
			continue
		}
		tried++
		copy(try, toks)
		try[i].Tag = tag
		try[i].Lemma = p.tagger.Lemma(strings.ToLower(dtree.Form(&try[i])), tag)
		p.parser.Parse(try)
		if h := try[i].Head; try[i].Dep == "conj" && h >= 0 && strings.HasPrefix(try[h].Tag, "VB") && clausalRoot(try) {
			copy(toks, try)
			return
		}
	}
}

// lowerWord reports whether w starts with a lower-case letter and is a word, not a symbol.
func lowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r) && len(w) >= 4
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
	w := dtree.Form(t)
	if !lowerWord(w) {
		return ""
	}
	if prev := toks[i-1].Tag; prev == "DT" || prev == "PRP$" || prev == "IN" || prev == "TO" || prev == "POS" {
		return "" // "the results", "its features", "of hosts": a noun
	}
	if i+1 < len(toks) {
		switch toks[i+1].Tag {
		case "VBD", "VBN", "VBZ", "VBP", "VBG", "MD", "WP", "WDT":
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
