package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// badInputDir is a folder of small bad articles, committed; the big ones are made by
// writeBigBadInput at test time.
const badInputDir = "testdata/badinput"

// copyDir copies the files of folder src into folder dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// writeRepeated writes s n times to a new file at path, and returns the file's size.
func writeRepeated(t *testing.T, path, head, s string, n int, tail string) int64 {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	io.WriteString(w, head)
	for i := 0; i < n; i++ {
		io.WriteString(w, s)
	}
	io.WriteString(w, tail)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return st.Size()
}

// longSentence is one sentence of 20,003 tokens (20,002 words and a period) with a fact every
// four words.
const (
	longSentenceHead = ""
	longSentencePart = "Maria Lopez said that "
	longSentenceN    = 5000
	longSentenceTail = "it rained.\n"
)

// writeBigBadInput adds to dir the bad inputs too big to commit: a 100 MB article, a sentence of
// 20,000 words, HTML nested 100,000 deep, 6 MB of HTML that is nearly all markup, Markdown that
// nests 100,000 block quotes, and a link to a file that does not exist.
//
// It returns the size of the 100 MB article.
func writeBigBadInput(t *testing.T, dir string) int64 {
	t.Helper()
	para := "Maria Lopez praised Acme Shipping on Tuesday for the new harbour deal in Port Elin.\n\n"
	big := writeRepeated(t, filepath.Join(dir, "big.txt"), "", para, (100<<20)/len(para)+1, "")
	writeRepeated(t, filepath.Join(dir, "sentence.txt"), longSentenceHead, longSentencePart, longSentenceN, longSentenceTail)
	writeRepeated(t, filepath.Join(dir, "deep.html"), "<html><body>", "<div>", 100000, "<p>Maria Lopez met Tomas Varga in Port Elin.</p>"+strings.Repeat("</div>", 100000)+"</body></html>\n")
	writeRepeated(t, filepath.Join(dir, "huge.html"), "<html><head><script>var a = 1;</script></head><body><p>Maria Lopez met Tomas Varga in Port Elin.</p>",
		`<div class="ad"><span><a href="/x"><img src="a.png"></a></span><script>track("x")</script></div>`+"\n", 64000, "</body></html>\n")
	writeRepeated(t, filepath.Join(dir, "deep.md"), "", "> ", 100000, "Maria Lopez met Tomas Varga in Port Elin.\n")
	if err := os.Symlink("no-such-file.txt", filepath.Join(dir, "broken.txt")); err != nil {
		t.Fatal(err)
	}
	return big
}

// TestBadInputFolder runs build over a folder of every kind of bad input docs/input.md lists: each
// problem gets one line naming the file (and line) and the reason, the good articles are stored,
// the summary counts the skipped ones, and the exit status is 1.
func TestBadInputFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bad")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	copyDir(t, badInputDir, dir)
	big := writeBigBadInput(t, dir)
	skips := 11
	if os.Geteuid() != 0 { // root reads everything: unreadable files can only be tested as another user
		secret := filepath.Join(dir, "secret.txt")
		if err := os.WriteFile(secret, []byte("Acme Shipping hired Maria Lopez."), 0o000); err != nil {
			t.Fatal(err)
		}
		skips++
		defer func() {
			_, _, stderr := newsgraph(t, "extract", secret)
			if !strings.Contains(stderr, secret+": open: permission denied") {
				t.Errorf("unreadable file: %s", stderr)
			}
		}()
	}
	missing := filepath.Join(t.TempDir(), "no-such-folder")
	db := filepath.Join(t.TempDir(), "bad.db")
	code, _, stderr := newsgraph(t, "build", "--db", db, dir, missing)
	if code != exitPartial {
		t.Errorf("exit %d, want %d", code, exitPartial)
	}
	p := func(name string) string { return filepath.Join(dir, name) }
	for _, want := range []string{
		missing + ": stat: no such file or directory",
		p("broken.txt") + ": open: no such file or directory",
		p("empty.txt") + ": empty file",
		p("image.txt") + ": binary file",
		p("latin1.txt") + ": warning: decoded from Windows-1252 (not valid UTF-8)",
		p("cyrillic-1251.txt") + ": unknown text encoding: not UTF-8, UTF-16 or Western European (Windows-1252) text",
		p("big.txt") + fmt.Sprintf(": article too large: file of %d bytes (100.0 MB), over the limit of 10485760 bytes (10.0 MB)", big),
		p("lines.jsonl") + ":2: malformed JSONL line: unexpected EOF",
		p("lines.jsonl") + ":3: JSONL line has no text",
		p("lines.jsonl") + `:4: duplicate article id "harbour-1" with a different text (first read at ` + p("lines.jsonl") + ":1)",
		p("french.txt") + ": not English: looks like French",
		p("nav-only.html") + ": no article text (after removing the markup)",
		fmt.Sprintf("%d article(s) or path(s) skipped", skips),
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q", want)
		}
	}
	if n := strings.Count(stderr, "big.txt"); n != 1 {
		t.Errorf("big.txt named %d times", n)
	}
	if t.Failed() {
		t.Logf("stderr:\n%s", stderr)
	}
	_, out, _ := newsgraph(t, "stats", "--db", db, "--json")
	var st struct{ Articles int }
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	// good.txt, latin1.txt, harbour-1, harbour-4, sentence.txt, deep.html, huge.html, deep.md
	if st.Articles != 8 {
		t.Errorf("stored %d articles, want the 8 good ones", st.Articles)
	}
	// The nested and markup-heavy inputs kept their prose.
	_, out, _ = newsgraph(t, "query", "--db", db, `g.V("<person/maria-lopez>").In(["<subject>", "<object>"]).Out("<article>").Unique().Out("<id>").All()`)
	for _, id := range []string{"deep.html", "huge.html", "deep.md", "latin1.txt", "harbour-1"} {
		if !strings.Contains(out, `"`+id+`"`) {
			t.Errorf("no fact about Maria Lopez from %s: %s", id, out)
		}
	}
}

func TestMaxBytesFlag(t *testing.T) {
	jl, err := os.ReadFile(filepath.Join(badInputDir, "lines.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(jl), "\n")
	code, out, stderr := newsgraph(t, "extract", "--max-bytes", "100", filepath.Join(badInputDir, "good.txt"), filepath.Join(badInputDir, "lines.jsonl"))
	if code != exitPartial || !strings.Contains(out, `"doc":"harbour-4"`) || strings.Contains(out, `"doc":"good.txt"`) {
		t.Errorf("exit %d, output %q", code, out)
	}
	for _, want := range []string{
		"good.txt: article too large: file of 165 bytes, over the limit of 100 bytes",
		fmt.Sprintf("lines.jsonl:1: article too large: line of %d bytes, over the limit of 100 bytes", len(first)),
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// TestMaxSentenceTokensFlag checks the sentence cap end to end: a sentence of 20,003 tokens is cut
// into sentences of --max-sentence-tokens tokens (300 by default), and facts come from all of them.
func TestMaxSentenceTokensFlag(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sentence.txt")
	writeRepeated(t, path, longSentenceHead, longSentencePart, longSentenceN, longSentenceTail)
	lastSentence := regexp.MustCompile(`"sentence":(\d+),`)
	for _, c := range []struct {
		flag string
		last string // index of the last sentence with a fact
	}{
		{"100", "199"}, // 201 sentences, the last one "it rained." without a fact
		{"0", "66"},    // the default, 300: 67 sentences
	} {
		code, out, stderr := newsgraph(t, "extract", "--max-sentence-tokens", c.flag, path)
		if code != exitOK {
			t.Fatalf("--max-sentence-tokens %s: exit %d: %s", c.flag, code, stderr)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		m := lastSentence.FindStringSubmatch(lines[len(lines)-1])
		if len(lines) < 1000 || m == nil || m[1] != c.last {
			t.Errorf("--max-sentence-tokens %s: %d facts, last from sentence %v, want %s", c.flag, len(lines), m, c.last)
		}
	}
}
