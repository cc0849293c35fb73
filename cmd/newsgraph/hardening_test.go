package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestQueryStackOverflow checks that the Gizmo scripts that overflowed the Go stack inside a
// built-in (and ended newsgraph with a fatal error and a long trace) now fail as queries: exit
// status 1 and one line saying why, from a worker process of their own.
func TestQueryStackOverflow(t *testing.T) {
	db := buildSeeds(t)
	for _, q := range []string{
		`var o={get x(){return this.x}}; o.x`,
		`var a=[]; a[0]=a; a.join()`,
		`var o={toString:function(){return String(this)}}; "" + o`,
		`var o={valueOf:function(){return this + 1}}; o + 1`,
	} {
		code, _, stderr := newsgraph(t, "query", "--db", db, q)
		// The memory bound may come first where the collector falls behind (a loaded machine):
		// either way only the worker ends.
		why := strings.Contains(stderr, "overflowed the stack") || strings.Contains(stderr, "too much memory")
		if code != exitPartial || !why || strings.Count(stderr, "\n") > 1 {
			t.Errorf("%s: exit %d, %q; want 1 and one line on the stack", q, code, stderr)
		}
	}
	code, out, stderr := newsgraph(t, "query", "--db", db, `g.V("<person/elon-musk>").Out("<name>").All()`)
	if code != exitOK || !strings.Contains(out, "Elon Musk") {
		t.Errorf("a query after them: exit %d, %s%s", code, out, stderr)
	}
}

// TestServeNeedsTokenBeyondLocalhost checks that serve refuses to listen beyond localhost
// without a token, and refuses tokens too short to be secret.
func TestServeNeedsTokenBeyondLocalhost(t *testing.T) {
	db := buildSeeds(t)
	for _, args := range [][]string{
		{"serve", "--db", db, "--addr", "0.0.0.0:0"},
		{"serve", "--db", db, "--addr", "0.0.0.0:0", "--auth-token", "short"},
		{"serve", "--db", db, "--auth-token-file", filepath.Join(t.TempDir(), "missing")},
	} {
		code, _, stderr := newsgraph(t, args...)
		if code != exitUsage || !strings.Contains(stderr, "token") {
			t.Errorf("%v: exit %d, %q; want a usage error about the token", args, code, stderr)
		}
	}
}
