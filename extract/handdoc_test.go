package extract

import (
	"strings"
	"testing"

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
