package ner

import (
	"strings"
	"unicode"
)

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "jan.": true, "feb": true, "feb.": true, "mar.": true, "apr": true, "apr.": true,
	"jun.": true, "jul.": true, "aug": true, "aug.": true, "sep.": true, "sept": true, "sept.": true,
	"oct": true, "oct.": true, "nov": true, "nov.": true, "dec": true, "dec.": true,
}

var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

var currencySigns = map[string]bool{"$": true, "US$": true, "€": true, "£": true, "¥": true, "₽": true, "₴": true}

var currencyWords = map[string]bool{
	"dollar": true, "dollars": true, "euro": true, "euros": true, "pound": true, "pounds": true,
	"rouble": true, "roubles": true, "ruble": true, "rubles": true, "hryvnia": true, "hryvnias": true,
	"yuan": true, "yen": true, "rupees": true, "francs": true, "cents": true,
}

var scaleWords = map[string]bool{
	"million": true, "billion": true, "trillion": true, "thousand": true, "hundred": true, "m": true, "bn": true,
}

// isNumber reports whether w is written as a number ("44", "1,000", "3.5", "44bn").
func isNumber(w string) bool {
	digits := 0
	for i, r := range w {
		switch {
		case unicode.IsDigit(r):
			digits++
		case (r == ',' || r == '.') && i > 0:
		default:
			return false
		}
	}
	return digits > 0
}

// isYear reports whether w is a year from 1000 to 2099.
func isYear(w string) bool {
	return len(w) == 4 && isNumber(w) && (w[0] == '1' || (w[0] == '2' && w[1] == '0'))
}

// isDay reports whether w is a day of the month ("3", "31", "3rd").
func isDay(w string) bool {
	w = strings.TrimRight(strings.ToLower(w), "stndrh")
	if len(w) == 0 || len(w) > 2 || !isNumber(w) {
		return false
	}
	d := 0
	for _, c := range w {
		d = d*10 + int(c-'0')
	}
	return d >= 1 && d <= 31
}

// numbers marks DATE, MONEY and PERCENT spans over free tokens.
func numbers(words, labels []string, begins []bool) {
	n := len(words)
	for i := 0; i < n; i++ {
		if labels[i] != "" {
			continue
		}
		w := words[i]
		lw := strings.ToLower(w)
		j := i
		label := ""
		switch {
		case currencySigns[w] && i+1 < n && isNumber(words[i+1]):
			j = i + 2
			if j < n && scaleWords[strings.ToLower(words[j])] {
				j++
			}
			label = Money
		case isNumber(w) && i+1 < n && (words[i+1] == "%" || strings.EqualFold(words[i+1], "percent")):
			j, label = i+2, Percent
		case isNumber(w) && i+2 < n && strings.EqualFold(words[i+1], "per") && strings.EqualFold(words[i+2], "cent"):
			j, label = i+3, Percent
		case strings.HasSuffix(w, "%") && isNumber(strings.TrimSuffix(w, "%")):
			j, label = i+1, Percent
		case isNumber(w) && i+1 < n && (currencyWords[strings.ToLower(words[i+1])] ||
			i+2 < n && scaleWords[strings.ToLower(words[i+1])] && currencyWords[strings.ToLower(words[i+2])]):
			j = i + 2
			if !currencyWords[strings.ToLower(words[i+1])] {
				j++
			}
			label = Money
		case months[lw] && (lw != "may" || w == "May") && capitalised(w) && (lw != "march" || i+1 < n && (isDay(words[i+1]) || isYear(words[i+1]))):
			j = i + 1
			if i > 0 && isDay(words[i-1]) && labels[i-1] == "" {
				i--
			}
			if j < n && isDay(words[j]) {
				j++
			}
			if j+1 < n && words[j] == "," && isYear(words[j+1]) {
				j += 2
			} else if j < n && isYear(words[j]) {
				j++
			}
			if lw == "may" && j == i+1 {
				j = i // "May" alone is more often the verb or a name
			}
			label = Date
		case weekdays[lw] && capitalised(w):
			j, label = i+1, Date
		case isYear(w) && i > 0 && inYearContext(words[i-1]):
			j, label = i+1, Date
		}
		if label == "" || j <= i || !free(labels, i, j) {
			continue
		}
		mark(labels, begins, i, j, label)
		i = j - 1
	}
}

// inYearContext reports whether a bare four-digit number after w is likely a year.
func inYearContext(w string) bool {
	switch strings.ToLower(w) {
	case "in", "since", "until", "by", "of", "from", "to", "before", "after", "during", "early", "late", "mid":
		return true
	}
	return false
}
