package coref

import (
	"github.com/newsgraph/newsgraph/extract/quote/marks"
	"github.com/newsgraph/newsgraph/schema"
)

// speaker returns the phrase that is the subject of a speech verb outside quotation q, in the
// sentence where q opens or where it closes ("'…,' she said"), or -1.
func (c *chainer) speaker(q *marks.Span) int {
	for _, si := range []int{q.End.Sent, q.Start.Sent} {
		toks := c.d.Sentences[si].Tokens
		for _, pi := range c.bySent[si] {
			p := &c.ps[pi]
			if !isSubject(&toks[p.head]) || q.Contains(marks.Pos{Sent: si, Tok: p.head}) {
				continue
			}
			if v := toks[p.head].Head; v >= 0 && v < len(toks) && schema.IsSpeech(toks[v].Lemma) && !q.Contains(marks.Pos{Sent: si, Tok: v}) {
				return pi
			}
		}
	}
	return -1
}

// speakerSieve groups first- and second-person pronouns. Inside a quotation, "I", "me" and "my"
// are its speaker when the text names one; the other first- and second-person pronouns of a
// quotation are a group of their own (the speaker's "we", the addressee's "you"), as are its "I"s
// when no speaker is named. Outside quotations, the document's "I"s are one person (its author or
// speaker), and so are its "we"s and its "you"s, each group a chain of its own.
func (c *chainer) speakerSieve() {
	inSent := make([][]int, len(c.d.Sentences)) // sentence -> the quotations over it
	for qi := range c.r.Quotes {
		for si := c.r.Quotes[qi].Start.Sent; si <= c.r.Quotes[qi].End.Sent; si++ {
			inSent[si] = append(inSent[si], qi)
		}
	}
	quoteOf := func(p *phrase) int {
		for _, qi := range inSent[p.sent] {
			if c.r.Quotes[qi].Contains(marks.Pos{Sent: p.sent, Tok: p.head}) {
				return qi
			}
		}
		return -1
	}
	speakers := make([]int, len(c.r.Quotes))
	for qi := range c.r.Quotes {
		speakers[qi] = c.speaker(&c.r.Quotes[qi])
	}
	var group [3]int                          // [I, we, you] -> the group's first phrase + 1, outside quotations
	quoted := make([][3]int, len(c.r.Quotes)) // the same for each quotation
	for i := range c.ps {
		p := &c.ps[i]
		if p.kind != Pronoun || p.person == 3 {
			continue
		}
		g := 2
		if p.person == 1 {
			g = 0
			if p.number == plural {
				g = 1
			}
		}
		gr := &group
		if q := quoteOf(p); q >= 0 {
			if g == 0 && speakers[q] >= 0 {
				c.merge(i, speakers[q])
				continue
			}
			gr = &quoted[q]
		}
		if gr[g] == 0 {
			gr[g] = i + 1
			continue
		}
		c.merge(i, gr[g]-1)
	}
}
