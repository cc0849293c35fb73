package coref

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/schema"
)

// Span is one mention of a chain: tokens [Start, End) of sentence Sent, headed by token Head.
type Span struct {
	Sent, Start, End, Head int
}

// Chain is a group of mentions that refer to one thing, named or not: the mentions of an entity
// (as whole noun phrases: "Maria Lopez, a lawyer"), with the descriptions and pronouns the chain layer
// added to it, or a thing without a name ("the study … it … the study").
//
// Chains are what coreference output (package annotate) writes. The fact layer reads Mentions
// and Entities only: a chain of a thing without a name never reaches it, and of a chain's extra
// mentions only one kind does: a person's pronoun the mention layer left unresolved takes the
// entity its chain reached (see factPronoun).
type Chain struct {
	// Entity is the index of the entity in Result.Entities, -1 for a thing the mention layer did
	// not see (no name, or a person or thing referred to by pronouns and descriptions only).
	Entity int
	// Type is the entity's type label, empty when Entity is -1.
	Type string
	// Spans are the mentions, in text order.
	Spans []Span
}

// chainer holds the phrases of one document and the clusters the sieves build.
type chainer struct {
	d       *doc.Doc
	r       *Result
	ps      []phrase
	trees   []sentenceTree
	cluster []int   // phrase -> cluster id
	members [][]int // cluster id -> phrases in text order (nil when merged away)
	entity  []int   // cluster id -> entity of the mention layer, -1 none
	feats   []feats // cluster id -> the union of its phrases' features
	bySent  [][]int // sentence -> its phrases in text order
}

// buildChains finds the phrases of d, seeds clusters with the entities of the mention layer and
// runs the sieves, precise to loose; it sets r.Chains.
func (r *Result) buildChains(d *doc.Doc) {
	c := &chainer{d: d, r: r}
	c.findPhrases()
	c.seed()
	c.speakerSieve()
	c.exactMatch(false)
	c.exactMatch(true)
	c.acronymMatch()
	c.headMatch(true)
	c.headMatch(false)
	c.placeDescription()
	c.pronounSieve()
	c.write()
	c.resolvePronouns()
}

// factPronoun reports whether pronoun mention m may take an entity of type typ from its chain for
// the fact layer: only a person's pronoun ("he", "she": the mention layer's pronouns of type
// PERSON) and a person. Read by hand on unseen news, the chain's other pronouns were wrong more
// often than right for facts ("they" for an organisation: 4 of 12 right; "it" and "its": the
// deal, the single, the purchase), so they keep the mention layer's answer, which leaves them
// unresolved.
func factPronoun(m *Mention, typ string) bool {
	return m.Type == schema.TypePerson && typ == schema.TypePerson
}

// resolvePronouns gives the mention layer's person pronouns that it left unresolved the entity
// their chain reached (the pronoun sieve is wider than pass 2: objects as well as subjects,
// further back), so that facts read them. Pronouns resolved already keep their entity.
func (c *chainer) resolvePronouns() {
	byHead := make(map[[2]int]int, len(c.ps))
	for i := range c.ps {
		if c.ps[i].kind == Pronoun {
			byHead[[2]int{c.ps[i].sent, c.ps[i].head}] = i
		}
	}
	changed := false
	for mi := range c.r.Mentions {
		m := &c.r.Mentions[mi]
		if m.Entity >= 0 || m.Kind != Pronoun {
			continue
		}
		p, ok := byHead[[2]int{m.Sent, m.Head}]
		if !ok {
			continue
		}
		e := c.entity[c.cluster[p]]
		if e < 0 || !factPronoun(m, c.r.Entities[e].Type) {
			continue
		}
		c.r.attach(mi, e)
		for k := m.Start; k < m.End; k++ {
			c.r.at[[2]int{m.Sent, k}] = mi
		}
		changed = true
	}
	if changed {
		for ei := range c.r.Entities {
			slices.Sort(c.r.Entities[ei].Mentions)
		}
	}
}

// findPhrases collects the noun phrases and pronouns of each running-text sentence, and the
// phrases of the mention layer's mentions that no noun phrase head covers.
func (c *chainer) findPhrases() {
	c.trees = make([]sentenceTree, len(c.d.Sentences))
	c.bySent = make([][]int, len(c.d.Sentences))
	headAt := make([][]int32, len(c.d.Sentences)) // sentence, token -> phrase + 1
	ntok := 0
	for si := range c.d.Sentences {
		ntok += len(c.d.Sentences[si].Tokens)
	}
	c.ps = make([]phrase, 0, ntok/3+8) // about one phrase in three tokens
	for si := range c.d.Sentences {
		s := &c.d.Sentences[si]
		if s.Kind == doc.Headline || s.Kind == doc.Aside {
			continue
		}
		toks := s.Tokens
		c.trees[si] = newTree(toks)
		tr := &c.trees[si]
		headAt[si] = make([]int32, len(toks))
		for h := range toks {
			if _, ok := personalPronouns[tr.words[h]]; ok && (toks[h].Tag == "PRP" || toks[h].Tag == "PRP$") {
				if pleonastic(toks, tr, h) {
					continue
				}
			} else if nameModifier(&toks[h]) {
				// A name modifying a common noun ("the [Zenith] plant") is a mention linked by its
				// words only; one modifying a proper noun is part of a longer name ("Ruritania Park").
				if hh := toks[h].Head; hh < 0 || hh >= len(toks) || toks[hh].Tag != "NN" && toks[hh].Tag != "NNS" {
					continue
				}
				headAt[si][h] = int32(len(c.ps) + 1)
				c.ps = append(c.ps, newPhrase(si, toks, tr, h))
				c.ps[len(c.ps)-1].modifier = true
				continue
			} else if !phraseHead(&toks[h]) || nonReferential[tr.lemmas[h]] || !strings.HasPrefix(toks[h].Tag, "NNP") && predicate(toks, tr, h) {
				continue
			}
			headAt[si][h] = int32(len(c.ps) + 1)
			c.ps = append(c.ps, newPhrase(si, toks, tr, h))
		}
	}
	// The mention layer's mentions: a phrase takes the entity of the mention its head heads (or
	// of a name in apposition to it: "the spokeswoman, Maria Lopez"); a mention whose head heads
	// no phrase (a name modifying a noun: "the Acme plan") becomes a phrase of its own.
	for mi := range c.r.Mentions {
		m := &c.r.Mentions[mi]
		if m.Entity < 0 || m.Sent < 0 || m.Sent >= len(c.d.Sentences) || c.trees[m.Sent].at == nil {
			continue
		}
		toks := c.d.Sentences[m.Sent].Tokens
		if m.Head < 0 || m.Head >= len(toks) {
			continue
		}
		h := m.Head
		if toks[h].Tag == "JJ" || toks[h].Dep == "amod" {
			continue // "the Ruritanian scientists": no mention of a place
		}
		if hh := toks[h].Head; toks[h].Dep == "appos" && hh >= 0 && hh < len(toks) {
			if p := int(headAt[m.Sent][hh]) - 1; p >= 0 && c.ps[p].entity < 0 && c.ps[p].kind != Pronoun {
				c.setEntity(p, m.Entity)
				continue
			}
		}
		if p := int(headAt[m.Sent][h]) - 1; p >= 0 {
			if c.ps[p].entity < 0 {
				c.setEntity(p, m.Entity)
			}
			continue
		}
		tr := &c.trees[m.Sent]
		p := newPhrase(m.Sent, toks, tr, h)
		if m.Kind == Name {
			p.kind = Name
		}
		if p.start > m.Start {
			p.start = m.Start
		}
		if p.end < m.End {
			p.end = m.End
		}
		p.words = tr.words[p.start:p.end:p.end]
		headAt[m.Sent][h] = int32(len(c.ps) + 1)
		c.ps = append(c.ps, p)
		c.setEntity(len(c.ps)-1, m.Entity)
	}
	slices.SortStableFunc(c.ps, func(a, b phrase) int {
		if a.sent != b.sent {
			return a.sent - b.sent
		}
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	for i := range c.ps {
		c.bySent[c.ps[i].sent] = append(c.bySent[c.ps[i].sent], i)
	}
}

func (c *chainer) setEntity(p, e int) {
	c.ps[p].entity = e
	c.ps[p].entityFeatures(&c.r.Entities[e])
}

// seed puts each phrase in a cluster of its own, and the phrases of one entity in one.
func (c *chainer) seed() {
	c.cluster = make([]int, len(c.ps))
	c.entity = make([]int, 0, len(c.ps))
	c.members = make([][]int, 0, len(c.ps))
	byEntity := map[int]int{}
	one := make([]int, len(c.ps))
	for i := range one {
		one[i] = i
	}
	for i := range c.ps {
		if e := c.ps[i].entity; e >= 0 {
			if k, ok := byEntity[e]; ok {
				c.cluster[i] = k
				c.members[k] = append(c.members[k], i)
				continue
			}
			byEntity[e] = len(c.members)
		}
		c.cluster[i] = len(c.members)
		c.members = append(c.members, one[i:i+1:i+1]) // a merge copies it away
		c.entity = append(c.entity, c.ps[i].entity)
	}
	c.feats = make([]feats, len(c.members))
	for i := range c.ps {
		c.feats[c.cluster[i]].add(&c.ps[i])
	}
}

// first reports whether phrase i is the first of its cluster: only such phrases look for an
// antecedent, so that a cluster links back once.
func (c *chainer) first(i int) bool { return c.members[c.cluster[i]][0] == i }

// merge joins the clusters of phrases a and b unless they hold two different entities; it
// reports whether they are one cluster now.
func (c *chainer) merge(a, b int) bool {
	ka, kb := c.cluster[a], c.cluster[b]
	if ka == kb {
		return true
	}
	ea, eb := c.entity[ka], c.entity[kb]
	if ea >= 0 && eb >= 0 && ea != eb {
		return false
	}
	if len(c.members[ka]) < len(c.members[kb]) {
		ka, kb = kb, ka
	}
	for _, p := range c.members[kb] {
		c.cluster[p] = ka
	}
	c.members[ka] = mergeSorted(c.members[ka], c.members[kb])
	c.members[kb] = nil
	c.feats[ka].union(c.feats[kb])
	if c.entity[ka] < 0 {
		c.entity[ka] = c.entity[kb]
	}
	return true
}

// mergeSorted returns the union of the sorted lists a and b, sorted: b appended to a when it
// follows a (as a later phrase joining a group does), else merged in one pass.
func mergeSorted(a, b []int) []int {
	if len(a) == 0 || len(b) == 0 || a[len(a)-1] < b[0] {
		return append(a, b...)
	}
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if a[i] < b[j] {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// write sets r.Chains: the clusters of two phrases or more and those of an entity, in the order
// of their first mention, each mention once.
func (c *chainer) write() {
	var order []int
	for i := range c.ps {
		if c.first(i) {
			k := c.cluster[i]
			if len(c.members[k]) >= 2 || c.entity[k] >= 0 {
				order = append(order, k)
			}
		}
	}
	for _, k := range order {
		ch := Chain{Entity: c.entity[k]}
		if ch.Entity >= 0 {
			ch.Type = c.r.Entities[ch.Entity].Type
		}
		for _, p := range c.members[k] {
			ph := &c.ps[p]
			s := Span{Sent: ph.sent, Start: ph.start, End: ph.end, Head: ph.head}
			if n := len(ch.Spans); n > 0 && ch.Spans[n-1] == s {
				continue
			}
			ch.Spans = append(ch.Spans, s)
		}
		c.r.Chains = append(c.r.Chains, ch)
	}
}
