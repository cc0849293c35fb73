// Package lang tells whether the prose of a prepared article is English, the only language
// newsgraph's tagger, parser and entity recogniser were trained on. It detects the script and the
// language of a sample of the prose with whatlanggo (trigram profiles of 84 languages, after
// Cavnar and Trenkle 1994).
//
// It must not change the document, and it decides nothing on its own: callers choose what to do
// with an article that is not English.
package lang

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// ErrNotEnglish is the reason an article is reported as not English.
var ErrNotEnglish = errors.New("not English")

const (
	// sampleBytes is how much prose is looked at: enough for a sure answer, and a bound on the
	// work for a huge article.
	sampleBytes = 4096
	// minScriptLetters is the least number of letters for an answer about the script, and
	// minLatinLetters for one about the language of Latin-script text: shorter texts (a headline,
	// a caption) are too short to tell and count as English.
	minScriptLetters = 50
	minLatinLetters  = 200
	// minEnglishShare is the share of isEnglishWord words among the words of a sample from which the
	// sample is English without asking whatlanggo: English news has 8-35% of them (BBC corpus:
	// 1% of its articles under 12%, none under 7.8%), French, German and Spanish next to none.
	minEnglishShare = 0.10
)

// isEnglishWord reports whether w (lower case) is one of some frequent English function words
// that are rarely words of the other languages written in Latin script.
func isEnglishWord(w string) bool {
	switch w {
	case "the", "and", "of", "that", "with", "which", "would", "been", "they", "their", "said",
		"from", "have", "has", "this", "were", "for", "his", "she", "had", "will", "not":
		return true
	}
	return false
}

// englishShare returns the share of isEnglishWord words among the words (runs of letters) of s.
func englishShare(s string) float64 {
	words, hits := 0, 0
	var low [8]byte
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		words++
		if len(w) > len(low) {
			continue
		}
		for i := 0; i < len(w); i++ {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			low[i] = c
		}
		if isEnglishWord(string(low[:len(w)])) {
			hits++
		}
	}
	return float64(hits) / float64(max(words, 1))
}

// Check returns nil when the prose of d is English or too short to tell, and an error wrapping
// ErrNotEnglish that names the script or the language found otherwise. An article is not English
// when most of its letters are of another script than Latin, or when whatlanggo finds another
// language with a confidence above its reliability threshold (0.8); a mixed article whose sample
// is mostly English passes.
//
// A sample mostly in Latin letters whose words are at least 10% English function words ("the",
// "and", "of"...) is English without asking whatlanggo, which takes the bulk of the time.
func Check(d *doc.Doc) error { return check(Sample(d), true) }

// check is Check on a sample; fast says whether plainly English samples may skip whatlanggo.
func check(sample string, fast bool) error {
	letters, latin := 0, 0
	for _, r := range sample {
		if unicode.IsLetter(r) {
			letters++
			if r < 0x250 { // Basic Latin to Latin Extended-B
				latin++
			}
		}
	}
	if letters < minScriptLetters {
		return nil
	}
	if fast && 2*latin > letters && letters >= minLatinLetters && englishShare(sample) >= minEnglishShare {
		return nil // plainly English
	}
	info := whatlanggo.Detect(sample) // the script, then the language among those of the script
	switch script := info.Script; {
	case script == nil:
		return nil // no script whatlanggo knows: leave it to the pipeline
	case script != unicode.Latin:
		name := whatlanggo.Scripts[script]
		if name == "" {
			name = "Japanese" // whatlanggo's own Hiragana-and-Katakana table
		}
		if info.IsReliable() && info.Lang >= 0 {
			return fmt.Errorf("%w: %s script, looks like %s", ErrNotEnglish, name, info.Lang)
		}
		return fmt.Errorf("%w: %s script", ErrNotEnglish, name)
	case letters < minLatinLetters:
		return nil
	}
	if info.Lang != whatlanggo.Eng && info.Lang >= 0 && info.IsReliable() {
		return fmt.Errorf("%w: looks like %s (confidence %.2f)", ErrNotEnglish, info.Lang, info.Confidence)
	}
	return nil
}

// Sample returns up to 4 KB of the prose of d: its body paragraphs and bullets in order (all its
// blocks when it has none of those), one line each, cut at a character boundary.
func Sample(d *doc.Doc) string {
	var b []byte
	add := func(prose bool) {
		for _, bl := range d.Blocks {
			if len(b) >= sampleBytes {
				return
			}
			if prose && bl.Kind != doc.Body && bl.Kind != doc.Bullet || bl.Start < 0 || bl.End > len(d.Text) || bl.Start >= bl.End {
				continue
			}
			b = append(b, d.Text[bl.Start:bl.End]...)
			b = append(b, '\n')
		}
	}
	add(true)
	if len(b) == 0 {
		add(false)
	}
	if len(b) > sampleBytes {
		n := sampleBytes
		for n > 0 && !utf8.RuneStart(b[n]) {
			n--
		}
		b = b[:n]
	}
	return string(b)
}
