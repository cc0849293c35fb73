package graph

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

func TestParseCorrection(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want CorrectionRequest
		err  string
	}{
		{[]string{"reject", "stmt/1"}, CorrectionRequest{Action: schema.CorrectReject,
			Correction: schema.Correction{Kind: schema.CorrectReject, Target: "stmt/1"}}, ""},
		{[]string{"merge", "gpe/russia", "org/kremlin"}, CorrectionRequest{Action: schema.CorrectMerge,
			Correction: schema.Correction{Kind: schema.CorrectMerge, Target: "gpe/russia", Value: "org/kremlin"}}, ""},
		{[]string{"retype", "person/starlink", "PRODUCT"}, CorrectionRequest{Action: schema.CorrectRetype,
			Correction: schema.Correction{Kind: schema.CorrectRetype, Target: "person/starlink", Value: "PRODUCT"}}, ""},
		{[]string{"rename", "person/biden", "Joe Biden"}, CorrectionRequest{Action: schema.CorrectRename,
			Correction: schema.Correction{Kind: schema.CorrectRename, Target: "person/biden", Value: "Joe Biden"}}, ""},
		{[]string{"list"}, CorrectionRequest{Action: CorrectionList}, ""},
		{[]string{"undo", "3"}, CorrectionRequest{Action: CorrectionUndo, ID: 3}, ""},
		{[]string{"apply", "c.nq"}, CorrectionRequest{Action: CorrectionApply, File: "c.nq"}, ""},
		{nil, CorrectionRequest{}, "say what to do"},
		{[]string{"fix", "x"}, CorrectionRequest{}, `unknown action "fix"`},
		{[]string{"merge", "a"}, CorrectionRequest{}, "correct merge takes 2 argument(s): ENTITY OTHER"},
		{[]string{"list", "x"}, CorrectionRequest{}, "correct list takes 0 argument(s)"},
		{[]string{"undo", "first"}, CorrectionRequest{}, `not "first"`},
		{[]string{"undo", "0"}, CorrectionRequest{}, `not "0"`},
	} {
		got, err := ParseCorrection(tc.args)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("ParseCorrection(%q): %v", tc.args, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("ParseCorrection(%q): error %v, want one with %q", tc.args, err, tc.err)
		case got != tc.want:
			t.Errorf("ParseCorrection(%q) = %+v, want %+v", tc.args, got, tc.want)
		}
	}
}
