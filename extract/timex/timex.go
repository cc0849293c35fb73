// Package timex normalises the time expressions of news text ("on Tuesday", "last week",
// "4 October", "in 2014", "since March") to ISO 8601 values (a day "2022-10-04", a month
// "2022-10", a year "2022", or a range "2022-10-03/2022-10-09", open ranges "2002/.." and
// "../2001") against the article's date.
//
// Relative expressions (weekdays, "yesterday", "last week", month names without a year) are
// anchored to the article's date only: an article without a date leaves them unnormalised, and
// nothing here ever reads the clock, so the same text and date always give the same value.
// Absolute dates are read by a small parser of the English calendar forms news writes ("4
// October 2014", "Oct 4, 2022", "Sunday, January 20, 2008", "February 2003", ISO 8601):
// github.com/markusmobius/go-dateparser was tried first and does the same, but costs every
// newsgraph process 0.3 s and 57 MB at start (see docs/time.md). The package finds no
// expressions in text (package extract does, in the parse) and does no I/O.
package timex

import (
	"strconv"
	"strings"
	"time"
)

// Anchor is an article's date, the point relative expressions are read against. The zero Anchor
// is an undated article: only expressions with an explicit year normalise. An Anchor caches what
// it normalised and is not safe for concurrent use (one per article).
type Anchor struct {
	day   time.Time // midnight UTC of the article's day
	dated bool
	cache map[key]string
}

type key struct {
	expr   string
	future bool
}

// NewAnchor returns the anchor of an article dated s ("2022-10-04", "2022-10-04T09:30:00Z",
// "Oct 4, 2022", "Sunday, January 20, 2008"). A date that is empty, unreadable or without a day
// and a year gives an undated anchor, and ok false.
func NewAnchor(s string) (a *Anchor, ok bool) {
	a = &Anchor{}
	if t, ok := ParseDate(s); ok {
		a.day, a.dated = t, true
	}
	return a, a.dated
}

// Dated reports whether the anchor has a date.
func (a *Anchor) Dated() bool { return a.dated }

// Day returns the article's day as ISO 8601 ("2022-10-04"), or "" when undated.
func (a *Anchor) Day() string {
	if !a.dated {
		return ""
	}
	return a.day.Format("2006-01-02")
}

// ParseDate reads an absolute calendar date with day, month and year, as article metadata and
// date lines give it, and returns midnight UTC of that day. Times of day and zones are ignored.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 80 {
		return time.Time{}, false
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, true
		}
	}
	c, ok := calendar(tokens(s), true)
	if !ok || c.year == 0 || c.day == 0 {
		return time.Time{}, false
	}
	return c.date(c.year), true
}

// Normalize returns the ISO 8601 value of the time expression expr (the words of the text, with
// or without a leading preposition: "on Tuesday", "since March", "earlier this year"), or "" when
// it cannot say: an expression it does not know, or a relative one in an undated article. future
// says the expression's clause speaks of what is to come ("will meet on Friday"): weekdays and
// month names then point forward from the article's date instead of back.
func (a *Anchor) Normalize(expr string, future bool) string {
	k := key{expr, future}
	if v, ok := a.cache[k]; ok {
		return v
	}
	v := a.normalize(expr, future)
	if a.cache == nil {
		a.cache = map[key]string{}
	}
	a.cache[k] = v
	return v
}

var weekdays = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday}

var months = map[string]time.Month{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
	"nov": 11, "dec": 12}

var numbers = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 0, "few": 0}

// dayParts may follow a day ("Tuesday afternoon", "yesterday morning"): the value stays the day.
var dayParts = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

// timeAdverbs are the adverbs of time that place a fact against the article's date: before it
// ("recently", "formerly") or at it ("currently", "still"). "former" (a former leader) counts, and
// so does the prefix "ex-" (an ex-president).
var timeAdverbs = map[string]bool{"recently": false, "lately": false, "formerly": false, "previously": false,
	"former": false, "ex-": false, "currently": true, "presently": true, "still": true, "now": true, "nowadays": true}

// IsTimeAdverb reports whether w (any case) is an adverb of time Normalize reads.
func IsTimeAdverb(w string) bool { _, ok := timeAdverbs[strings.ToLower(w)]; return ok }

// IsMonth reports whether w (any case) names a month.
func IsMonth(w string) bool { _, ok := months[strings.ToLower(strings.TrimSuffix(w, "."))]; return ok }

// IsWeekday reports whether w (any case) names a day of the week.
func IsWeekday(w string) bool { _, ok := weekdays[strings.ToLower(w)]; return ok }

// IsYear reports whether w is a year of the calendar news speaks of: four digits, 1000–2999.
func IsYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	n, err := strconv.Atoi(w)
	return err == nil && n >= 1000 && n < 3000
}

const (
	fmtDay   = "2006-01-02"
	fmtMonth = "2006-01"
	fmtYear  = "2006"
)

func (a *Anchor) normalize(expr string, future bool) string {
	words := tokens(expr)
	rng := ""
	for len(words) > 0 {
		switch words[0] {
		case "since", "from", "starting":
			rng = "from"
		case "until", "till", "til", "through", "up":
			rng = "until"
		case "on", "in", "at", "during", "by", "of", "as", "to", "the", "early", "late", "mid", "throughout":
		default:
			goto body
		}
		words = words[1:]
	}
body:
	if len(words) == 0 {
		return ""
	}
	v := a.value(words, future)
	if v == "" {
		return ""
	}
	switch rng {
	case "from":
		return start(v) + "/.."
	case "until":
		return "../" + end(v)
	}
	return v
}

func start(v string) string {
	if i := strings.IndexByte(v, '/'); i >= 0 {
		return v[:i]
	}
	return v
}

func end(v string) string {
	if i := strings.LastIndexByte(v, '/'); i >= 0 {
		return v[i+1:]
	}
	return v
}

// tokens lower-cases expr and splits it into words, dropping punctuation and anything in
// parentheses ("yesterday (Thursday)").
func tokens(expr string) []string {
	var b strings.Builder
	depth := 0
	for _, r := range strings.ToLower(expr) {
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case r == ',' || r == '.' || r == '\'' || r == '’' || r == '"':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return strings.Fields(b.String())
}

// value normalises the words of an expression without its leading preposition.
func (a *Anchor) value(w []string, future bool) string {
	// an explicit year alone: "2014", "the 1990s" is not handled.
	if len(w) == 1 && IsYear(w[0]) {
		return w[0]
	}
	if len(w) > 1 && dayParts[w[len(w)-1]] {
		w = w[:len(w)-1] // "Tuesday afternoon", "yesterday morning"
	}
	if !a.dated {
		if c, ok := calendar(w, false); ok && c.year != 0 {
			return c.format(c.year)
		}
		return ""
	}
	d := a.day
	if now, ok := timeAdverbs[w[0]]; ok && len(w) == 1 {
		if now {
			return d.Format(fmtDay) // "currently": at the article's date
		}
		return "../" + d.Format(fmtDay) // "recently", "formerly": before it
	}
	switch {
	case len(w) == 1 && (w[0] == "today" || w[0] == "tonight"):
		return d.Format(fmtDay)
	case len(w) == 1 && w[0] == "yesterday":
		return d.AddDate(0, 0, -1).Format(fmtDay)
	case len(w) == 1 && w[0] == "tomorrow":
		return d.AddDate(0, 0, 1).Format(fmtDay)
	case len(w) == 1 && (w[0] == "this" || w[0] == "earlier" || w[0] == "later"): // "this morning" lost its part
		return d.Format(fmtDay)
	}
	// weekdays: "Tuesday", "last Tuesday", "next Friday", "this Friday"
	if wd, ok := weekdays[w[len(w)-1]]; ok && len(w) <= 2 {
		mod := ""
		if len(w) == 2 {
			mod = w[0]
		}
		return a.weekday(wd, mod, future)
	}
	// "this week", "last month", "next year", "earlier this year", "later this month", "past week"
	if len(w) <= 3 {
		if v, ok := a.period(w); ok {
			return v
		}
	}
	// "N days ago", "two weeks ago", "a year ago"
	if len(w) == 3 && w[2] == "ago" {
		return a.ago(w[0], w[1])
	}
	// month names without a day or year: "March", "last September", "October last year"
	if m, ok := months[w[0]]; ok && len(w) == 1 {
		return a.month(m, "", future)
	}
	if len(w) == 2 {
		if m, ok := months[w[1]]; ok && (w[0] == "last" || w[0] == "next" || w[0] == "this" || w[0] == "early" || w[0] == "late") {
			return a.month(m, w[0], future)
		}
	}
	if len(w) == 3 && (w[1] == "last" || w[1] == "next" || w[1] == "this") && w[2] == "year" {
		if m, ok := months[w[0]]; ok {
			y := d.Year() + map[string]int{"last": -1, "next": 1, "this": 0}[w[1]]
			return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Format(fmtMonth)
		}
	}
	c, ok := calendar(w, false)
	if !ok {
		return ""
	}
	if c.year != 0 {
		return c.format(c.year)
	}
	if c.day == 0 {
		return a.month(c.month, "", future)
	}
	// a day without a year: the nearest such day before the article's date (after it for the
	// future)
	y := d.Year()
	switch t := c.date(y); {
	case future && t.Before(d):
		y++
	case !future && t.After(d):
		y--
	}
	return c.format(y)
}

// weekday returns the day named wd nearest the article's day: on or before it for the past (the
// usual "the Zedland ministry said on Tuesday" of an article dated that Tuesday), after it for
// what is to come; "last" and "next" always step away from the article's day.
func (a *Anchor) weekday(wd time.Weekday, mod string, future bool) string {
	d := a.day
	back := (int(d.Weekday()) - int(wd) + 7) % 7
	fwd := (int(wd) - int(d.Weekday()) + 7) % 7
	switch {
	case mod == "last" || mod == "past":
		if back == 0 {
			back = 7
		}
		return d.AddDate(0, 0, -back).Format(fmtDay)
	case mod == "next" || mod == "coming":
		if fwd == 0 {
			fwd = 7
		}
		return d.AddDate(0, 0, fwd).Format(fmtDay)
	case future:
		return d.AddDate(0, 0, fwd).Format(fmtDay)
	default:
		return d.AddDate(0, 0, -back).Format(fmtDay)
	}
}

// period reads "this week", "last month", "next year", "earlier this year", "the past week".
func (a *Anchor) period(w []string) (string, bool) {
	unit := w[len(w)-1]
	if unit != "week" && unit != "month" && unit != "year" && unit != "weekend" {
		return "", false
	}
	mods := w[:len(w)-1]
	step := 0
	switch strings.Join(mods, " ") {
	case "this", "earlier this", "later this", "the", "current", "so far this":
	case "last", "past", "previous", "the past", "the last", "the previous":
		step = -1
	case "next", "coming", "the next", "the coming":
		step = 1
	default:
		return "", false
	}
	d := a.day
	switch unit {
	case "week", "weekend":
		mon := d.AddDate(0, 0, -((int(d.Weekday())+6)%7)+7*step)
		if unit == "weekend" {
			if step == 0 && d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
				step = -1 // "this weekend" read in the week: the one just past
				mon = mon.AddDate(0, 0, -7)
			}
			return mon.AddDate(0, 0, 5).Format(fmtDay) + "/" + mon.AddDate(0, 0, 6).Format(fmtDay), true
		}
		return mon.Format(fmtDay) + "/" + mon.AddDate(0, 0, 6).Format(fmtDay), true
	case "month":
		return time.Date(d.Year(), d.Month()+time.Month(step), 1, 0, 0, 0, 0, time.UTC).Format(fmtMonth), true
	default:
		return strconv.Itoa(d.Year() + step), true
	}
}

// ago reads "N days ago": days and weeks give a day, months a month, years a year.
func (a *Anchor) ago(n, unit string) string {
	k, ok := numbers[n]
	if !ok {
		var err error
		if k, err = strconv.Atoi(n); err != nil || k > 1000 {
			return ""
		}
	}
	if k <= 0 {
		return ""
	}
	d := a.day
	switch strings.TrimSuffix(unit, "s") {
	case "day":
		return d.AddDate(0, 0, -k).Format(fmtDay)
	case "week":
		return d.AddDate(0, 0, -7*k).Format(fmtDay)
	case "month":
		return time.Date(d.Year(), d.Month()-time.Month(k), 1, 0, 0, 0, 0, time.UTC).Format(fmtMonth)
	case "year":
		return strconv.Itoa(d.Year() - k)
	}
	return ""
}

// month returns the month m nearest the article's month: this year's when it is not later than
// the article's month (earlier for "last"), else the year before; forward for the future.
func (a *Anchor) month(m time.Month, mod string, future bool) string {
	d := a.day
	y := d.Year()
	switch {
	case mod == "last":
		if m >= d.Month() {
			y--
		}
	case mod == "next":
		if m <= d.Month() {
			y++
		}
	case mod == "this":
	case future:
		if m < d.Month() {
			y++
		}
	default:
		if m > d.Month() {
			y--
		}
	}
	return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Format(fmtMonth)
}

// calendarDate is a date written with a month name or in ISO form: year, month and day, a zero
// year or day when the text gives none.
type calendarDate struct {
	year  int
	month time.Month
	day   int
}

// date returns the day (or the month's first day) in year y.
func (c calendarDate) date(y int) time.Time {
	d := max(c.day, 1)
	return time.Date(y, c.month, d, 0, 0, 0, 0, time.UTC)
}

// format writes the date in year y at the precision the text gave: a day or a month.
func (c calendarDate) format(y int) string {
	if c.day == 0 {
		return c.date(y).Format(fmtMonth)
	}
	return c.date(y).Format(fmtDay)
}

// skipWords may stand in a date line beside the date ("Updated: Tuesday, Oct 4, 2022 10:15 am
// ET"); calendar skips them when reading such lines.
var skipWords = map[string]bool{"updated": true, "published": true, "posted": true, "last": true,
	"modified": true, "on": true, "at": true, "|": true, "-": true, "–": true, "—": true, "/": true,
	"am": true, "pm": true, "a": true, "m": true, "gmt": true, "utc": true, "bst": true, "cet": true,
	"cest": true, "et": true, "est": true, "edt": true, "pt": true, "pst": true, "pdt": true,
	"msk": true, "ist": true}

// calendar reads the words of a calendar date: "4 October 2014", "October 4", "Oct 4 2022",
// "Sunday January 20 2008", "the 4th of October", "February 2003", "2022-10-04" (tokens has
// removed the commas). A weekday beside the date is ignored; a month is required (or the ISO
// form), a day must exist in its month. line allows the words and times of day of a date line.
func calendar(w []string, line bool) (calendarDate, bool) {
	var c calendarDate
	for _, x := range w {
		if _, ok := weekdays[x]; ok || x == "of" || x == "the" || line && (skipWords[x] || strings.Contains(x, ":")) {
			continue
		}
		if m, ok := months[x]; ok {
			if c.month != 0 {
				return c, false
			}
			c.month = m
			continue
		}
		if len(x) == 10 && x[4] == '-' && x[7] == '-' {
			t, err := time.Parse(fmtDay, x)
			if err != nil || c != (calendarDate{}) {
				return c, false
			}
			c = calendarDate{t.Year(), t.Month(), t.Day()}
			continue
		}
		n, err := strconv.Atoi(strings.TrimRight(x, "stndrh"))
		switch {
		case err != nil:
			return c, false
		case len(x) == 4 && IsYear(x) && c.year == 0:
			c.year = n
		case len(strings.TrimRight(x, "stndrh")) <= 2 && n >= 1 && n <= 31 && c.day == 0:
			c.day = n
		default:
			return c, false
		}
	}
	if c.month == 0 || c.day != 0 && c.date(2000).Day() != c.day { // 2000 was a leap year
		return c, false // no month, or 31 April
	}
	if c.day != 0 && c.year != 0 && c.date(c.year).Day() != c.day {
		return c, false // 29 February of a common year, 31 April
	}
	return c, true
}
