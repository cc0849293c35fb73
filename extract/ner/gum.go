package ner

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/extract/internal/conllu"
	"github.com/newsgraph/newsgraph/extract/lexicon"
)

// This file converts GUM (the Georgetown University Multilayer corpus, CoNLL-U with every entity
// mention typed in the MISC column) into name sentences the model can be trained on.

// gumRaw maps the GUM entity types that are names the model learns to its labels. Every place is
// LOC: the model has one place label, and Recognize types places as GPE or LOC with the
// gazetteers at run time. GUM's other types (event, object, abstract, ...) are not learnt: the
// model's label set (UniversalNER's) has no counterpart for them, so they are O as in UNER.
var gumRaw = map[string]string{"person": "PER", "organization": "ORG", "place": "LOC"}

// ReadGUMNamesFile reads a GUM CoNLL-U file as name sentences (see ReadGUMNames).
func ReadGUMNamesFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	defer f.Close()
	return ReadGUMNames(f, path)
}

// ReadGUMNames reads a treebank in GUM's format and returns every sentence, its words with IOB2
// tags over the model's labels (PER, ORG, LOC) marking the mentions that are names:
//
//   - a mention of a person, organization or place whose head (its first word whose head in the
//     tree lies outside the mention; its first proper noun when the file has no tree) is a proper
//     noun (XPOS NNP or NNPS);
//   - its name is the run of proper nouns around the head within the mention, through the
//     connectors inside a name ("of", "and", "&", "the", "de", a hyphen; for a person only "de"
//     and a hyphen): "the United States" is "United States", "University of Oxford" is whole;
//   - a person's name (see personName) keeps a form of address ("Mr. Walker", "Sir Anna Berg",
//     "Lord Vane": one mention, as newsgraph's are) but not what stands before it in the mention
//     ("French President Ola Nord" is "Ola Nord", as in UniversalNER); titles alone ("Mr.
//     President", "the President of Zembla") and a nationality ("Americans", NORP in newsgraph)
//     are not a person's name;
//   - a name inside another ("Oxford" in "University of Oxford") is left out, as a flat tagger
//     sees one, and a mention that runs over a sentence break is not a name.
//
// Each sentence's Doc is its document's id ("# newdoc id"). name is used in error messages, which
// say the file and line. POS is left nil.
func ReadGUMNames(r io.Reader, name string) ([]Sentence, error) {
	sents, err := conllu.ReadAll(r, name)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	out := make([]Sentence, 0, len(sents))
	ms := &conllu.Mentions{}
	doc := ""
	for _, s := range sents {
		if s.NewDoc != "" {
			ms = &conllu.Mentions{}
			doc = s.NewDoc
		}
		spans, err := gumSpans(s, ms, name)
		if err != nil {
			return nil, err
		}
		words := make([]string, len(s.Words))
		tags := make([]string, len(s.Words))
		for i, w := range s.Words {
			words[i], tags[i] = w.Form, "O"
		}
		for _, x := range spans {
			if spans.inside(x) {
				continue
			}
			for k := x.Start; k < x.End; k++ {
				tags[k] = "I-" + x.Label
			}
			tags[x.Start] = "B-" + x.Label
		}
		out = append(out, Sentence{Words: words, Tags: tags, Doc: doc})
	}
	return out, nil
}

// spanList is a sentence's name spans.
type spanList []Span

// inside reports whether x lies within another span of the list.
func (l spanList) inside(x Span) bool {
	for _, y := range l {
		if y != x && y.Start <= x.Start && x.End <= y.End {
			return true
		}
	}
	return false
}

// gumSpans returns the name spans of sentence s (labels PER, ORG, LOC); ms pairs the brackets of
// its document.
func gumSpans(s *conllu.Sentence, ms *conllu.Mentions, file string) (spanList, error) {
	var spans spanList
	err := ms.Sentence(s, file, func(start, end int, typ string) {
		raw := gumRaw[typ]
		if raw == "" {
			return
		}
		if a, b, ok := gumName(s, start, end, raw); ok {
			spans = append(spans, Span{Start: a, End: b, Label: raw})
		}
	})
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return spans, nil
}

// gumName returns the name inside mention [start, end) of s (see ReadGUMNames); ok is false when
// the mention is not a name.
func gumName(s *conllu.Sentence, start, end int, raw string) (a, b int, ok bool) {
	head := -1
	for i := start; i < end; i++ {
		if h := s.Words[i].Head - 1; s.Words[i].Head >= 0 && (h < start || h >= end) {
			head = i
			break
		}
	}
	if head < 0 { // no tree: the first proper noun
		for i := start; i < end && head < 0; i++ {
			if proper(s, i) {
				head = i
			}
		}
	}
	if head < 0 || !proper(s, head) {
		return 0, 0, false
	}
	if raw == "PER" {
		return personName(s, start, end, head)
	}
	a, b = head, head+1
	for k := a - 1; k >= start; k-- {
		if proper(s, k) {
			a = k
		} else if !gumConnector(s.Words[k].Form) {
			break
		}
	}
	for k := b; k < end; k++ {
		if proper(s, k) {
			b = k + 1
		} else if !gumConnector(s.Words[k].Form) {
			break
		}
	}
	return a, b, true
}

// personName returns the name of the person mention [start, end) of s headed by the proper noun
// head. It is the run of proper nouns around the head (a form of address before them included)
// from the word after the last one that is not part of a person's name: a title ("President",
// "Vice President", "Gen."), a place, an organisation or a nationality that the gazetteers know
// and that is not a given name ("US President Ada Moss" is "Ada Moss"); a form of address just
// before the name is kept. ok is false when the head itself is such a word ("Mr. President",
// "the President of Zembla", "Americans").
func personName(s *conllu.Sentence, start, end, head int) (a, b int, ok bool) {
	words := make([]string, end)
	for i := range words {
		words[i] = s.Words[i].Form
	}
	if notPersonName(words, head) || addressAt(words, head) == 1 {
		return 0, 0, false
	}
	a, b = head, head+1
	for b < end && (proper(s, b) || personConnector(words[b])) {
		b++
	}
	for b > head+1 && personConnector(words[b-1]) {
		b--
	}
	for a > start && (proper(s, a-1) || personConnector(words[a-1]) || addressAt(words, a-1) == 1) {
		a--
	}
	for k := b - 2; k >= a; k-- {
		if addressAt(words, k) == 0 && notPersonName(words, k) {
			a = k + 1
			break
		}
	}
	for a < head && personConnector(words[a]) {
		a++
	}
	// Forms of address before the first: "Mr. Sir" is not a name's beginning.
	for a+1 < b && addressAt(words, a) == 1 && addressAt(words, a+1) == 1 {
		a++
	}
	return a, b, true
}

// notPersonName reports whether words[k] is not part of a person's name: a title, a place, an
// organisation or a nationality the gazetteers know (alone or with the word before it: "Vice
// President", "United States") and that is not a given name.
func notPersonName(words []string, k int) bool {
	if nonName(words[k]) || roleHonorific(words[k]) {
		return true
	}
	if k == 0 {
		return false
	}
	e, ok := lexicon.Lookup(words[k-1] + " " + words[k])
	return ok && e.Class&(lexicon.ClassPlace|lexicon.ClassOrg|lexicon.ClassDemonym|lexicon.ClassTitle) != 0
}

// proper reports whether word i of s is a proper noun (XPOS NNP or NNPS).
func proper(s *conllu.Sentence, i int) bool {
	x := s.Words[i].XPOS
	return x == "NNP" || x == "NNPS"
}

// gumConnector reports whether a word may stand between the proper nouns of one name.
func gumConnector(w string) bool {
	switch strings.ToLower(w) {
	case "of", "and", "&", "the", "de", "-":
		return true
	}
	return false
}

// personConnector reports whether a word may stand between the proper nouns of a person's name
// ("de", a hyphen); "of" and "and" join a title to a place or two names ("President of the
// United States", "Tom and Jane").
func personConnector(w string) bool {
	return w == "de" || w == "-"
}

// roleHonorific reports whether a word is an abbreviated title that names a role ("Gen.",
// "Sen."), not a form of address.
func roleHonorific(w string) bool {
	h, ok := lexicon.Honorific(w)
	return ok && !h.Address
}
