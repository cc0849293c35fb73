package eval

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file ports the word-level helpers of score_kg.py: norm, lemma, lemmas, classes and content,
// with its tables (STOP, IRREG, CLASS_OF, CAMEO_ROOT). Python's str.lower, \w and \s are Unicode
// aware, Go's regexp classes are not, so the helpers scan runes by hand with Python's definitions.

// stopWords is score_kg.py's STOP.
var stopWords = setOf(strings.Fields("a an the of to in on for and or by with at from as is was be been are that " +
	"this his her its their it he she they them him who which what would should could will can has have had not " +
	"no do does did than then so if but into about over after before up out very"))

// irregular is score_kg.py's IRREG: irregular verb forms and their lemma.
var irregular = map[string]string{"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
	"held": "hold", "took": "take", "taken": "take", "beat": "beat", "hit": "hit", "led": "lead", "made": "make",
	"gave": "give", "given": "give", "met": "meet", "went": "go", "gone": "go", "sought": "seek",
	"struck": "strike", "bought": "buy", "sold": "sell", "won": "win", "lost": "lose", "left": "leave",
	"came": "come", "became": "become", "began": "begin", "begun": "begin", "brought": "bring",
	"thought": "think", "fought": "fight", "spoke": "speak", "spoken": "speak", "chose": "choose",
	"drew": "draw", "drawn": "draw", "ran": "run", "set": "set", "put": "put", "cut": "cut", "let": "let",
	"withdrew": "withdraw", "withdrawn": "withdraw", "hailed": "hail", "threw": "throw", "saw": "see",
	"seen": "see", "knew": "know", "known": "know", "got": "get", "paid": "pay", "sent": "send",
	"built": "build", "felt": "feel", "kept": "keep", "meant": "mean", "stood": "stand", "understood": "understand",
	"rose": "rise", "fell": "fall", "overtook": "overtake", "forecast": "forecast", "spent": "spend", "lay": "lie",
	"laid": "lay", "pledged": "pledge", "is": "be", "was": "be", "were": "be", "are": "be", "been": "be", "has": "have", "had": "have"}

// classWords lists the coarse classes of the gold with the lemmas (of a head verb or role noun)
// that signal them, in score_kg.py's order: a word listed under two classes belongs to the later
// one, as in the script's dict. Underscores join the words of a multi-word key.
var classWords = []struct{ class, words string }{
	{"PRAISE", "praise hail welcome back endorse commend applaud laud acclaim compliment salute thank congratulate"},
	{"CRITICIZE", "criticize criticise slam accuse blast condemn denounce attack_verbal reject dismiss rebuke berate lambast lash deride mock decry fault blame scold censure ridicule chide question dispute deny rule_out rebuff"},
	{"PROPOSE", "propose suggest outline float recommend call_for advocate put_forward demand urge plan pledge promise unveil"},
	{"SAY", "say tell write claim tweet state add explain argue insist note warn announce report declare comment remark point_out predict believe"},
	{"REPLY", "reply respond answer retort"},
	{"ASK", "ask poll question post create survey request"},
	{"SUPPORT", "support provide help aid assist fund back_up"},
	{"OPPOSE", "oppose resist object block"},
	{"ATTACK", "invade attack kill bomb shell strike occupy beat_back cause"},
	{"ANNEX", "annex absorb incorporate"},
	{"NEGOTIATE", "negotiate talk hold_talks meet derail rule_out_talks mediate broker"},
	{"OFFER", "offer buy bid acquire purchase"},
	{"WITHDRAW", "withdraw retract pull cancel abandon"},
	{"SUE", "sue"},
	{"ROLE", "spokesman spokeswoman spokesperson ceo chief founder president ambassador minister columnist chairman leader head secretary chancellor director mp member governor premier boss editor analyst official"},
	{"PART_OF", "part region province territory belong"},
}

// classOf is score_kg.py's CLASS_OF (lemma n-gram → class); singleKeys its one-word keys, sorted.
var classOf, singleKeys = buildClassOf()

func buildClassOf() (map[string]string, []string) {
	m := map[string]string{}
	for _, cw := range classWords {
		for _, w := range strings.Fields(cw.words) {
			m[strings.ReplaceAll(w, "_", " ")] = cw.class
		}
	}
	var single []string
	for k := range m {
		if !strings.Contains(k, " ") {
			single = append(single, k)
		}
	}
	slices.Sort(single)
	return m, single
}

// cameoRoot is score_kg.py's CAMEO_ROOT: the class of a CAMEO code's two-digit root.
var cameoRoot = map[string]string{"01": "SAY", "02": "ASK", "03": "PROPOSE", "04": "NEGOTIATE", "05": "PRAISE",
	"06": "SUPPORT", "07": "SUPPORT", "08": "WITHDRAW", "10": "PROPOSE", "11": "CRITICIZE", "12": "CRITICIZE",
	"13": "CRITICIZE", "14": "OPPOSE", "18": "ATTACK", "19": "ATTACK"}

func setOf(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// pyLower is Python's str.lower: Go's simple lower-casing plus the two full mappings Python
// applies without a locale (İ → i̇, and a final capital sigma → ς).
func pyLower(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		switch {
		case r == 'İ':
			b.WriteString("i\u0307")
		case r == 'Σ' && finalSigma(rs, i):
			b.WriteRune('ς')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma reports whether the capital sigma at rs[i] ends a word: a cased letter before it and
// none after it (case-ignorable marks skipped), Unicode's Final_Sigma condition.
func finalSigma(rs []rune, i int) bool {
	ignorable := func(r rune) bool {
		return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk) || r == '\'' || r == '.' || r == ':' || r == '·'
	}
	cased := func(r rune) bool { return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) }
	before := false
	for j := i - 1; j >= 0; j-- {
		if !ignorable(rs[j]) {
			before = cased(rs[j])
			break
		}
	}
	if !before {
		return false
	}
	for j := i + 1; j < len(rs); j++ {
		if !ignorable(rs[j]) {
			return !cased(rs[j])
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isWord is Python's \w on str: letters, numbers and the underscore.
func isWord(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) }

// isSpace is Python's \s on str (str.isspace): Unicode white space plus the ASCII separators
// U+001C..U+001F.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f }

// norm is score_kg.py's norm: the form under which names are compared (lower case, straight
// quotes, no possessive 's, punctuation other than - . @ ' blanked, spaces collapsed, no leading
// article).
func norm(s string) string {
	s = pyLower(s)
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u00a0", " ").Replace(s)
	s = strings.NewReplacer("\"", "", "\u201c", "", "\u201d", "", "\u2018", "", "\u2019", "").Replace(s)
	rs := []rune(s)
	// re.sub(r"'s\b", "", s), then each character outside [\w\s\-\.@'] → " ".
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\'' && i+1 < len(rs) && rs[i+1] == 's' && (i+2 == len(rs) || !isWord(rs[i+2])) {
			i++
			continue
		}
		if !(isWord(r) || isSpace(r) || r == '-' || r == '.' || r == '@' || r == '\'') {
			r = ' '
		}
		out = append(out, r)
	}
	// re.sub(r"\s+", " ", s).strip(" .")
	var b strings.Builder
	space := false
	for _, r := range out {
		if isSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	t := b.String()
	if space {
		t += " " // a trailing space run; strip below removes it with any dots before it
	}
	t = strings.Trim(t, " .")
	for _, art := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(t, art) {
			return t[len(art):]
		}
	}
	return t
}

// fields splits a norm'ed string on its single spaces (Python's str.split()).
func fields(s string) []string { return strings.Fields(s) }

// lemma is score_kg.py's lemma: the irregular form's lemma, or the word with one inflectional
// suffix removed (a doubled final consonant undoubled after -ing and -ed).
func lemma(w string) string {
	w = strings.ToLower(w)
	if l, ok := irregular[w]; ok {
		return l
	}
	for _, sr := range [...][2]string{{"ies", "y"}, {"ied", "y"}, {"ing", ""}, {"ed", ""}, {"es", ""}, {"s", ""}} {
		suf, rep := sr[0], sr[1]
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			base := w[:len(w)-len(suf)] + rep
			if (suf == "ing" || suf == "ed") && len(base) > 3 && base[len(base)-1] == base[len(base)-2] &&
				base[len(base)-1] != 'l' && base[len(base)-1] != 's' {
				base = base[:len(base)-1] // slammed -> slam
			}
			return base
		}
	}
	return w
}

// asciiRuns returns the maximal runs of ASCII letters (and digits, when digits is set) of s:
// re.findall(r"[A-Za-z]+", s) or r"[A-Za-z0-9]+".
func asciiRuns(s string, digits bool) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		in := false
		if i < len(s) {
			c := s[i]
			in = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || digits && c >= '0' && c <= '9'
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	return out
}

// lemmas is score_kg.py's lemmas: the lemma of every run of letters of phrase.
func lemmas(phrase string) []string {
	ws := asciiRuns(phrase, false)
	for i, w := range ws {
		ws[i] = lemma(w)
	}
	return ws
}

// classes is score_kg.py's classes: the classes of the lemma 3-, 2- and 1-grams of phrase, and
// of its lemmas that begin with a one-word key longer than four letters.
func classes(phrase string, out map[string]bool) {
	ls := lemmas(phrase)
	for n := 3; n >= 1; n-- {
		for i := 0; i+n <= len(ls); i++ {
			if c, ok := classOf[strings.Join(ls[i:i+n], " ")]; ok {
				out[c] = true
			}
		}
	}
	for _, w := range ls {
		for _, k := range singleKeys {
			if w == k || len(k) > 4 && strings.HasPrefix(w, k) {
				out[classOf[k]] = true
			}
		}
	}
}

// content is score_kg.py's content: the lemmas of the words of s that are not stop words and
// longer than one character.
func content(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range asciiRuns(pyLower(s), true) {
		if !stopWords[t] && len(t) > 1 {
			out[lemma(t)] = true
		}
	}
	return out
}
