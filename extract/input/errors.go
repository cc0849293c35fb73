package input

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The reasons an article is skipped or warned about; test them with errors.Is on an Error.
var (
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("binary file (NUL bytes or mostly control characters)")
	ErrTooLarge    = errors.New("article too large")
	ErrMalformed   = errors.New("malformed JSONL line")
	ErrNoText      = errors.New("JSONL line has no text")
	ErrUnknownType = errors.New("unknown file type")
	// ErrNotRegular: a named pipe, device or socket (or a link to one) is not read: opening a
	// pipe waits for a writer, for ever.
	ErrNotRegular  = errors.New("not a regular file: skipped")
	ErrEncoding    = errors.New("unknown text encoding")
	ErrDuplicateID = errors.New("duplicate article id")
	ErrNoFetch     = errors.New("web addresses cannot be read here")
	// ErrNoArticles: a folder holds no file newsgraph reads (.txt, .md, .html, .jsonl); its
	// message says which kinds of file it holds instead.
	ErrNoArticles = errors.New("no articles: no .txt, .md, .html or .jsonl file")
	// ErrSkippedKinds is a warning: a folder holds files of kinds newsgraph does not read,
	// counted by extension in its message.
	ErrSkippedKinds = errors.New("files of kinds newsgraph does not read were left out")
	// ErrDecoded is a warning: the text was not UTF-8 and was decoded (the article is kept).
	ErrDecoded = errors.New("decoded")
)

// Error is one problem with the input, at a file and (for JSONL) a line. Modeled on
// go/scanner.Error.
type Error struct {
	// File is the path of the file.
	File string
	// Line is the 1-based line for JSONL input, 0 for a whole file.
	Line int
	// Err is the reason.
	Err error
	// Warn marks a warning: the article was still read (for example ErrDecoded). Without it the
	// article, line or path was skipped.
	Warn bool
}

// Error returns "file:line: reason" ("file: reason" when Line is 0), with "warning: " before the
// reason of a warning.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(QuoteName(e.File))
	if e.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.Warn {
		b.WriteString("warning: ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the reason.
func (e *Error) Unwrap() error { return e.Err }

// ErrorList is a list of problems, sorted by file then line by Sort. Modeled on
// go/scanner.ErrorList.
type ErrorList []*Error

// Len, Less and Swap implement sort.Interface: by file, then line, then skips before warnings.
func (l ErrorList) Len() int { return len(l) }

// Less orders by file, then line, then reason text.
func (l ErrorList) Less(i, j int) bool {
	a, b := l[i], l[j]
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Error() < b.Error()
}

// Swap swaps two entries.
func (l ErrorList) Swap(i, j int) { l[i], l[j] = l[j], l[i] }

// Sort sorts the list by file and line, keeping the order of equal entries.
func (l ErrorList) Sort() { sort.Stable(l) }

// Skips returns the problems that made an article, line or path be skipped.
func (l ErrorList) Skips() ErrorList {
	var out ErrorList
	for _, e := range l {
		if !e.Warn {
			out = append(out, e)
		}
	}
	return out
}

// Warnings returns the problems after which the article was still read.
func (l ErrorList) Warnings() ErrorList {
	var out ErrorList
	for _, e := range l {
		if e.Warn {
			out = append(out, e)
		}
	}
	return out
}

// Error returns the first problem and how many more there are.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// QuoteName returns a file name fit to print on a terminal: as it is when every character is
// printable, else quoted as a Go string, so that control characters in a name (an escape
// sequence, a carriage return) are shown instead of acting on the terminal.
func QuoteName(name string) string {
	for _, r := range name {
		if !unicode.IsPrint(r) && r != ' ' || r == utf8.RuneError {
			return strconv.Quote(name)
		}
	}
	return name
}
