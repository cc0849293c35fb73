// Command gencameo derives newsgraph's CAMEO verb table (schema/cameo_verbs.tsv) from the CAMEO
// verb dictionary in PETRARCH format (CAMEO.2.0.txt, MIT licence, Open Event Data Alliance).
//
// Usage, from anywhere inside the repository:
//
//	go run ./schema/internal/gencameo [-o schema/cameo_verbs.tsv] [CAMEO.2.0.txt]
//
// The dictionary defaults to lexicon/CAMEO.2.0.txt in the shared development data (see package
// internal/shared); the output defaults to schema/cameo_verbs.tsv in the repository. The output is
// committed, so building newsgraph never needs the dictionary.
//
// What is kept, from the verb-pattern section only (synonym sets before the first verb block are
// skipped):
//
//   - every verb of a block ("PRAISE", "+HIT_OUT_AT"), with its own [code] or else the block's
//     header code; verbs with neither are dropped;
//   - patterns that add only a particle and/or a bare preposition to the verb ("- * OUT (AT)"),
//     for the verb named in the pattern's comment (else the block's first verb); patterns with
//     nouns, synonym sets or actors are dropped, since newsgraph maps verbs, not event phrases.
//
// A code "a:b" (source and target codes) keeps a; a code with an empty first part is dropped.
// When one (lemma, particle, preposition) occurs more than once, the first occurrence in the file
// wins. Rows are sorted by lemma, particle, preposition.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/internal/shared"
)

// Header is written at the top of the generated table: provenance and the dictionary's licence.
const Header = `# CAMEO verb codes for newsgraph, derived from the CAMEO verb pattern dictionary (CAMEO.2.0.txt,
# PETRARCH format) by: go run ./schema/internal/gencameo. DO NOT EDIT: regenerate instead.
# Columns: lemma, particle, preposition, CAMEO code (empty columns are empty strings).
#
# The dictionary is under the MIT License (MIT), Copyright (c) 2015 Open Event Data Alliance:
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
# associated documentation files (the "Software"), to deal in the Software without restriction,
# including without limitation the rights to use, copy, modify, merge, publish, distribute,
# sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions: The above copyright notice and this
# permission notice shall be included in all copies or substantial portions of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
# NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
# NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
# DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
# OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
`

// particles are the words kept as a phrasal verb's particle (compound:prt).
var particles = set("about", "around", "aside", "away", "back", "down", "forward", "in", "off", "on",
	"out", "over", "through", "up")

// preps are the words kept as the preposition of a verb's object.
var preps = set("about", "against", "at", "by", "for", "from", "in", "into", "of", "on", "over", "to",
	"toward", "towards", "upon", "with")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

var (
	headerRE  = regexp.MustCompile(`^---\s+(\S+)\s+\[([^\]]*)\]`)
	codeRE    = regexp.MustCompile(`\[([^\]]*)\]`)
	validCode = regexp.MustCompile(`^[0-9]{3,4}$`)
)

// Row is one line of the generated table.
type Row struct {
	Lemma, Particle, Prep, Code string
}

// Parse reads a CAMEO verb dictionary and returns its verb rows, sorted. name is used in errors.
func Parse(r io.Reader, name string) ([]Row, error) {
	var (
		rows      []Row
		seen      = map[[3]string]bool{}
		inBlock   bool
		blockCode string
		firstVerb string
	)
	add := func(r Row) {
		k := [3]string{r.Lemma, r.Particle, r.Prep}
		if r.Lemma == "" || r.Code == "" || seen[k] {
			return
		}
		seen[k] = true
		rows = append(rows, r)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		raw := sc.Text()
		line, comment, _ := strings.Cut(raw, "#")
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if m := headerRE.FindStringSubmatch(line); m != nil {
			inBlock, blockCode, firstVerb = true, code(m[2]), ""
			continue
		}
		if strings.HasPrefix(line, "---") {
			return nil, fmt.Errorf("%s:%d: malformed block header %q", name, n, raw)
		}
		if !inBlock {
			continue // synonym sets precede the verb blocks
		}
		switch {
		case strings.HasPrefix(line, "-"):
			body, c, ok := strings.Cut(strings.TrimPrefix(line, "-"), "[")
			if !ok {
				continue
			}
			verb := firstVerb
			if f := strings.Fields(comment); len(f) > 0 && isWord(f[0]) {
				verb = strings.ToLower(f[0])
			}
			if part, prep, ok := patternTail(strings.Fields(body)); ok {
				add(Row{verb, part, prep, code(strings.SplitN(c, "]", 2)[0])})
			}
		case line[0] == '+' || isLetter(line[0]):
			word := strings.Fields(strings.TrimPrefix(line, "+"))[0]
			c := blockCode
			if m := codeRE.FindStringSubmatch(line); m != nil {
				c = code(m[1])
			}
			lemma, part, prep, ok := verbWords(word)
			if !ok {
				continue
			}
			if firstVerb == "" {
				firstVerb = lemma
			}
			add(Row{lemma, part, prep, c})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if !inBlock {
		return nil, fmt.Errorf("%s: no verb blocks (--- NAME [code] ---)", name)
	}
	slices.SortFunc(rows, func(a, b Row) int {
		return strings.Compare(a.Lemma+"\x00"+a.Particle+"\x00"+a.Prep, b.Lemma+"\x00"+b.Particle+"\x00"+b.Prep)
	})
	return rows, nil
}

// code returns the source code of a [code] field ("042:043" → "042"), or "" when it has none.
func code(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), ":")
	if !validCode.MatchString(s) {
		return ""
	}
	return s
}

func isLetter(b byte) bool { return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' }

func isWord(s string) bool {
	for i := range len(s) {
		if !isLetter(s[i]) && s[i] != '_' {
			return false
		}
	}
	return s != ""
}

// verbWords splits a dictionary verb ("HIT_OUT_AT", "RE_ARREST", "PRAISE") into lemma, particle
// and preposition; it rejects multi-word verbs whose extra words are neither ("TAKE_CONTROL").
func verbWords(w string) (lemma, part, prep string, ok bool) {
	w = strings.Trim(strings.ToLower(w), "_")
	if w == "" || !isWord(w) {
		return "", "", "", false
	}
	if strings.HasPrefix(w, "re_") {
		w = "re" + w[3:]
	}
	ws := strings.Split(w, "_")
	part, prep, ok = tail(ws[1:])
	return ws[0], part, prep, ok
}

// patternTail accepts the pattern bodies "* P", "* (Q)" and "* P (Q)" (P a particle, Q a
// preposition) and returns P and Q.
func patternTail(f []string) (part, prep string, ok bool) {
	if len(f) < 2 || f[0] != "*" {
		return "", "", false
	}
	ws := make([]string, 0, 2)
	for i, t := range f[1:] {
		paren := strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")")
		t = strings.ToLower(strings.Trim(t, "()"))
		switch {
		case paren && i == len(f)-2 && preps[t]:
			prep = t
		case !paren && i == 0 && particles[t]:
			ws = append(ws, t)
		default:
			return "", "", false
		}
	}
	if len(ws) > 0 {
		part = ws[0]
	}
	return part, prep, part != "" || prep != ""
}

// tail reads the words after a multi-word verb's lemma: a particle, a preposition, or both.
func tail(ws []string) (part, prep string, ok bool) {
	switch len(ws) {
	case 0:
		return "", "", true
	case 1:
		if particles[ws[0]] && !preps[ws[0]] {
			return ws[0], "", true
		}
		if preps[ws[0]] {
			return "", ws[0], true
		}
	case 2:
		if particles[ws[0]] && preps[ws[1]] {
			return ws[0], ws[1], true
		}
	}
	return "", "", false
}

// Write writes the header and rows as the generated table.
func Write(w io.Writer, rows []Row) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(Header)
	for _, r := range rows {
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\n", r.Lemma, r.Particle, r.Prep, r.Code)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write cameo table: %w", err)
	}
	return nil
}

// repoFile returns the path of rel inside the repository containing the working directory.
func repoFile(rel string) (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("output path: %w", err)
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(d, rel), nil
		}
		if filepath.Dir(d) == d {
			return "", errors.New("output path: not inside the newsgraph repository (use -o)")
		}
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("gencameo", flag.ContinueOnError)
	out := fs.String("o", "", "output table (default schema/cameo_verbs.tsv in the repository)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	in := fs.Arg(0)
	var err error
	if in == "" {
		if in, err = shared.Path("lexicon", "CAMEO.2.0.txt"); err != nil {
			return err
		}
	}
	if *out == "" {
		if *out, err = repoFile(filepath.Join("schema", "cameo_verbs.tsv")); err != nil {
			return err
		}
	}
	f, err := os.Open(in)
	if err != nil {
		return fmt.Errorf("cameo dictionary: %w", err)
	}
	defer f.Close()
	rows, err := Parse(f, in)
	if err != nil {
		return err
	}
	var b strings.Builder
	if err := Write(&b, rows); err != nil {
		return err
	}
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("cameo table: %w", err)
	}
	fmt.Fprintf(os.Stderr, "gencameo: %d rows from %s to %s\n", len(rows), in, *out)
	return nil
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gencameo:", err)
		os.Exit(1)
	}
}
