package schema

import (
	"strings"
	"time"
)

// NormalizeDate writes a publication date given as text in the form the graph keeps: "2006-01-02"
// for a date alone, RFC 3339 for a date with a time (UTC when no zone is given). Other common
// forms (RFC 1123 as RSS feeds write them, "2006-01-02 15:04") are converted; text that is no
// date it knows is returned trimmed, as it was given.
func NormalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2006-01-02")
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02 15:04", time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	return s
}

// XSD datatypes of article dates in RDF exports.
const (
	XSDDate     = NSXSD + "date"
	XSDDateTime = NSXSD + "dateTime"
)

// DateType returns the XSD datatype of a date as NormalizeDate writes it (XSDDate or
// XSDDateTime), or "" for text that is neither.
func DateType(s string) string {
	if len(s) == 10 {
		if _, err := time.Parse("2006-01-02", s); err == nil {
			return XSDDate
		}
		return ""
	}
	if _, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return XSDDateTime
	}
	return ""
}
