package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Node IRIs in the store are short and readable ("person/maria-lopez", "article/a.txt",
// "stmt/3f2a…") so that Gizmo queries stay writable by hand; Expand maps them to absolute IRIs
// for RDF exports.

// EntityIRI returns the deterministic IRI of the entity of the given type and canonical name: the
// same entity gets the same IRI in any run, on any machine, in any order of input.
func EntityIRI(typeLabel, name string) string {
	return TypeOf(typeLabel).Slug + "/" + Slug(name)
}

// ArticleIRI returns the IRI of the article with the given id.
func ArticleIRI(id string) string { return "article/" + escapeIRI(id) }

// StatementIRI returns the deterministic IRI of the statement node of fact f.
func StatementIRI(f *Fact) string {
	h := sha256.New()
	for _, s := range []string{
		f.Doc, fmt.Sprint(f.Sentence), f.Subject.ID, f.Predicate, f.Relation, f.Object.ID, f.Object.Literal,
		fmt.Sprint(f.Negated), f.Modality,
	} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return "stmt/" + hex.EncodeToString(h.Sum(nil)[:12])
}

// PredicateIRI returns the short IRI of a canonical predicate: its name with "_" for spaces.
func PredicateIRI(name string) string { return strings.ReplaceAll(name, " ", "_") }

// PredicateName is the inverse of PredicateIRI.
func PredicateName(iri string) string { return strings.ReplaceAll(iri, "_", " ") }

// Slug folds a name to the lower-case, hyphenated form used in IRIs: accents removed
// ("Jose" and "José" agree), punctuation dropped, words joined by "-". Letters of other
// scripts are kept.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == '.':
			continue // "O'Brien" -> obrien, "U.S." -> us
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

// escapeIRI percent-encodes the characters that may not stand in an IRI (RFC 3987: space,
// controls, <>"{}|\^`) and "%" itself, so that any article id gives a valid IRI.
func escapeIRI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c == 0x7f || strings.IndexByte("<>\"{}|\\^`%", c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// ArticleIDOf returns the article id of an article IRI (the inverse of ArticleIRI), or "" when
// iri is not an article IRI.
func ArticleIDOf(iri string) string {
	rest, ok := strings.CutPrefix(iri, "article/")
	if !ok {
		return ""
	}
	if s, err := url.PathUnescape(rest); err == nil {
		return s
	}
	return rest
}
