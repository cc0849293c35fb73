package extract

import (
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/timex"
	"github.com/newsgraph/newsgraph/extract/tree"
	"github.com/newsgraph/newsgraph/schema"
)

// When a fact happened. The time expressions of a sentence are found in its parse: a phrase
// headed by a date word (a weekday, a month, a year, "yesterday", "last week", "two days ago")
// that modifies a predicate as an oblique or adverbial ("met on Tuesday", "said Tuesday", "since
// 2002, X has been director"). A fact read from that predicate gets the expression and its value,
// normalised by package timex against the article's date (kind "event"); a fact whose predicate
// has none gets the article's date (kind "reported"). A date word that is a participant
// ("Tuesday's meeting will decide") dates nothing.

// whenState is what the facts of one article share about time, computed on first use.
type whenState struct {
	ready    bool
	anchor   *timex.Anchor
	reported string // the article's day, "" when undated
	exprs    [][]timeExpr
	found    []bool
}

// timeExpr is one time expression of a sentence.
type timeExpr struct {
	// anchor is the token the expression modifies (a verb, or the noun of a copular clause).
	anchor int
	// text is the expression as written, from its preposition ("on Tuesday").
	text string
	// future is whether the anchor's clause speaks of what is to come.
	future bool
}

// maxTimeTokens bounds the length of one time expression: longer subtrees are not dates.
const maxTimeTokens = 7

// when returns the time of a fact read from token tok of sentence si, or nil when there is none.
func (b *factBuilder) when(si, tok int) *schema.Time {
	w := &b.time
	if !w.ready {
		w.ready = true
		w.anchor, _ = timex.NewAnchor(b.d.Date)
		w.reported = w.anchor.Day()
		w.exprs = make([][]timeExpr, len(b.d.Sentences))
		w.found = make([]bool, len(b.d.Sentences))
	}
	if si >= 0 && si < len(w.exprs) && tok >= 0 {
		if !w.found[si] {
			w.found[si] = true
			w.exprs[si] = timeExprs(b.d, b.d.Sentences[si].Tokens)
		}
		toks := b.d.Sentences[si].Tokens
		// the clause's own time, else that of the clause it depends on as an adverbial, an
		// infinitive or a conjunct ("accelerating preparations this week as he visits X",
		// "attempted to buy Zenith earlier this year"); never that of a verb of saying over
		// its content
		for v, steps := tok, 0; v >= 0 && v < len(toks) && steps < 3; steps++ {
			if t := w.clauseTime(si, v); t != nil {
				return t
			}
			switch toks[v].Dep {
			case "advcl", "xcomp", "conj":
				v = toks[v].Head
			default:
				v = -1
			}
		}
	}
	if w.reported == "" {
		return nil
	}
	return &schema.Time{Value: w.reported, Text: b.d.Date, Kind: schema.TimeReported}
}

// clauseTime returns the time of the expressions anchored at token v of sentence si (the first
// with a value, else the first), or nil.
func (w *whenState) clauseTime(si, v int) *schema.Time {
	var event *schema.Time
	for _, e := range w.exprs[si] {
		if e.anchor != v {
			continue
		}
		t := &schema.Time{Value: w.anchor.Normalize(e.text, e.future), Text: e.text, Kind: schema.TimeEvent}
		if t.Value != "" {
			return t
		}
		if event == nil {
			event = t
		}
	}
	return event
}

// timeExprs returns the time expressions of a sentence, in text order.
func timeExprs(d *doc.Doc, toks []doc.Token) []timeExpr {
	var out []timeExpr
	seen := map[int]bool{}
	for j := range toks {
		if !timeWord(toks, j) {
			continue
		}
		h := j
		for steps := 0; steps < 3; steps++ { // "4 October 2022", "Tuesday afternoon"
			p := toks[h].Head
			if p < 0 || p >= len(toks) || !(timeWord(toks, p) || dayPart(toks, p) || dayNumber(toks, p) || strings.EqualFold(toks[p].Text, "ago")) {
				break
			}
			h = p
		}
		if seen[h] {
			continue
		}
		seen[h] = true
		s, e, ok := timeSpan(toks, h)
		if !ok {
			continue
		}
		if s > 0 && (toks[s-1].Dep == "case" || toks[s-1].Dep == "mark") && temporalWord(toks[s-1].Text) && toks[s-1].Head == toks[h].Head {
			s-- // "on" parsed as the mark of the verb: "Lopez on Tuesday told"
		}
		a := timeAnchor(toks, h, s)
		if a < 0 {
			continue
		}
		out = append(out, timeExpr{anchor: a, text: d.Text[toks[s].Start:toks[e-1].End], future: futureClause(toks, a)})
	}
	for j := range toks {
		if t := &toks[j]; len(t.Text) > 3 && strings.EqualFold(t.Text[:3], "ex-") && t.Start+3 <= len(d.Text) {
			if _, ok := lexicon.Title(t.Text[3:]); ok {
				// "ex-chairman": the prefix says the role is over, as "former" does.
				out = append(out, timeExpr{anchor: j, text: d.Text[t.Start : t.Start+3]})
				continue
			}
		}
		s, e, a := otherTime(toks, j)
		if a < 0 {
			continue
		}
		out = append(out, timeExpr{anchor: a, text: d.Text[toks[s].Start:toks[e-1].End]})
	}
	return out
}

// maxWhenTokens bounds a when-clause taken as a time ("when the scandal broke").
const maxWhenTokens = 10

// otherTime reads the times that are not calendar dates at token j: an adverb of time
// ("recently", "formerly", "currently"), "former" before a title, or a clause opened by "when"
// or "while". It returns the span [s, e) and the token it modifies, or a < 0.
func otherTime(toks []doc.Token, j int) (s, e, a int) {
	t := &toks[j]
	h := t.Head
	if h < 0 || h >= len(toks) {
		return 0, 0, -1
	}
	switch {
	case t.Dep == "advmod" && timex.IsTimeAdverb(t.Text):
	case t.Dep == "amod" && strings.EqualFold(t.Text, "former"):
	case t.Dep == "advcl" && whenClause(toks, j):
		sp := clause.Subtree(toks, j)
		if sp.End-sp.Start > maxWhenTokens || sp.Start < 1 && sp.End >= len(toks) {
			return 0, 0, -1
		}
		e := sp.End
		for e > sp.Start+1 && toks[e-1].Dep == "punct" {
			e--
		}
		if d := toks[h].Dep; d == "aux" || d == "cop" || d == "aux:pass" {
			h = toks[h].Head
		}
		return sp.Start, e, h
	default:
		return 0, 0, -1
	}
	if d := toks[h].Dep; d == "aux" || d == "cop" || d == "aux:pass" {
		h = toks[h].Head
	}
	return j, j + 1, h
}

// whenClause reports an adverbial clause opened by "when" or "while".
func whenClause(toks []doc.Token, v int) bool {
	for k := max(0, v-maxWhenTokens); k < v; k++ {
		if toks[k].Head == v && toks[k].Dep == "mark" || toks[k].Head == v && toks[k].Dep == "advmod" {
			switch strings.ToLower(toks[k].Text) {
			case "when", "while", "whilst":
				return true
			}
		}
	}
	return false
}

var relWords = map[string]bool{"last": true, "next": true, "this": true, "past": true, "coming": true,
	"previous": true, "earlier": true, "later": true}

// timeWord reports whether token j heads or starts a date: a weekday, a capitalised month, a
// year, "yesterday", a week, month or year with "last", "next", "this", or before "ago".
func timeWord(toks []doc.Token, j int) bool {
	t := &toks[j]
	low := strings.ToLower(t.Text)
	switch low {
	case "today", "yesterday", "tomorrow", "tonight":
		return true
	case "week", "month", "year", "weekend", "days", "weeks", "months", "years":
		if j+1 < len(toks) && strings.EqualFold(toks[j+1].Text, "ago") {
			return true
		}
		for k := max(0, j-2); k < j; k++ {
			if toks[k].Head == j && relWords[strings.ToLower(toks[k].Text)] {
				return true
			}
		}
		return false
	}
	if timex.IsWeekday(low) {
		return true
	}
	if timex.IsYear(t.Text) {
		return t.Tag == "CD"
	}
	if timex.IsMonth(t.Text) && t.Text[0] >= 'A' && t.Text[0] <= 'Z' {
		switch low {
		case "may", "march":
			return t.Tag == "NNP" // not the modal, not the verb
		}
		return !strings.HasPrefix(t.Tag, "VB") && t.Tag != "MD"
	}
	return false
}

// dayNumber reports the day of "October 6", parsed as the head of the month.
func dayNumber(toks []doc.Token, j int) bool {
	n, err := strconv.Atoi(toks[j].Text)
	return err == nil && n >= 1 && n <= 31 && toks[j].Tag == "CD"
}

// dayPart reports "afternoon" in "Tuesday afternoon", "yesterday morning".
func dayPart(toks []doc.Token, j int) bool {
	switch strings.ToLower(toks[j].Text) {
	case "morning", "afternoon", "evening", "night":
		return true
	}
	return false
}

// timeAnchor returns the token the time expression headed by h, starting at token s, modifies,
// or -1 when it modifies no predicate (a participant: "Tuesday's meeting", "2014 was a hard
// year"). The parser does not always attach a time where it belongs, so two more readings come
// first: an expression right after a verb that governs it is that verb's ("said on Tuesday it
// was …", parsed as a modifier of "was"), and one that opens with a temporal preposition is an
// adverbial whatever relation it got ("Lopez on Tuesday told", parsed as a subject).
func timeAnchor(toks []doc.Token, h, s int) int {
	p := toks[h].Head
	if p < 0 || p >= len(toks) {
		return -1
	}
	t := tree.New(toks)
	if v := s - 1; v >= 0 && t.IsVerb(v) && t.Dominates(v, h) {
		return v
	}
	dep, base := toks[h].Dep, t.Dep(h)
	switch {
	case base == "obl" || dep == "nmod:tmod" || dep == "nmod:npmod" || base == "advmod":
	case (base == "obj" || base == "nsubj") && relative(toks, h):
		// "accelerating preparations this week", with "preparations" read as a verb
	case dep == "nmod" && (strings.HasPrefix(toks[p].Dep, "obl") || toks[p].Dep == "obj" && temporalPrep(toks, h)):
		// "told reporters in a call on Tuesday", "arrested the suspect on Friday night": the
		// phrase hangs from the object, the time is the clause's
		p = toks[p].Head
	case base != "nmod" && base != "compound" && (temporalPrep(toks, h) || temporalWord(toks[s].Text) && s < h):
	default:
		return -1
	}
	if p < 0 || p >= len(toks) {
		return -1
	}
	if d := toks[p].Dep; d == "aux" || d == "cop" || d == "aux:pass" {
		p = toks[p].Head
	}
	return p
}

// relative reports "this week", "last year": a period with a word that places it.
func relative(toks []doc.Token, h int) bool {
	switch strings.ToLower(toks[h].Text) {
	case "week", "month", "year", "weekend":
		return timeWord(toks, h)
	}
	return false
}

// temporalPrep reports whether h has a preposition of time for case or mark ("on Tuesday").
func temporalPrep(toks []doc.Token, h int) bool {
	for k := max(0, h-3); k < h; k++ {
		if toks[k].Head != h || toks[k].Dep != "case" && toks[k].Dep != "mark" {
			continue
		}
		if temporalWord(toks[k].Text) {
			return true
		}
	}
	return false
}

// temporalWord reports a preposition that introduces a time ("on", "since").
func temporalWord(w string) bool {
	switch strings.ToLower(w) {
	case "on", "in", "since", "until", "till", "during", "by", "from", "before", "after":
		return true
	}
	return false
}

// timeSpan returns the tokens [s, e) of the expression headed by h: its subtree without the
// clauses, coordination and punctuation attached to it.
func timeSpan(toks []doc.Token, h int) (s, e int, ok bool) {
	sp := clause.Subtree(toks, h)
	s, e = sp.Start, sp.End
	for k := h + 1; k < e; k++ {
		if cut(toks, k, h) {
			e = k
			break
		}
	}
	for k := h - 1; k >= s; k-- {
		if cut(toks, k, h) || !leftOfTime(toks, k) {
			s = k + 1
			break
		}
	}
	for e > h+1 && toks[e-1].Dep == "punct" && toks[e-1].Text != ")" {
		e--
	}
	return s, e, e-s > 0 && e-s <= maxTimeTokens
}

// leftOfTime reports a token that may stand before the head of a time expression: a
// preposition, a determiner or modifier ("on", "the", "last", "earlier"), or a date word ("4
// October", "Friday night"); not the noun of a misparse that hangs "the plan" from "yesterday".
func leftOfTime(toks []doc.Token, k int) bool {
	switch toks[k].Dep {
	case "case", "mark", "det", "amod", "nummod", "advmod", "nmod:unmarked", "punct":
		return true
	}
	return timeWord(toks, k) || dayNumber(toks, k) || timex.IsMonth(toks[k].Text)
}

// cut reports a token that ends a time expression: a verb, or a clause, conjunct or aside
// hanging from the expression's head.
func cut(toks []doc.Token, k, h int) bool {
	if strings.HasPrefix(toks[k].Tag, "VB") || toks[k].Tag == "MD" {
		return true
	}
	if toks[k].Head != h {
		return false
	}
	switch toks[k].Dep {
	case "acl", "acl:relcl", "advcl", "conj", "cc", "parataxis":
		return true
	}
	return false
}

// futureClause reports a predicate that speaks of what is to come: "will meet", "is to meet",
// "is going to meet", "is due to meet".
func futureClause(toks []doc.Token, v int) bool {
	to := false
	for k := range toks {
		if toks[k].Head != v {
			continue
		}
		low := strings.ToLower(toks[k].Text)
		switch {
		case toks[k].Dep == "aux" && (low == "will" || low == "'ll" || low == "shall" || low == "wo"):
			return true
		case toks[k].Dep == "mark" && low == "to":
			to = true
		}
	}
	if to && toks[v].Head >= 0 && toks[v].Head < len(toks) {
		switch strings.ToLower(toks[toks[v].Head].Lemma) {
		case "be", "go", "due", "set", "plan", "expect", "schedule", "intend":
			return true
		}
	}
	return false
}
