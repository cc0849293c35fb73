package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

func TestReadPredictionsFile(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"doc\": \"a.txt\"}\nnot json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path, stdin string
		preds       int
		problems    []string
		err         string
	}{
		{"testdata/pred.jsonl", "", 17, []string{"testdata/pred.jsonl:6: not a JSON object"}, ""},
		{"-", "{\"doc\": \"a.txt\"}\n\n[1]\n", 1, []string{"stdin:3: "}, ""},
		{bad, "", 1, []string{bad + ":2: "}, ""},
		{filepath.Join(t.TempDir(), "none.jsonl"), "", 0, nil, "facts: open "},
	} {
		preds, problems, err := ReadPredictionsFile(tc.path, strings.NewReader(tc.stdin))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: error %v, want one with %q", tc.path, err, tc.err)
			}
			continue
		}
		if err != nil || len(preds) != tc.preds || len(problems) != len(tc.problems) {
			t.Errorf("%s: %d predictions, problems %q, error %v; want %d, %q", tc.path, len(preds), problems, err, tc.preds, tc.problems)
			continue
		}
		for i, p := range tc.problems {
			if !strings.HasPrefix(problems[i], p) {
				t.Errorf("%s: problem %q, want it to start %q", tc.path, problems[i], p)
			}
		}
	}
}

func TestAppendFacts(t *testing.T) {
	alba := schema.Entity{ID: "e:1", Name: "Alba Varga", Type: "PERSON"}
	f := func(pred string) schema.Fact {
		return schema.Fact{Doc: "a.txt", Subject: alba, Predicate: pred, Object: schema.Object{Literal: "x"}}
	}
	for _, tc := range []struct {
		before int
		facts  []schema.Fact
		want   []string // the predicates after
	}{
		{0, nil, nil},
		{0, []schema.Fact{f("said"), f("praised")}, []string{"said", "praised"}},
		{1, []schema.Fact{f("met")}, []string{"kept", "met"}},
	} {
		var preds []Prediction
		if tc.before > 0 {
			preds = []Prediction{{Predicate: "kept"}}
		}
		got, err := AppendFacts(preds, tc.facts)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, p := range got {
			names = append(names, p.Predicate)
		}
		if strings.Join(names, ",") != strings.Join(tc.want, ",") {
			t.Errorf("AppendFacts(%d, %d facts): %v, want %v", tc.before, len(tc.facts), names, tc.want)
		}
	}
}
