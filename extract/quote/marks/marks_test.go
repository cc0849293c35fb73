package marks

import (
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
)

var tokenRE = regexp.MustCompile(`[\p{L}\p{N}]+|[^\p{L}\p{N}\s]`)

// build makes a document of paragraphs, each a list of sentences, tokenised into words and single
// punctuation marks with their offsets, so that the spacing around each mark is the text's.
// A paragraph whose first sentence starts with "# " is a headline.
func build(paras ...[]string) *doc.Doc {
	d := &doc.Doc{}
	var text strings.Builder
	for _, p := range paras {
		kind := doc.Body
		bstart := text.Len()
		for _, s := range p {
			if t, ok := strings.CutPrefix(s, "# "); ok {
				s, kind = t, doc.Headline
			}
			if text.Len() > bstart {
				text.WriteByte(' ')
			}
			start := text.Len()
			text.WriteString(s)
			sent := doc.Sentence{Index: len(d.Sentences), Start: start, End: text.Len(), Kind: kind}
			for _, loc := range tokenRE.FindAllStringIndex(s, -1) {
				w := s[loc[0]:loc[1]]
				sent.Tokens = append(sent.Tokens, doc.Token{Text: w, Norm: w, Start: start + loc[0], End: start + loc[1], Head: -1})
			}
			d.Sentences = append(d.Sentences, sent)
		}
		d.Blocks = append(d.Blocks, doc.Block{Start: bstart, End: text.Len(), Kind: kind})
		text.WriteString("\n\n")
	}
	d.Text = text.String()
	return d
}

// quoted returns the words of each span, joined by spaces, with "+" before a continued one.
func quoted(d *doc.Doc, spans []Span) []string {
	var out []string
	for _, s := range spans {
		var w []string
		for si := s.Start.Sent; si <= s.End.Sent; si++ {
			for ti, t := range d.Sentences[si].Tokens {
				if s.Contains(Pos{Sent: si, Tok: ti}) {
					w = append(w, t.Text)
				}
			}
		}
		q := strings.Join(w, " ")
		if s.Continued {
			q = "+" + q
		}
		out = append(out, q)
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name  string
		paras [][]string
		want  []string
	}{
		{"curly", [][]string{{"She said: “We will win.” Then she left."}}, []string{"We will win ."}},
		{"straight by spacing", [][]string{{`"We will win," she said, "and soon."`}}, []string{"We will win ,", "and soon ."}},
		{"over sentences", [][]string{{`He said: "We will win.`, `We always do."`, "Then he left."}}, []string{"We will win . We always do ."}},
		{"apostrophe is no mark", [][]string{{"The Players' Guild met.", `"It was fine," he said.`}}, []string{"It was fine ,"}},
		{"single inside double", [][]string{{`"They call it 'the plan' now," he said.`}}, []string{"They call it ' the plan ' now ,"}},
		{"single quotation", [][]string{{"He called it 'a fine plan' then."}}, []string{"a fine plan"}},
		{"runs on into the next paragraph", [][]string{{`He said: "We will win.`}, {`"And we will stay," he added.`}},
			[]string{"We will win .", "+And we will stay ,"}},
		{"opening mark left out", [][]string{{"Ada Moss spoke."}, {`We will win," she said.`}}, []string{"We will win ,"}},
		{"headline closes", [][]string{{`He said: "We will win.`}, {"# Storm ahead"}, {"Rain fell."}}, []string{"We will win ."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := build(tt.paras...)
			got := quoted(d, Find(d))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Find = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMark(t *testing.T) {
	tests := []struct {
		text, tag string
		want      int
	}{
		{"“", "``", +1}, {"”", "''", -1}, {"‘", "``", +1}, {"’", "''", -1}, {"’", "POS", 0},
		{"\"", "``", +1}, {"\"", "''", -1}, {"'", "''", -1}, {"word", "NN", 0},
	}
	for _, tt := range tests {
		if got := Mark(&doc.Token{Text: tt.text, Tag: tt.tag}); got != tt.want {
			t.Errorf("Mark(%q/%s) = %d, want %d", tt.text, tt.tag, got, tt.want)
		}
	}
}
