package extract

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/tree"
)

// TestNounThatClause checks on hand-made parses that what a speech verb says is read from a
// "that" clause the parse hung on the verb's own noun, and not from one of another verb.
func TestNounThatClause(t *testing.T) {
	tok := func(text string, head int, dep string) doc.Token { return doc.Token{Text: text, Head: head, Dep: dep} }
	// Smith claimed in his memoir that Jones lied .
	memoir := []doc.Token{tok("Smith", 1, "nsubj"), tok("claimed", -1, "root"), tok("in", 4, "case"),
		tok("his", 4, "nmod:poss"), tok("memoir", 1, "obl"), tok("that", 7, "obj"), tok("Jones", 7, "nsubj"),
		tok("lied", 4, "acl:relcl"), tok(".", 1, "punct")}
	// Smith claimed victory after Brown wrote in a memo that Jones lied .
	other := []doc.Token{tok("Smith", 1, "nsubj"), tok("claimed", -1, "root"), tok("victory", 1, "obj"),
		tok("after", 5, "mark"), tok("Brown", 5, "nsubj"), tok("wrote", 1, "advcl"), tok("in", 8, "case"),
		tok("a", 8, "det"), tok("memo", 5, "obl"), tok("that", 11, "obj"), tok("Jones", 11, "nsubj"),
		tok("lied", 8, "acl:relcl"), tok(".", 1, "punct")}
	tests := []struct {
		name string
		toks []doc.Token
		verb int
		want tree.Span
	}{
		{"hung on the verb's noun", memoir, 1, tree.Span{Start: 6, End: 8}},
		{"hung on another verb's noun", other, 1, tree.Span{}},
		{"the other verb's own", other, 5, tree.Span{Start: 10, End: 12}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := nounThatClause(tt.toks, tt.verb); got != tt.want {
				t.Errorf("nounThatClause = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestSubjectInSource checks on hand-made parses that a statement after "According to X," starts
// at a common noun the parse hung on X in apposition (after the comma the parse hung on it too),
// but not at X's title.
func TestSubjectInSource(t *testing.T) {
	tok := func(text, tag string, head int, dep string) doc.Token {
		return doc.Token{Text: text, Tag: tag, Head: head, Dep: dep}
	}
	// According to Jones , the share of the plan grew .
	share := []doc.Token{tok("According", "VBG", 2, "case"), tok("to", "IN", 0, "fixed"), tok("Jones", "NNP", 9, "nsubj"),
		tok(",", ",", 5, "punct"), tok("the", "DT", 5, "det"), tok("share", "NN", 2, "appos"), tok("of", "IN", 8, "case"),
		tok("the", "DT", 8, "det"), tok("plan", "NN", 5, "nmod"), tok("grew", "VBD", -1, "root"), tok(".", ".", 9, "punct")}
	// According to Jones , spokesman of Acme , prices rose .
	title := []doc.Token{tok("According", "VBG", 2, "case"), tok("to", "IN", 0, "fixed"), tok("Jones", "NNP", 9, "obl"),
		tok(",", ",", 4, "punct"), tok("spokesman", "NN", 2, "appos"), tok("of", "IN", 6, "case"), tok("Acme", "NNP", 4, "nmod"),
		tok(",", ",", 2, "punct"), tok("prices", "NNS", 9, "nsubj"), tok("rose", "VBD", -1, "root"), tok(".", ".", 9, "punct")}
	tests := []struct {
		name string
		toks []doc.Token
		want int
	}{
		{"statement's subject hung on the source", share, 4},
		{"the source's title", title, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := subjectInSource(tt.toks, 2, tree.Subtree(tt.toks, 2)); got != tt.want {
				t.Errorf("subjectInSource = %d, want %d", got, tt.want)
			}
		})
	}
}

// TestStatementSubjectTakenForObject checks that when the parse takes the subject of what was
// said for the verb's object ("said her faith | in Zenda's future had not changed"), the
// statement keeps it.
func TestStatementSubjectTakenForObject(t *testing.T) {
	d := handDoc(t, "Ada/Ada/NNP/2/nsubj/B-PERSON Moss/Moss/NNP/0/flat/I-PERSON said/say/VBD/-1/root/O "+
		"her/her/PRP$/4/nmod:poss/O faith/faith/NN/2/obj/O in/in/IN/8/case/O Zenda/Zenda/NNP/8/nmod:poss/B-GPE "+
		"'s/'s/POS/6/case/O future/future/NN/11/nsubj/O had/have/VBD/11/aux/O not/not/RB/11/advmod/O "+
		"changed/change/VBN/2/ccomp/O ././././punct/O")
	b := newFactBuilder(d, coref.Resolve(d))
	var got []string
	for _, f := range b.facts() {
		if f.Subject.Name == "Ada Moss" && f.Predicate == "said" {
			if f.Object.Literal == "her faith in Zenda 's future had not changed" {
				return
			}
			got = append(got, f.Object.Literal)
		}
	}
	t.Errorf("Ada Moss said %q, want the statement with its subject", got)
}

// TestOwnProposal checks that "X outlined her plan" is X's own plan, a thing proposed, and not
// another woman of the sentence before that the pronoun might mean.
func TestOwnProposal(t *testing.T) {
	d := handDoc(t,
		"Ada/Ada/NNP/2/nsubj/B-PERSON Moss/Moss/NNP/0/flat/I-PERSON met/meet/VBD/-1/root/O Anna/Anna/NNP/2/obj/B-PERSON Berg/Berg/NNP/3/flat/I-PERSON ././././punct/O",
		"Moss/Moss/NNP/1/nsubj/B-PERSON outlined/outline/VBD/-1/root/O her/her/PRP$/3/nmod:poss/O plan/plan/NN/1/obj/O ././././punct/O")
	b := newFactBuilder(d, coref.Resolve(d))
	var got []string
	for _, f := range b.facts() {
		if f.Sentence == 1 && f.Subject.Name == "Ada Moss" {
			o := f.Object.Literal
			if !f.Object.IsLiteral() {
				o = f.Object.Entity.Name
			}
			got = append(got, f.Predicate+" | "+o)
		}
	}
	for _, g := range got {
		if strings.Contains(g, "Anna Berg") {
			t.Errorf("Ada Moss's own plan read as Anna Berg: %q", got)
		}
	}
	if len(got) == 0 {
		t.Error("no fact of Ada Moss outlining her plan")
	}
}
