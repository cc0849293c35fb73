package spool

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

func result(id string) *extract.Result {
	return &extract.Result{
		Article: schema.Article{ID: id, Hash: "h-" + id},
		Facts: []schema.Fact{{Doc: id, Evidence: "Maria Lopez praised Acme.\nIt said \"yes\".", Confidence: 0.1 + 0.2,
			Subject: schema.Entity{ID: "person/maria-lopez", Name: "Maria Lopez", Type: "PERSON"},
			Object:  schema.Object{Literal: "a plan"}, Predicate: "praised"}},
		Entities:  []schema.EntityRecord{{ID: "person/maria-lopez", Name: "Maria Lopez", Type: "PERSON", Aliases: []string{"Lopez"}}},
		Sentences: 2, Words: 9,
	}
}

func records(t *testing.T, s *File) []Record {
	t.Helper()
	var out []Record
	if err := s.Each(context.Background(), func(r Record) error { out = append(out, r); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// Results come back exactly as they were written, and a reopened spool appends after them.
func TestRoundTripAndReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.spool")
	s, err := Create(path, Header{Key: "k", Articles: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := []*extract.Result{result("a"), result("b")}
	for _, r := range want {
		if err := s.Append(Record{Result: r}); err != nil {
			t.Fatal(err)
		}
	}
	recs := records(t, s)
	if len(recs) != 3 || recs[0].Header == nil || recs[0].Header.Key != "k" || recs[0].Header.Version != Version {
		t.Fatalf("records %+v", recs)
	}
	for i, r := range want {
		if !reflect.DeepEqual(recs[i+1].Result, r) {
			t.Errorf("result %d:\n got %+v\nwant %+v", i, recs[i+1].Result, r)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	var n int
	s, err = Open(path, func(Record) error { n++; return nil })
	if err != nil || n != 3 {
		t.Fatalf("reopen: %v, %d records", err, n)
	}
	if err := s.Append(Record{Result: result("c")}); err != nil {
		t.Fatal(err)
	}
	if recs := records(t, s); len(recs) != 4 || recs[3].Result.Article.ID != "c" {
		t.Errorf("after appending to the reopened spool: %d records", len(recs))
	}
	if err := s.Discard(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("discarded spool still there: %v", err)
	}
}

// A line cut short by a crash is dropped on reopening; what comes after is appended in its place.
func TestTornLastLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.spool")
	s, err := Create(path, Header{Key: "k"})
	if err != nil {
		t.Fatal(err)
	}
	s.Append(Record{Result: result("a")})
	s.Append(Record{Result: result("b")})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(path, data[:len(data)-10], 0o644); err != nil {
		t.Fatal(err)
	}
	var ids []string
	s, err = Open(path, func(r Record) error {
		if r.Result != nil {
			ids = append(ids, r.Result.Article.ID)
		}
		return nil
	})
	if err != nil || !reflect.DeepEqual(ids, []string{"a"}) {
		t.Fatalf("reopen torn spool: %v, %v", err, ids)
	}
	s.Append(Record{Result: result("c")})
	recs := records(t, s)
	if len(recs) != 3 || recs[2].Result.Article.ID != "c" {
		t.Errorf("after the torn line: %d records", len(recs))
	}
	s.Close()
}

func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	other := errors.New("not mine")
	path := filepath.Join(dir, "x.spool")
	s, err := Create(path, Header{Key: "k"})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	if _, err := Open(path, func(Record) error { return other }); !errors.Is(err, other) {
		t.Errorf("callback error: got %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a refused spool was changed")
	}
	for name, content := range map[string]string{
		"version.spool": `{"header":{"version":99,"key":"k"}}` + "\n",
		"nohead.spool":  `{"mark":"x"}` + "\n",
		"junk.spool":    "not json\n",
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o644)
		if _, err := Open(p, func(Record) error { return nil }); err == nil {
			t.Errorf("%s opened", name)
		}
	}
	if _, err := Open(filepath.Join(dir, "missing"), func(Record) error { return nil }); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing spool: %v", err)
	}
}

func TestTemporary(t *testing.T) {
	s, err := Create("", Header{})
	if err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Append(Record{Result: result("a")})
	if recs := records(t, s); len(recs) != 2 {
		t.Errorf("%d records", len(recs))
	}
	s.Close()
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("temporary spool kept after Close: %v", err)
	}
}
