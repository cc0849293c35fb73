package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// censored are the words that censored spellings ("f***", "s**t", "F**king") are restored to:
// the first word of the same length whose visible letters match.
var censored = []string{
	"fuck", "fucking", "fucked", "fucker", "fuckers", "fucks", "shit", "shits", "shitty", "bitch", "bitches",
	"bastard", "bastards", "damn", "damned", "crap", "ass", "asses", "asshole", "assholes", "hell", "piss",
	"pissed", "dick", "dicks", "cunt", "bullshit", "motherfucker", "motherfucking", "slut", "whore", "wanker",
	"bloody", "prick", "cock", "twat", "arse", "arsehole",
}

// Norm returns the form of a token the models read: curly quotes and apostrophes made straight
// (’ ‘ → ', “ ” „ « » → "), dashes normalised (— ― → --, – ‒ ‑ → -), "…" → "...", soft hyphens and
// zero-width characters removed, and censored words restored: a word with stars after one or two
// letters becomes the profanity of the same length whose visible letters match ("f***" → "fuck",
// "F**king" → "Fucking"); when none matches, the stars become "x" ("a**x" → "axxx"). The returned
// string is tok itself when nothing changed.
func Norm(tok string) string {
	plain := true
	for i := 0; i < len(tok); i++ {
		if c := tok[i]; c >= 0x80 || c == '*' {
			plain = false
			break
		}
	}
	if plain {
		return tok
	}
	out := tok
	if needsMap(tok) {
		var b strings.Builder
		b.Grow(len(tok))
		for _, r := range tok {
			switch r {
			case '’', '‘', '‛', '′', 'ʼ', '`':
				b.WriteByte('\'')
			case '“', '”', '„', '‟', '″', '«', '»':
				b.WriteByte('"')
			case '—', '―':
				b.WriteString("--")
			case '–', '‒', '‑', '‐', '−':
				b.WriteByte('-')
			case '…':
				b.WriteString("...")
			case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
			case '\u00a0', '\u202f', '\u2007':
			default:
				b.WriteRune(r)
			}
		}
		out = b.String()
	}
	if strings.IndexByte(out, '*') > 0 {
		out = uncensor(out)
	}
	if out == tok || out == "" { // a lone soft hyphen stays as written
		return tok
	}
	return out
}

func needsMap(s string) bool {
	for _, r := range s {
		switch r {
		case '’', '‘', '‛', '′', 'ʼ', '`', '“', '”', '„', '‟', '″', '«', '»', '—', '―', '–', '‒', '‑', '‐', '−', '…',
			'\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00a0', '\u202f', '\u2007':
			return true
		}
	}
	return false
}

// uncensor restores a censored word (stars after a letter); other words are returned as they are.
func uncensor(w string) string {
	if !isLetterRune(firstRune(w)) {
		return w
	}
	n := utf8.RuneCountInString(w)
	low := []rune(strings.ToLower(w))
	for _, c := range censored {
		if len(c) != n {
			continue
		}
		ok := true
		for i, r := range low {
			if r != '*' && r != rune(c[i]) {
				ok = false
				break
			}
		}
		if ok {
			return matchCase(w, c)
		}
	}
	return strings.ReplaceAll(w, "*", "x")
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// matchCase gives word the capitalisation of model: all upper, first upper, or lower.
func matchCase(model, word string) string {
	upper, first := true, unicode.IsUpper(firstRune(model))
	for _, r := range model {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			upper = false
		}
	}
	switch {
	case upper && utf8.RuneCountInString(strings.ReplaceAll(model, "*", "")) > 1:
		return strings.ToUpper(word)
	case first:
		return strings.ToUpper(word[:1]) + word[1:]
	}
	return word
}
