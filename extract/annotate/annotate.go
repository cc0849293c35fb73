// Package annotate gives newsgraph's linguistic layer as output, the way spaCy and Stanza users get
// it: each document tagged, lemmatized, parsed, its names recognised and its mentions grouped into
// coreference chains, with exactly the models and coreference that extraction uses, written as
// CoNLL-U (tags, trees and entity mentions in GUM's bracket notation) or in the CoNLL-2012 layout
// that coreference scorers read.
//
// It reads articles (through package extract) or CoNLL-U files; for CoNLL-U it keeps the file's
// documents, sentences and tokens as given, so that scores align with a gold standard, and
// predicts everything else, ignoring the file's own annotations. It must not extract facts or
// touch a graph, and it adds no linguistic logic of its own: what it writes is what the pipeline
// computed.
package annotate

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/internal/conllu"
	"github.com/newsgraph/newsgraph/extract/segment"
)

// Document is one annotated document, ready to be written.
type Document struct {
	// ID names the document: the article id, or the "# newdoc id" of a CoNLL-U file.
	ID string
	// Doc holds the sentences and tokens with their annotations.
	Doc *doc.Doc
	// SentIDs are the sentences' ids ("# sent_id"), one per sentence; an empty one is written as
	// ID-N (N from 1).
	SentIDs []string
	// Coref is the document's coreference: its mentions and the entities they belong to.
	Coref *coref.Result
}

// Annotator annotates documents with one Extractor's models. It is safe for concurrent use.
type Annotator struct {
	x *extract.Extractor
}

// New returns an Annotator that uses x's models.
func New(x *extract.Extractor) *Annotator { return &Annotator{x: x} }

// Article annotates one article as extraction would: prepared, split, tagged, parsed, its names
// recognised and its coreference resolved. An article with no prose left after preparation gives
// extract.ErrNoProse.
func (a *Annotator) Article(art input.Article) (*Document, error) {
	d := a.x.Annotate(art)
	if len(d.Sentences) == 0 {
		return nil, extract.ErrNoProse
	}
	return &Document{ID: art.ID, Doc: d, SentIDs: make([]string, len(d.Sentences)), Coref: coref.Resolve(d)}, nil
}

// CoNLLU reads a CoNLL-U stream (name, a file name, is used for errors and as the id of a first
// document without "# newdoc id") and annotates each of its documents, keeping their sentences,
// tokens and sentence ids. The words of multiword tokens are kept and the ranges dropped; empty
// nodes are dropped. A malformed file gives an error naming the file and line, and no document.
func (a *Annotator) CoNLLU(r io.Reader, name string) ([]*Document, error) {
	sents, err := conllu.ReadAll(r, name)
	if err != nil {
		return nil, err
	}
	return a.annotate(sents, name)
}

// annotate groups sentences into documents and annotates them.
func (a *Annotator) annotate(sents []*conllu.Sentence, name string) ([]*Document, error) {
	if len(sents) == 0 {
		return nil, fmt.Errorf("%s: %w", name, ErrNoSentences)
	}
	var out []*Document
	for _, s := range sents {
		if s.NewDoc != "" || len(out) == 0 {
			id := s.NewDoc
			if id == "" {
				id = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
			}
			out = append(out, &Document{ID: id, Doc: &doc.Doc{ID: id}})
		}
		addSentence(out[len(out)-1], s)
	}
	for _, d := range out {
		a.x.AnnotateTokens(d.Doc)
		d.Coref = coref.Resolve(d.Doc)
	}
	return out, nil
}

// ErrNoSentences is the error of a CoNLL-U file without a sentence.
var ErrNoSentences = errors.New("no sentence in the CoNLL-U file")

// addSentence appends the words of s to d as one sentence of body text: the document's text is
// the words joined by a space, except where the file says SpaceAfter=No.
func addSentence(d *Document, s *conllu.Sentence) {
	var b strings.Builder
	b.WriteString(d.Doc.Text)
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	start := b.Len()
	toks := make([]doc.Token, len(s.Words))
	for i := range s.Words {
		w := &s.Words[i]
		form := strings.Map(noBreak, w.Form)
		st := b.Len()
		b.WriteString(form)
		toks[i] = doc.Token{Text: form, Norm: segment.Norm(form), Start: st, End: b.Len(), Head: -1}
		if i+1 < len(s.Words) && w.SpaceAfter() {
			b.WriteByte(' ')
		}
	}
	d.Doc.Text = b.String()
	end := len(d.Doc.Text)
	d.Doc.Blocks = append(d.Doc.Blocks, doc.Block{Start: start, End: end, Kind: doc.Body})
	d.Doc.Sentences = append(d.Doc.Sentences, doc.Sentence{Index: len(d.Doc.Sentences), Start: start, End: end, Kind: doc.Body, Tokens: toks})
	d.SentIDs = append(d.SentIDs, s.ID)
}

// noBreak replaces line breaks and tabs in a word form by spaces: they would break the formats.
func noBreak(r rune) rune {
	switch r {
	case '\n', '\r', '\t':
		return ' '
	}
	return r
}
