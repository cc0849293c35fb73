package build

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/extract/input"
)

// Messages from the reading goroutine and status updates from the extracting one share stderr:
// no data race (under -race), and every message starts a line of its own, not the status line's.
func TestProgressMessages(t *testing.T) {
	var buf bytes.Buffer
	p := NewProgress(&buf)
	p.pass("extracted", 100)
	p.interval = 0 // every update prints
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			p.update(i, i)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 50; i++ {
			p.message(fmt.Sprintf("file%d.txt: empty file", i))
		}
	}()
	wg.Wait()
	p.Done()
	n := 0
	for _, line := range strings.Split(buf.String(), "\n") {
		if i := strings.Index(line, "file"); i >= 0 {
			n++
			if i != 0 {
				t.Errorf("message not at the start of a line: %q", line)
			}
		}
	}
	if n != 50 {
		t.Errorf("%d messages printed, want 50", n)
	}
}

// TestProgressEvents: what each kind of event writes, a status line ended before a message and
// at Done.
func TestProgressEvents(t *testing.T) {
	for _, tc := range []struct {
		name   string
		events []Event
		want   string
	}{
		{"nothing", nil, ""},
		{"status, then done", []Event{{Kind: Extracting, Total: 4}, {Kind: Extracted, N: 2, Facts: 7}},
			"\rextracted 2/4 articles (R/s), 7 facts \n"},
		{"unknown total, stored", []Event{{Kind: Storing}, {Kind: Stored, N: 1, Done: 3, Facts: 9}},
			"\rstored 3/? articles (R/s), 9 facts \n"},
		{"message ends the status line", []Event{{Kind: Extracting, Total: 2}, {Kind: Extracted, N: 1, Facts: 1},
			{Kind: Problem, Problem: &input.Error{File: "a.txt", Err: errors.New("empty file")}}},
			"\rextracted 1/2 articles (R/s), 1 facts \na.txt: empty file\n"},
		{"resumed", []Event{{Kind: Resumed, N: 5, Path: "db.spool"}},
			"resuming the interrupted build: 5 articles extracted before are in db.spool\n"},
		{"restarted", []Event{{Kind: Restarted, Path: "db.spool", Err: errors.New("other inputs")}},
			"db.spool: other inputs: starting afresh\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			p := NewProgress(&buf)
			p.interval = 0
			for _, ev := range tc.events {
				p.Event(ev)
			}
			p.Done()
			got := regexp.MustCompile(`\([0-9.+Inf]+/s\)`).ReplaceAllString(buf.String(), "(R/s)")
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
