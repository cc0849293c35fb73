// Package spool keeps extraction results on disk between extracting a corpus and using them, so
// that a command holds a bounded number of articles in memory whatever the size of the corpus,
// and so that an interrupted build resumes without extracting again what it had extracted.
//
// A spool is a JSON Lines file of Records: a header, then anything the caller needs to keep
// (the entities a store knew when a build started, marks), then one extracted article a line.
// Lines are only appended. A process killed while appending leaves at most one line cut short;
// Open drops it, so what a reopened spool holds is exactly the lines written in full.
//
// The package stores and reads results; it never extracts, resolves or touches a graph store.
package spool

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/schema"
)

// Version is the format version written in every header; Open refuses other versions.
const Version = 1

// Header is the first line of a spool.
type Header struct {
	// Version is the format version (Version).
	Version int `json:"version"`
	// Key says what the spool is for (a build's store, inputs and options); a caller resumes
	// only a spool whose key is its own.
	Key string `json:"key"`
	// Articles is a count the caller wants kept, such as the articles a store held when the
	// build started.
	Articles int `json:"articles,omitempty"`
}

// Known is an entity known before the spool was started, with the number of articles that
// mention it.
type Known struct {
	schema.EntityRecord
	Articles int `json:"articles"`
}

// Record is one line of a spool: exactly one field is set.
type Record struct {
	Header *Header         `json:"header,omitempty"`
	Known  *Known          `json:"known,omitempty"`
	Mark   string          `json:"mark,omitempty"`
	Result *extract.Result `json:"result,omitempty"`
}

// File is an open spool, positioned to append.
type File struct {
	path string
	f    *os.File
	w    *bufio.Writer
	enc  *json.Encoder
	temp bool
	size int64 // bytes appended, buffered ones included: the offset of the next record
}

// counter counts the bytes written through it.
type counter struct {
	w io.Writer
	n *int64
}

func (c counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	*c.n += int64(n)
	return n, err
}

// ErrVersion is returned by Open for a spool of another format version.
var ErrVersion = errors.New("spool written by another version of newsgraph")

// Create starts a new spool at path (replacing any file there) with header h; an empty path
// makes a temporary file that Discard removes.
func Create(path string, h Header) (*File, error) {
	var f *os.File
	var err error
	if path == "" {
		f, err = os.CreateTemp("", "newsgraph-*.spool")
	} else {
		f, err = os.Create(path)
	}
	if err != nil {
		return nil, fmt.Errorf("create spool: %w", err)
	}
	s := newFile(f, path == "", 0)
	h.Version = Version
	if err := s.Append(Record{Header: &h}); err != nil {
		s.Discard()
		return nil, err
	}
	return s, nil
}

func newFile(f *os.File, temp bool, size int64) *File {
	s := &File{path: f.Name(), f: f, w: bufio.NewWriterSize(f, 1<<20), temp: temp, size: size}
	s.enc = json.NewEncoder(counter{s.w, &s.size})
	s.enc.SetEscapeHTML(false)
	return s
}

// Open reopens the spool at path to resume it: it calls fn with every complete record, the
// header first, then positions the spool after the last of them, dropping a last line that a
// crash cut short. An error from fn is returned as is and leaves the file unchanged, so that a
// caller can refuse a spool that is not its own; a missing file gives an error satisfying
// errors.Is(err, fs.ErrNotExist).
func Open(path string, fn func(Record) error) (*File, error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	end, err := scan(f, path, fn)
	if err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Truncate(end); err != nil {
		f.Close()
		return nil, fmt.Errorf("spool %s: %w", path, err)
	}
	if _, err := f.Seek(end, io.SeekStart); err != nil {
		f.Close()
		return nil, fmt.Errorf("spool %s: %w", path, err)
	}
	return newFile(f, false, end), nil
}

// scan reads the records of r from its start, calling fn, and returns the offset just after
// the last complete one.
func scan(r io.Reader, path string, fn func(Record) error) (int64, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	var end int64
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if errors.Is(err, io.EOF) {
			return end, nil // no line, or one cut short: stop before it
		}
		if err != nil {
			return 0, fmt.Errorf("spool %s: %w", path, err)
		}
		var rec Record
		if err := json.Unmarshal(line, &rec); err != nil {
			return 0, fmt.Errorf("spool %s:%d: %w", path, n, err)
		}
		if n == 1 {
			if rec.Header == nil {
				return 0, fmt.Errorf("spool %s: no header", path)
			}
			if rec.Header.Version != Version {
				return 0, fmt.Errorf("spool %s: %w (format %d, want %d)", path, ErrVersion, rec.Header.Version, Version)
			}
		}
		if err := fn(rec); err != nil {
			return 0, err
		}
		end += int64(len(line))
	}
}

// Path returns the file name of the spool.
func (s *File) Path() string { return s.path }

// Offset returns where the next record appended will start, for At.
func (s *File) Offset() int64 { return s.size }

// At returns the record that starts at offset off.
func (s *File) At(off int64) (Record, error) {
	if err := s.Flush(); err != nil {
		return Record{}, err
	}
	line, err := bufio.NewReader(io.NewSectionReader(s.f, off, s.size-off)).ReadBytes('\n')
	if err != nil {
		return Record{}, fmt.Errorf("spool %s at %d: %w", s.path, off, err)
	}
	var r Record
	if err := json.Unmarshal(line, &r); err != nil {
		return Record{}, fmt.Errorf("spool %s at %d: %w", s.path, off, err)
	}
	return r, nil
}

// Append adds one record.
func (s *File) Append(r Record) error {
	if err := s.enc.Encode(&r); err != nil {
		return fmt.Errorf("write spool %s: %w", s.path, err)
	}
	return nil
}

// Flush writes buffered records to the file, where they survive the end of the process (not a
// crash of the machine: see Sync).
func (s *File) Flush() error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("write spool %s: %w", s.path, err)
	}
	return nil
}

// Sync writes buffered records to the file and the file to disk.
func (s *File) Sync() error {
	if err := s.Flush(); err != nil {
		return err
	}
	if err := s.f.Sync(); err != nil {
		return fmt.Errorf("sync spool %s: %w", s.path, err)
	}
	return nil
}

// Each calls fn with every record appended so far, in order, header first.
func (s *File) Each(ctx context.Context, fn func(Record) error) error {
	if err := s.Flush(); err != nil {
		return err
	}
	_, err := scan(io.NewSectionReader(s.f, 0, s.size), s.path, func(r Record) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return fn(r)
	})
	return err
}

// Close writes what is buffered and closes the file, keeping it (a temporary spool is removed).
func (s *File) Close() error {
	if s.temp {
		return s.Discard()
	}
	err := s.Flush()
	if cerr := s.f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close spool %s: %w", s.path, cerr)
	}
	return err
}

// Discard closes and removes the spool.
func (s *File) Discard() error {
	s.f.Close()
	if err := os.Remove(s.path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove spool: %w", err)
	}
	return nil
}
