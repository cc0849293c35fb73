package extract

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/extract/doc"
)

// handDoc builds a one-paragraph document of hand-parsed sentences, each a list of
// "word/lemma/TAG/head/dep/ENT" items (head 0-based, -1 for the root), with the words joined by
// spaces as its text.
func handDoc(t *testing.T, sents ...string) *doc.Doc {
	t.Helper()
	d := &doc.Doc{}
	var text strings.Builder
	for _, s := range sents {
		if text.Len() > 0 {
			text.WriteByte(' ')
		}
		sent := doc.Sentence{Index: len(d.Sentences), Start: text.Len(), Kind: doc.Body}
		for i, it := range strings.Fields(s) {
			f := strings.Split(it, "/")
			if len(f) != 6 {
				t.Fatalf("bad item %q", it)
			}
			if i > 0 {
				text.WriteByte(' ')
			}
			start := text.Len()
			text.WriteString(f[0])
			head := 0
			for _, c := range strings.TrimPrefix(f[3], "-") {
				head = head*10 + int(c-'0')
			}
			if strings.HasPrefix(f[3], "-") {
				head = -head
			}
			sent.Tokens = append(sent.Tokens, doc.Token{Text: f[0], Norm: f[0], Lemma: f[1], Tag: f[2], Head: head, Dep: f[4], Ent: f[5], Start: start, End: text.Len()})
		}
		sent.End = text.Len()
		d.Sentences = append(d.Sentences, sent)
	}
	d.Text = text.String()
	d.Blocks = []doc.Block{{Start: 0, End: len(d.Text), Kind: doc.Body}}
	return d
}

// TestReactionConjunct checks that "backlash from X and Y" makes both X and Y critics of the
// plan's author, also when the parse hangs Y on the reaction noun.
func TestReactionConjunct(t *testing.T) {
	d := handDoc(t, "Maria/Maria/NNP/3/nmod:poss/B-PERSON Lopez/Lopez/NNP/0/flat/I-PERSON 's/'s/POS/0/case/O "+
		"plan/plan/NN/4/nsubj/O sparked/spark/VBD/-1/root/O backlash/backlash/NN/4/obj/O from/from/IN/7/case/O "+
		"Zenda/Zenda/NNP/5/nmod/B-GPE and/and/CC/9/cc/O Ruritania/Ruritania/NNP/5/conj/B-GPE ././././punct/O")
	b := newFactBuilder(d, coref.Resolve(d))
	critics := map[string]bool{}
	for _, f := range b.reactionFacts(0) {
		if f.Predicate == "criticized" && !f.Object.IsLiteral() && f.Object.Entity.Name == "Maria Lopez" {
			critics[f.Subject.Name] = true
		}
	}
	for _, c := range []string{"Zenda", "Ruritania"} {
		if !critics[c] {
			t.Errorf("%s is no critic of Maria Lopez (critics: %v)", c, critics)
		}
	}
}
