package export

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func TestCSVFolder(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "edges")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		want bool
	}{
		{dir, true},                                 // a folder that exists
		{filepath.Join(dir, "story"), true},         // no extension
		{filepath.Join(dir, "story.d") + "/", true}, // a trailing slash
		{filepath.Join(dir, "story.csv"), false},    // a file name
		{file, false},                               // a file that exists, extension or not
	} {
		if got := CSVFolder(tc.path); got != tc.want {
			t.Errorf("CSVFolder(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

// WriteFile writes what Write writes, to stdout or a file; csv to a folder writes the three
// tables; a folder for any other format is ErrFolder.
func TestWriteFile(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t, "memory")
	want := func(format string) string {
		var buf bytes.Buffer
		if err := Write(ctx, s, &buf, Options{Format: format}); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		name, format, path string
		stdout             string            // what stdout gets
		files              map[string]string // the files written, by path below dir
		err                error
	}{
		{name: "stdout", format: DOT, stdout: want(DOT)},
		{name: "file", format: NQuads, path: "out.nq", files: map[string]string{"out.nq": want(NQuads)}},
		{name: "csv file", format: CSV, path: "edges.csv", files: map[string]string{"edges.csv": want(CSV)}},
		{name: "csv folder", format: CSV, path: "tables", files: map[string]string{
			"tables/" + CSVNodesFile: "", "tables/" + CSVEdgesFile: "", "tables/" + CSVStatementsFile: ""}},
		{name: "folder, not csv", format: GML, path: ".", err: ErrFolder},
		{name: "unknown format", format: "xml", path: "x.xml", err: ErrUnknownFormat},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout bytes.Buffer
			path := ""
			if tc.path != "" {
				path = filepath.Join(dir, tc.name, tc.path)
				if err := os.MkdirAll(filepath.Join(dir, tc.name), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			err := WriteFile(ctx, s, path, &stdout, Options{Format: tc.format}, Write)
			if !errors.Is(err, tc.err) {
				t.Fatalf("WriteFile: %v, want %v", err, tc.err)
			}
			if stdout.String() != tc.stdout {
				t.Errorf("stdout: %d bytes, want %d", stdout.Len(), len(tc.stdout))
			}
			for name, content := range tc.files {
				b, err := os.ReadFile(filepath.Join(dir, tc.name, name))
				if err != nil {
					t.Fatal(err)
				}
				if content != "" && string(b) != content || len(b) == 0 {
					t.Errorf("%s: %d bytes, want %d", name, len(b), len(content))
				}
			}
		})
	}
}

// WriteFile passes the options to the write function of a format this package does not know.
func TestWriteFileOtherFormat(t *testing.T) {
	path := filepath.Join(t.TempDir(), "page.html")
	write := func(_ context.Context, _ *graph.Store, w io.Writer, opt Options) error {
		_, err := io.WriteString(w, opt.Format+" of "+opt.Doc)
		return err
	}
	opt := Options{Format: "html", Doc: "a1.txt"}
	if err := WriteFile(context.Background(), nil, path, io.Discard, opt, write); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "html of a1.txt" {
		t.Errorf("wrote %q (%v), want %q", b, err, "html of a1.txt")
	}
}

func TestOpenFile(t *testing.T) {
	ctx := context.Background()
	s := fixtureStore(t, "memory")
	dir := t.TempDir()
	for _, format := range ReadFormats() {
		path := filepath.Join(dir, "graph."+format)
		if err := WriteFile(ctx, s, path, nil, Options{Format: format}, Write); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		path, format string
		err          string
	}{
		{"graph.nquads", NQuads, ""},
		{"graph.jsonld", JSONLD, ""},
		{"graph.pquads", PQuads, ""},
		{"graph.nquads", "xml", "unknown export format"},
		{"missing.nq", NQuads, "no such file"},
	} {
		r, err := OpenFile(filepath.Join(dir, tc.path), tc.format, "")
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("OpenFile(%s, %s): %v, want an error with %q", tc.path, tc.format, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("OpenFile(%s, %s): %v", tc.path, tc.format, err)
		}
		dst := openStore(t, "memory")
		n, err := dst.LoadQuads(ctx, r, graph.BatchQuads)
		if err != nil || n != len(quadSet(t, s)) {
			t.Errorf("%s: loaded %d quads (%v), want %d", tc.format, n, err, len(quadSet(t, s)))
		}
		if err := r.Close(); err != nil {
			t.Errorf("%s: Close: %v", tc.format, err)
		}
	}
}
