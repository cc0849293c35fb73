// Package extract turns the text of one news article into facts: who did what to whom, who said
// what, who holds which role, each with its provenance. It is a pipeline of components with one
// job each, run in this order:
//
//	prepare  Markdown/HTML to text, headline and non-prose lines apart  (extract/prepare)
//	segment  sentences and tokens                                       (extract/segment)
//	tag      part-of-speech tags and lemmas                             (extract/tag)
//	parse    dependency trees                                           (extract/parse)
//	ner      named entities                                             (extract/ner)
//	coref    mentions grouped into entities, roles from titles          (extract/coref)
//	clause   predicates and their arguments                             (extract/clause)
//	facts    clauses to canonical facts (this package, facts.go)
//	resolve  one entity id across articles                              (extract/resolve)
//
// Package extract knows the vocabulary of package schema and never imports package graph: it
// produces facts, it does not store them.
package extract

import (
	"errors"
	"fmt"

	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/lang"
	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/parse"
	"github.com/newsgraph/newsgraph/extract/prepare"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/tag"
	"github.com/newsgraph/newsgraph/schema"
)

// Options tune an Extractor.
type Options struct {
	// MaxSentenceTokens caps the tokens of one sentence (longer runs are cut); 0 for the
	// segmenter's default.
	MaxSentenceTokens int
	// AnyLanguage extracts articles whatever their language. By default an article whose prose
	// is not English (see package lang) is skipped: the models know English only, and on other
	// languages they would fill the graph with wrong entities and facts.
	AnyLanguage bool
}

// ErrNoProse is the reason an article with no prose left after preparation (markup only, or
// navigation and scripts only) is skipped. It is not input.ErrNoText, a JSONL line or CSV row
// whose text is empty before any preparation.
var ErrNoProse = errors.New("no article text (after removing the markup)")

// Extractor runs the pipeline. It is safe for concurrent use: the models are read-only and each
// call works on its own document.
type Extractor struct {
	split   segment.Splitter
	anyLang bool
	tagger  *tag.Model
	parser  *parse.Model
	names   *ner.Model
}

// New loads the embedded models and returns an Extractor.
func New(opt Options) (*Extractor, error) {
	x := &Extractor{split: segment.Splitter{MaxTokens: opt.MaxSentenceTokens}, anyLang: opt.AnyLanguage}
	var err error
	if x.tagger, err = tag.Default(); err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	if x.parser, err = parse.Default(); err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	if x.names, err = ner.Default(); err != nil {
		return nil, fmt.Errorf("load entity recogniser: %w", err)
	}
	return x, nil
}

// Result is what one article yields.
type Result struct {
	// Article describes the article for its node.
	Article schema.Article
	// Facts are the article's facts in text order.
	Facts []schema.Fact
	// Entities are the entities the article mentions, sorted by id.
	Entities []schema.EntityRecord
	// Sentences and Words count the article's text units and tokens.
	Sentences, Words int
	// Problem, when not nil, is why the article was skipped (ErrNoProse, lang.ErrNotEnglish);
	// then the result holds no facts.
	Problem *input.Error
}

// Extract runs the whole pipeline on one article. Entity ids are those the article alone
// supports; package resolve links them across articles. An article without prose, or not in
// English (unless Options.AnyLanguage), gets a Result with Problem set and nothing else.
func (x *Extractor) Extract(a input.Article) *Result {
	r := &Result{Article: a.Article}
	d := prepare.Prepare(a)
	fillArticle(&r.Article, d)
	if !hasProse(d) {
		r.Problem = a.Problem(ErrNoProse, false)
		return r
	}
	if !x.anyLang {
		if err := lang.Check(d); err != nil {
			r.Problem = a.Problem(fmt.Errorf("%w; the models know English only", err), false)
			return r
		}
	}
	x.annotate(d)
	r.Sentences = len(d.Sentences)
	if r.Article.Title == "" {
		r.Article.Title = d.Title
	}
	for i := range d.Sentences {
		r.Words += len(d.Sentences[i].Tokens)
	}
	cr := coref.Resolve(d)
	b := newFactBuilder(d, cr)
	r.Facts = b.facts()
	r.Entities = b.entityRecords()
	return r
}

// Annotate runs the linguistic stages (prepare to names) and returns the annotated document.
func (x *Extractor) Annotate(a input.Article) *doc.Doc {
	d := prepare.Prepare(a)
	x.annotate(d)
	return d
}

// annotate runs the stages after preparation (segment to names) on d.
func (x *Extractor) annotate(d *doc.Doc) {
	x.split.Split(d)
	x.AnnotateTokens(d)
}

// AnnotateTokens runs the stages after sentence splitting (tag to names) on d, whose sentences
// and tokens are already given (a treebank's, for instance): it keeps every sentence and token
// boundary and sets each token's Tag, Lemma, Head, Dep and Ent with the models Extract uses. A
// sentence whose names hold a word tagged as a verb is parsed again with the name's words as
// proper nouns (nameTags), and one left without a finite main verb with the finite readings the
// tagger passed over (finiteMain).
func (x *Extractor) AnnotateTokens(d *doc.Doc) {
	// Stage by stage over the whole article rather than sentence by sentence: each model's
	// tables stay in the processor's caches from one sentence to the next (a sentence's
	// annotations depend on that sentence only).
	for i := range d.Sentences {
		x.tagger.Tag(d.Sentences[i].Tokens)
	}
	for i := range d.Sentences {
		x.parser.Parse(d.Sentences[i].Tokens)
	}
	for i := range d.Sentences {
		x.names.Recognize(d.Sentences[i].Tokens)
	}
	ner.Harmonize(d)
	for i := range d.Sentences {
		x.nameTags(&d.Sentences[i])
		x.finiteMain(&d.Sentences[i])
	}
}

// hasProse reports whether d has a block facts can be read from: anything but headlines and
// asides.
func hasProse(d *doc.Doc) bool {
	for _, b := range d.Blocks {
		if b.Kind != doc.Headline && b.Kind != doc.Aside {
			return true
		}
	}
	return false
}

// fillArticle sets the fields of a that the input left empty from what the article's markup says
// (HTML metadata, Markdown front matter): what the input gives (JSONL fields) wins. The date is
// the one preparation chose (doc.Doc.Date: the input's, the markup's, or a date line), written as
// schema.NormalizeDate does.
func fillArticle(a *schema.Article, d *doc.Doc) {
	m := d.Meta
	set := func(field *string, v string) {
		if *field == "" {
			*field = v
		}
	}
	set(&a.Title, m.Title)
	set(&a.Author, m.Author)
	set(&a.Source, m.Source)
	set(&a.URL, m.URL)
	set(&a.Language, m.Language)
	a.Date = schema.NormalizeDate(d.Date)
	if len(a.Categories) == 0 {
		a.Categories = m.Categories
	}
}
