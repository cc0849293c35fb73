package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractCARB(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "sentences.txt")
	text := "Maria Lopez founded Acme in 1990 .\nAcme sells boats. It also builds bridges.\n"
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	code, out, stderr := newsgraph(t, "extract", "--format", "carb", in, missing)
	if code != exitPartial || !strings.Contains(stderr, "missing.txt") {
		t.Errorf("exit %d (want %d), stderr %q: the missing file is not reported", code, exitPartial, stderr)
	}
	for _, want := range []string{
		"Maria Lopez founded Acme in 1990 .\t0.900\tfounded\tMaria Lopez\tAcme in 1990\n",
		// one line is one sentence, even where the splitter would see two
		"Acme sells boats. It also builds bridges.\t0.900\tsells\tAcme\tboats\n",
		"Acme sells boats. It also builds bridges.\t0.900\talso builds\tIt\tbridges\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if code, _, _ := newsgraph(t, "extract", "--format", "carb"); code != exitUsage {
		t.Errorf("extract --format carb without input: exit %d, want %d", code, exitUsage)
	}
}
