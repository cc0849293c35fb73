package main

import (
	"strings"
	"testing"
)

// TestTimeline builds the seeds and asks for Elon Musk's timeline: dated lines, oldest first,
// each with its source; Peskov's praise is dated 2022-10-04 (article 004 is dated by its date
// line); --from/--to filter, bad dates and unknown entities fail with the documented statuses.
func TestTimeline(t *testing.T) {
	db := buildSeeds(t)
	code, out, stderr := newsgraph(t, "timeline", "--db", db, "Elon Musk")
	if code != exitOK {
		t.Fatalf("timeline exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 5 {
		t.Fatalf("timeline of Elon Musk has %d lines:\n%s", len(lines), out)
	}
	prev := ""
	praise := false
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) < 4 || len(f[0]) < 4 || !strings.Contains(f[len(f)-1], ".txt#") {
			t.Fatalf("line without a date or a source: %q", l)
		}
		if f[0] < prev {
			t.Errorf("%q comes after %s: not oldest first", l, prev)
		}
		prev = f[0]
		if strings.Contains(l, "Dmitry Peskov praised Elon Musk") && f[0] == "2022-10-04" {
			praise = true
		}
	}
	if !praise {
		t.Errorf("no dated 2022-10-04 line of Peskov praising Musk:\n%s", out)
	}
	for _, tc := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"--from", "2023"}, exitOK, ""},
		{[]string{"--to", "2022-10-04"}, exitOK, out},
		{[]string{"--from", "2022-13"}, exitUsage, ""},
	} {
		args := append(append([]string{"timeline", "--db", db}, tc.args...), "Elon Musk")
		code, got, stderr := newsgraph(t, args...)
		if code != tc.code || got != tc.out {
			t.Errorf("%v: exit %d, output %q (%s), want exit %d and %q", tc.args, code, got, stderr, tc.code, tc.out)
		}
	}
	if code, _, _ := newsgraph(t, "timeline", "--db", db, "Nobody Atall"); code != exitPartial {
		t.Errorf("timeline of an unknown entity: exit %d, want %d", code, exitPartial)
	}
	if code, _, _ := newsgraph(t, "timeline", "--db", db); code != exitUsage {
		t.Errorf("timeline without an entity: exit %d, want %d", code, exitUsage)
	}
}
