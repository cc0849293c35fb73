package export

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// WriteFunc writes the store, or with opt.Doc one article's graph, to w. Write is one; a
// format this package does not write (the HTML viewer of graph/serve) brings its own.
type WriteFunc func(ctx context.Context, s *graph.Store, w io.Writer, opt Options) error

// ErrFolder is the error of WriteFile when its path is a folder and the format is not CSV,
// which alone writes a folder.
var ErrFolder = errors.New("the output is a folder, and only csv writes a folder")

// CSVFolder reports whether path names a folder for format CSV: one that exists, one written
// with a trailing slash, or a name without an extension (a file is "story.csv").
func CSVFolder(path string) bool {
	if fi, err := os.Stat(path); err == nil {
		return fi.IsDir()
	}
	return strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(os.PathSeparator)) ||
		filepath.Ext(path) == ""
}

// WriteFile writes an export with write: to stdout when path is "", else to the file at path,
// created or replaced. With opt.Format CSV and a path that CSVFolder takes for a folder, it
// writes WriteCSVDir's three tables there instead (the folder made if need be); any other
// format given a folder is ErrFolder.
func WriteFile(ctx context.Context, s *graph.Store, path string, stdout io.Writer, opt Options, write WriteFunc) error {
	if path == "" {
		return writeBuffered(ctx, s, stdout, opt, write)
	}
	if opt.Format == CSV && CSVFolder(path) {
		return WriteCSVDir(ctx, s, path, opt)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return ErrFolder
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := writeBuffered(ctx, s, f, opt, write); err != nil {
		return err
	}
	return f.Close()
}

// writeBuffered runs write on a buffer of w and flushes it.
func writeBuffered(ctx context.Context, s *graph.Store, w io.Writer, opt Options, write WriteFunc) error {
	bw := bufio.NewWriter(w)
	if err := write(ctx, s, bw, opt); err != nil {
		return err
	}
	return bw.Flush()
}
