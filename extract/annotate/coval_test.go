package annotate

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/shared"
)

// scorerPython returns a Python 3 that has what the coval scorer needs (numpy, scipy): $PYTHON,
// python3 on the PATH or /usr/bin/python3; it skips the test when there is none.
func scorerPython(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("PYTHON"), "python3", "/usr/bin/python3"} {
		if p == "" {
			continue
		}
		if err := exec.Command(p, "-c", "import numpy, scipy").Run(); err == nil {
			return p
		}
	}
	t.Skip("skipping: needs Python 3 with numpy and scipy for the coval scorer (Debian: apt-get install python3-numpy python3-scipy)")
	return ""
}

// TestCovalSelfScore checks that the standard coreference scorer reads the conll2012 output
// without complaint and scores it 100 against itself.
func TestCovalSelfScore(t *testing.T) {
	scorer := shared.Require(t, "eval", "coval", "scorer.py")
	py := scorerPython(t)
	var buf bytes.Buffer
	for _, f := range []string{"two-docs.conllu", "article.md"} {
		for _, d := range fixtureDocs(t, f) {
			if err := WriteCoNLL2012(&buf, d); err != nil {
				t.Fatal(err)
			}
		}
	}
	p := filepath.Join(t.TempDir(), "response.conll")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, scorer, p, p).CombinedOutput()
	if err != nil {
		t.Fatalf("scorer: %v\n%s", err, out)
	}
	s := string(out)
	for _, bad := range []string{"Problem", "Traceback", "Warning", "should be in a single sentence"} {
		if strings.Contains(s, bad) {
			t.Errorf("scorer complained (%q):\n%s", bad, s)
		}
	}
	for _, metric := range []string{"muc", "bcub", "ceafe"} {
		if !strings.Contains(s, metric) {
			t.Errorf("scorer printed no %s line:\n%s", metric, s)
		}
	}
	if !strings.Contains(s, "CoNLL score: 100.00") {
		t.Errorf("self-score is not 100:\n%s", s)
	}
}
