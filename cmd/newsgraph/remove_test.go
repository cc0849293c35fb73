package main

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/storetest"
)

// Removing an article leaves the graph the other article alone builds, byte for byte in the
// N-Quads export: the fact both state (Maria Lopez praised the European Union) and the entities
// both mention stay, the entity only the removed article mentions goes. (The two articles call
// the entities they share by the same names: an alias only the removed article used would stay,
// as graph.Store.Remove says.)
func TestRemove(t *testing.T) {
	const dir = "testdata/remove"
	for _, backend := range []string{"bolt", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			both := []string{"--backend", backend, "--db", storetest.Location(t, backend)}
			only := []string{"--backend", backend, "--db", storetest.Location(t, backend)}
			for _, b := range []struct {
				store []string
				input string
			}{{both, dir}, {only, dir + "/b.txt"}} {
				if code, _, stderr := newsgraph(t, append(append([]string{"build"}, b.store...), b.input)...); code != exitOK {
					t.Fatalf("build %s: exit %d: %s", b.input, code, stderr)
				}
			}
			_, before, _ := newsgraph(t, append([]string{"export", "--format", "nquads"}, both...)...)
			if !strings.Contains(before, "person/jon-varga") {
				t.Fatal("the fixture lost the entity only a.txt mentions: nothing to test")
			}
			code, stdout, stderr := newsgraph(t, append([]string{"remove", "--doc", "a.txt"}, both...)...)
			if code != exitOK || stdout != "" || !strings.Contains(stderr, "removed a.txt from ") || !strings.Contains(stderr, "person/jon-varga") {
				t.Errorf("remove: exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
			_, got, _ := newsgraph(t, append([]string{"export", "--format", "nquads"}, both...)...)
			_, want, _ := newsgraph(t, append([]string{"export", "--format", "nquads"}, only...)...)
			if got != want || want == "" {
				t.Errorf("after removing a.txt the export differs from b.txt's alone:\n%s\nwant\n%s", got, want)
			}
			if !strings.Contains(got, "person/maria-lopez> <urn:newsgraph:praised>") {
				t.Error("the fact b.txt states too is gone")
			}
			code, _, stderr = newsgraph(t, append([]string{"remove", "--doc", "a.txt"}, both...)...)
			if code != exitPartial || !strings.Contains(stderr, `no such article in the store: "a.txt"`) {
				t.Errorf("removing it again: exit %d, %s", code, stderr)
			}
		})
	}
}

func TestRemoveUsage(t *testing.T) {
	for _, args := range [][]string{
		{"remove"},
		{"remove", "a.txt"},
		{"remove", "--backend", "memory", "--doc", "a.txt"},
		{"remove", "--backend", "postgres", "--doc", "a.txt"},
	} {
		if code, _, stderr := newsgraph(t, args...); code != exitUsage {
			t.Errorf("newsgraph %v: exit %d, want %d (%s)", args, code, exitUsage, stderr)
		}
	}
}
