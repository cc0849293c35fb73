package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/storetest"
)

// correctStore builds the two articles of testdata/remove into a new store of backend and
// returns the store's flags.
func correctStore(t *testing.T, backend string, inputs ...string) []string {
	t.Helper()
	store := []string{"--backend", backend, "--db", storetest.Location(t, backend)}
	for _, in := range inputs {
		if code, _, stderr := newsgraph(t, append(append([]string{"build"}, store...), in)...); code != exitOK {
			t.Fatalf("build %s: exit %d: %s", in, code, stderr)
		}
	}
	return store
}

// exportNQuads returns the N-Quads export of a store.
func exportNQuads(t *testing.T, store []string) string {
	t.Helper()
	code, out, stderr := newsgraph(t, append([]string{"export", "--format", "nquads"}, store...)...)
	if code != exitOK || out == "" {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	return out
}

// The analyst's round: reject a fact and rename an entity, see both in the export, keep them
// across removing and re-adding the article, carry them to a new store built afterwards, and
// undo them to the very export the build gave.
func TestCorrect(t *testing.T) {
	const dir = "testdata/remove"
	criticized := regexp.MustCompile(`<urn:newsgraph:(stmt/[0-9a-f]+)> <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> <urn:newsgraph:criticized>`)
	const edge = "<urn:newsgraph:person/jon-varga> <urn:newsgraph:criticized> <urn:newsgraph:org/european-union>"
	const renamed = `<urn:newsgraph:org/european-union> <http://schema.org/name> "European Union (EU)" .`
	for _, backend := range []string{"bolt", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			store := correctStore(t, backend, dir)
			before := exportNQuads(t, store)
			m := criticized.FindStringSubmatch(before)
			if m == nil || !strings.Contains(before, edge) {
				t.Fatal("the fixture lost Jon Varga's criticism: nothing to reject")
			}
			correct := func(args ...string) (int, string, string) {
				return newsgraph(t, append(append([]string{"correct"}, store...), args...)...)
			}
			for _, tc := range []struct {
				args   []string
				stdout string
			}{
				{[]string{"reject", "<" + m[1] + ">"}, "1\treject " + m[1] + "\n"},
				{[]string{"rename", "org/european-union", "European Union (EU)"}, "2\trename org/european-union \"European Union (EU)\"\n"},
			} {
				code, stdout, stderr := correct(tc.args...)
				if code != exitOK || stdout != tc.stdout || !strings.Contains(stderr, "quads taken out") {
					t.Fatalf("correct %v: exit %d, stdout %q, stderr %q", tc.args, code, stdout, stderr)
				}
			}
			corrected := exportNQuads(t, store)
			if strings.Contains(corrected, edge) || strings.Contains(corrected, m[1]) || !strings.Contains(corrected, renamed) {
				t.Errorf("the export after the corrections keeps the rejected fact or lacks the new name:\n%s", corrected)
			}
			if strings.Contains(corrected, "correction") {
				t.Error("the export holds the correction layer")
			}
			code, list, _ := correct("list")
			if want := "1\treject " + m[1] + "\n2\trename org/european-union \"European Union (EU)\"\n"; code != exitOK || list != want {
				t.Errorf("correct list: exit %d\n%s\nwant\n%s", code, list, want)
			}
			code, layer, _ := correct("list", "--format", "nquads")
			if code != exitOK || !strings.Contains(layer, `<correction/1> <correction_target> "`+m[1]+`" <corrections> .`) {
				t.Errorf("correct list --format nquads: exit %d\n%s", code, layer)
			}

			if code, _, stderr := newsgraph(t, append([]string{"remove", "--doc", "a.txt"}, store...)...); code != exitOK {
				t.Fatalf("remove: exit %d: %s", code, stderr)
			}
			if code, _, stderr := newsgraph(t, append(append([]string{"build"}, store...), dir+"/a.txt")...); code != exitOK {
				t.Fatalf("build a.txt again: exit %d: %s", code, stderr)
			}
			if got := exportNQuads(t, store); got != corrected {
				t.Errorf("removing and re-adding a.txt changed the corrected export:\n%s\nwant\n%s", got, corrected)
			}

			file := filepath.Join(t.TempDir(), "corrections.nq")
			if err := os.WriteFile(file, []byte(layer), 0o644); err != nil {
				t.Fatal(err)
			}
			carried := correctStore(t, backend)
			code, stdout, stderr := newsgraph(t, append(append([]string{"correct"}, carried...), "apply", file)...)
			if code != exitOK || stdout != list || !strings.Contains(stderr, "correction 1: nothing to correct in ") {
				t.Errorf("correct apply on an empty store: exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
			if code, _, stderr := newsgraph(t, append(append([]string{"build"}, carried...), dir)...); code != exitOK {
				t.Fatalf("build after apply: exit %d: %s", code, stderr)
			}
			if got := exportNQuads(t, carried); got != corrected {
				t.Errorf("the store built after correct apply:\n%s\nwant the corrected export\n%s", got, corrected)
			}

			for _, id := range []string{"2", "1"} {
				if code, _, stderr := correct("undo", id); code != exitOK || !strings.Contains(stderr, "undid correction "+id) {
					t.Errorf("correct undo %s: exit %d, %s", id, code, stderr)
				}
			}
			if got := exportNQuads(t, store); got != before {
				t.Errorf("undone, the export differs from the build's:\n%s\nwant\n%s", got, before)
			}
		})
	}
}

// Bad input is refused with a message naming what is wrong: exit 2 for a command line that
// cannot be right, 1 for one the store cannot follow.
func TestCorrectBadInput(t *testing.T) {
	store := correctStore(t, "bolt", "testdata/remove")
	missing := filepath.Join(t.TempDir(), "missing.nq")
	junk := filepath.Join(t.TempDir(), "junk.nq")
	if err := os.WriteFile(junk, []byte("<a> <b> <c> .\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{nil, exitUsage, "say what to do"},
		{[]string{"fix", "x"}, exitUsage, `unknown action "fix"`},
		{[]string{"merge", "person/maria-lopez"}, exitUsage, "correct merge takes 2 argument(s): ENTITY OTHER"},
		{[]string{"reject", "stmt/000000000000000000000000"}, exitPartial, "no such fact in the store: stmt/000000000000000000000000"},
		{[]string{"reject", "person/maria-lopez"}, exitUsage, `"person/maria-lopez" is not a fact id`},
		{[]string{"merge", "person/maria-lopez", "person/maria-lopes"}, exitPartial, "no such entity in the store: person/maria-lopes (did you mean person/maria-lopez (Maria Lopez)?)"},
		{[]string{"rename", "person/nobody", "Somebody"}, exitPartial, "no such entity in the store: person/nobody"},
		{[]string{"retype", "gpe/berlin", "CITY"}, exitUsage, `unknown entity type "CITY"`},
		{[]string{"retype", "gpe/berlin", "gpe"}, exitPartial, "gpe/berlin is of type GPE already"},
		{[]string{"undo", "3"}, exitPartial, "no such correction: 3 (the store has none)"},
		{[]string{"undo", "first"}, exitUsage, `not "first"`},
		{[]string{"apply", missing}, exitPartial, "missing.nq"},
		{[]string{"apply", junk}, exitPartial, "no correction among them"},
		{[]string{"undo", "1", "--format", "nquads"}, exitUsage, "--format goes with list"},
		{[]string{"list", "--format", "csv"}, exitUsage, `unknown --format "csv"`},
		{[]string{"list", "--backend", "memory"}, exitUsage, "--backend memory holds nothing"},
	} {
		code, stdout, stderr := newsgraph(t, append(append([]string{"correct"}, store...), tc.args...)...)
		if code != tc.code || stdout != "" || !strings.Contains(stderr, tc.says) {
			t.Errorf("correct %v: exit %d, stdout %q, stderr %q; want exit %d saying %q", tc.args, code, stdout, stderr, tc.code, tc.says)
		}
	}
	if code, list, _ := newsgraph(t, append([]string{"correct", "list"}, store...)...); code != exitOK || list != "" {
		t.Errorf("after refused corrections: list exit %d, %q; want none", code, list)
	}
}
