package coref

import (
	"slices"
	"testing"
)

// chainAt returns the chain holding the mention headed by token tok of sentence sent, or -1.
func chainAt(r *Result, sent, tok int) int {
	for ci, ch := range r.Chains {
		for _, s := range ch.Spans {
			if s.Sent == sent && s.Head == tok {
				return ci
			}
		}
	}
	return -1
}

// TestChains checks the sieves of the chain layer on invented sentences: each pair of mentions
// (sentence, head token) is in one chain (same) or not (apart).
func TestChains(t *testing.T) {
	type at struct{ sent, tok int }
	for _, c := range []struct {
		name        string
		sents       []string
		same, apart [][2]at
	}{
		{
			name: "a description repeated and its pronoun",
			sents: []string{
				// The survey found a gap .
				"The/DT/1/det/O survey/NN/2/nsubj/O found/VBD/-1/root/O a/DT/4/det/O gap/NN/2/obj/O ./././punct/O",
				// The survey was small but it was cited .
				"The/DT/1/det/O survey/NN/3/nsubj/O was/VBD/3/cop/O small/JJ/-1/root/O but/CC/7/cc/O it/PRP/7/nsubj:pass/O was/VBD/7/aux:pass/O cited/VBN/3/conj/O ./././punct/O",
			},
			same:  [][2]at{{{0, 1}, {1, 1}}, {{1, 1}, {1, 5}}},
			apart: [][2]at{{{0, 4}, {1, 1}}},
		},
		{
			name: "bare nouns are generic, not one thing",
			sents: []string{
				// Inflation matters .
				"Inflation/NN/1/nsubj/O matters/VBZ/-1/root/O ./././punct/O",
				// Inflation grows .
				"Inflation/NN/1/nsubj/O grows/VBZ/-1/root/O ./././punct/O",
			},
			apart: [][2]at{{{0, 0}, {1, 0}}},
		},
		{
			name: "a word the antecedent lacks keeps two things apart",
			sents: []string{
				// The new plant opened .
				"The/DT/2/det/O new/JJ/2/amod/O plant/NN/3/nsubj/O opened/VBD/-1/root/O ./././punct/O",
				// The old plant closed .
				"The/DT/2/det/O old/JJ/2/amod/O plant/NN/3/nsubj/O closed/VBD/-1/root/O ./././punct/O",
			},
			apart: [][2]at{{{0, 2}, {1, 2}}},
		},
		{
			name: "first person outside quotations is one speaker",
			sents: []string{
				// I wrote the report .
				"I/PRP/1/nsubj/O wrote:write/VBD/-1/root/O the/DT/3/det/O report/NN/1/obj/O ./././punct/O",
				// My editor liked it .
				"My/PRP$/1/nmod:poss/O editor/NN/2/nsubj/O liked/VBD/-1/root/O it/PRP/2/obj/O ./././punct/O",
			},
			same: [][2]at{{{0, 0}, {1, 0}}, {{0, 3}, {1, 3}}},
		},
		{
			name: "first person in a quotation is its speaker",
			sents: []string{
				// " I will stay , " Maria Lopez said .
				"\"/``/4/punct/O I/PRP/3/nsubj/O will/MD/3/aux/O stay/VB/8/ccomp/O ,/,/3/punct/O \"/''/3/punct/O Maria/NNP/7/compound/B-PERSON Lopez/NNP/8/nsubj/I-PERSON said:say/VBD/-1/root/O ./././punct/O",
				// " We need my plan , " she added .
				"\"/``/2/punct/O We/PRP/2/nsubj/O need/VBP/8/ccomp/O my/PRP$/4/nmod:poss/O plan/NN/2/obj/O ,/,/2/punct/O \"/''/2/punct/O she/PRP/8/nsubj/O added:add/VBD/-1/root/O ./././punct/O",
			},
			same: [][2]at{{{0, 1}, {0, 7}}, {{1, 3}, {0, 7}}, {{1, 7}, {0, 7}}},
		},
		{
			name: "a quotation with no speaker named has its own first person",
			sents: []string{
				// I found a card .
				"I/PRP/1/nsubj/O found/VBD/-1/root/O a/DT/3/det/O card/NN/1/obj/O ./././punct/O",
				// It read : " I will return , I promise . "
				"It/PRP/1/nsubj/O read/VBD/-1/root/O :/:/1/punct/O \"/``/6/punct/O I/PRP/6/nsubj/O will/MD/6/aux/O return/VB/1/parataxis/O ,/,/6/punct/O I/PRP/9/nsubj/O promise/VBP/6/parataxis/O ./././punct/O \"/''/6/punct/O",
			},
			same:  [][2]at{{{1, 4}, {1, 8}}},
			apart: [][2]at{{{0, 0}, {1, 4}}},
		},
		{
			name: "a predicate noun is no mention",
			sents: []string{
				// Zenith Industries is the supplier .
				"Zenith/NNP/1/compound/B-ORG Industries/NNP/4/nsubj/I-ORG is/VBZ/4/cop/O the/DT/4/det/O supplier/NN/-1/root/O ./././punct/O",
				// The supplier grew .
				"The/DT/1/det/O supplier/NN/2/nsubj/O grew/VBD/-1/root/O ./././punct/O",
			},
			apart: [][2]at{{{0, 4}, {1, 1}}},
		},
		{
			name: "a pronoun agrees in gender and animacy",
			sents: []string{
				// Maria Lopez met the board .
				"Maria/NNP/1/compound/B-PERSON Lopez/NNP/2/nsubj/I-PERSON met/VBD/-1/root/O the/DT/4/det/O board/NN/2/obj/O ./././punct/O",
				// It thanked her .
				"It/PRP/1/nsubj/O thanked/VBD/-1/root/O her/PRP/1/obj/O ./././punct/O",
			},
			same:  [][2]at{{{0, 4}, {1, 0}}, {{0, 1}, {1, 2}}},
			apart: [][2]at{{{0, 1}, {1, 0}}},
		},
		{
			name: "a pronoun is no co-argument of its antecedent",
			sents: []string{
				// The woman praised her .
				"The/DT/1/det/O woman/NN/2/nsubj/O praised/VBD/-1/root/O her/PRP/2/obj/O ./././punct/O",
			},
			apart: [][2]at{{{0, 1}, {0, 3}}},
		},
		{
			name: "pleonastic it is no mention",
			sents: []string{
				// The survey ended .
				"The/DT/1/det/O survey/NN/2/nsubj/O ended/VBD/-1/root/O ./././punct/O",
				// It is clear that the survey worked .
				"It/PRP/2/nsubj/O is/VBZ/2/cop/O clear/JJ/-1/root/O that/IN/6/mark/O the/DT/5/det/O survey/NN/6/nsubj/O worked/VBD/2/ccomp/O ./././punct/O",
			},
			same:  [][2]at{{{0, 1}, {1, 5}}},
			apart: [][2]at{{{1, 0}, {0, 1}}},
		},
		{
			name: "the country is the place just named",
			sents: []string{
				// Maria Lopez visited Ruritania .
				"Maria/NNP/1/compound/B-PERSON Lopez/NNP/2/nsubj/I-PERSON visited/VBD/-1/root/O Ruritania/NNP/2/obj/B-GPE ./././punct/O",
				// The country welcomed her .
				"The/DT/1/det/O country/NN/2/nsubj/O welcomed/VBD/-1/root/O her/PRP/2/obj/O ./././punct/O",
			},
			same: [][2]at{{{0, 3}, {1, 1}}},
		},
		{
			name: "a name modifying a noun is a mention, one modifying a name is not",
			sents: []string{
				// Maria Lopez signed the Ruritania contract .
				"Maria/NNP/1/compound/B-PERSON Lopez/NNP/2/nsubj/I-PERSON signed/VBD/-1/root/O the/DT/5/det/O Ruritania/NNP/5/compound/O contract/NN/2/obj/O ./././punct/O",
				// Ruritania agreed .
				"Ruritania/NNP/1/nsubj/O agreed/VBD/-1/root/O ./././punct/O",
				// Ruritania Park closed .
				"Ruritania/NNP/1/compound/O Park/NNP/2/nsubj/O closed/VBD/-1/root/O ./././punct/O",
			},
			same:  [][2]at{{{0, 4}, {1, 0}}},
			apart: [][2]at{{{1, 0}, {2, 0}}},
		},
		{
			name: "an acronym names what its initials abbreviate",
			sents: []string{
				// The Ruritania Trade Council met .
				"The/DT/3/det/O Ruritania/NNP/3/compound/O Trade/NNP/3/compound/O Council/NNP/4/nsubj/O met/VBD/-1/root/O ./././punct/O",
				// The RTC agreed .
				"The/DT/1/det/O RTC/NNP/2/nsubj/O agreed/VBD/-1/root/O ./././punct/O",
			},
			same: [][2]at{{{0, 3}, {1, 1}}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := resolveSents(t, c.sents...)
			for _, p := range c.same {
				a, b := chainAt(r, p[0].sent, p[0].tok), chainAt(r, p[1].sent, p[1].tok)
				if a < 0 || a != b {
					t.Errorf("%v and %v: chains %d and %d, want one (chains %+v)", p[0], p[1], a, b, r.Chains)
				}
			}
			for _, p := range c.apart {
				a, b := chainAt(r, p[0].sent, p[0].tok), chainAt(r, p[1].sent, p[1].tok)
				if a >= 0 && a == b {
					t.Errorf("%v and %v: one chain %d, want two (chains %+v)", p[0], p[1], a, r.Chains)
				}
			}
		})
	}
}

// TestChainsApartFromFacts checks that a chain of a thing without a name adds no entity and no
// mention that the fact layer reads: "the survey", "it" and "the survey" are a chain with no
// entity and no type, and At finds nothing there.
func TestChainsApartFromFacts(t *testing.T) {
	r := resolveSents(t,
		// Acme Corp published the survey .
		"Acme/NNP/1/compound/B-ORG Corp/NNP/2/nsubj/I-ORG published/VBD/-1/root/O the/DT/4/det/O survey/NN/2/obj/O ./././punct/O",
		// Maria Lopez read it .
		"Maria/NNP/1/compound/B-PERSON Lopez/NNP/2/nsubj/I-PERSON read/VBD/-1/root/O it/PRP/2/obj/O ./././punct/O",
		// The survey says it grew .   ("it": a thing, no organisation was its sentence's subject)
		"The/DT/1/det/O survey/NN/2/nsubj/O says:say/VBZ/-1/root/O it/PRP/4/nsubj/O grew/VBD/2/ccomp/O ./././punct/O",
	)
	ci := chainAt(r, 2, 1)
	if ci < 0 || chainAt(r, 0, 4) != ci || chainAt(r, 2, 3) != ci {
		t.Fatalf("the survey is no chain: %+v", r.Chains)
	}
	if ch := r.Chains[ci]; ch.Entity != -1 || ch.Type != "" {
		t.Errorf("the survey's chain has entity %d type %q, want none", ch.Entity, ch.Type)
	}
	if len(r.Entities) != 2 {
		t.Errorf("entities %+v, want Acme Corp and Maria Lopez only", r.Entities)
	}
	for _, p := range [][2]int{{0, 4}, {2, 1}, {2, 3}} {
		if m, ok := r.At(p[0], p[1]); ok {
			t.Errorf("At(%d, %d) = %+v, want nothing for the fact layer", p[0], p[1], m)
		}
	}
	if ac := chainAt(r, 0, 1); ac < 0 || r.Chains[ac].Entity < 0 || r.Chains[ac].Type != "ORG" {
		t.Errorf("Acme Corp's chain does not carry its entity: %+v", r.Chains)
	}
}

// TestChainsResolvePronouns checks that a person's pronoun pass 2 leaves unresolved takes the
// entity its chain reaches, where the fact layer reads it ("he" three sentences after the man
// was named as an object; pass 2 looks two back), while an organisation's "they" the chain
// reaches stays unresolved for the fact layer, as wrong as right for facts on unseen news.
func TestChainsResolvePronouns(t *testing.T) {
	r := resolveSents(t,
		// Maria Lopez joined Zenith Industries .
		"Maria/NNP/1/compound/B-PERSON Lopez/NNP/2/nsubj/I-PERSON joined/VBD/-1/root/O Zenith/NNP/4/compound/B-ORG Industries/NNP/2/obj/I-ORG ./././punct/O",
		// The weather was fine .
		"The/DT/1/det/O weather/NN/3/nsubj/O was/VBD/3/cop/O fine/JJ/-1/root/O ./././punct/O",
		// They hired her .
		"They/PRP/1/nsubj/O hired/VBD/-1/root/O her/PRP/1/obj/O ./././punct/O",
		// Anna Berg met Tom Jones .
		"Anna/NNP/1/compound/B-PERSON Berg/NNP/2/nsubj/I-PERSON met/VBD/-1/root/O Tom/NNP/4/compound/B-PERSON Jones/NNP/2/obj/I-PERSON ./././punct/O",
		// The rain stopped .
		"The/DT/1/det/O rain/NN/2/nsubj/O stopped/VBD/-1/root/O ./././punct/O",
		// The sun rose .
		"The/DT/1/det/O sun/NN/2/nsubj/O rose/VBD/-1/root/O ./././punct/O",
		// He left .
		"He/PRP/1/nsubj/O left/VBD/-1/root/O ./././punct/O",
	)
	if ci := chainAt(r, 2, 0); ci < 0 || r.Chains[ci].Entity < 0 || r.Entities[r.Chains[ci].Entity].Name != "Zenith Industries" {
		t.Errorf("the chain of they does not reach Zenith Industries: %+v", r.Chains)
	}
	if m, ok := r.At(2, 0); ok && m.Entity >= 0 {
		t.Errorf("they resolved to %s for the fact layer, want unresolved", r.Entities[m.Entity].Name)
	}
	m, ok := r.At(6, 0)
	if !ok || m.Entity < 0 || r.Entities[m.Entity].Name != "Tom Jones" {
		t.Fatalf("he resolved to %+v, want Tom Jones (chains %+v)", m, r.Chains)
	}
	mi := slices.IndexFunc(r.Mentions, func(x Mention) bool { return x.Sent == 6 && x.Start == 0 })
	if !slices.Contains(r.Entities[m.Entity].Mentions, mi) || !slices.IsSorted(r.Entities[m.Entity].Mentions) {
		t.Errorf("Tom Jones' mentions %v do not hold the pronoun in order", r.Entities[m.Entity].Mentions)
	}
}
