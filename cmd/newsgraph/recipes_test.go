package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// readmeRecipes returns the ```js blocks of the "Gizmo recipes" section of docs/graph.md.
func readmeRecipes(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../../docs/graph.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "## Gizmo recipes")
	if i < 0 {
		t.Fatal("docs/graph.md has no Gizmo recipes section")
	}
	s = s[i+3:]
	if j := strings.Index(s, "\n## "); j >= 0 {
		s = s[:j]
	}
	var out []string
	for _, m := range regexp.MustCompile("(?s)```js\n(.*?)```").FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// The recipes of docs/graph.md run on the seed graph and their answers include facts the seed
// articles state (a want starting with "re:" is a regular expression).
func TestReadmeRecipes(t *testing.T) {
	want := [][]string{
		{"Dmitry Peskov"},                                                  // who praised Elon Musk
		{"Elon Musk"},                                                      // whom Andrij Melnyk answered
		{"<praised>", "<article/", "evidence"},                             // every fact about Elon Musk
		{"Dmitry Peskov", "Andrij Melnyk"},                                 // two hops from Elon Musk
		{"<person/elon-musk>"},                                             // Melnyk and Peskov connected through Musk
		{"Kremlin Hails Musk"},                                             // articles stating Peskov praised Musk
		{"\"time\": \"2022-10-04\"", "<praised>"},                          // facts about Musk in October 2022, in order
		{"<person/dmitry-peskov>", "\"time\": \"2022-10-04\""},             // who spoke first about Musk
		{`re:"result": \[\s+[1-9][0-9]*\s+\]`},                             // how many statements mention Musk
		{`"<praised>": `, `"<criticized>": `},                              // what is said about Musk, by predicate
		{"<person/elon-musk>", `"articles": 5`},                            // the people the most articles mention
		{"Many ideas there deserve attention", "Kremlin Hails Musk"},       // what Peskov said
		{"<person/dmitry-peskov>", "<replied_to>", `"time": "2022-10-04"`}, // statements about Musk, SaveOpt
	}
	recipes := readmeRecipes(t)
	if len(recipes) != len(want) {
		t.Fatalf("docs/graph.md has %d recipes, the test knows %d", len(recipes), len(want))
	}
	db := buildSeeds(t)
	for i, r := range recipes {
		code, out, stderr := newsgraph(t, "query", "--db", db, "--limit", "0", r)
		if code != exitOK {
			t.Errorf("recipe %d failed (exit %d): %s\n%s", i+1, code, stderr, r)
			continue
		}
		for _, w := range want[i] {
			if re, ok := strings.CutPrefix(w, "re:"); ok {
				if !regexp.MustCompile(re).MatchString(out) {
					t.Errorf("recipe %d: answer does not match %s\n%s\n%s", i+1, re, r, out)
				}
				continue
			}
			if !strings.Contains(out, w) {
				t.Errorf("recipe %d: answer lacks %q\n%s\n%s", i+1, w, r, out)
			}
		}
	}
}
