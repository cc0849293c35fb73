package annotate

import (
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/extract/internal/conllu"
	"github.com/newsgraph/newsgraph/extract/ner"

	"github.com/newsgraph/newsgraph/schema"
)

// The classes names are scored in: GUM's person, organization and place; newsgraph's PERSON, ORG,
// and GPE and LOC counted as one.
const (
	ClassPerson = schema.TypePerson
	ClassOrg    = schema.TypeOrg
	ClassPlace  = "PLACE"
)

// gumClass maps GUM's entity types to the scored classes.
var gumClass = map[string]string{"person": ClassPerson, "organization": ClassOrg, "place": ClassPlace}

// predClass maps newsgraph's labels to the scored classes; other labels are not scored.
var predClass = map[string]string{ner.Person: ClassPerson, ner.Org: ClassOrg, ner.GPE: ClassPlace, ner.Loc: ClassPlace}

// NameSentence is one sentence of a names evaluation: gold and predicted names as IOB2 tags over
// PERSON, ORG and PLACE.
type NameSentence struct {
	// Doc is the id of the sentence's document.
	Doc string
	// Gold and Pred are the IOB2 tags of the sentence's tokens.
	Gold, Pred []string
}

// Names annotates a treebank in GUM's format (CoNLL-U with entity mentions in MISC) and returns
// its sentences with gold and predicted names, for ScoreNames.
//
// A gold name is a mention of a person, organization or place whose head (its first token whose
// head in the gold tree lies outside the mention) is a proper noun (gold XPOS NNP or NNPS). Its
// span is the run of proper nouns around the head within the mention, through the connectors
// inside a name ("of", "and", "&", "the", "de", a hyphen): "the United States" is scored as
// "United States", "Mr. Walker" and "University of Oxford" whole. A name inside another scored
// name ("Oxford" in "University of Oxford") is left out, as flat recognisers see one. Predicted
// names are the recogniser's spans as the pipeline leaves them, GPE and LOC read as PLACE; other
// labels are ignored.
func (a *Annotator) Names(r io.Reader, name string) ([]NameSentence, error) {
	sents, err := conllu.ReadAll(r, name)
	if err != nil {
		return nil, err
	}
	docs, err := a.annotate(sents, name)
	if err != nil {
		return nil, err
	}
	var out []NameSentence
	si := 0
	for _, d := range docs {
		ms := &conllu.Mentions{}
		for i := range d.Doc.Sentences {
			s := sents[si]
			si++
			gold, err := goldNames(s, ms, name)
			if err != nil {
				return nil, err
			}
			toks := d.Doc.Sentences[i].Tokens
			pred := make([]string, len(toks))
			for j := range toks {
				pred[j] = "O"
				if p, typ := entLabel(toks[j].Ent); p != 0 && predClass[typ] != "" {
					pred[j] = string(p) + "-" + predClass[typ]
				}
			}
			out = append(out, NameSentence{Doc: d.ID, Gold: gold, Pred: pred})
		}
	}
	return out, nil
}

// ScoreNames scores the sentences keep lets through (all when keep is nil): entity precision,
// recall and F1 with exact span and class, per class and overall.
func ScoreNames(sents []NameSentence, keep func(doc string) bool) ner.Scores {
	sc := ner.Scores{ByLabel: map[string]ner.Counts{}}
	for _, s := range sents {
		if keep == nil || keep(s.Doc) {
			sc.Add(s.Gold, s.Pred)
		}
	}
	return sc
}

// entLabel splits an IOB2 label into its position ('B', 'I', or 0 outside) and type.
func entLabel(l string) (byte, string) {
	if len(l) < 3 || l[1] != '-' || l[0] != 'B' && l[0] != 'I' {
		return 0, ""
	}
	return l[0], l[2:]
}

// goldNames returns the IOB2 tags of the gold names of s; ms pairs the brackets of its document
// (a mention that spans sentences is not a name and is dropped).
func goldNames(s *conllu.Sentence, ms *conllu.Mentions, file string) ([]string, error) {
	type span struct {
		start, end int // words [start, end)
		class      string
	}
	var spans []span
	err := ms.Sentence(s, file, func(start, end int, typ string) {
		if gumClass[typ] == "" {
			return
		}
		if a, b, ok := nameSpan(s, start, end); ok {
			spans = append(spans, span{a, b, gumClass[typ]})
		}
	})
	if err != nil {
		return nil, err
	}
	tags := make([]string, len(s.Words))
	for i := range tags {
		tags[i] = "O"
	}
	for _, x := range spans {
		inner := false
		for _, y := range spans {
			if y != x && y.start <= x.start && x.end <= y.end {
				inner = true
				break
			}
		}
		if inner {
			continue
		}
		for k := x.start; k < x.end; k++ {
			tags[k] = "I-" + x.class
		}
		tags[x.start] = "B-" + x.class
	}
	return tags, nil
}

// nameSpan returns the name inside mention [start, end) of s: the run of proper nouns around the
// mention's head, through connectors between proper nouns; ok is false when the head is not a
// proper noun.
func nameSpan(s *conllu.Sentence, start, end int) (a, b int, ok bool) {
	head := start
	for i := start; i < end; i++ {
		if h := s.Words[i].Head - 1; h < start || h >= end {
			head = i
			break
		}
	}
	proper := func(i int) bool { x := s.Words[i].XPOS; return x == "NNP" || x == "NNPS" }
	if !proper(head) {
		return 0, 0, false
	}
	connector := func(i int) bool {
		switch strings.ToLower(s.Words[i].Form) {
		case "of", "and", "&", "the", "de", "-":
			return true
		}
		return false
	}
	a, b = head, head+1
	for k := a - 1; k >= start; k-- {
		if proper(k) {
			a = k
		} else if !connector(k) {
			break
		}
	}
	for k := b; k < end; k++ {
		if proper(k) {
			b = k + 1
		} else if !connector(k) {
			break
		}
	}
	return a, b, true
}
