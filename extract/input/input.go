// Package input reads news articles from files and folders as a stream: plain text (.txt),
// Markdown (.md), HTML (.html, .htm) and JSON Lines (.jsonl, one article a line), and web pages
// named by URL through a fetch function its caller gives (Reader.Fetch). It decodes the bytes to
// UTF-8 text, gives every article an id, a path and a hash, and reports every problem with one
// file, line or URL as an Error while the other articles keep flowing.
//
// It must not interpret the text: turning Markdown and HTML into prose, reading their metadata,
// finding headlines and splitting sentences belong to packages prepare and segment. It does no
// network I/O of its own. It holds at most one article (or one JSONL line) in memory at a time.
package input

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/newsgraph/newsgraph/schema"
)

// Format is the markup of an article's text.
type Format uint8

// The formats of article text.
const (
	Text     Format = iota // plain text
	Markdown               // CommonMark / GitHub Markdown
	HTML                   // an HTML document or fragment
)

var formatNames = [...]string{"text", "markdown", "html"}

// String returns the lower-case name of the format.
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "unknown"
}

// Article is one article read from the input: what is known of it for the graph, its text as
// UTF-8, and the markup of that text.
type Article struct {
	schema.Article
	// Text is the article text, decoded to UTF-8 (see Reader for how invalid UTF-8 is decoded).
	// It is the text every offset of the prepared document maps back to.
	Text string
	// Format is the markup of Text.
	Format Format
	// Path is the file the article was read from, and Line its 1-based line in a JSONL file (0
	// for a whole file): where a problem found later is reported (see Problem).
	Path string
	Line int
}

// Problem returns err as a problem of the article, at its file and line.
func (a *Article) Problem(err error, warn bool) *Error {
	return &Error{File: a.Path, Line: a.Line, Err: err, Warn: warn}
}

// DefaultMaxBytes is the default size limit of one article: 10 MB.
const DefaultMaxBytes = 10 << 20

// Reader reads articles. The zero value is ready to use with the default limit.
//
// Text that is not valid UTF-8 is decoded, with a warning (ErrDecoded), and the article is still
// read: text starting with a UTF-16 byte-order mark from UTF-16; an HTML file from the charset its
// <meta> declares; other text from Windows-1252 (a superset of Latin-1), keeping any runs of valid
// UTF-8 as they are, when it looks like Western European text (few bytes outside ASCII). Text
// that looks like none of these is skipped (ErrEncoding); so are binary files (ErrBinary). A
// UTF-8 byte-order mark is dropped.
//
// Articles larger than MaxBytes are skipped (ErrTooLarge) without being read: files by their size,
// JSONL lines as they stream past. Within one run, an id met again with a different text is
// skipped (ErrDuplicateID); with the same text it is passed on (callers drop repeated texts).
type Reader struct {
	// MaxBytes is the largest article accepted, in bytes; 0 means DefaultMaxBytes. Larger articles
	// are reported (ErrTooLarge) and skipped.
	MaxBytes int64
	// Problem, when set, is called with every problem as soon as it is found, in reading order
	// (warnings too). Read also returns all of them, sorted.
	Problem func(*Error)
	// Fetch, when set, returns the web page of a path that is an http or https URL; without it
	// such a path is a problem (ErrNoFetch). The page is read as HTML, with the URL as its id,
	// file and url.
	Fetch func(ctx context.Context, url string) (Page, error)
	// CSVText, when set, makes CSV files (.csv) input: one article a row, its text the column of
	// this name (see csvFile). Without it, CSV files are not read.
	CSVText string
}

// Page is a web page fetched for Reader.Fetch, with what a feed said of it.
type Page struct {
	// Body is the page's bytes.
	Body []byte
	// Title, Date and Author, when set, are what a feed said of the page; they win over the
	// page's own metadata.
	Title, Date, Author string
}

// IsURL reports whether a path given to Read is an http or https URL.
func IsURL(p string) bool {
	low := strings.ToLower(p)
	return strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://")
}

// Read reads the articles of paths with the default options; see Reader.Read.
func Read(ctx context.Context, paths []string, fn func(Article) error) (ErrorList, error) {
	var r Reader
	return r.Read(ctx, paths, fn)
}

// Read calls fn with each article of paths in order: the arguments in the order given, the files
// under a folder recursively in lexical order of their paths. Under a folder, files with other
// extensions are skipped silently; a file named explicitly with an unknown extension is a problem.
//
// Article ids: a file named directly is identified by its base name; a file found under a folder
// by its path relative to that folder, with slashes; a JSONL article by its "id" field, else by
// "<file base name>#<line>". File is the path (with ":<line>" for JSONL) and Hash the hex SHA-256 of
// Text.
//
// Problems with the input (missing paths, empty, binary or oversized files, malformed JSONL lines,
// lines without text, decoded encodings) never stop the reading: they are returned as a sorted
// ErrorList (nil when there were none) and passed to r.Problem as they happen. The error result is
// only for what stops the run: the context's error, or an error returned by fn (returned as is).
func (r *Reader) Read(ctx context.Context, paths []string, fn func(Article) error) (ErrorList, error) {
	rd := &run{r: r, ctx: ctx, fn: fn, max: r.MaxBytes, ids: map[string]firstRead{}}
	if rd.max <= 0 {
		rd.max = DefaultMaxBytes
	}
	for _, p := range paths {
		if err := rd.path(p); err != nil {
			rd.errs.Sort()
			return rd.errs, err
		}
	}
	rd.errs.Sort()
	if len(rd.errs) == 0 {
		return nil, nil
	}
	return rd.errs, nil
}

// kinds of file by extension.
const (
	fileNone = iota
	fileText
	fileMarkdown
	fileHTML
	fileJSONL
	fileCSV
)

func fileKind(name string) int {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return fileText
	case ".md", ".markdown":
		return fileMarkdown
	case ".html", ".htm", ".xhtml":
		return fileHTML
	case ".jsonl", ".ndjson":
		return fileJSONL
	case ".csv":
		return fileCSV
	}
	return fileNone
}

// kind returns the kind of file name as this run reads it: CSV files only when the reader has
// a text column for them.
func (rd *run) kind(name string) int {
	k := fileKind(name)
	if k == fileCSV && rd.r.CSVText == "" {
		return fileNone
	}
	return k
}

type run struct {
	r    *Reader
	ctx  context.Context
	fn   func(Article) error
	max  int64
	errs ErrorList
	ids  map[string]firstRead // article id -> where it was first read
}

// firstRead is where an article id was first read, and the hash of its text.
type firstRead struct {
	where, hash string
}

// emit passes a to the callback unless its id was read before with another text.
func (rd *run) emit(a Article) error {
	if first, ok := rd.ids[a.ID]; ok && first.hash != a.Hash {
		rd.report(a.Path, a.Line, false, fmt.Errorf("%w %q with a different text (first read at %s)", ErrDuplicateID, a.ID, first.where))
		return nil
	} else if !ok {
		rd.ids[a.ID] = firstRead{a.File, a.Hash}
	}
	return rd.fn(a)
}

// tooLarge is the problem of an article of size bytes over the limit.
func (rd *run) tooLarge(size int64, what string) error {
	return fmt.Errorf("%w: %s of %s, over the limit of %s", ErrTooLarge, what, byteSize(size), byteSize(rd.max))
}

// byteSize writes n bytes for people: "104857600 bytes (100.0 MB)".
func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d bytes (%.1f MB)", n, float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d bytes (%.1f KB)", n, float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// stop wraps an error that must end the run (context, callback).
type stop struct{ err error }

func (s stop) Error() string { return s.err.Error() }

func (rd *run) report(file string, line int, warn bool, err error) {
	e := &Error{File: file, Line: line, Err: err, Warn: warn}
	rd.errs = append(rd.errs, e)
	if rd.r.Problem != nil {
		rd.r.Problem(e)
	}
}

func (rd *run) path(p string) error {
	if err := rd.ctx.Err(); err != nil {
		return err
	}
	if IsURL(p) {
		return rd.url(p)
	}
	st, err := os.Stat(p)
	if err != nil {
		rd.report(p, 0, false, unwrapPath(err))
		return nil
	}
	if !st.IsDir() {
		k := rd.kind(p)
		if k == fileNone {
			hint := ""
			if fileKind(p) == fileCSV {
				hint = csvHint
			}
			rd.report(p, 0, false, fmt.Errorf("%w %q%s", ErrUnknownType, filepath.Ext(p), hint))
			return nil
		}
		return rd.file(p, filepath.Base(p), k)
	}
	read := 0
	skipped := map[string]int{} // extension → files left out
	werr := filepath.WalkDir(p, func(q string, de fs.DirEntry, err error) error {
		if err != nil {
			rd.report(q, 0, false, unwrapPath(err))
			if de != nil && de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if de.IsDir() {
			return nil
		}
		k := rd.kind(q)
		if k == fileNone {
			if !strings.HasPrefix(de.Name(), ".") { // hidden files (.DS_Store) go unmentioned
				skipped[strings.ToLower(filepath.Ext(q))]++
			}
			return nil
		}
		read++
		rel, rerr := filepath.Rel(p, q)
		if rerr != nil {
			rel = q
		}
		if err := rd.file(q, filepath.ToSlash(rel), k); err != nil {
			return stop{err}
		}
		return nil
	})
	var s stop
	if errors.As(werr, &s) {
		return s.err
	}
	if werr != nil {
		return werr
	}
	switch {
	case read == 0 && len(skipped) == 0:
		rd.report(p, 0, false, fmt.Errorf("%w (the folder is empty)", ErrNoArticles))
	case read == 0 && skipped[".csv"] > 0:
		rd.report(p, 0, false, fmt.Errorf("%w (it holds %s)%s", ErrNoArticles, kindCounts(skipped), csvHint))
	case read == 0:
		rd.report(p, 0, false, fmt.Errorf("%w (it holds %s)", ErrNoArticles, kindCounts(skipped)))
	case len(skipped) > 0:
		rd.report(p, 0, true, fmt.Errorf("%w: %s", ErrSkippedKinds, kindCounts(skipped)))
	}
	return nil
}

// csvHint ends the problem of CSV files left out for want of Reader.CSVText.
const csvHint = " (give --csv-text COLUMN to read one article a row)"

// kindCounts writes files counted by extension, most first: "12 .csv, 1 .pdf".
func kindCounts(n map[string]int) string {
	exts := make([]string, 0, len(n))
	for e := range n {
		exts = append(exts, e)
	}
	sort.Slice(exts, func(a, b int) bool {
		if n[exts[a]] != n[exts[b]] {
			return n[exts[a]] > n[exts[b]]
		}
		return exts[a] < exts[b]
	})
	parts := make([]string, len(exts))
	for i, e := range exts {
		if e == "" {
			e = "(no extension)"
		}
		parts[i] = fmt.Sprintf("%d %s", n[exts[i]], e)
	}
	return strings.Join(parts, ", ")
}

// unwrapPath drops the *fs.PathError wrapper, whose path the Error repeats.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

func (rd *run) file(p, id string, kind int) error {
	if err := rd.ctx.Err(); err != nil {
		return err
	}
	switch kind {
	case fileJSONL:
		return rd.jsonl(p)
	case fileCSV:
		return rd.csvFile(p)
	}
	f, err := openRegular(p)
	if err != nil {
		rd.report(p, 0, false, unwrapPath(err))
		return nil
	}
	defer f.Close()
	// A regular file over the limit is rejected by its size, before anything is read.
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > rd.max {
		rd.report(p, 0, false, rd.tooLarge(st.Size(), "file"))
		return nil
	}
	data, err := io.ReadAll(io.LimitReader(f, rd.max+1))
	if err != nil {
		rd.report(p, 0, false, unwrapPath(err))
		return nil
	}
	if int64(len(data)) > rd.max {
		rd.report(p, 0, false, fmt.Errorf("%w: more than %s", ErrTooLarge, byteSize(rd.max)))
		return nil
	}
	a := Article{Path: p}
	switch kind {
	case fileMarkdown:
		a.Format = Markdown
	case fileHTML:
		a.Format = HTML
	}
	text, ok := rd.decode(p, 0, data, a.Format)
	if !ok {
		return nil
	}
	a.Text = text
	a.ID = id
	a.File = p
	a.Hash = Hash(text)
	return rd.emit(a)
}

// url reads the web page at p through Reader.Fetch.
func (rd *run) url(p string) error {
	if rd.r.Fetch == nil {
		rd.report(p, 0, false, ErrNoFetch)
		return nil
	}
	page, err := rd.r.Fetch(rd.ctx, p)
	if err != nil {
		if cerr := rd.ctx.Err(); cerr != nil {
			return cerr
		}
		rd.report(p, 0, false, err)
		return nil
	}
	if int64(len(page.Body)) > rd.max {
		rd.report(p, 0, false, rd.tooLarge(int64(len(page.Body)), "page"))
		return nil
	}
	text, ok := rd.decode(p, 0, page.Body, HTML)
	if !ok {
		return nil
	}
	a := Article{Text: text, Format: HTML, Path: p}
	a.ID, a.File, a.URL = p, p, p
	a.Title, a.Date, a.Author = strings.TrimSpace(page.Title), page.Date, page.Author
	a.Hash = Hash(text)
	return rd.emit(a)
}

// decode checks data and turns it into UTF-8 text, reporting problems; ok is false when the
// article must be skipped.
func (rd *run) decode(file string, line int, data []byte, f Format) (string, bool) {
	text, warn, err := Decode(data, f)
	if err != nil {
		rd.report(file, line, false, err)
		return "", false
	}
	if warn != nil {
		rd.report(file, line, true, warn)
	}
	return text, true
}

// Decode turns the bytes of one article of format f into UTF-8 text, as Reader describes. It
// returns an error (ErrEmpty, ErrBinary, ErrEncoding) when the bytes are not usable text, and a
// warning (wrapping ErrDecoded) when they were not UTF-8 and were decoded.
func Decode(data []byte, f Format) (text string, warning, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF):
		// The BOM tells the byte order; ExpectBOM consumes it.
		u, derr := decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data)
		if derr != nil {
			return "", nil, fmt.Errorf("%w: bad UTF-16: %w", ErrEncoding, derr)
		}
		if len(bytes.TrimSpace(u)) == 0 {
			return "", nil, ErrEmpty
		}
		if binary(u) {
			return "", nil, ErrBinary
		}
		return string(u), fmt.Errorf("%w from UTF-16", ErrDecoded), nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", nil, ErrEmpty
	}
	if binary(data) {
		return "", nil, ErrBinary
	}
	if utf8.Valid(data) {
		return string(data), nil, nil
	}
	if f == HTML {
		// A charset declared in the page (<meta charset>, http-equiv) decides; without one
		// DetermineEncoding answers windows-1252, handled below.
		if enc, name, _ := charset.DetermineEncoding(data, "text/html"); name != "windows-1252" && name != "utf-8" && enc != nil {
			if u, derr := decodeWith(enc, data); derr == nil {
				return string(u), fmt.Errorf("%w from %s (declared in the page)", ErrDecoded, name), nil
			}
		}
	}
	return decodeLegacy(data)
}

// decodeLegacy decodes bytes that are not valid UTF-8 as Windows-1252 when they look like
// Western European text; see strayBytes.
func decodeLegacy(data []byte) (text string, warning, err error) {
	if bad, letters := strayBytes(data); bad*3 > letters {
		return "", nil, fmt.Errorf("%w: not UTF-8, UTF-16 or Western European (Windows-1252) text: %d of its %d letters are bytes outside ASCII", ErrEncoding, bad, letters)
	}
	return decode1252(data), fmt.Errorf("%w from Windows-1252 (not valid UTF-8)", ErrDecoded), nil
}

// decodeWith decodes data with enc.
func decodeWith(enc encoding.Encoding, data []byte) ([]byte, error) {
	return enc.NewDecoder().Bytes(data)
}

// binary reports whether data holds a NUL byte or, in its first 8 KB, more than 10% control
// characters other than tab, newline, carriage return and form feed.
func binary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F {
			ctl++
		}
	}
	return ctl*10 > len(head)
}

// strayBytes counts the bytes of data outside ASCII that are not part of valid UTF-8 sequences,
// and the letters (ASCII letters and those stray bytes). In Western European text in
// Windows-1252 the stray bytes are a few accented letters and punctuation; in Cyrillic, Greek or
// East Asian legacy encodings they are most of the letters.
func strayBytes(data []byte) (bad, letters int) {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				letters++
			}
			i++
			continue
		}
		if r, n := utf8.DecodeRune(data[i:]); r != utf8.RuneError || n > 1 {
			i += n
			continue
		}
		bad++
		letters++
		i++
	}
	return bad, letters
}

// decode1252 decodes data as Windows-1252 (golang.org/x/text's table: its five undefined bytes
// become U+FFFD), keeping runs of valid multi-byte UTF-8 as they are (text that mixes both
// encodings is common in scraped news).
func decode1252(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			i++
			continue
		}
		if r, n := utf8.DecodeRune(data[i:]); r != utf8.RuneError && n > 1 {
			b.Write(data[i : i+n])
			i += n
			continue
		}
		b.WriteRune(charmap.Windows1252.DecodeByte(c))
		i++
	}
	return b.String()
}

// Hash returns the hex SHA-256 of text, the Article.Hash of an article.
func Hash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

// jsonArticle is one line of JSONL input.
type jsonArticle struct {
	ID     *string `json:"id"`
	URL    *string `json:"url"`
	Title  *string `json:"title"`
	Date   *string `json:"date"`
	Source *string `json:"source"`
	Text   *string `json:"text"`
	// Author, Language and Categories are optional metadata, as the article node holds them.
	Author     *string  `json:"author"`
	Language   *string  `json:"language"`
	Categories []string `json:"categories"`
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func (rd *run) jsonl(p string) error {
	f, err := openRegular(p)
	if err != nil {
		rd.report(p, 0, false, unwrapPath(err))
		return nil
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	base := filepath.Base(p)
	var buf []byte
	any := false
	for line := 1; ; line++ {
		if err := rd.ctx.Err(); err != nil {
			return err
		}
		var size int64
		var rerr error
		buf, size, rerr = readLine(br, buf[:0], rd.max)
		long := size > rd.max
		if rerr != nil && rerr != io.EOF {
			rd.report(p, line, false, fmt.Errorf("read: %w", rerr))
			return nil
		}
		if len(bytes.TrimSpace(buf)) > 0 || long {
			any = true
			if err := rd.jsonLine(p, base, line, buf, size); err != nil {
				return err
			}
		}
		if rerr == io.EOF {
			break
		}
	}
	if !any {
		rd.report(p, 0, false, ErrEmpty)
	}
	return nil
}

// readLine reads one line into buf (without its line ending) and returns its size in bytes (also
// without the line ending). A line longer than max is consumed but not kept: only its size is
// counted.
func readLine(br *bufio.Reader, buf []byte, max int64) (_ []byte, size int64, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if err != bufio.ErrBufferFull {
			chunk = bytes.TrimSuffix(bytes.TrimSuffix(chunk, []byte("\n")), []byte("\r"))
		}
		size += int64(len(chunk))
		if size <= max {
			buf = append(buf, chunk...)
		} else {
			buf = buf[:0]
		}
		if err != bufio.ErrBufferFull {
			return bytes.TrimSuffix(buf, []byte("\r")), size, err // a CR cut from its LF by the buffer
		}
	}
}

func (rd *run) jsonLine(p, base string, line int, data []byte, size int64) error {
	if size > rd.max {
		rd.report(p, line, false, rd.tooLarge(size, "line"))
		return nil
	}
	if bytes.IndexByte(data, 0) >= 0 {
		rd.report(p, line, false, ErrBinary)
		return nil
	}
	if !utf8.Valid(data) {
		text, warn, err := decodeLegacy(data)
		if err != nil {
			rd.report(p, line, false, err)
			return nil
		}
		data = []byte(text)
		rd.report(p, line, true, warn)
	}
	var ja jsonArticle
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&ja); err != nil {
		rd.report(p, line, false, fmt.Errorf("%w: %w", ErrMalformed, err))
		return nil
	}
	if dec.More() {
		rd.report(p, line, false, fmt.Errorf("%w: text after the JSON object", ErrMalformed))
		return nil
	}
	text := str(ja.Text)
	if strings.TrimSpace(text) == "" {
		rd.report(p, line, false, ErrNoText)
		return nil
	}
	if int64(len(text)) > rd.max {
		rd.report(p, line, false, rd.tooLarge(int64(len(text)), "text"))
		return nil
	}
	a := Article{Text: text, Path: p, Line: line}
	if LooksLikeHTML(text) {
		a.Format = HTML
	}
	a.ID = str(ja.ID)
	if a.ID == "" {
		a.ID = base + "#" + strconv.Itoa(line)
	}
	a.Title = strings.TrimSpace(str(ja.Title))
	a.URL = str(ja.URL)
	a.Date = str(ja.Date)
	a.Source = str(ja.Source)
	a.Author = strings.TrimSpace(str(ja.Author))
	a.Language = strings.TrimSpace(str(ja.Language))
	for _, c := range ja.Categories {
		if c = strings.TrimSpace(c); c != "" {
			a.Categories = append(a.Categories, c)
		}
	}
	a.File = p + ":" + strconv.Itoa(line)
	a.Hash = Hash(text)
	return rd.emit(a)
}

// htmlTags are the tags whose presence makes JSONL text HTML.
var htmlTags = []string{"p", "div", "br", "html", "body", "span", "a", "h1", "h2", "h3", "h4", "ul", "ol", "li", "article", "section", "em", "strong", "b", "i", "table", "!doctype", "img", "figure", "blockquote"}

// LooksLikeHTML reports whether text (from a source that does not say its format) holds HTML
// markup: a common tag such as <p>, <br>, <div> or </...> within its first 4 KB.
func LooksLikeHTML(text string) bool {
	head := text
	if len(head) > 4096 {
		head = head[:4096]
	}
	for i := strings.IndexByte(head, '<'); i >= 0 && i+1 < len(head); {
		rest := head[i+1:]
		if rest[0] == '/' && len(rest) > 1 && isLetter(rest[1]) {
			return true
		}
		for _, t := range htmlTags {
			if len(rest) > len(t) && strings.EqualFold(rest[:len(t)], t) {
				c := rest[len(t)]
				if c == '>' || c == ' ' || c == '/' || c == '\t' || c == '\n' {
					return true
				}
			}
		}
		j := strings.IndexByte(rest, '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// Count estimates how many articles paths hold, cheaply, for progress reports: one per URL and
// per article file that Read would read, one per non-blank line of JSONL files. Paths that cannot
// be read count nothing (Read reports them). It holds one buffer whatever the length of a line.
func Count(paths []string) int { return (&Reader{}).Count(paths) }

// Count is the package's Count for the files this reader reads: with CSVText, the non-blank
// lines of CSV files after their header count too (a row that runs over several lines counts
// each).
func (r *Reader) Count(paths []string) int {
	n := 0
	rd := &run{r: r}
	countFile := func(p string) {
		switch rd.kind(p) {
		case fileText, fileMarkdown, fileHTML:
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				n++
			}
		case fileJSONL, fileCSV:
			f, err := openRegular(p)
			if err != nil {
				return
			}
			defer f.Close()
			lines := countLines(f)
			if rd.kind(p) == fileCSV && lines > 0 {
				lines-- // the header
			}
			n += lines
		}
	}
	for _, p := range paths {
		if IsURL(p) {
			n++
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			countFile(p)
			continue
		}
		_ = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				countFile(q)
			}
			return nil
		})
	}
	return n
}

// countLines counts the lines of r that hold something other than white space, reading it in
// pieces of 64 KB.
func countLines(r io.Reader) int {
	br := bufio.NewReaderSize(r, 64<<10)
	n, blank := 0, true
	for {
		chunk, err := br.ReadSlice('\n')
		if blank && len(bytes.TrimSpace(chunk)) > 0 {
			blank = false
		}
		if err == bufio.ErrBufferFull {
			continue // the line goes on
		}
		if !blank {
			n++
		}
		blank = true
		if err != nil {
			return n
		}
	}
}

// openRegular opens the file at p for reading, and refuses anything but a regular file: a named
// pipe is opened without waiting for a writer (O_NONBLOCK), then refused, with devices and
// sockets. What the name links to is what counts.
func openRegular(p string) (*os.File, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		what := "a named pipe"
		switch {
		case st.IsDir():
			what = "a folder"
		case st.Mode()&fs.ModeDevice != 0:
			what = "a device"
		case st.Mode()&fs.ModeSocket != 0:
			what = "a socket"
		}
		if st.Mode()&fs.ModeNamedPipe == 0 && what == "a named pipe" {
			what = st.Mode().Type().String()
		}
		return nil, fmt.Errorf("%w (%s)", ErrNotRegular, what)
	}
	return f, nil
}
