package ner

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Sentence is one sentence of an annotated corpus: its words and their IOB2 tags over the
// corpus's own label set (for UniversalNER: PER, ORG, LOC).
type Sentence struct {
	// Words are the sentence's tokens as written.
	Words []string
	// Tags are the IOB2 tags, one per word ("B-PER", "I-PER", "O").
	Tags []string
	// POS are optional part-of-speech tags (Penn), one per word; nil when not known.
	POS []string
	// Doc is the id of the sentence's document when the corpus gives one (GUM's "# newdoc id"),
	// else "".
	Doc string
}

// ReadIOBFile reads an IOB2 file (see ReadIOB).
func ReadIOBFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	defer f.Close()
	return ReadIOB(f, path)
}

// ReadIOB reads sentences in the UniversalNER IOB2 format: one token a line as tab-separated
// fields "index, word, tag, ..." (further fields ignored), a blank line between sentences, and
// lines starting with "#" as comments. Tags whose type is not PER, ORG or LOC (the stray "OTH"
// and "B-O" tags of the first UniversalNER release) are read as O, and an I- tag that does not
// continue an entity of the same type is read as B-. name is used in error messages, which say
// the file and line.
func ReadIOB(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("%s:%d: want at least 3 tab-separated fields (index, word, tag), got %d", name, line, len(f))
		}
		word, tag := f[1], strings.TrimSpace(f[2])
		if word == "" {
			return nil, fmt.Errorf("%s:%d: empty word", name, line)
		}
		t, err := normTag(tag)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if strings.HasPrefix(t, "I-") {
			n := len(cur.Tags)
			if n == 0 || cur.Tags[n-1] == "O" || cur.Tags[n-1][2:] != t[2:] {
				t = "B-" + t[2:]
			}
		}
		cur.Words = append(cur.Words, word)
		cur.Tags = append(cur.Tags, t)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	flush()
	return out, nil
}

// normTag maps a corpus tag to B-X, I-X or O over the types PER, ORG, LOC.
func normTag(tag string) (string, error) {
	if tag == "O" || tag == "_" || tag == "" {
		return "O", nil
	}
	if len(tag) < 3 || (tag[:2] != "B-" && tag[:2] != "I-") {
		return "", fmt.Errorf("bad IOB2 tag %q", tag)
	}
	switch tag[2:] {
	case "PER", "ORG", "LOC":
		return tag, nil
	}
	return "O", nil // OTH, O, MISC...: not a type the recogniser learns
}
