package coref

import "slices"

// pronounWindow is how many sentences back a third-person pronoun looks for its antecedent.
const pronounWindow = 3

// pronounSieve links each third-person pronoun the earlier passes left alone to the nearest
// earlier phrase whose cluster agrees with it in number, gender, person and animacy: in its own
// sentence first, then sentence by sentence backwards; within a sentence the phrase nearest the
// root (a subject before an object), then the leftmost (Lee et al.'s pronoun sieve).
func (c *chainer) pronounSieve() {
	var cands []int
	for i := range c.ps {
		p := &c.ps[i]
		if p.kind != Pronoun || p.person != 3 || !c.first(i) {
			continue
		}
		for back := 0; back <= pronounWindow && p.sent-back >= 0; back++ {
			cands = cands[:0]
			for _, j := range c.bySent[p.sent-back] {
				if j >= i {
					break
				}
				if c.candidate(i, j) {
					cands = append(cands, j)
				}
			}
			slices.SortStableFunc(cands, func(a, b int) int { return c.ps[a].depth - c.ps[b].depth })
			linked := false
			for _, j := range cands {
				if c.agree(c.cluster[i], c.cluster[j]) && c.merge(i, j) {
					linked = true
					break
				}
			}
			if linked {
				break
			}
		}
	}
}

// candidate reports whether phrase j may be the antecedent of pronoun i by position: it ends
// before the pronoun, does not hold it, and is no co-argument of a non-reflexive pronoun ("Maria
// saw her" is somebody else).
func (c *chainer) candidate(i, j int) bool {
	p, a := &c.ps[i], &c.ps[j]
	if c.cluster[i] == c.cluster[j] || a.kind == Pronoun && a.person != 3 || a.modifier {
		return false
	}
	if a.sent != p.sent {
		return true
	}
	if a.start >= p.start || a.end > p.start {
		return false
	}
	toks := c.d.Sentences[p.sent].Tokens
	if sameClause := toks[a.head].Head == toks[p.head].Head; p.reflexive != sameClause && isCoreArg(toks[a.head].Dep) && isCoreArg(toks[p.head].Dep) {
		return false
	}
	return true
}

func isCoreArg(dep string) bool {
	switch dep {
	case "nsubj", "nsubj:pass", "obj", "iobj":
		return true
	}
	return false
}
