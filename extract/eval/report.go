package eval

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
)

// field is one key of the report and its value rendered for text and for JSON output.
type field struct {
	key        string
	text, json string
}

// fields returns the report's keys in score_kg.py's order with their values as the script
// prints them: Python's str() for text, json.dumps(indent=1) for JSON.
func (r *Report) fields() []field {
	strList := func(xs []string) (string, string) {
		if len(xs) == 0 {
			return "[]", "[]"
		}
		t := make([]string, len(xs))
		j := make([]string, len(xs))
		for i, x := range xs {
			t[i] = pyStrRepr(x)
			j[i] = "\n  " + jsonString(x)
		}
		return "[" + strings.Join(t, ", ") + "]", "[" + strings.Join(j, ",") + "\n ]"
	}
	num := func(n int) string { return strconv.Itoa(n) }
	flt := func(f float64) string { return pyFloat(f) }
	seen := fmt.Sprintf("%d/%d", r.GoldEntitiesSeen, r.GoldEntities)
	over, overJ := strList(r.OvermergedIDs)
	missed, missedJ := strList(r.MissedCore)
	classT, classJ := "{}", "{}"
	if len(r.PerClass) > 0 {
		t := make([]string, len(r.PerClass))
		j := make([]string, len(r.PerClass))
		for i, c := range r.PerClass {
			v := fmt.Sprintf("%d/%d", c.Found, c.Total)
			t[i] = pyStrRepr(c.Class) + ": " + pyStrRepr(v)
			j[i] = "\n  " + jsonString(c.Class) + ": " + jsonString(v)
		}
		classT = "{" + strings.Join(t, ", ") + "}"
		classJ = "{" + strings.Join(j, ",") + "\n }"
	}
	return []field{
		{"predicted_facts", num(r.PredictedFacts), num(r.PredictedFacts)},
		{"core_recall", flt(r.CoreRecall), flt(r.CoreRecall)},
		{"recall", flt(r.Recall), flt(r.Recall)},
		{"entity_fact_recall", flt(r.EntityFactRecall), flt(r.EntityFactRecall)},
		{"literal_fact_recall", flt(r.LiteralFactRecall), flt(r.LiteralFactRecall)},
		{"precision_entity_pairs", flt(r.PrecisionEntityPairs), flt(r.PrecisionEntityPairs)},
		{"entity_pair_predictions", num(r.EntityPairPredictions), num(r.EntityPairPredictions)},
		{"gold_entities_seen", seen, jsonString(seen)},
		{"ids_per_gold_entity", flt(r.IDsPerGoldEntity), flt(r.IDsPerGoldEntity)},
		{"overmerged_ids", over, overJ},
		{"per_class", classT, classJ},
		{"missed_core", missed, missedJ},
	}
}

// WriteText writes the report as score_kg.py prints it without --json: one "key: value" line a
// key, then the summary line.
func (r *Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.fields() {
		fmt.Fprintf(bw, "%s: %s\n", f.key, f.text)
	}
	fmt.Fprintln(bw, r.Summary())
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	return nil
}

// WriteJSON writes the report as the JSON object score_kg.py prints with --json (its
// json.dumps(indent=1) layout, non-ASCII escaped), without the summary line the script prints
// after it.
func (r *Report) WriteJSON(w io.Writer) error {
	var b strings.Builder
	b.WriteString("{")
	for i, f := range r.fields() {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n %s: %s", jsonString(f.key), f.json)
	}
	b.WriteString("\n}\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	return nil
}

// Summary is the one-line summary score_kg.py prints last.
func (r *Report) Summary() string {
	return fmt.Sprintf("core recall %.2f, recall %.2f, entity-pair precision %.2f (%d pairs)",
		r.CoreRecall, r.Recall, r.PrecisionEntityPairs, r.EntityPairPredictions)
}

// pyStrRepr is Python's repr() of a str: single quotes unless the text has a single quote and no
// double quote, non-printable characters escaped.
func pyStrRepr(s string) string {
	q := '\''
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteRune(q)
	for _, c := range s {
		switch {
		case c == q || c == '\\':
			b.WriteRune('\\')
			b.WriteRune(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < ' ' || c == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		case c < 0x7f || unicode.IsPrint(c):
			b.WriteRune(c)
		case c <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, c)
		case c <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			fmt.Fprintf(&b, `\U%08x`, c)
		}
	}
	b.WriteRune(q)
	return b.String()
}

// jsonString is Python's json.dumps of a str (ensure_ascii): non-ASCII as \uXXXX escapes.
func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\b':
			b.WriteString(`\b`)
		case c == '\f':
			b.WriteString(`\f`)
		case c < ' ':
			fmt.Fprintf(&b, `\u%04x`, c)
		case c < 0x80:
			b.WriteRune(c)
		case c > 0xffff:
			r1, r2 := utf16.EncodeRune(c)
			fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
		default:
			fmt.Fprintf(&b, `\u%04x`, c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
