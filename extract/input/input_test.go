package input

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

func collect(t *testing.T, r *Reader, paths ...string) ([]Article, ErrorList) {
	t.Helper()
	var got []Article
	errs, err := r.Read(context.Background(), paths, func(a Article) error {
		got = append(got, a)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return got, errs
}

func TestReadFolder(t *testing.T) {
	got, errs := collect(t, &Reader{}, "testdata/folder")
	type row struct {
		ID, File string
		Format   Format
		Title    string
	}
	var rows []row
	for _, a := range got {
		rows = append(rows, row{a.ID, a.File, a.Format, a.Title})
		if a.Hash != Hash(a.Text) || len(a.Hash) != 64 {
			t.Errorf("%s: bad hash %q", a.ID, a.Hash)
		}
	}
	want := []row{
		{"a.txt", filepath.Join("testdata/folder", "a.txt"), Text, ""},
		{"c.html", filepath.Join("testdata/folder", "c.html"), HTML, ""},
		{"n1", filepath.Join("testdata/folder", "lines.jsonl") + ":1", Text, "Bridge Reopens"},
		{"lines.jsonl#3", filepath.Join("testdata/folder", "lines.jsonl") + ":3", HTML, ""},
		{"n5", filepath.Join("testdata/folder", "lines.jsonl") + ":6", Text, ""},
		{"sub/b.md", filepath.Join("testdata/folder", "sub", "b.md"), Markdown, ""},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("articles:\n got %+v\nwant %+v", rows, want)
	}
	if got[2].URL != "https://example.org/n1" || got[2].Date != "2024-05-01" || got[2].Source != "Example Post" {
		t.Errorf("JSONL metadata lost: %+v", got[2].Article)
	}
	if len(errs) != 3 {
		t.Fatalf("want 3 problems, got %v", errs)
	}
	if e := errs[0]; !e.Warn || !errors.Is(e, ErrSkippedKinds) || !strings.Contains(e.Error(), "1 .csv") {
		t.Errorf("problem 0 = %v, want a warning about the .csv file left out", e)
	}
	if e := errs[1]; e.Line != 4 || !errors.Is(e, ErrMalformed) || !strings.Contains(e.Error(), "lines.jsonl:4: ") {
		t.Errorf("problem 1 = %v", e)
	}
	if e := errs[2]; e.Line != 5 || !errors.Is(e, ErrNoText) {
		t.Errorf("problem 2 = %v", e)
	}
}

// TestReadFolderWithoutArticles checks that a folder without a file newsgraph reads is a problem
// that says what it holds, not a silent empty run; hidden files go unmentioned.
func TestReadFolderWithoutArticles(t *testing.T) {
	empty := t.TempDir()
	csvs := t.TempDir()
	for _, f := range []string{"a.csv", "b.csv", "c.pdf", ".DS_Store"} {
		if err := os.WriteFile(filepath.Join(csvs, f), []byte("x,y\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for dir, want := range map[string]string{empty: "(the folder is empty)", csvs: "(it holds 2 .csv, 1 .pdf) (give --csv-text COLUMN to read one article a row)"} {
		got, errs := collect(t, &Reader{}, dir)
		if len(got) != 0 || len(errs) != 1 || errs[0].Warn || !errors.Is(errs[0], ErrNoArticles) || !strings.HasSuffix(errs[0].Error(), want) {
			t.Errorf("%s: %d articles, problems %v; want one ErrNoArticles ending %q", dir, len(got), errs, want)
		}
	}
}

func TestReadDirectFile(t *testing.T) {
	got, errs := collect(t, &Reader{}, "testdata/folder/sub/b.md")
	if len(errs) != 0 || len(got) != 1 || got[0].ID != "b.md" {
		t.Fatalf("got %+v, %v", got, errs)
	}
}

// TestBadInput checks that every kind of bad input is reported with its file (and line) while
// the good articles around it are still read.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good1 := write("1good.txt", []byte("A short and good article."))
	empty := write("2empty.txt", []byte(" \n\n"))
	bin := write("3bin.txt", []byte("abc\x00def"))
	ctl := write("4ctl.txt", []byte("\x01\x02\x03\x04\x05\x06abc"))
	latin := write("5latin.txt", []byte("Caf\xe9 owners \x93cheered\x94 the decision."))
	big := write("6big.txt", []byte(strings.Repeat("word ", 100)))
	unknown := write("7notes.xyz", []byte("text"))
	jl := write("8lines.jsonl", []byte("{\"text\":\"fine\"}\n{\"text\":\"x\"} trailing\n{\"text\":\""+strings.Repeat("y", 200)+"\"}\n[1,2]\n{\"text\":\"caf\xe9\"}\n"))
	emptyJL := write("9empty.jsonl", nil)
	missing := filepath.Join(dir, "missing.txt")
	good2 := write("good2.md", []byte("# Title\n\nSome text."))

	var seen []*Error
	r := &Reader{MaxBytes: 100, Problem: func(e *Error) { seen = append(seen, e) }}
	got, errs := collect(t, r, good1, empty, bin, ctl, latin, big, unknown, jl, emptyJL, missing, good2)
	var ids []string
	for _, a := range got {
		ids = append(ids, a.ID)
	}
	wantIDs := []string{"1good.txt", "5latin.txt", "8lines.jsonl#1", "8lines.jsonl#5", "good2.md"}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("ids = %v, want %v", ids, wantIDs)
	}
	if got[1].Text != "Café owners “cheered” the decision." {
		t.Errorf("Windows-1252 decoding: %q", got[1].Text)
	}
	if got[3].Text != "café" {
		t.Errorf("JSONL Latin-1 decoding: %q", got[3].Text)
	}
	type want struct {
		file string
		line int
		err  error
		warn bool
	}
	wants := []want{
		{empty, 0, ErrEmpty, false},
		{bin, 0, ErrBinary, false},
		{ctl, 0, ErrBinary, false},
		{latin, 0, ErrDecoded, true},
		{big, 0, ErrTooLarge, false},
		{unknown, 0, ErrUnknownType, false},
		{jl, 2, ErrMalformed, false},
		{jl, 3, ErrTooLarge, false},
		{jl, 4, ErrMalformed, false},
		{jl, 5, ErrDecoded, true},
		{emptyJL, 0, ErrEmpty, false},
		{missing, 0, os.ErrNotExist, false},
	}
	if len(errs) != len(wants) || len(seen) != len(wants) {
		t.Fatalf("got %d problems (%d by callback), want %d:\n%v", len(errs), len(seen), len(wants), errs)
	}
	for i, w := range wants {
		e := errs[i]
		if e.File != w.file || e.Line != w.line || !errors.Is(e, w.err) || e.Warn != w.warn {
			t.Errorf("problem %d = %v (warn %v), want %s:%d %v", i, e, e.Warn, w.file, w.line, w.err)
		}
		if !strings.HasPrefix(e.Error(), w.file) {
			t.Errorf("problem %d does not name its file: %v", i, e)
		}
	}
	if n := len(errs.Warnings()); n != 2 {
		t.Errorf("warnings = %d, want 2", n)
	}
	if n := len(errs.Skips()); n != len(wants)-2 {
		t.Errorf("skips = %d", n)
	}
}

func TestErrorFormat(t *testing.T) {
	cases := []struct {
		e    Error
		want string
	}{
		{Error{File: "a.txt", Err: ErrEmpty}, "a.txt: empty file"},
		{Error{File: "b.jsonl", Line: 7, Err: ErrNoText}, "b.jsonl:7: JSONL line has no text"},
		{Error{File: "c.txt", Err: ErrDecoded, Warn: true}, "c.txt: warning: decoded"},
	}
	for _, c := range cases {
		if got := c.e.Error(); got != c.want {
			t.Errorf("Error() = %q, want %q", got, c.want)
		}
	}
	l := ErrorList{{File: "b", Line: 2}, {File: "a", Line: 9}, {File: "b", Line: 1}}
	l.Sort()
	if l[0].File != "a" || l[1].Line != 1 || l[2].Line != 2 {
		t.Errorf("sort: %v", l)
	}
}

func TestStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	_, err := Read(context.Background(), []string{"testdata/folder"}, func(Article) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("callback error: err=%v n=%d", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, []string{"testdata/folder"}, func(Article) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestDeterministic(t *testing.T) {
	a, ea := collect(t, &Reader{}, "testdata")
	b, eb := collect(t, &Reader{}, "testdata")
	if !reflect.DeepEqual(a, b) || !reflect.DeepEqual(ea, eb) {
		t.Error("two runs differ")
	}
}

func TestLooksLikeHTML(t *testing.T) {
	for s, want := range map[string]bool{
		"<p>Hello</p>":             true,
		"Line one<br>line two":     true,
		"a < b and c > d":          false,
		"plain text":               false,
		"<DIV class=x>text</DIV>":  true,
		"5 <apples> in a basket":   false,
		"see </span> closing only": true,
	} {
		if got := LooksLikeHTML(s); got != want {
			t.Errorf("LooksLikeHTML(%q) = %v", s, got)
		}
	}
}

func TestCount(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":       "one",
		"b.md":        "two",
		"sub/c.html":  "<p>three</p>",
		"sub/d.jsonl": "{\"text\":\"x\"}\n\n{\"text\":\"y\"}\n",
		"e.csv":       "not an article",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := Count([]string{dir, filepath.Join(dir, "missing")}); got != 5 {
		t.Errorf("Count = %d, want 5 (3 files + 2 JSONL lines)", got)
	}
}

func TestDecode(t *testing.T) {
	cp1251, err := charmap.Windows1251.NewEncoder().String("Президент встретился с министрами в понедельник.")
	if err != nil {
		t.Fatal(err)
	}
	utf16le := []byte{0xFF, 0xFE, 'H', 0, 'i', 0, ' ', 0, 0xE9, 0}
	utf16be := []byte{0xFE, 0xFF, 0, 'H', 0, 'i', 0, ' ', 0, 0xE9}
	for _, c := range []struct {
		name  string
		data  string
		f     Format
		want  string // decoded text, when read
		warn  string // in the warning
		err   error
		inErr string
	}{
		{name: "utf8", data: "Café “quoted”", want: "Café “quoted”"},
		{name: "utf8 bom", data: "\xEF\xBB\xBFHello", want: "Hello"},
		{name: "latin1", data: "Caf\xe9 cr\xe8me", want: "Café crème", warn: "Windows-1252"},
		{name: "windows-1252 quotes", data: "\x93Yes,\x94 she said \x96 twice", want: "“Yes,” she said – twice", warn: "Windows-1252"},
		{name: "mixed utf8 and 1252", data: "Café and caf\xe9", want: "Café and café", warn: "Windows-1252"},
		{name: "undefined 1252 byte", data: "a\x81b", want: "a\uFFFDb", warn: "Windows-1252"},
		{name: "utf16le", data: string(utf16le), want: "Hi é", warn: "UTF-16"},
		{name: "utf16be", data: string(utf16be), want: "Hi é", warn: "UTF-16"},
		{name: "cp1251 text", data: cp1251, err: ErrEncoding, inErr: "Western European"},
		{name: "cp1251 html with meta", data: `<html><head><meta charset="windows-1251"></head><body><p>` + cp1251 + `</p></body></html>`, f: HTML,
			want: `<html><head><meta charset="windows-1251"></head><body><p>Президент встретился с министрами в понедельник.</p></body></html>`, warn: "windows-1251 (declared in the page)"},
		{name: "cp1251 html without meta", data: "<p>" + cp1251 + "</p>", f: HTML, err: ErrEncoding},
		{name: "empty", data: " \n\t ", err: ErrEmpty},
		{name: "empty utf16", data: "\xFF\xFE \x00", err: ErrEmpty},
		{name: "nul", data: "PNG\x00\x01", err: ErrBinary},
		{name: "controls", data: "\x01\x02\x03\x04\x05\x06\x07\x08abcdefghijkl", err: ErrBinary},
	} {
		t.Run(c.name, func(t *testing.T) {
			text, warn, err := Decode([]byte(c.data), c.f)
			if c.err != nil {
				if !errors.Is(err, c.err) || !strings.Contains(err.Error(), c.inErr) {
					t.Fatalf("error %v, want %v containing %q", err, c.err, c.inErr)
				}
				return
			}
			if err != nil || text != c.want {
				t.Fatalf("got %q, %v; want %q", text, err, c.want)
			}
			if c.warn == "" && warn != nil || c.warn != "" && (!errors.Is(warn, ErrDecoded) || !strings.Contains(warn.Error(), c.warn)) {
				t.Errorf("warning %v, want one containing %q", warn, c.warn)
			}
		})
	}
}

// TestTooLargeNotRead checks that an article over the limit is rejected with its size and the
// limit, and that rejecting a large file does not read it into memory.
func TestTooLargeNotRead(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil { // sparse: 100 MB that take no disk
		t.Fatal(err)
	}
	f.Close()
	line := filepath.Join(dir, "long.jsonl")
	long := `{"id":"long","text":"` + strings.Repeat("word ", 8<<20/5) + `"}` + "\n" + `{"id":"short","text":"fine"}` + "\n"
	if err := os.WriteFile(line, []byte(long), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &Reader{MaxBytes: 1 << 20}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got, errs := collect(t, r, big)
	runtime.ReadMemStats(&after)
	if len(got) != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Fatalf("got %d articles, problems %v", len(got), errs)
	}
	if msg := errs[0].Error(); !strings.Contains(msg, "104857600 bytes (100.0 MB)") || !strings.Contains(msg, "limit of 1048576 bytes (1.0 MB)") {
		t.Errorf("message does not give the size and the limit: %s", msg)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 256<<10 {
		t.Errorf("rejecting a 100 MB file allocated %d bytes", alloc)
	}
	r.MaxBytes = 256 << 10
	runtime.ReadMemStats(&before)
	got, errs = collect(t, r, line)
	runtime.ReadMemStats(&after)
	if len(got) != 1 || got[0].ID != "short" || len(errs) != 1 || errs[0].Line != 1 || !strings.Contains(errs[0].Error(), "line of 8388628 bytes") {
		t.Fatalf("long JSONL line: %d articles, problems %v", len(got), errs)
	}
	// Until a line passes the limit it is kept, so a few times the limit is allocated as the
	// buffer grows; never the size of the line.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 2<<20 {
		t.Errorf("skipping an 8 MB JSONL line allocated %d bytes", alloc)
	}
}

func TestDuplicateIDs(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.jsonl")
	b := filepath.Join(dir, "b.jsonl")
	os.WriteFile(a, []byte(`{"id":"x","text":"First text."}`+"\n"+`{"id":"y","text":"Other."}`+"\n"), 0o644)
	os.WriteFile(b, []byte(`{"id":"x","text":"First text."}`+"\n"+`{"id":"x","text":"A different text."}`+"\n"), 0o644)
	got, errs := collect(t, &Reader{}, a, b)
	var ids []string
	for _, g := range got {
		ids = append(ids, g.ID+"@"+g.File)
	}
	want := []string{"x@" + a + ":1", "y@" + a + ":2", "x@" + b + ":1"} // the same text again is passed on
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("read %v, want %v", ids, want)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrDuplicateID) || errs[0].File != b || errs[0].Line != 2 ||
		!strings.Contains(errs[0].Error(), `"x" with a different text (first read at `+a+":1)") {
		t.Errorf("problems %v", errs)
	}
}

// FuzzDecode decodes arbitrary bytes as each format: text that is accepted is valid UTF-8, and
// the result does not depend on anything but the input.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"plain", "Caf\xe9", "\xff\xfeH\x00i\x00", "\xfe\xff\x00H", "\xef\xbb\xbf", "<meta charset=koi8-r>\xf0\xf2",
		"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\">\x82\xa0", "a\x00b", "\xd8\x00"} {
		f.Add([]byte(s), uint8(0))
		f.Add([]byte(s), uint8(2))
	}
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		fm := Format(format % 3)
		text, warn, err := Decode(data, fm)
		if err != nil {
			if text != "" || warn != nil {
				t.Fatalf("error %v with text %q, warning %v", err, text, warn)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("decoded text is not UTF-8: %q", text)
		}
		if strings.TrimSpace(text) == "" {
			t.Fatalf("blank text accepted")
		}
		if again, _, _ := Decode(data, fm); again != text {
			t.Fatalf("two decodings differ")
		}
	})
}

// TestReadURL: a URL is read through Reader.Fetch as an HTML article named by its URL, with what
// the feed said of it; a page that cannot be fetched is one problem naming the URL.
func TestReadURL(t *testing.T) {
	pages := map[string]Page{
		"https://news.example/a": {Body: []byte("<html><body><p>Text.</p></body></html>"), Title: " Feed title ", Date: "2024-05-14T09:30:00Z", Author: "Anna Keller"},
	}
	r := &Reader{Fetch: func(_ context.Context, u string) (Page, error) {
		if p, ok := pages[u]; ok {
			return p, nil
		}
		return Page{}, errors.New("HTTP status 404 Not Found")
	}}
	got, errs := collect(t, r, "https://news.example/a", "https://news.example/gone")
	if len(got) != 1 {
		t.Fatalf("%d articles, want 1", len(got))
	}
	a := got[0]
	if a.ID != "https://news.example/a" || a.URL != a.ID || a.File != a.ID || a.Format != HTML || a.Title != "Feed title" ||
		a.Date != "2024-05-14T09:30:00Z" || a.Author != "Anna Keller" || a.Hash != Hash(a.Text) {
		t.Errorf("article %+v", a.Article)
	}
	if len(errs) != 1 || errs[0].File != "https://news.example/gone" || errs[0].Error() != "https://news.example/gone: HTTP status 404 Not Found" {
		t.Errorf("problems %v", errs)
	}
	for s, want := range map[string]bool{"HTTP://x.example/": true, "https://x": true, "news/http://x": false, "ftp://x": false} {
		if IsURL(s) != want {
			t.Errorf("IsURL(%q) = %v", s, !want)
		}
	}
	_, errs = collect(t, &Reader{}, "https://news.example/a")
	if len(errs) != 1 || !errors.Is(errs[0], ErrNoFetch) {
		t.Errorf("without Fetch: %v", errs)
	}
	if n := Count([]string{"https://news.example/a", "testdata/folder"}); n < 2 {
		t.Errorf("Count with a URL: %d", n)
	}
}

func TestReadJSONLMetadata(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.jsonl")
	line := `{"id":"x","text":"The mayor spoke.","date":"2024-01-02","source":"Herald","author":" Jane Doe ","language":"en","categories":["Politics"," "]}` + "\n"
	if err := os.WriteFile(p, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	got, errs := collect(t, &Reader{}, p)
	if len(errs) != 0 || len(got) != 1 {
		t.Fatalf("%v %v", got, errs)
	}
	a := got[0]
	if a.Author != "Jane Doe" || a.Language != "en" || !reflect.DeepEqual(a.Categories, []string{"Politics"}) || a.Date != "2024-01-02" || a.Source != "Herald" {
		t.Errorf("metadata %+v", a.Article)
	}
}

// TestNamedPipeSkipped checks that a named pipe in the input, or a link to one, is skipped with
// a message instead of waiting for a writer for ever (in Read and in Count), and that the
// article beside them is read.
func TestNamedPipeSkipped(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	link := filepath.Join(dir, "link.jsonl")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), []byte("A short and good article."), 0o644); err != nil {
		t.Fatal(err)
	}
	type result struct {
		got   []Article
		errs  ErrorList
		count int
	}
	done := make(chan result, 1)
	go func() {
		got, errs := collect(t, &Reader{}, dir, fifo)
		done <- result{got, errs, Count([]string{dir})}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(time.Minute): // only ends a test that would otherwise hang
		t.Fatal("reading a folder with a named pipe does not end")
	}
	if len(r.got) != 1 || r.got[0].ID != "good.txt" {
		t.Errorf("articles %+v, want good.txt", r.got)
	}
	if len(r.errs) != 3 {
		t.Fatalf("problems %v, want the pipe twice and the link", r.errs)
	}
	for _, e := range r.errs {
		if !errors.Is(e, ErrNotRegular) || !strings.Contains(e.Error(), "named pipe") {
			t.Errorf("problem %v, want ErrNotRegular", e)
		}
	}
	if r.count != 1 {
		t.Errorf("Count = %d, want 1", r.count)
	}
}

// TestCountLongLine checks that Count reads a long JSONL line in pieces: counting a file of a
// 64 MB line allocates a small part of that.
func TestCountLongLine(t *testing.T) {
	p := filepath.Join(t.TempDir(), "long.jsonl")
	line := `{"text":"` + strings.Repeat("x", 64<<20) + "\"}\n"
	if err := os.WriteFile(p, []byte("\n"+line+"  \n"+line), 0o644); err != nil {
		t.Fatal(err)
	}
	line = ""
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	n := Count([]string{p})
	runtime.ReadMemStats(&after)
	if n != 2 {
		t.Errorf("Count = %d, want 2", n)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("Count allocated %d KB for two lines of 64 MB; want under 1 MB", alloc>>10)
	}
}

// TestControlCharactersInNames checks that a file name holding control characters (which could
// move the cursor or recolour a terminal) is printed quoted, and a plain one as it is.
func TestControlCharactersInNames(t *testing.T) {
	for name, want := range map[string]string{
		"news/a.txt":            "news/a.txt: empty file",
		"news/é ü.txt":          "news/é ü.txt: empty file",
		"news/\x1b[2Jevil.txt":  `"news/\x1b[2Jevil.txt": empty file`,
		"news/line\rbreak.txt":  `"news/line\rbreak.txt": empty file`,
		"news/bad\xffbytes.txt": `"news/bad\xffbytes.txt": empty file`,
		"news/rtl\u202eltr.txt": `"news/rtl\u202eltr.txt": empty file`,
	} {
		if got := (&Error{File: name, Err: ErrEmpty}).Error(); got != want {
			t.Errorf("Error() = %s, want %s", got, want)
		}
	}
}

// TestReadCSV checks CSV input with a text column: one article a row (a quoted text may run over
// lines), the id and title columns used, a row without text and a file without the column
// reported with their lines; without CSVText, CSV files are not read.
func TestReadCSV(t *testing.T) {
	got, errs := collect(t, &Reader{CSVText: "text"}, "testdata/csv")
	var ids []string
	for _, a := range got {
		ids = append(ids, a.ID+"|"+a.Title+"|"+a.Text+"|"+filepath.Base(a.File))
	}
	want := []string{
		"n1|Bridge Reopens|The old bridge reopened on Monday, the mayor said.|articles.csv:2",
		"articles.csv#2||A story over\ntwo lines.|articles.csv:3",
	}
	if !slices.Equal(ids, want) {
		t.Errorf("articles\n got %q\nwant %q", ids, want)
	}
	if len(errs) != 2 || !errors.Is(errs[0], ErrNoText) || errs[0].Line != 5 || !errors.Is(errs[1], ErrNoTextColumn) || errs[1].Line != 1 {
		t.Errorf("problems %v: want the row without text (line 5) and the file without the column (line 1)", errs)
	}
	if n := (&Reader{CSVText: "text"}).Count([]string{"testdata/csv/articles.csv"}); n < 3 {
		t.Errorf("Count of the CSV rows: %d", n)
	}
	got, errs = collect(t, &Reader{}, "testdata/csv/articles.csv")
	if len(got) != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrUnknownType) || !strings.Contains(errs[0].Error(), "--csv-text") {
		t.Errorf("a CSV file without CSVText: %d articles, %v", len(got), errs)
	}
}
