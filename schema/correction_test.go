package schema

import (
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func TestCorrectionCheck(t *testing.T) {
	for _, tc := range []struct {
		c    Correction
		want string // "" for no error, else a part of the message
	}{
		{Correction{Kind: CorrectReject, Target: "stmt/0a1b"}, ""},
		{Correction{Kind: CorrectReject, Target: "person/x"}, `"person/x" is not a fact id`},
		{Correction{Kind: CorrectReject, Target: "stmt/0a1b", Value: "x"}, "takes no value"},
		{Correction{Kind: CorrectMerge, Target: "person/x", Value: "person/y"}, ""},
		{Correction{Kind: CorrectMerge, Target: "person/x", Value: "person/x"}, "with itself"},
		{Correction{Kind: CorrectMerge, Target: "person/x", Value: "Y"}, `"Y" is not an entity id`},
		{Correction{Kind: CorrectRetype, Target: "org/x", Value: "PERSON"}, ""},
		{Correction{Kind: CorrectRetype, Target: "org/x", Value: "Country"}, `unknown entity type "Country" (one of PERSON, ORG,`},
		{Correction{Kind: CorrectRename, Target: "org/x", Value: "X Ltd"}, ""},
		{Correction{Kind: CorrectRename, Target: "org/x"}, "empty name"},
		{Correction{Kind: CorrectRename, Target: "article/a.txt", Value: "A"}, "not an entity id"},
		{Correction{Kind: CorrectRename, Target: "correction/1", Value: "A"}, "not an entity id"},
		{Correction{Kind: "delete", Target: "org/x"}, `unknown kind of correction "delete" (one of reject, merge, retype, rename)`},
	} {
		err := tc.c.Check()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%v.Check() = %v, want no error", tc.c, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%v.Check() = %v, want an error saying %q", tc.c, err, tc.want)
		}
	}
}

func TestLookupType(t *testing.T) {
	for in, want := range map[string]string{"PERSON": "PERSON", "person": "PERSON", "Organization": "ORG", "gpe": "GPE", "Place": "LOC", "city": ""} {
		got, ok := LookupType(in)
		if ok != (want != "") || got.Label != want {
			t.Errorf("LookupType(%q) = %q, %v; want %q", in, got.Label, ok, want)
		}
	}
}

func TestCorrectionsOf(t *testing.T) {
	cs := []Correction{
		{ID: 2, Kind: CorrectRename, Target: "org/x", Value: "X Ltd"},
		{ID: 10, Kind: CorrectReject, Target: "stmt/0a1b"},
	}
	var qs []quad.Quad
	for i := len(cs) - 1; i >= 0; i-- {
		qs = append(qs, CorrectionQuads(cs[i])...)
	}
	qs = append(qs, quad.Make(quad.IRI("org/x"), quad.IRI(PropName), quad.String("X"), nil))
	for _, q := range qs {
		if got, want := IsCorrectionQuad(q), q.Label != nil; got != want {
			t.Errorf("IsCorrectionQuad(%v) = %v, want %v", q, got, want)
		}
	}
	got, err := CorrectionsOf(qs)
	if err != nil || len(got) != 2 || got[0] != cs[0] || got[1] != cs[1] {
		t.Errorf("CorrectionsOf = %v, %v; want %v", got, err, cs)
	}
	bad := []quad.Quad{quad.Make(quad.IRI("correction/x"), quad.IRI(PropCorrectionKind), quad.String("reject"), quad.IRI(CorrectionsLabel))}
	if _, err := CorrectionsOf(bad); err == nil || !strings.Contains(err.Error(), "correction/x") {
		t.Errorf("CorrectionsOf of correction/x = %v, want an error naming it", err)
	}
	noTarget := CorrectionQuads(Correction{ID: 1, Kind: CorrectReject, Target: "stmt/1"})[:2]
	if _, err := CorrectionsOf(noTarget); err == nil || !strings.Contains(err.Error(), "correction 1") {
		t.Errorf("CorrectionsOf of a correction without a target = %v, want an error", err)
	}
}
