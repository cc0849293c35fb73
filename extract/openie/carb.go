package openie

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/parse"
	"github.com/newsgraph/newsgraph/extract/tag"
)

// MaxTokens caps the tokens of one sentence; longer lines are cut (as the segmenter cuts
// sentences) so that one runaway line cannot stall a run.
const MaxTokens = 300

// Pipeline tags, parses and extracts one sentence at a time with the models it is given. It is
// safe for concurrent use.
type Pipeline struct {
	tagger *tag.Model
	parser *parse.Model
}

// New returns a pipeline over the given tagger and parser.
func New(tagger *tag.Model, parser *parse.Model) *Pipeline {
	return &Pipeline{tagger: tagger, parser: parser}
}

// Default returns a pipeline over the embedded tagger and parser, loading them on first use.
func Default() (*Pipeline, error) {
	tagger, err := tag.Default()
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	parser, err := parse.Default()
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	return New(tagger, parser), nil
}

// Sentence tokenizes, tags and parses one sentence (see Tokens) and returns its tuples.
func (p *Pipeline) Sentence(line string) []Extraction {
	toks := p.Annotate(line)
	return Extract(toks)
}

// Annotate tokenizes, tags and parses one sentence.
func (p *Pipeline) Annotate(line string) []doc.Token {
	toks := Tokens(line)
	if len(toks) > MaxTokens {
		toks = toks[:MaxTokens]
	}
	p.tagger.Tag(toks)
	p.parser.Parse(toks)
	p.repair(toks)
	return toks
}

// WriteCARB writes the tuples of one sentence in the CaRB/OpenIE benchmark format, one a line:
// sentence, confidence, relation, arg1, arg2 and further arguments, tab-separated. Tabs and line
// breaks inside the sentence become spaces.
func WriteCARB(w io.Writer, sentence string, es []Extraction) error {
	sentence = strings.Join(strings.Fields(sentence), " ")
	var b []byte
	for _, e := range es {
		b = append(b[:0], sentence...)
		b = append(b, '\t')
		b = strconv.AppendFloat(b, e.Confidence, 'f', 3, 64)
		b = append(b, '\t')
		b = append(b, e.Relation...)
		for _, a := range e.Args {
			b = append(b, '\t')
			b = append(b, a...)
		}
		b = append(b, '\n')
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// Run reads r (named name in messages) as one sentence a line and writes the tuples of every
// sentence to w in the CaRB format. Blank lines are skipped; a line that is not UTF-8 text is
// reported to problem as "name:line: reason" and skipped. It returns the number of sentences
// read and stops early, with the context's error, when ctx is done.
func (p *Pipeline) Run(ctx context.Context, r io.Reader, name string, w io.Writer, problem func(error)) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	n, lineNo := 0, 0
	for sc.Scan() {
		lineNo++
		if err := ctx.Err(); err != nil {
			return n, err
		}
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !utf8.ValidString(line) || strings.IndexByte(line, 0) >= 0 {
			problem(fmt.Errorf("%s:%d: not UTF-8 text", name, lineNo))
			continue
		}
		n++
		if err := WriteCARB(w, line, Binary(p.Sentence(line))); err != nil {
			return n, err
		}
	}
	if err := sc.Err(); err != nil {
		return n, fmt.Errorf("%s:%d: %w", name, lineNo+1, err)
	}
	return n, nil
}
