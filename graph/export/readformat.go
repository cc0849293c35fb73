package export

import (
	"path/filepath"
	"strings"
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
