// Package doc holds the annotated document that newsgraph's token-level stages share: the
// prepared text, its sentences and tokens, and the annotations the stages up to names add (tags,
// lemmas, dependency heads, entity labels). Like spaCy's Doc, it is the seam between those
// stages: each reads what earlier ones wrote and adds its own layer. The layers above tokens —
// coreference (extract/coref's Result), clauses (extract/clause) and quotations (extract/quote
// and its mark reader extract/quote/marks, which coreference reads too) — travel beside it, each
// as its reader's own result over a Doc. It does no linguistic work itself and never imports
// another stage.
package doc

// Kind says what sort of text unit a sentence comes from. Headlines, bullets and captions are units
// of their own: they never merge with the prose around them.
type Kind uint8

// The kinds of text unit.
const (
	Body     Kind = iota // article prose
	Headline             // a title or heading
	Bullet               // a bullet or list line
	Caption              // an image caption or credit-like short line
	Aside                // by-lines, "Read also:", sources, disclaimers: kept out of facts
)

var kindNames = [...]string{"body", "headline", "bullet", "caption", "aside"}

// String returns the lower-case name of the kind.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Token is one word or punctuation mark, tokenized as in Universal Dependencies English (clitics
// such as "'s" and "n't" are tokens of their own).
type Token struct {
	// Text is the token as written in Doc.Text.
	Text string
	// Norm is the form the models read: curly quotes made straight, non-breaking spaces removed,
	// censored words ("f***") restored to a plain word shape. Equal to Text where nothing changed.
	Norm string
	// Start and End are byte offsets of the token in Doc.Text.
	Start, End int
	// Tag is the Penn Treebank part-of-speech tag (UD XPOS), set by the tagger.
	Tag string
	// Lemma is the dictionary form, set by the tagger.
	Lemma string
	// Head is the index (in the sentence's Tokens) of the syntactic head, -1 for the root; set by
	// the parser.
	Head int
	// Dep is the Universal Dependencies relation to the head ("nsubj", "obj", "root", ...).
	Dep string
	// Ent is the entity label in IOB2 ("B-PERSON", "I-ORG", "O"), set by the recogniser.
	Ent string
}

// Block is one unit of prepared text: a paragraph, headline, bullet line, caption or aside.
type Block struct {
	// Start and End are byte offsets of the block in Doc.Text.
	Start, End int
	// Kind says what sort of unit the block is.
	Kind Kind
}

// Sentence is one sentence (or headline, bullet, caption) of a document.
type Sentence struct {
	// Index is the 0-based position of the sentence in the document.
	Index int
	// Start and End are byte offsets of the sentence in Doc.Text.
	Start, End int
	// Kind says what sort of unit the sentence is.
	Kind Kind
	// Tokens are the sentence's tokens in order.
	Tokens []Token
}

// Doc is one prepared article with its annotations.
type Doc struct {
	// ID is the article id.
	ID string
	// Text is the prepared text every offset in the Doc points into.
	Text string
	// Title is the headline found by text preparation, if any.
	Title string
	// Meta is what the markup says of the article (HTML metadata, Markdown front matter), if
	// anything; fields the markup does not give are empty.
	Meta Meta
	// Date is the article's publication date as given: the input's metadata, else the markup's
	// (Meta.Date), else a date line at the top of the text ("Oct 4, 2022"), found by
	// preparation; empty when unknown.
	Date string
	// Blocks are the text units found by preparation (paragraphs, headlines, bullets, captions,
	// asides), in order; sentence splitting works within one block at a time.
	Blocks []Block
	// Sentences are the sentences in order.
	Sentences []Sentence
	// Offsets maps Text offsets back to the original input; empty when Text is the original
	// (plain-text input).
	Offsets OffsetMap
}

// Meta is what an article's markup says of it: HTML <meta> tags, JSON-LD and <time> (read by
// go-trafilatura), or Markdown YAML front matter.
type Meta struct {
	// Title is the headline the metadata gives.
	Title string
	// Author is the author or authors, as one string ("Jane Doe; John Roe").
	Author string
	// Date is the publication date, "2006-01-02" or RFC 3339 with a time.
	Date string
	// Source is the outlet: the site or publisher name.
	Source string
	// URL is the canonical address of the article.
	URL string
	// Language is the language code the page declares ("en").
	Language string
	// Categories are the sections and tags the page gives, in its order.
	Categories []string
}

// Shift says that from byte Text of the prepared text onward, the original input runs in step
// starting at byte Source.
type Shift struct{ Text, Source int }

// OffsetMap maps offsets in prepared text to offsets in the original input. It is a list of shifts
// sorted by Text; between two shifts the texts run in step. Preparation that deletes or rewrites
// input (HTML tags, Markdown marks, entities) adds a shift at every change.
type OffsetMap []Shift

// Source returns the offset in the original input of byte i of the prepared text.
func (m OffsetMap) Source(i int) int {
	lo, hi := 0, len(m)
	for lo < hi { // first shift with Text > i
		mid := (lo + hi) / 2
		if m[mid].Text <= i {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return i
	}
	sh := m[lo-1]
	return sh.Source + (i - sh.Text)
}

// SentenceText returns the text of sentence s.
func (d *Doc) SentenceText(s *Sentence) string { return d.Text[s.Start:s.End] }

// BlockOf returns the index in Blocks of the block that holds sentence si, or -1 when none does.
func (d *Doc) BlockOf(si int) int {
	start := d.Sentences[si].Start
	for i, b := range d.Blocks {
		if start >= b.Start && start < b.End {
			return i
		}
	}
	return -1
}
