package input

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrNoTextColumn: a CSV file has no column of the name Reader.CSVText gives.
var ErrNoTextColumn = errors.New("no text column")

// csvFile reads the articles of a CSV file with a header row (Reader.CSVText set): one article a
// row, its text the column named CSVText; the columns id, title, date, url, source and author,
// when the header has them, fill the article. A row is identified by its id, else by "<file base
// name>#<row>" (rows counted from 1 after the header); File is the path and the line the row
// starts on. A row without text, too long or not UTF-8 is a problem of that line; a file without
// the column is one problem.
func (rd *run) csvFile(p string) error {
	f, err := openRegular(p)
	if err != nil {
		rd.report(p, 0, false, unwrapPath(err))
		return nil
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 64<<10))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	header, err := r.Read()
	if err == io.EOF {
		rd.report(p, 0, false, ErrEmpty)
		return nil
	}
	if err != nil {
		rd.report(p, 1, false, fmt.Errorf("%w: %w", ErrMalformed, err))
		return nil
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	textCol, ok := col[strings.ToLower(rd.r.CSVText)]
	if !ok {
		rd.report(p, 1, false, fmt.Errorf("%w %q (the header has %s)", ErrNoTextColumn, rd.r.CSVText, strings.Join(header, ", ")))
		return nil
	}
	field := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	base := filepath.Base(p)
	for row := 1; ; row++ {
		if err := rd.ctx.Err(); err != nil {
			return err
		}
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			rd.report(p, line, false, fmt.Errorf("%w: %w", ErrMalformed, err))
			if !errors.As(err, &pe) {
				return nil // a read error: the rest of the file cannot be trusted
			}
			continue
		}
		text := ""
		if textCol < len(rec) {
			text = rec[textCol]
		}
		switch {
		case strings.TrimSpace(text) == "":
			rd.report(p, line, false, ErrNoText)
			continue
		case int64(len(text)) > rd.max:
			rd.report(p, line, false, rd.tooLarge(int64(len(text)), "text"))
			continue
		case !utf8.ValidString(text):
			decoded, warn, err := decodeLegacy([]byte(text))
			if err != nil {
				rd.report(p, line, false, err)
				continue
			}
			text = decoded
			rd.report(p, line, true, warn)
		}
		a := Article{Text: text, Path: p, Line: line}
		if LooksLikeHTML(text) {
			a.Format = HTML
		}
		if a.ID = field(rec, "id"); a.ID == "" {
			a.ID = base + "#" + strconv.Itoa(row)
		}
		a.Title, a.Date, a.URL = field(rec, "title"), field(rec, "date"), field(rec, "url")
		a.Source, a.Author = field(rec, "source"), field(rec, "author")
		a.File = p + ":" + strconv.Itoa(line)
		a.Hash = Hash(text)
		if err := rd.emit(a); err != nil {
			return err
		}
	}
}
