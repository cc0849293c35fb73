package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// Prediction is one predicted fact as the scorer reads it: a line of `extract --format jsonl`,
// or of a hand-made file in the same shape. Reading is lenient, as score_kg.py's is: any field
// may be missing, and a value of the wrong type counts as absent.
type Prediction struct {
	// Line is the line of the facts file the prediction was read from (0 when not from a file).
	Line int
	// Doc is the article id ("doc"): a gold document's name or a path ending in it.
	Doc string
	// Subject and Object are the fact's ends.
	Subject, Object Ref
	// Predicate and Relation are the canonical predicate and the words of the text.
	Predicate, Relation string
	// CAMEO is the CAMEO code as score_kg.py reads it (str() of the JSON value; "" when falsy).
	CAMEO string
}

// Ref is a predicted subject or object: a JSON object with some of id, name, type, mention, text
// and literal, or (in hand-made files) another JSON value.
type Ref struct {
	// Dict reports whether the value is a JSON object; the other fields are then its string fields.
	Dict bool
	// Str is Python's str() of a value that is not an object ("None" when missing), which
	// score_kg.py compares with a gold literal.
	Str string
	// ID, Name, Mention, Text and Literal are the object's string fields ("" when absent or not
	// strings).
	ID, Name, Mention, Text, Literal string
	// Type is the entity type; a value that is not a string is kept as its JSON text.
	Type string
	// HasLiteral reports whether the object has a "literal" key, whatever its value.
	HasLiteral bool
}

// literalText is score_kg.py's literal_text: the text of an object compared with a gold literal.
func (r Ref) literalText() string {
	if !r.Dict {
		return r.Str
	}
	for _, s := range [...]string{r.Literal, r.Mention, r.Text, r.Name} {
		if s != "" {
			return s
		}
	}
	return ""
}

// ParsePrediction reads one JSON object as a Prediction.
func ParsePrediction(line []byte) (Prediction, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(line, &m); err != nil {
		return Prediction{}, fmt.Errorf("not a JSON object: %w", err)
	}
	if m == nil {
		return Prediction{}, fmt.Errorf("not a JSON object: null")
	}
	return Prediction{
		Doc:       str(m["doc"]),
		Subject:   parseRef(m["subject"]),
		Object:    parseRef(m["object"]),
		Predicate: str(m["predicate"]),
		Relation:  str(m["relation"]),
		CAMEO:     cameo(m["cameo"]),
	}, nil
}

// FromFact returns the Prediction of an extracted fact: exactly what the scorer would read from
// its line of `extract --format jsonl`.
func FromFact(f schema.Fact) (Prediction, error) {
	b, err := json.Marshal(f)
	if err != nil {
		return Prediction{}, fmt.Errorf("fact of %s sentence %d: %w", f.Doc, f.Sentence, err)
	}
	return ParsePrediction(b)
}

// ReadPredictions reads a facts file, one JSON object a line, blank lines ignored. A line that is
// not a JSON object is skipped, as score_kg.py skips it, and reported in problems as
// "name:line: reason".
func ReadPredictions(r io.Reader, name string) (preds []Prediction, problems []string, err error) {
	err = eachLine(r, func(n int, line []byte) error {
		p, err := ParsePrediction(line)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s:%d: %v", name, n, err))
			return nil
		}
		p.Line = n
		preds = append(preds, p)
		return nil
	})
	if err != nil {
		return preds, problems, fmt.Errorf("reading %s: %w", name, err)
	}
	return preds, problems, nil
}

// ReadPredictionsFile reads the facts file at path as ReadPredictions does; path "-" is stdin,
// named "stdin" in the problems.
func ReadPredictionsFile(path string, stdin io.Reader) (preds []Prediction, problems []string, err error) {
	if path == "-" {
		return ReadPredictions(stdin, "stdin")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("facts: %w", err)
	}
	defer f.Close()
	return ReadPredictions(f, path)
}

// AppendFacts appends to preds the Prediction of each extracted fact (see FromFact).
func AppendFacts(preds []Prediction, facts []schema.Fact) ([]Prediction, error) {
	for _, f := range facts {
		p, err := FromFact(f)
		if err != nil {
			return preds, err
		}
		preds = append(preds, p)
	}
	return preds, nil
}

// str returns a JSON string's value, "" for anything else.
func str(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

func parseRef(raw json.RawMessage) Ref {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil || m == nil {
		return Ref{Str: pyStr(raw)}
	}
	r := Ref{Dict: true, ID: str(m["id"]), Name: str(m["name"]), Mention: str(m["mention"]),
		Text: str(m["text"]), Literal: str(m["literal"])}
	_, r.HasLiteral = m["literal"]
	if t, ok := m["type"]; ok && string(t) != "null" {
		if r.Type = str(t); !isJSONString(t) {
			r.Type = string(t)
		}
	}
	return r
}

func isJSONString(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) > 0 && raw[0] == '"'
}

// cameo is str(p.get("cameo") or ""): a falsy value (missing, null, false, 0, "", [], {}) is "".
func cameo(raw json.RawMessage) string {
	var v any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if len(raw) == 0 || d.Decode(&v) != nil {
		return ""
	}
	switch x := v.(type) {
	case nil:
		return ""
	case bool:
		if !x {
			return ""
		}
	case string:
		return x
	case json.Number:
		if f, err := x.Float64(); err == nil && f == 0 {
			return ""
		}
	case []any:
		if len(x) == 0 {
			return ""
		}
	case map[string]any:
		if len(x) == 0 {
			return ""
		}
	}
	return pyRepr(v)
}

// pyStr is Python's str() of a JSON value as json.loads returns it ("None" for a missing value).
func pyStr(raw json.RawMessage) string {
	var v any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if len(raw) == 0 || d.Decode(&v) != nil {
		return "None"
	}
	if s, ok := v.(string); ok {
		return s
	}
	return pyRepr(v)
}

// pyRepr is Python's repr() of a decoded JSON value (UseNumber numbers).
func pyRepr(v any) string {
	switch v := v.(type) {
	case nil:
		return "None"
	case bool:
		if v {
			return "True"
		}
		return "False"
	case string:
		return pyStrRepr(v)
	case json.Number:
		return pyNumber(v)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = pyRepr(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		// json.loads keeps the file's key order; a Go map does not, so keys are sorted here.
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = pyStrRepr(k) + ": " + pyRepr(v[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

// pyNumber is Python's str() of a JSON number: an int as written, a float in repr form.
func pyNumber(n json.Number) string {
	s := string(n)
	if !strings.ContainsAny(s, ".eE") {
		if s == "-0" {
			return "0"
		}
		return s
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if math.IsInf(f, 0) {
			if f > 0 {
				return "inf"
			}
			return "-inf"
		}
		return s
	}
	return pyFloat(f)
}

// pyFloat is Python's repr() of a float.
func pyFloat(f float64) string {
	if a := math.Abs(f); a != 0 && (a < 1e-4 || a >= 1e16) {
		return strconv.FormatFloat(f, 'e', -1, 64)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}
