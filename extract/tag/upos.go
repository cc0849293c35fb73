package tag

// uposTable maps Penn tags to the Universal POS tag they most often have in UD English.
var uposTable = map[string]string{
	"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN",
	"JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "AFX": "ADJ",
	"RB": "ADV", "RBR": "ADV", "RBS": "ADV", "WRB": "ADV",
	"VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB",
	"MD": "AUX", "IN": "ADP", "RP": "ADP", "TO": "PART", "POS": "PART",
	"DT": "DET", "PDT": "DET", "WDT": "PRON", "PRP": "PRON", "PRP$": "PRON", "WP": "PRON",
	"WP$": "PRON", "EX": "PRON", "CD": "NUM", "CC": "CCONJ", "UH": "INTJ",
	"SYM": "SYM", "$": "SYM", "#": "SYM", "FW": "X", "LS": "X", "ADD": "X", "GW": "X", "XX": "X",
	",": "PUNCT", ".": "PUNCT", ":": "PUNCT", "``": "PUNCT", "''": "PUNCT", "-LRB-": "PUNCT",
	"-RRB-": "PUNCT", "HYPH": "PUNCT", "NFP": "PUNCT",
}

// UPOS returns the Universal POS tag of a word from its Penn tag, lemma and, when known (else
// ""), its dependency relation: a table with the few corrections UD English needs (auxiliaries,
// "not", subordinating conjunctions, determiners used as pronouns). Unknown tags give "X".
func UPOS(xpos, lemma, dep string) string {
	u, ok := uposTable[xpos]
	if !ok {
		return "X"
	}
	base := dep
	for i := 0; i < len(dep); i++ {
		if dep[i] == ':' {
			base = dep[:i]
			break
		}
	}
	switch {
	case u == "VERB" && (lemma == "be" || base == "aux" || base == "cop"):
		return "AUX"
	case u == "ADV" && lemma == "not":
		return "PART"
	case xpos == "IN" && base == "mark":
		return "SCONJ"
	case xpos == "TO" && base == "case":
		return "ADP"
	case xpos == "DT" && base != "" && base != "det":
		return "PRON"
	case xpos == "WDT" && base == "det":
		return "DET"
	}
	return u
}
