package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// The expected values of these tables are score_kg.py's own outputs for the same inputs.

func TestNorm(t *testing.T) {
	for in, want := range map[string]string{
		"The Northwind\u2019s spokesman": "northwind spokesman",
		"  A. B. Smith. ":                "a. b. smith",
		`Varga's "plan"`:                 "varga plan",
		"an apple":                       "apple",
		"Anabel":                         "anabel",
		"the":                            "the",
		"ΟΔΟΣ":                           "οδος",
		"İstanbul":                       "i stanbul",
		"x\u00a0\u2003y\x1cz":            "x y z",
		"O'Brien's":                      "o'brien",
		"it's's":                         "it",
		"@northwind!":                    "@northwind",
		"U.S.":                           "u.s",
		"Zürich—Köln":                    "zürich köln",
		"":                               "",
	} {
		if got := norm(in); got != want {
			t.Errorf("norm(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLemma(t *testing.T) {
	for in, want := range map[string]string{
		"slammed": "slam", "hailed": "hail", "studies": "study", "tried": "tri", "rolling": "roll",
		"passed": "pass", "criticised": "criticis", "talks": "talk", "bus": "bus", "does": "doe",
		"was": "be", "this": "thi", "running": "run", "agreed": "agre", "lies": "lie", "dies": "die",
		"Said": "say",
	} {
		if got := lemma(in); got != want {
			t.Errorf("lemma(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClasses(t *testing.T) {
	for in, want := range map[string][]string{
		"hit back at":           {"PRAISE"},
		"rules out talks":       {"NEGOTIATE"},
		"criticised":            nil, // "criticis" is no key, nor does it begin with one
		"criticise":             {"CRITICIZE"},
		"praised":               nil,
		"backed up":             {"PRAISE", "SUPPORT"},
		"is chief executive of": {"ROLE"},
		"questioned":            {"ASK"}, // listed under CRITICIZE and ASK: the later wins
		"posted":                {"ASK"},
		"endorsement":           {"PRAISE"},
		"put forward":           {"PROPOSE"},
		"attacking":             {"ATTACK"},
		"xyzzy":                 nil,
		"statement":             {"SAY"}, // begins with "state", a key over four letters
		"planet":                nil,     // begins with "plan", a key of four letters only
	} {
		got := map[string]bool{}
		classes(in, got)
		if keys := sortedKeys(got); !slices.Equal(keys, want) {
			t.Errorf("classes(%q) = %v, want %v", in, keys, want)
		}
	}
}

func TestContent(t *testing.T) {
	got := sortedKeys(content("Fares would rise by 10 percent next spring, the first rise in a decade."))
	want := []string{"10", "decade", "far", "first", "next", "percent", "rise", "spr"}
	if !slices.Equal(got, want) {
		t.Errorf("content = %v, want %v", got, want)
	}
}

func sortedKeys(m map[string]bool) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func loadFixture(t *testing.T) (*Gold, []Prediction, []string) {
	t.Helper()
	g, err := LoadGold("testdata/gold")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/pred.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	preds, problems, err := ReadPredictions(f, "pred.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return g, preds, problems
}

func TestResolve(t *testing.T) {
	g, _, _ := loadFixture(t)
	for _, tc := range []struct {
		ref  Ref
		want []string
	}{
		{Ref{Dict: true, Name: "Tomas Reyne"}, []string{"tomas_reyne"}},
		{Ref{Dict: true, Name: "TOMÁS REYNE"}, []string{"tomas_reyne"}},
		{Ref{Dict: true, Name: "he", Mention: "the Northwind chief"}, []string{"tomas_reyne"}},
		{Ref{Dict: true, Name: "Veldora\u2019s Minister"}, []string{"alba_varga"}},
		{Ref{Dict: true, Name: "lake mirel"}, []string{"lake_mirel"}},
		{Ref{Dict: true, Name: "Varga", Type: "PERSON"}, []string{"alba_varga", "jon_varga"}},
		{Ref{Dict: true, Name: "Varga", Type: "ORG"}, nil},
		{Ref{Dict: true, Name: "Mr Varga", Type: "ORG"}, []string{"alba_varga", "jon_varga"}},
		{Ref{Dict: true, Name: "Mr Li", Type: "PERSON"}, nil}, // last names of two letters are not indexed
		{Ref{Dict: true, HasLiteral: true, Literal: "Osten"}, nil},
		{Ref{Dict: true, HasLiteral: true, Name: "Osten"}, []string{"osten"}},
		{Ref{Str: "Osten"}, nil},
		{Ref{Dict: true, Name: "Nobody Inparticular"}, nil},
	} {
		if got := g.Resolve(tc.ref); !slices.Equal(got, tc.want) {
			t.Errorf("Resolve(%+v) = %v, want %v", tc.ref, got, tc.want)
		}
	}
}

// TestScoreFixture checks the whole report on hand-made predictions against what score_kg.py
// prints for them (testdata/pred.report.*, the script's output).
func TestScoreFixture(t *testing.T) {
	g, preds, problems := loadFixture(t)
	if len(problems) != 1 || !strings.HasPrefix(problems[0], "pred.jsonl:6: ") {
		t.Errorf("problems = %q, want line 6 reported", problems)
	}
	rep := g.Score(preds)
	var text, js bytes.Buffer
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file string
		got  string
	}{{"testdata/pred.report.txt", text.String()}, {"testdata/pred.report.json", js.String()}} {
		want, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		if c.got != string(want) {
			t.Errorf("report differs from %s:\ngot:\n%s\nwant:\n%s", c.file, c.got, want)
		}
	}
	// Scoring is deterministic.
	var again bytes.Buffer
	if err := g.Score(preds).WriteText(&again); err != nil || again.String() != text.String() {
		t.Errorf("a second scoring differs:\n%s", again.String())
	}
}

func TestFailures(t *testing.T) {
	r := &Report{CoreRecall: 0.5, Recall: 0.25, PrecisionEntityPairs: 0.8}
	if f := r.Failures(Thresholds{Core: 0.5, Recall: 0.25, Precision: 0.8}); len(f) != 0 {
		t.Errorf("thresholds met exactly: %q", f)
	}
	f := r.Failures(Thresholds{Core: 0.6, Precision: 0.9})
	if len(f) != 2 || !strings.Contains(f[0], "--min-core 0.6") || !strings.Contains(f[1], "--min-precision 0.9") {
		t.Errorf("failures = %q", f)
	}
}

func TestFromFact(t *testing.T) {
	f := schema.Fact{Doc: "a.txt", Subject: schema.Entity{ID: "e:1", Name: "Alba Varga", Type: "PERSON", Mention: "she"},
		Predicate: "praised", Relation: "hailed", CAMEO: "051", Object: schema.Object{Literal: "the plan"}}
	p, err := FromFact(f)
	if err != nil {
		t.Fatal(err)
	}
	want := Prediction{Doc: "a.txt", Subject: Ref{Dict: true, ID: "e:1", Name: "Alba Varga", Type: "PERSON", Mention: "she"},
		Predicate: "praised", Relation: "hailed", CAMEO: "051", Object: Ref{Dict: true, HasLiteral: true, Literal: "the plan"}}
	if p != want {
		t.Errorf("FromFact = %+v\nwant %+v", p, want)
	}
	f.Object = schema.Object{Entity: schema.Entity{ID: "e:2", Name: "Osten", Type: "GPE"}}
	if p, err = FromFact(f); err != nil || p.Object.HasLiteral || p.Object.Name != "Osten" {
		t.Errorf("FromFact entity object = %+v, %v", p.Object, err)
	}
}

func TestCAMEOValues(t *testing.T) {
	for raw, want := range map[string]string{
		`"051"`: "051", `51`: "51", `0`: "", `false`: "", `null`: "", `""`: "", `1e2`: "100.0", `true`: "True",
		`[]`: "", `["05"]`: "['05']",
	} {
		if got := cameo([]byte(raw)); got != want {
			t.Errorf("cameo(%s) = %q, want %q", raw, got, want)
		}
	}
	if got := cameo(nil); got != "" {
		t.Errorf("missing cameo = %q", got)
	}
}

func TestBadGold(t *testing.T) {
	goodEnts := `[{"id": "a", "name": "A", "type": "ORG"}]`
	goodFact := `{"id": "g1", "subject": "a", "predicate": "say", "class": "SAY", "object": "a", "docs": ["x.txt"]}`
	for _, tc := range []struct {
		name, ents, facts string
		want              string // in the error
	}{
		{"entities not JSON", "[\n{\"id\": \"a\",\n oops}]", goodFact, "entities.json:3:"},
		{"entity without name", "[\n" + `{"id": "a", "name": "A", "type": "ORG"},` + "\n" + `{"id": "b", "type": "ORG"}]`, goodFact, "entities.json:3: entity without name"},
		{"entity twice", "[\n" + `{"id": "a", "name": "A", "type": "ORG"},` + "\n\n" + `{"id": "a", "name": "A", "type": "ORG"}]`, goodFact, "entities.json:4: entity id \"a\" listed twice"},
		{"aliases not strings", "[\n" + `{"id": "a", "name": "A", "type": "ORG", "aliases": [1]}]`, goodFact, "entities.json:2:"},
		{"entities not an array", `{"id": "a"}`, goodFact, "entities.json:1: not a JSON array"},
		{"fact not JSON", goodEnts, goodFact + "\n\n{\"id\": ", "facts.jsonl:3:"},
		{"fact without object", goodEnts, goodFact + "\n" + `{"id": "g2", "subject": "a", "predicate": "say", "class": "SAY", "docs": []}`, "facts.jsonl:2: fact without object"},
		{"fact with bad object", goodEnts, `{"id": "g2", "subject": "a", "predicate": "say", "class": "SAY", "object": {"text": "x"}, "docs": []}`, "facts.jsonl:1:"},
		{"fact without docs", goodEnts, `{"id": "g2", "subject": "a", "predicate": "say", "class": "SAY", "object": "a"}`, "facts.jsonl:1: fact without docs"},
		{"docs not strings", goodEnts, `{"id": "g2", "subject": "a", "predicate": "say", "class": "SAY", "object": "a", "docs": "x"}`, `facts.jsonl:1: field "docs"`},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "entities.json"), []byte(tc.ents), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "facts.jsonl"), []byte(tc.facts), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadGold(dir)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
	_, err := LoadGold(filepath.Join(t.TempDir(), "nowhere"))
	if err == nil || !strings.Contains(err.Error(), "entities.json") {
		t.Errorf("missing gold folder: error %v", err)
	}
}
