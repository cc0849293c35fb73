package conllu

import (
	"fmt"
	"strings"
)

// EntityMark is one bracket of the entity notation GUM writes in the MISC column
// ("Entity=(ID-TYPE-..." opens a mention, "ID)" closes one).
type EntityMark struct {
	// ID is the entity's id; Type its type ("person", "place"...), set on opening brackets only.
	ID, Type string
	// Open and Close say whether the bracket opens a mention, closes one, or both (a mention of
	// one word).
	Open, Close bool
}

// EntityMarks reads the brackets of a MISC column's Entity= value in order: "(ID-TYPE-..." opens
// a mention, "ID)" closes one, "(ID-TYPE-...)" is a one-word mention. A MISC without Entity=
// gives none.
func EntityMarks(misc string) []EntityMark {
	var v string
	for _, f := range strings.Split(misc, "|") {
		if x, ok := strings.CutPrefix(f, "Entity="); ok {
			v = x
			break
		}
	}
	var out []EntityMark
	for i := 0; i < len(v); {
		if v[i] == '(' {
			j := i + 1
			for j < len(v) && v[j] != '(' && v[j] != ')' {
				j++
			}
			parts := strings.SplitN(v[i+1:j], "-", 3)
			m := EntityMark{ID: parts[0], Open: true}
			if len(parts) > 1 {
				m.Type = parts[1]
			}
			if j < len(v) && v[j] == ')' {
				m.Close = true
				j++
			}
			out = append(out, m)
			i = j
			continue
		}
		j := i
		for j < len(v) && v[j] != ')' && v[j] != '(' {
			j++
		}
		if j < len(v) && v[j] == ')' {
			out = append(out, EntityMark{ID: v[i:j], Close: true})
			j++
		}
		i = j
	}
	return out
}

// Mentions pairs the entity brackets of a document's sentences (see EntityMarks) into mentions.
// The zero value is ready for the first sentence of a document; use a new one for each document.
type Mentions struct {
	open map[string][]openMention // entity id → its mentions not closed yet, innermost last
}

// openMention is a mention whose closing bracket has not been read yet.
type openMention struct {
	line, start int // its sentence's first line and its first word (0-based)
	typ         string
}

// Sentence reads the brackets of s, the document's next sentence, and calls fn for every mention
// that closes in it: words [start, end) of s and the entity type. A mention that opened in an
// earlier sentence is not passed to fn (it is dropped when it closes). file is used in errors.
func (m *Mentions) Sentence(s *Sentence, file string, fn func(start, end int, typ string)) error {
	if m.open == nil {
		m.open = map[string][]openMention{}
	}
	closeAt := func(o openMention, end int) {
		if o.line == s.Line {
			fn(o.start, end, o.typ)
		}
	}
	for i := range s.Words {
		for _, e := range EntityMarks(s.Words[i].Misc) {
			switch {
			case e.Open && e.Close:
				closeAt(openMention{s.Line, i, e.Type}, i+1)
			case e.Open:
				m.open[e.ID] = append(m.open[e.ID], openMention{s.Line, i, e.Type})
			default:
				st := m.open[e.ID]
				if len(st) == 0 {
					return fmt.Errorf("%s:%d: entity %s closed at word %d before it opened", file, s.Line, e.ID, i+1)
				}
				closeAt(st[len(st)-1], i+1)
				m.open[e.ID] = st[:len(st)-1]
			}
		}
	}
	return nil
}
