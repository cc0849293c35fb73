package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVerify checks `newsgraph verify` on a whole store and on a truncated copy, and that the
// other commands give one line naming the damaged file instead of a panic.
func TestVerify(t *testing.T) {
	db := buildSeeds(t)
	code, out, stderr := newsgraph(t, "verify", "--db", db)
	if code != exitOK || !strings.Contains(out, "ok") {
		t.Fatalf("verify a whole store: exit %d, %s%s", code, out, stderr)
	}
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.db")
	if err := os.WriteFile(cut, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"verify", "--db", cut},
		{"stats", "--db", cut},
		{"query", "--db", cut, "g.V().All()"},
		{"export", "--db", cut, "--format", "csv"},
	} {
		code, _, stderr := newsgraph(t, args...)
		if code != exitPartial || !strings.Contains(stderr, cut) || !strings.Contains(stderr, "damaged") || strings.Contains(stderr, "goroutine") {
			t.Errorf("%v: exit %d, %q; want 1 and an error naming the damaged file", args, code, stderr)
		}
	}
}
