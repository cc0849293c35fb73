// Package shared locates the development data folder (../shared beside the repository: the seed
// gold, treebanks, the BBC corpus, the CAMEO lexicon) for tests, benchmarks and training commands.
// Nothing that ships in the newsgraph binary may depend on it.
package shared

import (
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Env names the environment variable that overrides where the shared folder is.
const Env = "NEWSGRAPH_SHARED"

// Dir returns the shared data folder: $NEWSGRAPH_SHARED, or the folder "shared" beside the root
// of the repository that contains the working directory.
func Dir() (string, error) {
	if d := os.Getenv(Env); d != "" {
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("shared data: %w", err)
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			s := filepath.Join(filepath.Dir(d), "shared")
			if st, err := os.Stat(s); err == nil && st.IsDir() {
				return s, nil
			}
			return "", fmt.Errorf("shared data: no folder %s (set %s)", s, Env)
		}
		if filepath.Dir(d) == d {
			return "", errors.New("shared data: not inside the newsgraph repository (set " + Env + ")")
		}
	}
}

// Path returns the path of a file or folder inside the shared data folder, or an error naming
// what is missing.
func Path(parts ...string) (string, error) {
	d, err := Dir()
	if err != nil {
		return "", err
	}
	p := filepath.Join(append([]string{d}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("shared data: %w", err)
	}
	return p, nil
}

// Require returns Path(parts...) or skips the test with a message saying which data is absent.
func Require(tb testing.TB, parts ...string) string {
	tb.Helper()
	p, err := Path(parts...)
	if err != nil {
		tb.Skipf("skipping: needs the development data beside the repository: %v", err)
	}
	return p
}

// BBC returns the article texts of the BBC news corpus of the development data (the "text"
// column of corpus/bbc/train.csv, then of val.csv), or skips tb with a message when it is absent.
func BBC(tb testing.TB) []string {
	tb.Helper()
	dir := Require(tb, "corpus", "bbc")
	var texts []string
	for _, name := range []string{"train.csv", "val.csv"} {
		p := filepath.Join(dir, name)
		f, err := os.Open(p)
		if err != nil {
			tb.Fatalf("BBC corpus: %v", err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			tb.Fatalf("BBC corpus: %s: %v", p, err)
		}
		if len(rows) == 0 || len(rows[0]) == 0 || rows[0][0] != "text" {
			tb.Fatalf("BBC corpus: %s: no header row starting with \"text\"", p)
		}
		for _, r := range rows[1:] {
			texts = append(texts, r[0])
		}
	}
	return texts
}
