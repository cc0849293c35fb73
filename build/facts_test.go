package build_test

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/build"
	"github.com/newsgraph/newsgraph/internal/fixture"
	"github.com/newsgraph/newsgraph/schema"
)

// TestWriteFacts writes the facts of a corpus in each format: every line is a fact (jsonl) or a
// quad (nquads), as many facts as the Summary counts, and the same bytes whatever the order of
// the inputs; an unknown format is an error.
func TestWriteFacts(t *testing.T) {
	_, paths := fixture.NewCorpus(t, 6)
	reversed := slices.Clone(paths)
	slices.Reverse(reversed)
	for _, tc := range []struct {
		format string
		check  func(line string) error
	}{
		{build.FactsJSONL, func(line string) error { var f schema.Fact; return json.Unmarshal([]byte(line), &f) }},
		{build.FactsNQuads, func(line string) error {
			_, err := nquads.NewReader(strings.NewReader(line+"\n"), false).ReadQuad()
			return err
		}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			var a, b bytes.Buffer
			sum, err := build.WriteFacts(context.Background(), build.Options{}, paths, &a, tc.format, schema.DefaultBase)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := build.WriteFacts(context.Background(), build.Options{}, reversed, &b, tc.format, schema.DefaultBase); err != nil {
				t.Fatal(err)
			}
			if a.String() != b.String() {
				t.Errorf("the order of the inputs changed the output")
			}
			lines := strings.Split(strings.TrimSuffix(a.String(), "\n"), "\n")
			for _, l := range lines {
				if err := tc.check(l); err != nil {
					t.Fatalf("line %q: %v", l, err)
				}
			}
			if sum.Facts == 0 || tc.format == build.FactsJSONL && len(lines) != sum.Facts || len(lines) < sum.Facts {
				t.Errorf("%d lines for %d facts", len(lines), sum.Facts)
			}
		})
	}
	if _, err := build.WriteFacts(context.Background(), build.Options{}, paths, &bytes.Buffer{}, "xml", ""); err == nil {
		t.Error("format xml: no error")
	}
}
