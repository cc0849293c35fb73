// Package schema is newsgraph's vocabulary: entity types, canonical predicates, IRIs, how
// extracted facts become quads, and the quads that say an analyst's corrections. It is the seam
// between extraction (package extract) and storage (package graph): both import it, it imports
// neither, and it does no I/O of its own.
package schema

import (
	"encoding/json"
	"fmt"
)

// Fact is one statement extracted from one sentence of one article: who did what to whom (or who
// said what), with the words of the text beside the canonical predicate and the provenance needed to
// check it. A Fact is exactly one line of `newsgraph extract --format jsonl`; that line is a contract
// other tools read, so fields are only ever added, never renamed.
type Fact struct {
	// Doc is the article id (the file name for file input).
	Doc string `json:"doc"`
	// Sentence is the 0-based index of the evidence sentence in the article.
	Sentence int `json:"sentence"`
	// Start and End are byte offsets of the evidence sentence in the original article text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Evidence is the sentence the fact was read from, as written.
	Evidence string `json:"evidence"`
	// Subject is the actor.
	Subject Entity `json:"subject"`
	// Predicate is the canonical predicate (see Predicates), e.g. "praised", "replied to".
	Predicate string `json:"predicate"`
	// Relation is the words of the text that express the predicate, e.g. "hailed", "hit back at".
	Relation string `json:"relation"`
	// CAMEO is the CAMEO event code of the predicate where one applies.
	CAMEO string `json:"cameo,omitempty"`
	// Object is the target entity, or a literal (a statement, a proposal).
	Object Object `json:"object"`
	// Confidence is the extractor's belief in the fact, in [0, 1].
	Confidence float64 `json:"confidence"`
	// Negated marks a fact the text denies ("X did not praise Y").
	Negated bool `json:"negated,omitempty"`
	// Modality marks a fact the text does not assert as real: "hypothetical" (could, would, may),
	// "reported" (part of what AttributedTo said), or "" for an asserted fact.
	Modality string `json:"modality,omitempty"`
	// AttributedTo is the speaker whose statement contains this fact, for reported speech.
	AttributedTo *Entity `json:"attributed_to,omitempty"`
	// Open marks an open predicate: the vocabulary has no canonical predicate for the verb, so
	// Predicate is the lemmatised verb phrase of the text ("part company with", "replace"; see
	// OpenPredicate). Open facts get a lower confidence than canonical ones.
	Open bool `json:"open,omitempty"`
	// Time is when the fact happened, when the text or the article says: the time expression of
	// its own clause (kind "event"), else the article's date (kind "reported"). Nil when neither
	// is known.
	Time *Time `json:"time,omitempty"`
}

// The kinds of Time.
const (
	// TimeEvent is a time read from the fact's own clause ("on Tuesday").
	TimeEvent = "event"
	// TimeReported is the article's date, for a fact whose clause says no time.
	TimeReported = "reported"
)

// Time is the time of a fact: an ISO 8601 value, the words it was read from, and whether it is
// the time of the event or only the date the article reported it.
type Time struct {
	// Value is the normalised time: a day "2022-10-04", a month "2022-10", a year "2022", or a
	// range "2022-10-03/2022-10-09" (open: "2002/..", "../2001"). Empty for an event time the
	// text gives relative to an article date that is unknown ("on Tuesday" in an undated article).
	Value string `json:"value,omitempty"`
	// Text is the time expression as written ("on Tuesday"), or for a reported time the article's
	// date as given.
	Text string `json:"text"`
	// Kind is TimeEvent or TimeReported.
	Kind string `json:"kind"`
}

// The modalities of a fact the article does not assert (Fact.Modality).
const (
	// ModalityHypothetical marks a fact under a modal, a condition or a question, or an
	// infinitive nothing makes happen: "could buy", "wants to buy", "Will X buy Y?".
	ModalityHypothetical = "hypothetical"
	// ModalityReported marks a fact inside what AttributedTo said.
	ModalityReported = "reported"
)

// Entity is a reference to an entity node as it appears in one fact.
type Entity struct {
	// ID is the entity's deterministic IRI (see EntityIRI).
	ID string `json:"id"`
	// Name is the canonical name of the entity across the corpus.
	Name string `json:"name"`
	// Type is the entity type: PERSON, ORG, GPE, LOC, ... (see EntityTypes).
	Type string `json:"type"`
	// Mention is the words of this sentence that refer to the entity ("he", "the tycoon").
	Mention string `json:"mention,omitempty"`
}

// Object is the object of a fact: an entity, or a literal when the object is not an entity (a
// statement, a proposal). Exactly one of Entity.ID and Literal is set.
type Object struct {
	Entity
	Literal string
}

// IsLiteral reports whether the object is a literal rather than an entity.
func (o Object) IsLiteral() bool { return o.ID == "" }

// MarshalJSON writes an entity object in the shape of Entity, a literal as {"literal": text}.
func (o Object) MarshalJSON() ([]byte, error) {
	if o.IsLiteral() {
		return json.Marshal(struct {
			Literal string `json:"literal"`
		}{o.Literal})
	}
	return json.Marshal(o.Entity)
}

// UnmarshalJSON reads either shape written by MarshalJSON.
func (o *Object) UnmarshalJSON(b []byte) error {
	var raw struct {
		Entity
		Literal *string `json:"literal"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("fact object: %w", err)
	}
	*o = Object{Entity: raw.Entity}
	if raw.Literal != nil {
		o.Literal = *raw.Literal
	}
	if o.ID == "" && raw.Literal == nil {
		return fmt.Errorf("fact object: neither an entity id nor a literal")
	}
	return nil
}

// Article is what is known of one input article, for its node in the graph.
type Article struct {
	// ID identifies the article: the id given in JSONL input, the file name for file input.
	ID string `json:"id"`
	// Title is the headline, when known.
	Title string `json:"title,omitempty"`
	// Source is the publisher or outlet, when known.
	Source string `json:"source,omitempty"`
	// URL is where the article was published, when known.
	URL string `json:"url,omitempty"`
	// Date is the publication date, when known: "2006-01-02", or RFC 3339 with a time (see
	// NormalizeDate); text in no form NormalizeDate knows is kept as given.
	Date string `json:"date,omitempty"`
	// Author is the author or authors ("Jane Doe; John Roe"), when known.
	Author string `json:"author,omitempty"`
	// Language is the language code the article declares ("en"), when known.
	Language string `json:"language,omitempty"`
	// Categories are the sections and tags the article gives, when known.
	Categories []string `json:"categories,omitempty"`
	// File is the path the article was read from (and line, for JSONL input).
	File string `json:"file,omitempty"`
	// Hash is the SHA-256 of the article text, hex; it identifies re-submitted articles.
	Hash string `json:"hash"`
}

// EntityRecord is what one article says of one entity: its canonical name, type, the aliases the
// article used for it, and the roles it holds. The graph merges records by ID.
type EntityRecord struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases,omitempty"`
}
