package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// isSpace reports the runes that separate tokens: Unicode white space (no-break spaces included)
// and the zero-width spaces and joiners, which are never part of a token.
func isSpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff'
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isLetterRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

func isApos(r rune) bool { return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' }

// keepPrefixes are the prefixes UD EWT keeps attached by their hyphen ("e-mail", "non-profit",
// "co-founder", "pre-war"); other hyphenated words are split: "well", "-", "known".
var keepPrefixes = map[string]bool{
	"e": true, "non": true, "co": true, "pre": true, "post": true, "re": true, "anti": true, "semi": true,
	"multi": true, "ex": true, "mid": true, "sub": true, "vice": true, "pro": true, "inter": true,
	"intra": true, "un": true, "de": true, "micro": true, "mini": true, "counter": true, "bi": true,
	"tri": true, "neo": true, "pseudo": true, "quasi": true, "ultra": true, "mega": true, "x": true,
	"t": true, "u": true,
}

// Abbreviation classes.
const (
	abbrNone  = iota
	abbrTitle // never ends a sentence: "Mr.", "Gen.", initials
	abbrAmbig // may end one: "U.S.", "Inc.", "etc."
)

var titleAbbr = map[string]bool{}
var ambigAbbr = map[string]bool{}
var capAbbr = map[string]bool{} // only as abbreviations when capitalised (months, days)

func init() {
	for _, w := range strings.Fields(`mr mrs ms mx dr prof gen sen rep gov lt col sgt capt cpt maj cmdr adm rev hon
		pres supt fr st mt ft messrs mme mlle atty brig cpl pvt insp det rt gens sens reps govs profs drs
		lieut cmdt comdr sec secs amb ald judg pfc spc mssrs`) {
		titleAbbr[w] = true
	}
	for _, w := range strings.Fields(`inc ltd co corp bros jr sr plc llc dept univ assn ave blvd rd etc vs approx
		est vol vols fig figs pp ca cf al ed eds govt intl natl assoc mfg dist div hwy mgr dir min max ref tel`) {
		ambigAbbr[w] = true
	}
	for _, w := range strings.Fields(`jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur
		thurs fri sat sun`) {
		capAbbr[w] = true
		ambigAbbr[w] = true
	}
}

// abbrClass returns the abbreviation class of word (without its period). next is the text after
// the period.
func abbrClass(word string, next string) int {
	if i := strings.LastIndexByte(word, '.'); i >= 0 {
		if len(word)-i > 3 || i > 3 {
			return abbrNone // a domain name or file name ("Example.org", "report.pdf"), not "U.S", "Ph.D"
		}
		return abbrAmbig // "U.S", "a.m", "e.g"
	}
	r, n := utf8.DecodeRuneInString(word)
	if n == len(word) && unicode.IsUpper(r) {
		return abbrTitle // an initial
	}
	if len(word) > 8 {
		return abbrNone
	}
	low := strings.ToLower(word)
	if titleAbbr[low] && unicode.IsUpper(r) {
		return abbrTitle
	}
	if low == "no" || low == "nos" || low == "art" || low == "p" {
		if s := strings.TrimLeft(next, " "); s != "" && s[0] >= '0' && s[0] <= '9' {
			return abbrTitle // "No. 1"
		}
		return abbrNone
	}
	if ambigAbbr[low] && (!capAbbr[low] || unicode.IsUpper(r)) {
		return abbrAmbig
	}
	return abbrNone
}

// Tokenize appends to dst the tokens of text[start:end], in UD English style, with offsets in
// text; Norm is set, Head to -1. It never fails: every byte that is not white space belongs to a
// token.
func Tokenize(text string, start, end int, dst []doc.Token) []doc.Token {
	i := start
	for i < end {
		r, n := rune(text[i]), 1
		if r >= 0x80 {
			r, n = utf8.DecodeRuneInString(text[i:end])
		}
		if isSpace(r) {
			i += n
			continue
		}
		j := i + n
		for j < end {
			r, n := rune(text[j]), 1
			if r >= 0x80 {
				r, n = utf8.DecodeRuneInString(text[j:end])
			}
			if isSpace(r) {
				break
			}
			j += n
		}
		dst = chunk(text, i, j, end, dst)
		i = j
	}
	return dst
}

func add(dst []doc.Token, text string, s, e int) []doc.Token {
	t := text[s:e]
	return append(dst, doc.Token{Text: t, Norm: Norm(t), Start: s, End: e, Head: -1})
}

// runeAt decodes the rune at i of text (limited to end); utf8.RuneError, 0 past end.
func runeAt(text string, i, end int) (rune, int) {
	if i >= end {
		return utf8.RuneError, 0
	}
	if c := text[i]; c < 0x80 {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:end])
}

func runeBefore(text string, i, start int) rune {
	if i <= start {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeLastRuneInString(text[start:i])
	return r
}

// hasPrefixFold reports whether s starts with the ASCII prefix p, ignoring case.
func hasPrefixFold(s, p string) bool { return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) }

// chunk splits one run of non-space text[s:e] into tokens. lim is the end of the block (for
// look-ahead after a period).
func chunk(text string, s, e, lim int, dst []doc.Token) []doc.Token {
	p := s
	for p < e {
		r, n := runeAt(text, p, e)
		rest := text[p:e]
		// Web addresses, e-mail addresses, handles and hashtags are single tokens.
		if (r == 'h' || r == 'H' || r == 'w' || r == 'W') && (hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.")) {
			q := trimURL(text, p, e)
			dst = add(dst, text, p, q)
			p = q
			continue
		}
		if (r == '@' || r == '#') && p+1 < e {
			if r2, _ := runeAt(text, p+1, e); isLetterRune(r2) || r == '@' && (isDigitRune(r2) || r2 == '_') {
				q := p + 1
				for q < e {
					r3, n3 := runeAt(text, q, e)
					if !(isWordRune(r3) || r3 == '_') {
						break
					}
					q += n3
				}
				dst = add(dst, text, p, q)
				p = q
				continue
			}
		}
		if isWordRune(r) {
			q := wordEnd(text, p, e)
			// e-mail: word@word.word
			if q < e && text[q] == '@' {
				if m := emailEnd(text, q+1, e); m > 0 {
					dst = add(dst, text, p, m)
					p = m
					continue
				}
			}
			word := text[p:q]
			if q < e && text[q] == '.' && (q+1 == e || closerOnly(text, q+1, e)) {
				if abbrClass(word, text[q+1:lim]) != abbrNone {
					dst = add(dst, text, p, q+1)
					p = q + 1
					continue
				}
			}
			dst = splitClitics(dst, text, p, q)
			p = q
			continue
		}
		// Punctuation and symbols: a run of the same mark is one token ("...", "--", "!!!").
		q := p + n
		for q < e {
			r2, n2 := runeAt(text, q, e)
			if (r2 != r || r2 == '\'' || r2 == '"' || r2 == '(' || r2 == ')') && !((r == '?' || r == '!') && (r2 == '?' || r2 == '!')) {
				break
			}
			q += n2
		}
		dst = add(dst, text, p, q)
		p = q
	}
	return dst
}

// closerOnly reports whether text[i:e] holds only closing punctuation (quotes, brackets, commas
// are not closers).
func closerOnly(text string, i, e int) bool {
	for i < e {
		r, n := runeAt(text, i, e)
		switch r {
		case '"', '\'', '’', '”', ')', ']', '}', '»':
		default:
			return false
		}
		i += n
	}
	return true
}

// wordEnd returns the end of the word starting at p: letters, digits and marks, with periods
// between letters or digits ("U.S", "3.5"), commas and colons between digits ("1,000", "10:30"),
// apostrophes, ampersands and soft hyphens between letters ("don't", "AT&T"), the apostrophe of a
// number's possessive ("Radio 4's"), censoring stars
// ("f***"), and hyphens after the prefixes EWT keeps ("e-mail").
func wordEnd(text string, p, e int) int {
	q := p
	letters := 0 // letters before the first star
	stars := false
	for q < e {
		r, n := runeAt(text, q, e)
		if isWordRune(r) {
			if !stars {
				letters++
			}
			q += n
			continue
		}
		prev := runeBefore(text, q, p)
		next, _ := runeAt(text, q+n, e)
		switch {
		case r == '.' && isWordRune(prev) && isWordRune(next):
		case (r == ',' || r == ':') && isDigitRune(prev) && isDigitRune(next) && (r == ':' || commaGroup(text, q+1, e)):
		case (isApos(r) || r == '&' || r == '\u00ad' || r == '_') && isLetterRune(prev) && isLetterRune(next):
		case isApos(r) && isDigitRune(prev) && possessiveS(text, q+n, e): // "Radio 4's", "the 1990's"
		case r == '*' && !stars && letters >= 1 && letters <= 2:
			stars = true // "f***", "s**t", "sh*t"
		case r == '*' && stars:
		case (r == '-' || r == '\u2011') && isLetterRune(prev) && isLetterRune(next) && keepPrefix(text[p:q]):
		default:
			return q
		}
		q += n
	}
	return q
}

// possessiveS reports whether text at i is an "s" that ends a word: the possessive of a number.
func possessiveS(text string, i, e int) bool {
	if i >= e || text[i]|0x20 != 's' {
		return false
	}
	if i+1 == e {
		return true
	}
	r, _ := runeAt(text, i+1, e)
	return !isWordRune(r)
}

// commaGroup reports whether text at i starts with exactly three digits (a thousands group).
func commaGroup(text string, i, e int) bool {
	if i+3 > e {
		return false
	}
	for k := i; k < i+3; k++ {
		if text[k] < '0' || text[k] > '9' {
			return false
		}
	}
	return i+3 == e || text[i+3] < '0' || text[i+3] > '9'
}

// emailEnd returns the end of the domain of an e-mail address starting at i (after '@'), or 0.
func emailEnd(text string, i, e int) int {
	q, dot := i, false
	for q < e {
		r, n := runeAt(text, q, e)
		if isWordRune(r) || r == '-' {
			q += n
			continue
		}
		if r == '.' && q+1 < e {
			if r2, _ := runeAt(text, q+1, e); isWordRune(r2) {
				dot = true
				q += n
				continue
			}
		}
		break
	}
	if !dot {
		return 0
	}
	return q
}

// trimURL returns the end of a web address starting at p: up to e, less trailing punctuation and
// unbalanced closing brackets.
func trimURL(text string, p, e int) int {
	q := e
	for q > p {
		r, n := utf8.DecodeLastRuneInString(text[p:q])
		switch r {
		case '.', ',', ';', ':', '!', '?', '"', '\'', '’', '”', '»', '*':
			q -= n
			continue
		case ')', ']':
			open := '('
			if r == ']' {
				open = '['
			}
			if strings.Count(text[p:q], string(open)) < strings.Count(text[p:q], string(r)) {
				q -= n
				continue
			}
		}
		break
	}
	if q == p {
		return e
	}
	return q
}

// splitClitics appends the word text[s:e], split into its stem and clitic as UD EWT does:
// "Lopez's" → "Lopez" "'s", "Radio 4's" → "4" "'s", "don't" → "do" "n't", "I'm", "they'll",
// "cannot" → "can" "not", "gonna" → "gon" "na".
func splitClitics(dst []doc.Token, text string, s, e int) []doc.Token {
	w := text[s:e]
	if k := cliticAt(w); k > 0 {
		dst = add(dst, text, s, s+k)
		return add(dst, text, s+k, e)
	}
	return add(dst, text, s, e)
}

// cliticAt returns where the clitic of w starts, or 0.
func cliticAt(w string) int {
	n := len(w)
	if n < 3 {
		return 0
	}
	last := w[n-1] | 0x20
	// n't / n’t: "n", apostrophe, "t" at the end, after at least one letter.
	if last == 't' {
		for _, ap := range [...]string{"'", "’"} {
			k := n - len(ap) - 2
			if k > 0 && w[k]|0x20 == 'n' && w[k+1:k+1+len(ap)] == ap {
				return k
			}
		}
	}
	for _, ap := range [...]string{"'", "’"} {
		i := strings.LastIndex(w, ap)
		if i <= 0 {
			continue
		}
		c := strings.ToLower(w[i+len(ap):])
		switch b := runeBefore(w, i, 0); c {
		case "s", "m", "d", "re", "ve", "ll":
			if isLetterRune(b) || c == "s" && isDigitRune(b) {
				return i
			}
		}
	}
	if n == 6 || n == 5 {
		switch strings.ToLower(w) {
		case "cannot":
			return 3
		case "gonna", "wanna":
			return 3
		case "gotta":
			return 3
		}
	}
	return 0
}

// keepPrefix reports whether w is a prefix kept with its hyphen, written in lower case or
// capitalised ("Non-", not "NON-" or "UN-").
func keepPrefix(w string) bool {
	low := strings.ToLower(w)
	if !keepPrefixes[low] {
		return false
	}
	return w == low || len(w) > 1 && w[1:] == low[1:]
}
