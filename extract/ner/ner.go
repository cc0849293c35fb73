// Package ner is newsgraph's named-entity recogniser. A statistical sequence labeller (an
// averaged structured perceptron with Viterbi decoding over IOB2 tags, trained on UniversalNER
// English EWT) finds persons, organisations and places; gazetteer rules from package lexicon then
// type places as GPE or LOC, add NORP for nationalities, correct names the gazetteers know, and
// rule-based DATE, MONEY and PERCENT spans are added. A form of address is part of the person
// mention it introduces ("Mr Lopez", "Sir Anna Berg"); titles that name a role ("President",
// "Gen.") are not. Harmonize then makes the names of a whole document agree with each other.
//
// It reads tokens (Norm, else Text; part-of-speech tags only when set) and writes each token's
// Ent; it must not change any other field, must not depend on the tagger or parser having run, and
// never panics on any input. The model is embedded (model.bin) and written by
// "go run ./cmd/newsgraph-train ner".
package ner

import (
	_ "embed"
	"fmt"

	"github.com/newsgraph/newsgraph/extract/internal/modelcache"
)

//go:embed model.bin
var modelBin []byte

// Span is one entity read back from IOB2 labels: tokens Start to End (exclusive) with label Label
// ("PERSON", "GPE"...).
type Span struct {
	// Start and End are token indices, End exclusive.
	Start, End int
	// Label is the entity type without the B-/I- prefix.
	Label string
}

// Default returns the embedded model shared by everybody who holds it, decoding it when nobody
// does (a model nobody holds any more is left to the garbage collector). It is safe for
// concurrent use.
func Default() (*Model, error) { return cache.Get() }

var cache = modelcache.New(func() (*Model, error) {
	m, err := Decode(modelBin)
	if err != nil {
		return nil, fmt.Errorf("ner: embedded model: %w", err)
	}
	return m, nil
})
