package annotate

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/tag"
)

// span is one mention as written: a token span of one sentence and its chain number (from 1).
type span struct {
	sent, start, end int // tokens [start, end)
	chain            int
	typ              string
}

// spans returns the document's coreference chains as spans, one per distinct token span (the
// first chain of a span wins), in text order, with chain numbers in order of each chain's first
// mention. With chainsOnly, chains with a single mention (singletons) are left out, as in
// OntoNotes.
func (d *Document) spans(chainsOnly bool) []span {
	if d.Coref == nil {
		return nil
	}
	type item struct {
		span
		chain int // index in d.Coref.Chains
	}
	var all []item
	for ci := range d.Coref.Chains {
		ch := &d.Coref.Chains[ci]
		for _, s := range ch.Spans {
			if s.End > s.Start {
				all = append(all, item{span{sent: s.Sent, start: s.Start, end: s.End, typ: typeName(ch.Type)}, ci})
			}
		}
	}
	slices.SortStableFunc(all, func(x, y item) int {
		return cmp.Or(cmp.Compare(x.sent, y.sent), cmp.Compare(x.start, y.start), cmp.Compare(y.end, x.end), cmp.Compare(x.chain, y.chain))
	})
	seen := map[[3]int]bool{}
	count := map[int]int{}
	kept := all[:0]
	for _, it := range all {
		k := [3]int{it.sent, it.start, it.end}
		if seen[k] {
			continue
		}
		seen[k] = true
		count[it.chain]++
		kept = append(kept, it)
	}
	number := map[int]int{}
	var out []span
	for _, it := range kept {
		if chainsOnly && count[it.chain] < 2 {
			continue
		}
		if number[it.chain] == 0 {
			number[it.chain] = len(number) + 1
		}
		it.span.chain = number[it.chain]
		out = append(out, it.span)
	}
	return out
}

// typeName is the type of an entity as written in an Entity= bracket: newsgraph's label lower-cased
// ("person", "org", "gpe").
func typeName(t string) string {
	if t == "" {
		return "entity"
	}
	return strings.ToLower(t)
}

// sentID returns the id of sentence i.
func (d *Document) sentID(i int) string {
	if i < len(d.SentIDs) && d.SentIDs[i] != "" {
		return d.SentIDs[i]
	}
	return d.ID + "-" + strconv.Itoa(i+1)
}

// marks collects the brackets of each token of a document: opening brackets (outer mentions
// first) and closing brackets (inner mentions first).
type marks struct {
	open, close map[[2]int][]span
}

func markSpans(ss []span) marks {
	m := marks{open: map[[2]int][]span{}, close: map[[2]int][]span{}}
	for _, s := range ss { // text order, longer first at one start: outer mentions open first
		m.open[[2]int{s.sent, s.start}] = append(m.open[[2]int{s.sent, s.start}], s)
		if s.end-s.start > 1 {
			k := [2]int{s.sent, s.end - 1}
			m.close[k] = append([]span{s}, m.close[k]...) // inner (later) mentions close first
		}
	}
	return m
}

// WriteCoNLLU writes d as CoNLL-U: "# newdoc id", then per sentence "# sent_id" and "# text", and
// one line per token with FORM, LEMMA, UPOS (from XPOS, lemma and relation), XPOS, HEAD and
// DEPREL; MISC holds the entity mentions in GUM's bracket notation (Entity=(ID-TYPE opens a mention
// of chain ID, ID) closes it, (ID-TYPE) is a one-token mention; singletons included) and
// SpaceAfter=No where the next token follows without a space. FEATS and DEPS are "_".
func WriteCoNLLU(w io.Writer, d *Document) error {
	bw := bufio.NewWriter(w)
	m := markSpans(d.spans(false))
	fmt.Fprintf(bw, "# newdoc id = %s\n", oneLine(d.ID))
	sents := d.Doc.Sentences
	for si := range sents {
		s := &sents[si]
		fmt.Fprintf(bw, "# sent_id = %s\n# text = %s\n", oneLine(d.sentID(si)), oneLine(d.Doc.SentenceText(s)))
		for ti := range s.Tokens {
			t := &s.Tokens[ti]
			dep := t.Dep
			if t.Head < 0 {
				dep = "root"
			} else if dep == "" {
				dep = "dep"
			}
			var misc []string
			if e := entityMISC(m, si, ti); e != "" {
				misc = append(misc, "Entity="+e)
			}
			next := -1
			if ti+1 < len(s.Tokens) {
				next = s.Tokens[ti+1].Start
			} else if si+1 < len(sents) && len(sents[si+1].Tokens) > 0 {
				next = sents[si+1].Tokens[0].Start
			}
			if next == t.End {
				misc = append(misc, "SpaceAfter=No")
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t%s\n", ti+1, field(t.Text), field(t.Lemma),
				field(tag.UPOS(t.Tag, t.Lemma, dep)), field(t.Tag), t.Head+1, field(dep), field(strings.Join(misc, "|")))
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// entityMISC returns the Entity= value of token ti of sentence si ("" when no mention starts or
// ends there): openings, outer first, then closings, inner first, as GUM writes them.
func entityMISC(m marks, si, ti int) string {
	var b strings.Builder
	for _, s := range m.open[[2]int{si, ti}] {
		fmt.Fprintf(&b, "(%d-%s", s.chain, s.typ)
		if s.end-s.start == 1 {
			b.WriteByte(')')
		}
	}
	for _, s := range m.close[[2]int{si, ti}] {
		fmt.Fprintf(&b, "%d)", s.chain)
	}
	return b.String()
}

// WriteCoNLL2012 writes d in the CoNLL-2012 layout that coreference scorers read, as in OntoGUM:
// "#begin document (ID); part 000", one line per token "INDEX<TAB>WORD<TAB>CHAINS" with INDEX
// counting the document's tokens from 0, and "#end document". CHAINS is "_" or the chain markers
// of the token joined by "|": "(N" opens a mention of chain N, "N)" closes one, "(N)" is a
// one-token mention. Only chains of two mentions or more are written (no singletons, as in
// OntoNotes). Sentences are not separated, as in the OntoGUM files.
func WriteCoNLL2012(w io.Writer, d *Document) error {
	bw := bufio.NewWriter(w)
	m := markSpans(d.spans(true))
	fmt.Fprintf(bw, "#begin document (%s); part 000\n", oneLine(d.ID))
	n := 0
	for si := range d.Doc.Sentences {
		for ti := range d.Doc.Sentences[si].Tokens {
			var parts []string
			k := [2]int{si, ti}
			for _, s := range m.close[k] {
				parts = append(parts, strconv.Itoa(s.chain)+")")
			}
			for _, s := range m.open[k] {
				if s.end-s.start > 1 {
					parts = append(parts, "("+strconv.Itoa(s.chain))
				}
			}
			for _, s := range m.open[k] {
				if s.end-s.start == 1 {
					parts = append(parts, "("+strconv.Itoa(s.chain)+")")
				}
			}
			chains := "_"
			if len(parts) > 0 {
				chains = strings.Join(parts, "|")
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\n", n, word(d.Doc.Sentences[si].Tokens[ti].Text), chains)
			n++
		}
	}
	bw.WriteString("#end document\n")
	return bw.Flush()
}

// field is a CoNLL-U column value: "_" when empty, tabs and line breaks made spaces.
func field(s string) string {
	if s == "" {
		return "_"
	}
	return strings.Map(noBreak, s)
}

// word is a token as one white-space-free field of the CoNLL-2012 layout (its readers split
// lines at any white space): spaces become "_".
func word(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r < 0x20 {
			return '_'
		}
		return r
	}, s)
	if s == "" {
		return "_"
	}
	return s
}

// oneLine makes s fit on one comment line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
