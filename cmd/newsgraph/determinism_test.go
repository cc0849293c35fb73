package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// seedFiles returns the paths of the seed articles in lexical order.
func seedFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if err != nil || len(files) < 3 {
		t.Fatalf("seed files: %v (%d)", err, len(files))
	}
	slices.Sort(files)
	return files
}

// mustCLI runs a command line that must succeed and returns its stdout.
func mustCLI(t *testing.T, args ...string) string {
	t.Helper()
	code, out, stderr := newsgraph(t, args...)
	if code != exitOK {
		t.Fatalf("newsgraph %s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
	return out
}

// TestExtractSameWhateverOrder checks that extract gives byte-identical facts and quads whatever
// the number of workers and the order of the input: a folder, its files in reverse order, the
// files split over two folders given in reverse order, and JSONL lines in reverse order.
func TestExtractSameWhateverOrder(t *testing.T) {
	files := seedFiles(t)
	reversed := slices.Clone(files)
	slices.Reverse(reversed)

	// The folder, and its files one by one in reverse order: the same paths, so the quads (which
	// name the file) must agree too.
	for _, format := range []string{"jsonl", "nquads"} {
		want := mustCLI(t, "extract", "--workers", "1", "--format", format, seedsDir)
		got := mustCLI(t, append([]string{"extract", "--workers", "4", "--format", format}, reversed...)...)
		if got != want {
			t.Errorf("%s: the folder with 1 worker and its files in reverse order with 4 workers differ", format)
		}
		if strings.Count(want, "\n") < 100 {
			t.Fatalf("%s: only %d lines", format, strings.Count(want, "\n"))
		}
	}
	want := mustCLI(t, "extract", "--workers", "1", seedsDir)

	// The files split over two folders, the second given first.
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for i, f := range files {
		sub := a
		if i%2 == 1 {
			sub = b
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := mustCLI(t, "extract", "--workers", "3", b, a); got != want {
		t.Error("the files split over two folders, given in reverse order, give other facts")
	}

	// The same articles as JSONL lines, forwards and backwards.
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		l, err := json.Marshal(map[string]string{"id": filepath.Base(f), "text": string(data)})
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(l))
	}
	fwd, bwd := filepath.Join(dir, "fwd.jsonl"), filepath.Join(dir, "bwd.jsonl")
	os.WriteFile(fwd, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	slices.Reverse(lines)
	os.WriteFile(bwd, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	if got := mustCLI(t, "extract", "--workers", "4", bwd); got != mustCLI(t, "extract", "--workers", "1", fwd) {
		t.Error("JSONL lines in reverse order give other facts")
	}
}

// TestExportSameWhateverOrder checks that stores built from the same articles in another order
// and with another number of workers export byte-identical graphs in every format.
func TestExportSameWhateverOrder(t *testing.T) {
	files := seedFiles(t)
	reversed := slices.Clone(files)
	slices.Reverse(reversed)
	db1 := filepath.Join(t.TempDir(), "one.db")
	db2 := filepath.Join(t.TempDir(), "two.db")
	mustCLI(t, "build", "--db", db1, "--workers", "1", seedsDir)
	mustCLI(t, append([]string{"build", "--db", db2, "--workers", "4"}, reversed...)...)
	for _, f := range []string{"nquads", "jsonld", "pquads", "graphml", "gml", "dot", "csv", "html"} {
		one := mustCLI(t, "export", "--db", db1, "--format", f)
		two := mustCLI(t, "export", "--db", db2, "--format", f)
		if one != two {
			t.Errorf("export --format %s differs between the two builds", f)
		}
	}
}
