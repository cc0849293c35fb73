package export

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/cayleygraph/quad"
)

// ReadFormatOf returns the format Reader reads for a file, by its extension: .nq or .nquads
// (NQuads), .jsonld or .json (JSONLD), .pq or .pquads (PQuads); false for any other.
func ReadFormatOf(path string) (string, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".nq", ".nquads":
		return NQuads, true
	case ".jsonld", ".json":
		return JSONLD, true
	case ".pq", ".pquads":
		return PQuads, true
	}
	return "", false
}

// OpenFile opens the file at path and returns the Reader of its quads in format, with base as
// Reader takes it; closing the reader closes the file.
func OpenFile(path, format, base string) (quad.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	r, err := Reader(format, f, base)
	if err != nil {
		f.Close()
		return nil, err
	}
	return fileReader{r, f}, nil
}

// fileReader is a Reader that closes its file when it is closed.
type fileReader struct {
	quad.ReadCloser
	f *os.File
}

// Close closes the reader, then the file.
func (r fileReader) Close() error {
	err := r.ReadCloser.Close()
	if ferr := r.f.Close(); err == nil {
		err = ferr
	}
	return err
}
