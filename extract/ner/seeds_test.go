package ner

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/internal/shared"
)

// seedTokenRE is a rough UD-like tokenizer for the measurement below: words (with inner
// hyphens, dots of abbreviations, apostrophes), "'s" split off, numbers, single symbols.
var seedTokenRE = regexp.MustCompile(`'s\b|[A-Za-z]\.(?:[A-Za-z]\.)+|[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*|\d+(?:[.,]\d+)*|\S`)

func seedTokens(text string) []string {
	text = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(text)
	return seedTokenRE.FindAllString(text, -1)
}

// TestSeedNames measures (and only logs) how well the recogniser finds the names of the seed
// gold's entities in the seed articles: every capitalised alias occurrence is a gold mention.
// Precision counts every predicted PERSON/ORG/GPE/LOC span, so names the gold does not list
// count against it.
func TestSeedNames(t *testing.T) {
	gp := shared.Require(t, "eval", "seeds-gold", "entities.json")
	b, err := os.ReadFile(gp)
	if err != nil {
		t.Fatal(err)
	}
	var ents []struct {
		Name, Type string
		Aliases    []string
	}
	if err := json.Unmarshal(b, &ents); err != nil {
		t.Fatalf("%s: %v", gp, err)
	}
	type alias struct {
		words []string
		typ   string
	}
	var aliases []alias
	for _, e := range ents {
		switch e.Type {
		case "PERSON", "ORG", "GPE", "LOC":
		default:
			continue
		}
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			w := seedTokens(a)
			if len(w) > 0 && strings.EqualFold(w[0], "the") {
				w = w[1:]
			}
			ok := len(w) > 0
			for _, x := range w {
				if !capitalised(x) {
					ok = false
				}
			}
			if ok {
				aliases = append(aliases, alias{w, e.Type})
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed articles")
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var typed, untyped Counts
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(text), "\n") {
			words := seedTokens(line)
			if len(words) == 0 {
				continue
			}
			var gold []Span
			for i := 0; i < len(words); {
				best := alias{}
				for _, a := range aliases {
					if len(a.words) > len(best.words) && i+len(a.words) <= len(words) && equalWords(words[i:i+len(a.words)], a.words) {
						best = a
					}
				}
				if best.words == nil {
					i++
					continue
				}
				gold = append(gold, Span{i, i + len(best.words), best.typ})
				i += len(best.words)
			}
			toks := make([]doc.Token, len(words))
			for i, w := range words {
				toks[i] = doc.Token{Text: w, Norm: w}
			}
			m.Recognize(toks)
			var pred []Span
			for _, s := range Spans(toks) {
				switch s.Label {
				case Person, Org, GPE, Loc:
					pred = append(pred, s)
				}
			}
			typed.Gold += len(gold)
			untyped.Gold += len(gold)
			typed.Pred += len(pred)
			untyped.Pred += len(pred)
			for _, p := range pred {
				for _, g := range gold {
					if p.Start == g.Start && p.End == g.End {
						untyped.Correct++
						if p.Label == g.Label {
							typed.Correct++
						}
					}
				}
			}
		}
	}
	t.Logf("seed names (span and type): P %.3f R %.3f F1 %.3f (gold %d, predicted %d)", typed.Precision(), typed.Recall(), typed.F1(), typed.Gold, typed.Pred)
	t.Logf("seed names (span only):     P %.3f R %.3f F1 %.3f", untyped.Precision(), untyped.Recall(), untyped.F1())
}

func equalWords(a, b []string) bool {
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}
