package lexicon

import "testing"

func TestCheck(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatal(err)
	}
}

func TestPlace(t *testing.T) {
	tests := []struct {
		in      string
		ok      bool
		name    string
		kind    PlaceKind
		country string
	}{
		{"U.S.", true, "United States", Country, "United States"},
		{"the US", true, "United States", Country, "United States"},
		{"america", true, "United States", Country, "United States"},
		{"Britain", true, "United Kingdom", Country, "United Kingdom"},
		{"UK", true, "United Kingdom", Country, "United Kingdom"},
		{"Russian Federation", true, "Russia", Country, "Russia"},
		{"Côte d’Ivoire", true, "Ivory Coast", Country, "Ivory Coast"},
		{"Georgia", true, "Georgia", Country, "Georgia"},
		{"Texas", true, "Texas", State, "United States"},
		{"Kiev", true, "Kyiv", City, "Ukraine"},
		{"paris", true, "Paris", City, "France"},
		{"Black Sea", true, "the Black Sea", Region, ""},
		{"us", false, "", 0, ""},
		{"uk", false, "", 0, ""},
		{"table", false, "", 0, ""},
		{"", false, "", 0, ""},
	}
	for _, tt := range tests {
		p, ok := Place(tt.in)
		if ok != tt.ok || p.Name != tt.name || p.Kind != tt.kind || p.Country != tt.country {
			t.Errorf("Place(%q) = %+v, %v; want %s %v %q, %v", tt.in, p, ok, tt.name, tt.kind, tt.country, tt.ok)
		}
	}
}

func TestDemonym(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ukrainian", "Ukraine"},
		{"Ukrainians", "Ukraine"},
		{"russian", "Russia"},
		{"American", "United States"},
		{"Americans", "United States"},
		{"British", "United Kingdom"},
		{"Frenchmen", "France"},
		{"Chinese", "China"},
		{"Israelis", "Israel"},
		{"Philippines", ""},
		{"table", ""},
	}
	for _, tt := range tests {
		got, ok := Demonym(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Demonym(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestOrg(t *testing.T) {
	tests := []struct{ in, want string }{
		{"NATO", "North Atlantic Treaty Organization"},
		{"Nato", "North Atlantic Treaty Organization"},
		{"the UN", "United Nations"},
		{"U.N.", "United Nations"},
		{"WHO", "World Health Organization"},
		{"who", ""},
		{"EU", "European Union"},
		{"OPEC", "Organization of the Petroleum Exporting Countries"},
		{"IMF", "International Monetary Fund"},
		{"Acme", ""},
		// Political parties, by short names, member nouns and adjectives.
		{"Tories", "Conservative Party"},
		{"Tory", "Conservative Party"},
		{"Lib Dems", "Liberal Democrats"},
		{"Labour", "Labour Party"},
		{"Republicans", "Republican Party"},
		{"SNP", "Scottish National Party"},
		{"snp", ""},
		{"Green", ""},
	}
	for _, tt := range tests {
		got, ok := Org(tt.in)
		if got.Name != tt.want || ok != (tt.want != "") {
			t.Errorf("Org(%q) = %+v, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	if o, _ := Org("Tories"); o.Kind != "party" {
		t.Errorf("Org(Tories).Kind = %q, want party", o.Kind)
	}
}

func TestTitleHonorificSuffix(t *testing.T) {
	titles := []struct{ in, canon, kind string }{
		{"president", "president", "political"},
		{"Prime Minister", "prime minister", "political"},
		{"chief executive", "chief executive", "business"},
		{"CEO", "chief executive", "business"},
		{"spokeswoman", "spokeswoman", "government"},
		{"Ambassador", "ambassador", "diplomatic"},
		{"general", "general", "military"},
		{"ex-president", "president", "political"},
		{"Co-Chairman", "chairman", "business"},
		{"ex-banana", "", ""},
		{"banana", "", ""},
	}
	for _, tt := range titles {
		got, ok := Title(tt.in)
		if got.Canonical != tt.canon || got.Kind != tt.kind || ok != (tt.canon != "") {
			t.Errorf("Title(%q) = %+v, %v; want %q %q", tt.in, got, ok, tt.canon, tt.kind)
		}
	}
	hons := []struct {
		in, canon string
		g         Gender
		address   bool
	}{
		{"Mr", "Mr", Male, true}, {"Mr.", "Mr", Male, true}, {"Mrs.", "Mrs", Female, true}, {"Dr.", "Dr", Unknown, true},
		{"Sir", "Sir", Male, true}, {"Baroness", "Baroness", Female, true}, {"Lord", "Lord", Male, true},
		{"Gen.", "General", Unknown, false}, {"Sen", "Senator", Unknown, false}, {"Pres.", "President", Unknown, false},
		{"Bob", "", Unknown, false},
	}
	for _, tt := range hons {
		got, ok := Honorific(tt.in)
		if got.Canonical != tt.canon || got.Gender != tt.g || got.Address != tt.address || ok != (tt.canon != "") {
			t.Errorf("Honorific(%q) = %+v, %v; want %q %v address=%v", tt.in, got, ok, tt.canon, tt.g, tt.address)
		}
	}
	for w, want := range map[string]bool{"Inc": true, "Inc.": true, "Ltd": true, "plc": true, "GmbH": true, "AG": true, "Corp.": true, "house": false} {
		if got := CompanySuffix(w); got != want {
			t.Errorf("CompanySuffix(%q) = %v, want %v", w, got, want)
		}
	}
	if p, s := GovHead("Ministry"); !p || !s {
		t.Errorf("GovHead(Ministry) = %v, %v; want true, true", p, s)
	}
}

func TestGivenNameGender(t *testing.T) {
	tests := []struct {
		in   string
		want Gender
	}{
		{"John", Male}, {"mary", Female}, {"Sergei", Male}, {"Olena", Female}, {"Xyzzy", Unknown}, {"", Unknown},
	}
	for _, tt := range tests {
		if got := GivenNameGender(tt.in); got != tt.want {
			t.Errorf("GivenNameGender(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		words []string
		i     int
		n     int
		class Class
	}{
		{[]string{"the", "United", "States", "said"}, 1, 2, ClassCountry},
		{[]string{"the", "United", "States", "said"}, 0, 3, ClassCountry},
		{[]string{"Guinea", "-", "Bissau"}, 0, 3, ClassCountry},
		{[]string{"the", "Prime", "Minister"}, 1, 2, ClassTitle},
		{[]string{"tell", "us"}, 1, 0, 0},
		{[]string{"the", "U.S.", "Army"}, 1, 1, ClassCountry},
		{[]string{"the", "U.S", ".", "Army"}, 1, 2, ClassCountry}, // a phrase split further
		{[]string{"Guinea", "-", "x", "Bissau"}, 0, 1, ClassCountry},
		{[]string{"x"}, 5, 0, 0},
		{[]string{"the", "co-chief", "executive", "said"}, 1, 2, ClassTitle},
		{[]string{"ex-United", "States"}, 0, 0, 0}, // a prefix makes titles only
	}
	for _, tt := range tests {
		n, e := Match(tt.words, tt.i)
		var c Class
		if e != nil {
			c = e.Class & tt.class
		}
		if n != tt.n || c != tt.class {
			t.Errorf("Match(%q, %d) = %d, %v; want %d with class %v", tt.words, tt.i, n, e, tt.n, tt.class)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	words := []string{"The", "Pentagon", "said", "on", "Tuesday", "that", "the", "United", "States", "and", "NATO", "met", "in", "Geneva", "."}
	for b.Loop() {
		for i := range words {
			Match(words, i)
		}
	}
	b.ReportMetric(float64(b.N*len(words))/b.Elapsed().Seconds(), "words/s")
}
