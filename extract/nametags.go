package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// nameTags repairs the tags and parse of a sentence in which a name the recogniser found holds a
// word tagged as a verb: the second part of a hyphenated given name read as a gerund ("Ana
// Li-ping" as "Li - ping/VBG") or a name that begins with a verb ("Save the Children") breaks
// the clause around the name. The name's capitalised words and the words after a hyphen inside it
// are tagged proper nouns (a hyphen inside it
// HYPH) and the sentence is parsed again. This is decoding under the recogniser's constraint, as
// finiteMain decodes under the finite-verb one; a sentence whose names hold no verb is never
// touched, and the recogniser's labels are kept.
func (x *Extractor) nameTags(s *doc.Sentence) {
	if nameTags(s.Tokens) {
		x.parser.Parse(s.Tokens)
	}
}

// nameTags tags as proper nouns the words of the names in toks that are tagged as verbs (see
// Extractor.nameTags) and reports whether it changed a tag.
func nameTags(toks []doc.Token) bool {
	changed := false
	for i := range toks {
		if !inName(toks, i) || !strings.HasPrefix(toks[i].Tag, "VB") {
			continue
		}
		hyphen := i > 0 && toks[i-1].Text == "-" && inName(toks, i-1)
		if r, _ := utf8.DecodeRuneInString(toks[i].Text); !unicode.IsUpper(r) && !hyphen {
			continue // a lower-case verb inside a "name" is the recogniser's mistake: "I ran"
		}
		toks[i].Tag, toks[i].Lemma = "NNP", toks[i].Text
		if hyphen {
			toks[i-1].Tag, toks[i-1].Lemma = "HYPH", "-"
		}
		changed = true
	}
	return changed
}

// inName reports whether token i lies inside a name: labelled B- or I- by the recogniser, and,
// for I-, continuing a name that began before it.
func inName(toks []doc.Token, i int) bool {
	l := toks[i].Ent
	return strings.HasPrefix(l, "B-") || strings.HasPrefix(l, "I-") && i > 0 && toks[i-1].Ent != "" && toks[i-1].Ent != "O"
}
