package extract

import "testing"

// TestModality checks what the text asserts: a fact under a modal, a question or an infinitive
// that nothing makes happen is hypothetical and less sure; one under an implicative verb happened;
// what an accuser alleges is the accuser's word; what somebody denies is reported and denied;
// what a claim or a plan supposes is hypothetical, and so is a title held only if or would.
func TestModality(t *testing.T) {
	tests := []struct {
		text, fact, modality, by string
		negated                  bool
	}{
		{"Acme Corp bought Zenith Industries in May.\n", "Acme Corp | bought | Zenith Industries", "", "", false},
		{"Acme Corp wants to buy Zenith Industries.\n", "Acme Corp | bought | Zenith Industries", "hypothetical", "", false},
		{"Acme Corp could buy Zenith Industries.\n", "Acme Corp | bought | Zenith Industries", "hypothetical", "", false},
		{"John Smith spoke.\n\nWill Acme Corp buy Zenith Industries?\n", "Acme Corp | bought | Zenith Industries", "hypothetical", "", false},
		{"Acme Corp managed to buy Zenith Industries.\n", "Acme Corp | bought | Zenith Industries", "", "", false},
		// An allegation, with and without a named accuser; the gerund's subject is the accused.
		{"Maria Lopez accused Acme Corp of buying Zenith Industries in secret.\n",
			"Acme Corp | bought | Zenith Industries", "reported", "Maria Lopez", false},
		{"Maria Lopez accused Acme Corp of trying to hide its losses by buying Zenith Industries.\n",
			"Acme Corp | bought | Zenith Industries", "reported", "Maria Lopez", false},
		{"Acme Corp was charged with buying Zenith Industries illegally.\n",
			"Acme Corp | bought | Zenith Industries", "hypothetical", "", false},
		// A denial: the denier's word, denied; a denial that is itself denied asserts.
		{"Acme Corp denied buying Zenith Industries.\n",
			"Acme Corp | bought | Zenith Industries", "reported", "Acme Corp", true},
		{"Maria Lopez denied that Acme Corp had bought Zenith Industries.\n",
			"Acme Corp | bought | Zenith Industries", "reported", "Maria Lopez", true},
		{"Maria Lopez did not deny that Acme Corp had bought Zenith Industries.\n",
			"Acme Corp | bought | Zenith Industries", "reported", "Maria Lopez", false},
		// What a noun of claim or supposition holds, and a plan.
		{"John Smith dismissed the reports that Acme Corp had bought Zenith Industries.\n",
			"Acme Corp | bought | Zenith Industries", "hypothetical", "", false},
		{"The regulator said it had no evidence that Acme Corp had bought Zenith Industries.\n",
			"Acme Corp | bought | Zenith Industries", "hypothetical", "", false},
		{"Zenith Industries sued Tom Jones under the pretext that Acme Corp had bought Zenith Industries.\n",
			"Acme Corp | bought | Zenith Industries", "hypothetical", "", false},
		{"Acme Corp is considering buying Zenith Industries.\n",
			"Acme Corp | bought | Zenith Industries", "hypothetical", "", false},
		// A question mark that closes a quotation asks nothing of the clause outside it.
		{"John Smith spoke.\n\nAcme Corp bought Zenith Industries under the slogan \"Why wait?\"\n",
			"Acme Corp | bought | Zenith Industries", "", "", false},
		// A title held only under a condition or a modal.
		{"John Smith spoke.\n\nIf Maria Lopez became chairman of Acme Corp, prices would rise.\n",
			"Maria Lopez | chairman of | Acme Corp", "hypothetical", "", false},
		{"John Smith spoke.\n\nMaria Lopez would be the chairman of Acme Corp next year.\n",
			"Maria Lopez | chairman of | Acme Corp", "hypothetical", "", false},
		// Not framed: a progressive is no gerund, and a perception verb with its own object sees
		// what happened.
		{"Analysts said Acme Corp was buying Zenith Industries.\n",
			"Acme Corp | bought | Zenith Industries", "", "", false},
	}
	var asserted float64
	for _, tt := range tests {
		r := extractText(t, tt.text)
		i := findFact(r.Facts, tt.fact)
		if i < 0 {
			t.Errorf("%q: no fact %q", tt.text, tt.fact)
			continue
		}
		f := &r.Facts[i]
		by := ""
		if f.AttributedTo != nil {
			by = f.AttributedTo.Name
		}
		if f.Modality != tt.modality || by != tt.by || f.Negated != tt.negated {
			t.Errorf("%q: modality %q by %q negated %v, want %q by %q negated %v", tt.text,
				f.Modality, by, f.Negated, tt.modality, tt.by, tt.negated)
		}
		switch {
		case tt.modality == "" && asserted == 0:
			asserted = f.Confidence
		case tt.modality == "hypothetical" && f.Confidence >= asserted:
			t.Errorf("%q: confidence %.3f, not below the asserted fact's %.3f", tt.text, f.Confidence, asserted)
		}
	}
}
