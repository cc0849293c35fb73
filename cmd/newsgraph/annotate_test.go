package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAnnotate(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "story.txt")
	if err := os.WriteFile(art, []byte("Maria Lopez opened a library. She thanked the council.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tb := filepath.Join(dir, "gold.conllu")
	if err := os.WriteFile(tb, []byte("# newdoc id = d1\n# sent_id = d1-7\n1\tAnna\t_\t_\t_\t_\t_\t_\t_\t_\n2\tBerg\t_\t_\t_\t_\t_\t_\t_\t_\n3\tspoke\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.conllu")
	if err := os.WriteFile(bad, []byte("1\tx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		want   []string // in stdout
		stderr string   // in stderr
	}{
		{"article conllu", []string{"annotate", art}, exitOK,
			[]string{"# newdoc id = story.txt\n# sent_id = story.txt-1\n", "1\tMaria\tMaria\tPROPN\tNNP\t", "Entity=(1-person", "She\tshe\tPRON\tPRP\t"}, ""},
		{"treebank conll2012", []string{"annotate", "--format", "conll2012", tb}, exitOK,
			[]string{"#begin document (d1); part 000\n0\tAnna\t", "3\t.\t_\n#end document\n"}, ""},
		{"treebank conllu keeps ids", []string{"annotate", tb}, exitOK,
			[]string{"# newdoc id = d1\n# sent_id = d1-7\n# text = Anna Berg spoke.\n", "3\tspoke\tspeak\tVERB\tVBD\t"}, ""},
		{"bad file skipped", []string{"annotate", bad, art}, exitPartial,
			[]string{"# newdoc id = story.txt"}, "bad.conllu:1:"},
		{"missing article", []string{"annotate", filepath.Join(dir, "missing.txt")}, exitPartial, nil, "missing.txt"},
		{"no input", []string{"annotate"}, exitUsage, nil, "give at least one"},
		{"bad format", []string{"annotate", "--format", "xml", art}, exitUsage, nil, "unknown --format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := newsgraph(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %q", code, tt.code, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.stderr)
			}
		})
	}
}
