package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/shared"
)

// TestFixture runs the generator on a tiny dictionary and compares the table it writes with the
// expected one (after the header).
func TestFixture(t *testing.T) {
	in := filepath.Join("..", "..", "testdata", "cameo_fixture.txt")
	out := filepath.Join(t.TempDir(), "cameo_verbs.tsv")
	if err := run([]string{"-o", out, in}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "testdata", "cameo_fixture.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(got), Header) {
		t.Fatalf("output does not start with the licence header:\n%s", got)
	}
	if g := strings.TrimPrefix(string(got), Header); g != string(want) {
		t.Errorf("table:\n%s\nwant:\n%s", g, want)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"no blocks", "&SET\n+A\n", "no verb blocks"},
		{"bad header", "---  PRAISE  ---\n", "malformed block header"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.in), "x.txt")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestCode(t *testing.T) {
	for in, want := range map[string]string{"051": "051", "042:043": "042", ":173": "", "---": "", "0874": "0874", "12": ""} {
		if got := code(in); got != want {
			t.Errorf("code(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCommittedTable checks that schema/cameo_verbs.tsv is what the generator makes of the shared
// CAMEO dictionary, when that dictionary is present.
func TestCommittedTable(t *testing.T) {
	in := shared.Require(t, "lexicon", "CAMEO.2.0.txt")
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := Parse(f, in)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := Write(&b, rows); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join("..", "..", "cameo_verbs.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(committed) {
		t.Error("schema/cameo_verbs.tsv is stale: run go run ./schema/internal/gencameo")
	}
}
