package openie

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/segment"
)

// ptbNorm maps the Penn Treebank spellings of tokenized benchmark text to the forms the tagger
// and parser were trained on.
var ptbNorm = map[string]string{
	"``": `"`, "''": `"`, "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
}

// Tokens splits one sentence into tokens with offsets into line. A line that is already
// tokenized (punctuation stands apart: "Lopez , who" or a final " .") keeps its tokens as they
// are, so that extractions repeat the benchmark's own words; other text is tokenized by package
// segment. Penn Treebank quotes and brackets ("“", "-LRB-") are read as the plain marks.
func Tokens(line string) []doc.Token {
	var toks []doc.Token
	if !tokenized(line) {
		toks = segment.Tokenize(line, 0, len(line), nil)
	} else {
		for i := 0; i < len(line); {
			for i < len(line) && isBlank(line[i]) {
				i++
			}
			j := i
			for j < len(line) && !isBlank(line[j]) {
				j++
			}
			if j > i {
				t := line[i:j]
				toks = append(toks, doc.Token{Text: t, Norm: segment.Norm(t), Start: i, End: j, Head: -1})
			}
			i = j
		}
	}
	for k := range toks {
		if n, ok := ptbNorm[toks[k].Text]; ok {
			toks[k].Norm = n
		}
	}
	return toks
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// tokenized reports whether line looks tokenized in the Penn Treebank manner: its last word is a
// lone punctuation mark, or a comma stands between spaces.
func tokenized(line string) bool {
	line = strings.TrimRight(line, " \t\r\n")
	if strings.Contains(line, " , ") || strings.Contains(line, " 's ") || strings.Contains(line, " n't ") {
		return true
	}
	i := strings.LastIndexAny(line, " \t")
	if i < 0 {
		return false
	}
	switch line[i+1:] {
	case ".", "?", "!", "''", `"`, ";", ":":
		return true
	}
	return false
}
