package storetest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// People, places and organisations of the generated corpus: invented names.
var (
	fxPeople = [][2]string{
		{"Maria", "Lopez"}, {"Tom", "Baker"}, {"Nadia", "Okafor"}, {"Jorge", "Castillo"},
		{"Lena", "Lindqvist"}, {"Omar", "Haddad"}, {"Ivo", "Novak"}, {"Ana", "Berg"},
		{"Pavel", "Dorn"}, {"Rita", "Solano"},
	}
	fxCountries = []string{"Valdoria", "Freedonia", "Ostravia"}
	fxCities    = []string{"Port Elna", "Marvik", "Santa Lys"}
	fxOrgs      = []string{"Borealis Bank", "Acme Corporation", "Northwind Airlines"}
	fxRoles     = []string{"finance minister", "foreign minister", "prime minister"}
	fxDays      = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
)

// NewCorpus writes n generated articles (see WriteCorpus) to a new folder and returns it and
// their paths.
func NewCorpus(tb testing.TB, n int) (string, []string) {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "corpus")
	if err := os.Mkdir(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	return dir, WriteCorpus(tb, dir, n)
}

// WriteCorpus writes n small articles of invented news, a000.txt and on, to dir and returns
// their paths; the same n gives the same articles. Odd articles name people only by surname,
// so that their entities are linked to the full names of other articles.
func WriteCorpus(tb testing.TB, dir string, n int) []string {
	tb.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	var paths []string
	for i := range n {
		p1, p2, p3 := fxPeople[rng.IntN(len(fxPeople))], fxPeople[rng.IntN(len(fxPeople))], fxPeople[rng.IntN(len(fxPeople))]
		var text string
		if i%2 == 0 {
			text = fmt.Sprintf("%s %s, the %s of %s, praised %s %s on %s in %s.\n%s said the new plan would help farmers across %s.\n%s criticized the %s for the delay.\n",
				p1[0], p1[1], pick(fxRoles), pick(fxCountries), p2[0], p2[1], pick(fxDays), pick(fxCities),
				p1[1], pick(fxCountries), p2[1], pick(fxOrgs))
		} else {
			text = fmt.Sprintf("%s met %s %s in %s on %s.\n%s told reporters that the %s would repay the loan.\nThe %s thanked %s for the support.\n",
				p1[1], p3[0], p3[1], pick(fxCities), pick(fxDays), p3[1], pick(fxOrgs), pick(fxOrgs), p1[1])
		}
		p := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// LineDiff shows the lines of two sorted lists that only one has: "- line" for want's, "+ line"
// for got's.
func LineDiff(want, got []string) string {
	var b strings.Builder
	for _, l := range want {
		if _, ok := slices.BinarySearch(got, l); !ok {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	for _, l := range got {
		if _, ok := slices.BinarySearch(want, l); !ok {
			fmt.Fprintf(&b, "+ %s\n", l)
		}
	}
	return b.String()
}

// WriteFiles writes files under dir, named by their paths relative to it (with slashes), making
// the folders they need; a name ending in "/" makes an empty folder.
func WriteFiles(tb testing.TB, dir string, files map[string]string) {
	tb.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				tb.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}
