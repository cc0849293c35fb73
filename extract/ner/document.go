package ner

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/lexicon"
)

// Harmonize makes the names of one document agree with each other after Recognize has labelled
// its sentences one by one ("one sense per discourse"): a surname standing alone is a person when
// the article names that person in full ("Lopez" after "Maria Lopez", unless the gazetteers know
// the word as a place or an organisation), a one-word name takes the type of two thirds of its
// mentions ("Acme" is an organisation throughout, not once a place), and a name of several words
// found elsewhere in the article is labelled wherever it recurs and was missed or cut ("Bank of
// Zenda", not "Bank of [Zenda]"); a name the model took for a person's that takes "which" ("Acme
// Lopez, which …") is an organisation throughout. No name runs across a line break. Only running text (body,
// bullets, captions) votes; headlines and asides, whose title case misleads the model, follow. It
// changes only the tokens' Ent labels.
func Harmonize(d *doc.Doc) {
	for si := range d.Sentences {
		splitAtLineBreaks(d.Text, d.Sentences[si].Tokens)
	}
	votes := map[string]map[string]int{} // name → label → mentions
	surnames := map[string]bool{}
	things := map[string]bool{} // person-like names followed by "which": companies and bodies
	for si := range d.Sentences {
		s := &d.Sentences[si]
		if s.Kind == doc.Headline || s.Kind == doc.Aside {
			continue
		}
		for _, sp := range Spans(s.Tokens) {
			if !nameLabel(sp.Label) {
				continue
			}
			key := spanKey(s.Tokens, sp.Start, sp.End)
			if votes[key] == nil {
				votes[key] = map[string]int{}
			}
			votes[key][sp.Label]++
			if sp.Label == Person && relativeWhich(s.Tokens, sp.End) {
				things[key] = true
			}
			if sp.Label == Person {
				start := sp.Start
				if h, ok := lexicon.Honorific(tokWord(&s.Tokens[start])); ok && h.Address {
					start++
				}
				// "Maria Lopez" and "Ms Lopez" both give the surname "Lopez".
				if sp.End-start >= 2 || sp.End-start == 1 && start > sp.Start {
					if w := tokWord(&s.Tokens[sp.End-1]); len(w) > 1 && capitalised(w) {
						surnames[w] = true
					}
				}
			}
		}
	}
	if len(votes) == 0 {
		return
	}
	// "Acme Lopez, which …": a company or body named after a person, whose last word is no
	// surname. Settled before the names are decided, which the map visits in no fixed order.
	for key := range things {
		ws := strings.Fields(key)
		delete(surnames, ws[len(ws)-1])
	}
	decided := map[string]string{}     // name → label
	byFirst := map[string][][]string{} // first word → names of several words
	for key, v := range votes {
		ws := strings.Fields(key)
		var label string
		switch {
		case things[key]:
			label = Org
		case len(ws) > 1:
			// A name of several words is not relabelled where the model found it whole (the
			// entity's type is settled by coreference, which sees its shorter mentions too), only
			// labelled where it was missed or cut.
			if last := ws[len(ws)-1]; last == "'s" || last == "’s" || !isLowerWord(strings.ToLower(last)) {
				continue // "Acme 's", "Acme ,": not a name
			}
			label = majority(v)
		case surnames[key]:
			if e, ok := lexicon.Lookup(key); !ok || e.Class&(lexicon.ClassPlace|lexicon.ClassOrg) == 0 {
				label = Person
			}
		default:
			label = clearMajority(v)
		}
		if label == "" {
			continue
		}
		decided[key] = label
		if len(ws) > 1 {
			byFirst[ws[0]] = append(byFirst[ws[0]], ws)
		}
	}
	// The names sharing a first word are tried longest first, then in alphabetical order: votes is
	// a map, and the order it gave them in would make the labels differ from run to run.
	for _, names := range byFirst {
		sort.Slice(names, func(a, b int) bool {
			if len(names[a]) != len(names[b]) {
				return len(names[a]) > len(names[b])
			}
			return strings.Join(names[a], " ") < strings.Join(names[b], " ")
		})
	}
	for si := range d.Sentences {
		toks := d.Sentences[si].Tokens
		for _, sp := range Spans(toks) {
			if sp.End-sp.Start > 1 && !things[spanKey(toks, sp.Start, sp.End)] {
				continue
			}
			if l, ok := decided[spanKey(toks, sp.Start, sp.End)]; ok && l != sp.Label && nameLabel(sp.Label) {
				label(toks, sp.Start, sp.End, l)
			}
		}
		missedSurnames(toks, surnames)
		ownersOfPeople(toks, surnames)
		for i := range toks {
			for _, ws := range byFirst[tokWord(&toks[i])] {
				l := decided[strings.Join(ws, " ")]
				if j := i + len(ws); j <= len(toks) && matchWords(toks, i, ws) && regrowable(toks, i, j, l) {
					label(toks, i, j, l)
				}
			}
		}
	}
}

// nameLabel reports whether label types a name (not a date or an amount).
func nameLabel(label string) bool {
	switch label {
	case Person, Org, GPE, Loc, NORP:
		return true
	}
	return false
}

// spanKey is the text of tokens i..j-1 as the recogniser reads them, space-separated.
func spanKey(toks []doc.Token, i, j int) string {
	if j-i == 1 {
		return tokWord(&toks[i])
	}
	ws := make([]string, 0, j-i)
	for k := i; k < j; k++ {
		ws = append(ws, tokWord(&toks[k]))
	}
	return strings.Join(ws, " ")
}

// clearMajority returns the label of at least two thirds of the votes, and of two at least; ""
// when none has.
func clearMajority(v map[string]int) string {
	total := 0
	for _, c := range v {
		total += c
	}
	if l := majority(v); l != "" && v[l] >= 2 && 3*v[l] >= 2*total {
		return l
	}
	return ""
}

// majority returns the label with the most votes, "" on a tie for the most.
func majority(v map[string]int) string {
	best, n, tie := "", 0, false
	for l, c := range v {
		switch {
		case c > n:
			best, n, tie = l, c, false
		case c == n:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// matchWords reports whether the tokens from i read ws.
func matchWords(toks []doc.Token, i int, ws []string) bool {
	for k, w := range ws {
		if tokWord(&toks[i+k]) != w {
			return false
		}
	}
	return true
}

// regrowable reports whether tokens i..j-1 may become one name of type l: they are not one
// already, no date or amount lies among them, no person's name unless l is a person's, and no
// other name runs across their edges.
func regrowable(toks []doc.Token, i, j int, l string) bool {
	if strings.HasPrefix(toks[i].Ent, "I-") || j < len(toks) && strings.HasPrefix(toks[j].Ent, "I-") {
		return false
	}
	one := strings.HasPrefix(toks[i].Ent, "B-")
	for k := i; k < j; k++ {
		_, typ, _ := strings.Cut(toks[k].Ent, "-")
		if toks[k].Ent != "O" && (!nameLabel(typ) || typ == Person && l != Person) {
			return false
		}
		if k > i && !strings.HasPrefix(toks[k].Ent, "I-") {
			one = false
		}
	}
	return !one
}

// label writes tokens i..j-1 as one name of type l.
func label(toks []doc.Token, i, j int, l string) {
	for k := i; k < j; k++ {
		toks[k].Ent = iob(l, k == i)
	}
}

// splitAtLineBreaks ends a name at a line break inside it: a line that ends without punctuation
// ("… said Anna Berg" above "Zenith will appeal …") does not make one name of the words on either
// side. The words after the break begin a name of their own.
func splitAtLineBreaks(text string, toks []doc.Token) {
	for k := 1; k < len(toks); k++ {
		a, b := toks[k-1].End, toks[k].Start
		if !strings.HasPrefix(toks[k].Ent, "I-") || a < 0 || b > len(text) || a >= b {
			continue
		}
		if strings.IndexByte(text[a:b], '\n') >= 0 {
			toks[k].Ent = "B-" + toks[k].Ent[2:]
		}
	}
}

// missedSurnames labels as persons the proper nouns the model left out that are surnames of the
// article's people, with a given name right before them ("… replaced by Anna Lopez" after "Ms
// Lopez"). A surname the gazetteers know as a place or an organisation is left alone, and so is one
// that begins a longer run of proper nouns.
func missedSurnames(toks []doc.Token, surnames map[string]bool) {
	for k := range toks {
		w := tokWord(&toks[k])
		if toks[k].Ent != "O" || !surnames[w] || !properNounTok(&toks[k]) || k+1 < len(toks) && toks[k+1].Ent == "O" && properNounTok(&toks[k+1]) {
			continue
		}
		if e, ok := lexicon.Lookup(w); ok && e.Class&(lexicon.ClassPlace|lexicon.ClassOrg) != 0 {
			continue
		}
		s := k
		if k > 0 && toks[k-1].Ent == "O" && properNounTok(&toks[k-1]) && !known(tokWord(&toks[k-1])) && !notInName[tokWord(&toks[k-1])] {
			s = k - 1
		}
		label(toks, s, k+1, Person)
	}
}

// properNounTok reports whether a token is a capitalised word the tagger calls a proper noun (or
// any capitalised word when it was not tagged).
func properNounTok(t *doc.Token) bool {
	return capitalised(tokWord(t)) && (t.Tag == "" || strings.HasPrefix(t.Tag, "NNP"))
}

// relativeWhich reports whether the tokens from k read ", which" or "which": a relative clause for
// things, never for people.
func relativeWhich(toks []doc.Token, k int) bool {
	if k < len(toks) && tokWord(&toks[k]) == "," {
		k++
	}
	return k < len(toks) && strings.EqualFold(tokWord(&toks[k]), "which")
}

// ownersOfPeople makes an organisation of a one-word "person" that owns a person named in full
// ("Zenith's Anna Berg": a party, club or company and its member), unless the word is the surname
// or a common given name of someone in the article ("Lopez's Anna Berg" stays a person).
func ownersOfPeople(toks []doc.Token, surnames map[string]bool) {
	for k := 0; k+3 < len(toks); k++ {
		w := tokWord(&toks[k])
		if toks[k].Ent != "B-PERSON" || strings.HasPrefix(toks[k+1].Ent, "I-") || surnames[w] || lexicon.GivenNameGender(w) != lexicon.Unknown {
			continue
		}
		if p := tokWord(&toks[k+1]); p != "'s" && p != "’s" {
			continue
		}
		if toks[k+2].Ent == "B-PERSON" && toks[k+3].Ent == "I-PERSON" {
			label(toks, k, k+1, Org)
		}
	}
}
