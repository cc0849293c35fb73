// Package conllu reads Universal Dependencies CoNLL-U files: one sentence at a time, the basic
// word lines only (multiword token ranges "1-2" and empty nodes "8.1" are skipped). It is shared
// by the tagger, the parser and the training command. It checks the format and reports errors
// with file and line; it does no linguistic work and must not be used by code that ships in the
// newsgraph binary's run-time path other than for training and evaluation (newsgraph annotate
// reads CoNLL-U through it to annotate a treebank's own tokens).
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// Word is one basic word line of a CoNLL-U sentence.
type Word struct {
	// ID is the 1-based word index (column 1).
	ID int
	// Form, Lemma, UPOS, XPOS and Feats are columns 2 to 6 ("_" kept as written).
	Form, Lemma, UPOS, XPOS, Feats string
	// Head is the head's ID (column 7), 0 for the root, -1 when the column is "_".
	Head int
	// Deprel is the full dependency relation (column 8), subtype included ("nsubj:pass").
	Deprel string
	// Misc is column 10 as written ("_" when empty).
	Misc string
}

// SpaceAfter reports whether the word is followed by a space: false when its MISC column holds
// SpaceAfter=No.
func (w *Word) SpaceAfter() bool {
	for _, f := range strings.Split(w.Misc, "|") {
		if f == "SpaceAfter=No" {
			return false
		}
	}
	return true
}

// Sentence is one sentence: its comment lines' sent_id and text, and its basic words.
type Sentence struct {
	// ID is the value of the "# sent_id =" comment, if any.
	ID string
	// Text is the value of the "# text =" comment, if any.
	Text string
	// NewDoc is the value of a "# newdoc id =" comment before the sentence: the sentence starts
	// that document. Empty for the other sentences.
	NewDoc string
	// Line is the 1-based line number where the sentence starts in its file.
	Line int
	// Words are the basic word lines in order; Words[i].ID == i+1.
	Words []Word
}

// Reader reads sentences from a CoNLL-U stream.
type Reader struct {
	sc   *bufio.Scanner
	name string
	line int
}

// NewReader returns a reader over r; name (a file name) is used in error messages.
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	return &Reader{sc: sc, name: name}
}

// Read returns the next sentence, or io.EOF after the last one. A malformed line gives an error
// naming the file and line.
func (r *Reader) Read() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if s != nil {
				if err := r.check(s); err != nil {
					return nil, err
				}
				return s, nil
			}
			continue
		}
		if s == nil {
			s = &Sentence{Line: r.line}
		}
		if strings.HasPrefix(line, "#") {
			c := strings.TrimSpace(line[1:])
			if v, ok := strings.CutPrefix(c, "sent_id ="); ok {
				s.ID = strings.TrimSpace(v)
			} else if v, ok := strings.CutPrefix(c, "text ="); ok {
				s.Text = strings.TrimSpace(v)
			} else if v, ok := strings.CutPrefix(c, "newdoc id ="); ok {
				s.NewDoc = strings.TrimSpace(v)
			}
			continue
		}
		w, skip, err := r.word(line)
		if err != nil {
			return nil, err
		}
		if skip {
			continue
		}
		if w.ID != len(s.Words)+1 {
			return nil, fmt.Errorf("%s:%d: word id %d out of sequence (want %d)", r.name, r.line, w.ID, len(s.Words)+1)
		}
		s.Words = append(s.Words, w)
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", r.name, r.line, err)
	}
	if s != nil {
		if err := r.check(s); err != nil {
			return nil, err
		}
		return s, nil
	}
	return nil, io.EOF
}

func (r *Reader) word(line string) (Word, bool, error) {
	f := strings.Split(line, "\t")
	if len(f) != 10 {
		return Word{}, false, fmt.Errorf("%s:%d: %d tab-separated columns, want 10", r.name, r.line, len(f))
	}
	if strings.ContainsAny(f[0], "-.") {
		return Word{}, true, nil // multiword token range or empty node
	}
	id, err := strconv.Atoi(f[0])
	if err != nil || id < 1 {
		return Word{}, false, fmt.Errorf("%s:%d: bad word id %q", r.name, r.line, f[0])
	}
	head := -1
	if f[6] != "_" {
		head, err = strconv.Atoi(f[6])
		if err != nil || head < 0 {
			return Word{}, false, fmt.Errorf("%s:%d: bad head %q", r.name, r.line, f[6])
		}
	}
	return Word{ID: id, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5], Head: head, Deprel: f[7], Misc: f[9]}, false, nil
}

func (r *Reader) check(s *Sentence) error {
	if len(s.Words) == 0 {
		return fmt.Errorf("%s:%d: sentence without word lines", r.name, s.Line)
	}
	for _, w := range s.Words {
		if w.Head > len(s.Words) {
			return fmt.Errorf("%s:%d: word %d has head %d beyond the sentence's %d words", r.name, s.Line, w.ID, w.Head, len(s.Words))
		}
	}
	return nil
}

// ReadAll reads every sentence from r.
func ReadAll(r io.Reader, name string) ([]*Sentence, error) {
	rd := NewReader(r, name)
	var out []*Sentence
	for {
		s, err := rd.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
}

// ReadFile reads every sentence of the CoNLL-U file at path.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conllu: %w", err)
	}
	defer f.Close()
	return ReadAll(f, path)
}

// HasTree reports whether every word has a head and a relation, and the heads form one tree
// rooted at a single word.
func (s *Sentence) HasTree() bool {
	roots := 0
	for _, w := range s.Words {
		if w.Head < 0 || w.Deprel == "_" || w.Head == w.ID {
			return false
		}
		if w.Head == 0 {
			roots++
		}
	}
	if roots != 1 {
		return false
	}
	for _, w := range s.Words { // every word reaches the root without a cycle
		h, steps := w.Head, 0
		for h != 0 {
			h = s.Words[h-1].Head
			if steps++; steps > len(s.Words) {
				return false
			}
		}
	}
	return true
}

// Tokens returns the sentence's words as doc tokens carrying the annotations of the file: Text
// from the form, Tag from XPOS, Lemma, Head (0-based, -1 for the root) and Dep.
func (s *Sentence) Tokens() []doc.Token {
	toks := make([]doc.Token, len(s.Words))
	for i, w := range s.Words {
		toks[i] = doc.Token{Text: w.Form, Tag: w.XPOS, Lemma: w.Lemma, Head: w.Head - 1, Dep: w.Deprel}
	}
	return toks
}

// ReadTokensFile reads a CoNLL-U file of annotated sentences (test fixtures) as doc tokens (see
// Sentence.Tokens), keyed by sent_id.
func ReadTokensFile(path string) (map[string][]doc.Token, error) {
	sents, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]doc.Token, len(sents))
	for _, s := range sents {
		out[s.ID] = s.Tokens()
	}
	return out, nil
}
