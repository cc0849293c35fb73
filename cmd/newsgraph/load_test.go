package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/internal/fixture"
)

// Extracting shards separately and loading their N-Quads into one store gives the union of the
// graphs of the shards built separately: ids are deterministic, so shards merge by union.
func TestLoadMergesShardsByUnion(t *testing.T) {
	_, paths := fixture.NewCorpus(t, 8)
	dir := t.TempDir()
	shards := [][]string{paths[:3], paths[3:]}
	var union []string
	var files []string
	for i, shard := range shards {
		name := filepath.Join(dir, fmt.Sprint("shard", i))
		db := name + ".db"
		mustBuild(t, append([]string{"--db", db}, shard...)...)
		union = append(union, exportLines(t, db)...)
		code, out, stderr := newsgraph(t, append([]string{"extract", "--format", "nquads"}, shard...)...)
		if code != exitOK {
			t.Fatalf("extract shard %d: exit %d: %s", i, code, stderr)
		}
		f := name + ".nq"
		if err := os.WriteFile(f, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	slices.Sort(union)
	union = slices.Compact(union)
	merged := filepath.Join(dir, "merged.db")
	code, _, stderr := newsgraph(t, append([]string{"load", "--db", merged, "--batch", "50"}, files...)...)
	if code != exitOK {
		t.Fatalf("load: exit %d: %s", code, stderr)
	}
	if got := exportLines(t, merged); !slices.Equal(got, union) {
		t.Errorf("loaded shards differ from the union of the shards' graphs:\n%s", fixture.LineDiff(union, got))
	}
	// Loading again adds nothing.
	if code, _, stderr := newsgraph(t, append([]string{"load", "--db", merged}, files...)...); code != exitOK {
		t.Fatalf("second load: exit %d: %s", code, stderr)
	}
	if got := exportLines(t, merged); !slices.Equal(got, union) {
		t.Error("a second load changed the graph")
	}
	if code, _, _ := newsgraph(t, "load", "--db", merged, filepath.Join(dir, "x.txt")); code != exitUsage {
		t.Errorf("load of an unknown file type: exit %d, want %d", code, exitUsage)
	}
}
