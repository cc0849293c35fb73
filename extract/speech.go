package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/quote"
	"github.com/newsgraph/newsgraph/extract/tree"
	"github.com/newsgraph/newsgraph/schema"
)

// quotesOf returns the texts of the quotations that clause c of sentence si
// attributes, in text order, and for each quotation that lies wholly in other sentences (a
// paragraph of quotation after the one its speaker is named in) the sentence it starts in.
func (b *factBuilder) quotesOf(si int, c *clause.Clause) ([]string, map[string]int) {
	var out []string
	elsewhere := map[string]int{}
	joined := -1 // the quotation of out that a part in the verb's own sentence continues
	for i := range b.quotes {
		q := &b.quotes[i]
		if q.Verb != (quote.Pos{Sent: si, Tok: c.Verb}) || b.partOfContent(q, si, c) {
			continue
		}
		t := quote.Text(b.d, *q)
		if t == "" {
			continue
		}
		if q.Start.Sent == si && q.End.Sent == si {
			// "“…,” she told the press, “…”": the parts around the speech verb are one speech act.
			if joined >= 0 {
				out[joined] += " … " + t
				continue
			}
			joined = len(out)
		}
		out = append(out, t)
		if q.Start.Sent > si || q.End.Sent < si {
			elsewhere[t] = q.Start.Sent
		}
	}
	return out, elsewhere
}

// partOfContent reports whether quotation q is a phrase quoted inside the clause's reported
// content ("told X that on Monday, Y “walked into the station”"): the content, which says who
// walked, is what was said, not the quoted words alone.
func (b *factBuilder) partOfContent(q *quote.Quote, si int, c *clause.Clause) bool {
	if c.Content.Empty() || q.Start.Sent != si || q.End.Sent != si || q.Start.Tok <= c.Content.Start || q.End.Tok >= c.Content.End {
		return false
	}
	toks := b.d.Sentences[si].Tokens
	for k := c.Content.Start; k < q.Start.Tok; k++ { // a word of the content before the quotation
		if w := toks[k].Text; !strings.EqualFold(w, "that") && wordLike(strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// quoteSpeaker returns the speaker of the attributed direct quotation holding token v of sentence
// si, as the arguments of its attributing clause's subject; nil when none.
func (b *factBuilder) quoteSpeaker(si, v int) []arg {
	for i := range b.quotes {
		q := &b.quotes[i]
		if !q.Attributed() || !q.Contains(quote.Pos{Sent: si, Tok: v}) {
			continue
		}
		c := &b.clauses[q.Verb.Sent][q.Clause]
		if sp := strong(b.args(q.Verb.Sent, c.Subject)); len(sp) > 0 {
			return sp
		}
	}
	return nil
}

// speaker returns the entity a direct quotation holding token v of sentence si is attributed to,
// or nil.
func (b *factBuilder) speaker(si, v int) *schema.Entity {
	if sp := b.quoteSpeaker(si, v); len(sp) > 0 {
		e := b.entityRef(sp[0])
		return &e
	}
	return nil
}

// thatClause returns the first "that" clause with a subject in the subtree of speech verb v, the
// content of "told reporters in a call that …" when the parse hangs it on a noun; empty when none.
func thatClause(toks []doc.Token, v int) tree.Span {
	return thatClauseWhere(toks, v, func(int) bool { return true })
}

// nounThatClause is thatClause for a verb with no object: only a clause the parse hung on a noun
// of the verb itself ("claimed in his book that …"), not another verb's "that" clause.
func nounThatClause(toks []doc.Token, v int) tree.Span {
	return thatClauseWhere(toks, v, func(h int) bool {
		n := toks[h].Head
		return strings.HasPrefix(toks[h].Dep, "acl") && n >= 0 && toks[n].Head == v
	})
}

// thatClauseWhere returns the first "that" clause with a subject in the subtree of v whose verb h
// passes ok.
func thatClauseWhere(toks []doc.Token, v int, ok func(h int) bool) tree.Span {
	sp := tree.Subtree(toks, v)
	for k := v + 1; k < sp.End; k++ {
		if !strings.EqualFold(toks[k].Text, "that") { // a mark, or wrongly a relative pronoun
			continue
		}
		h := toks[k].Head
		if h <= k || h >= len(toks) || !ok(h) {
			continue
		}
		for j := k + 1; j < h; j++ {
			if strings.HasPrefix(toks[j].Dep, "nsubj") && toks[j].Head == h {
				c := tree.Subtree(toks, h)
				return tree.Span{Start: k + 1, End: c.End}
			}
		}
	}
	return tree.Span{}
}

// ruledOutFacts reads "X stressed there can be no Y", a saying clause c with one content clause
// and no entity object, as X rejected Y.
func (b *factBuilder) ruledOutFacts(si int, c *clause.Clause, subjects []arg) []schema.Fact {
	toks := b.d.Sentences[si].Tokens
	r, lit, ok := ruledOut(toks, c.Parts[0])
	if !ok {
		return nil
	}
	rp, ok := schema.PredicateByName(schema.PredRejected)
	if !ok {
		return nil
	}
	var out []schema.Fact
	for _, sa := range subjects {
		f := b.newFact(si, c.Verb)
		f.Subject, f.Predicate, f.CAMEO, f.Relation = b.entityRef(sa), rp.Name, rp.CAMEO, c.Relation+" "+r
		f.Object = schema.Object{Literal: spanText(b.d, toks, lit)}
		f.Confidence = round(confRuledOut * mentionWeight(sa))
		out = append(out, f)
	}
	return out
}

// ruledOut reads a denied existence in the span of a content clause: "there can be no Y",
// "there will be no Y". It returns the words that deny ("there can be no") and Y's span.
func ruledOut(toks []doc.Token, sp tree.Span) (string, tree.Span, bool) {
	for v := sp.Start; v < sp.End; v++ {
		if !strings.EqualFold(toks[v].Lemma, "be") {
			continue
		}
		expl, subj := -1, -1
		for j := sp.Start; j < sp.End; j++ {
			if toks[j].Head != v {
				continue
			}
			switch {
			case toks[j].Dep == "expl":
				expl = j
			case strings.HasPrefix(toks[j].Dep, "nsubj"):
				subj = j
			}
		}
		if expl < 0 || subj < 0 {
			continue
		}
		no := -1
		for j := sp.Start; j < subj; j++ {
			if toks[j].Head == subj && toks[j].Dep == "det" && strings.EqualFold(toks[j].Text, "no") {
				no = j
			}
		}
		if no < 0 {
			continue
		}
		words := make([]string, 0, no-expl+1)
		for j := expl; j <= no; j++ {
			words = append(words, toks[j].Text)
		}
		np := tree.Subtree(toks, subj)
		np.Start = no + 1
		return strings.Join(words, " "), np, true
	}
	return "", tree.Span{}, false
}

// contentSpeaker returns the subject of the speech clause whose content holds token k of
// sentence si ("He said Zed should be part of Yon": he), or nil.
func (b *factBuilder) contentSpeaker(si, k int) *schema.Entity {
	for _, c := range b.clauses[si] {
		if c.Content.Empty() || k < c.Content.Start || k >= c.Content.End || !schema.IsSpeech(c.Lemma) {
			continue
		}
		if sp := b.args(si, c.Subject); len(sp) > 0 {
			e := b.entityRef(sp[0])
			return &e
		}
	}
	return nil
}

// tokenMood returns "reported" and the speaker when token k of sentence si is part of what
// somebody said (a direct quotation, or the content of a speech clause); "" and nil otherwise.
func (b *factBuilder) tokenMood(si, k int) (string, *schema.Entity) {
	if sp := b.speaker(si, k); sp != nil {
		return schema.ModalityReported, sp
	}
	if sp := b.contentSpeaker(si, k); sp != nil {
		return schema.ModalityReported, sp
	}
	return "", nil
}

// source returns the token heading the "according to X" phrase of verb v, or -1.
func source(toks []doc.Token, v int) int {
	for j := range toks {
		if toks[j].Head == v && caseWord(toks, j) == "according" {
			return j
		}
	}
	return -1
}

// accordingFacts reads "According to X, S" and "S, according to X" as X said S.
func (b *factBuilder) accordingFacts(si int) []schema.Fact {
	toks := b.d.Sentences[si].Tokens
	said, ok := schema.PredicateByName(schema.PredSaid)
	if !ok {
		return nil
	}
	var out []schema.Fact
	for _, c := range b.clauses[si] {
		src := source(toks, c.Verb)
		if src < 0 || toks[c.Verb].Dep != "root" {
			continue
		}
		all, from := tree.Subtree(toks, c.Verb), tree.Subtree(toks, src)
		content := tree.Span{Start: all.Start, End: from.Start}
		if from.Start <= all.Start+1 { // "According to X, S": S follows
			content = tree.Span{Start: from.End, End: all.End}
			if k := subjectInSource(toks, src, from); k >= 0 {
				content.Start = k
			}
		}
		lit := spanText(b.d, toks, content)
		if lit == "" {
			continue
		}
		for _, sa := range strong(b.args(si, src)) {
			f := b.newFact(si, c.Verb)
			f.Subject, f.Predicate, f.CAMEO, f.Relation = b.entityRef(sa), said.Name, said.CAMEO, "according to"
			f.Object = schema.Object{Literal: lit}
			f.Confidence = round(confAccording * mentionWeight(sa))
			out = append(out, f)
		}
	}
	return out
}

// subjectInSource returns where the statement of "According to X, the N of Y shows …" starts when
// the parse hung its subject, a common noun, in apposition inside X's phrase from; -1 when it did
// not: the statement then starts after X's phrase. X's own title ("According to X, head of Y,
// S") stays X's.
func subjectInSource(toks []doc.Token, src int, from tree.Span) int {
	for k := src + 1; k < from.End; k++ {
		t := &toks[k]
		if t.Dep != "appos" || t.Tag != "NN" && t.Tag != "NNS" || isTitle(t) {
			continue
		}
		s := tree.Subtree(toks, k).Start
		if toks[s].Text == "," { // the parse may hang the comma on the noun
			return s + 1
		}
		if s > 0 && toks[s-1].Text == "," {
			return s
		}
	}
	return -1
}

// framedContent returns the head of the words a speech clause is set beside, when the parse
// hangs the clause on them: "S, X has claimed" and "X stated, “S”" (parataxis of S's verb); -1
// otherwise.
func (b *factBuilder) framedContent(si int, c *clause.Clause) int {
	toks := b.d.Sentences[si].Tokens
	if !c.Content.Empty() || !schema.IsSpeech(c.Lemma) || c.Object >= 0 && addressee[c.Lemma] {
		return -1
	}
	switch toks[c.Verb].Dep {
	case "parataxis":
	case "conj": // "S, Zenith Industries has claimed." read as a second clause
		if sp := tree.Subtree(toks, c.Verb); sp.Start == 0 || toks[sp.Start-1].Text != "," || c.Subject < sp.Start {
			return -1
		}
	default:
		return -1
	}
	h := toks[c.Verb].Head
	if h < 0 || h >= len(toks) || !strings.HasPrefix(toks[h].Tag, "VB") && toks[h].Dep != "root" {
		return -1
	}
	return h
}

// framedLiteral returns the words headed by h that the speech clause with verb v frames: the
// text of h's subtree before or after the clause.
func (b *factBuilder) framedLiteral(si, v, h int) []string {
	toks := b.d.Sentences[si].Tokens
	all, speech := tree.Subtree(toks, h), tree.Subtree(toks, v)
	content := tree.Span{Start: all.Start, End: speech.Start}
	if speech.Start <= h {
		content = tree.Span{Start: speech.End, End: all.End}
	}
	if l := spanText(b.d, toks, content); l != "" {
		return []string{l}
	}
	return nil
}

// framer returns the speaker of a speech clause set beside the words headed by v ("S, X said"),
// or nil.
func (b *factBuilder) framer(si, v int) *schema.Entity {
	for k := range b.clauses[si] {
		c := &b.clauses[si][k]
		if b.framedContent(si, c) != v {
			continue
		}
		if sp := strong(b.args(si, c.Subject)); len(sp) > 0 {
			e := b.entityRef(sp[0])
			return &e
		}
	}
	return nil
}

// nextQuote returns the next sentence when sentence si ends with a verb of saying and a comma or
// colon and the next sentence opens a quotation: "Lopez stated," | "“Oliver was picked up…”".
func (b *factBuilder) nextQuote(si int, c *clause.Clause) []string {
	toks := b.d.Sentences[si].Tokens
	if si+1 >= len(b.d.Sentences) || !schema.IsSpeech(c.Lemma) || len(toks) == 0 || c.Verb < len(toks)-3 {
		return nil
	}
	if last := toks[len(toks)-1].Text; last != "," && last != ":" {
		return nil
	}
	next := &b.d.Sentences[si+1]
	txt := b.d.Text[next.Start:next.End]
	if !strings.ContainsAny(firstRune(txt), "\"“‘'") {
		return nil
	}
	if l := strings.Trim(txt, " \t\n\"'“”‘’"); l != "" {
		return []string{l}
	}
	return nil
}

// firstRune returns the first character of s, or "".
func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}
