// Package shared locates the development data folder (../shared beside the repository: the seed
// gold, treebanks, the BBC corpus, the CAMEO lexicon) for tests, benchmarks and training commands.
// Nothing that ships in the newsgraph binary may depend on it.
package shared

import (
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
