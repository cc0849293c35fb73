package main

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// Messages from the reading goroutine and status updates from the extracting one share stderr:
// no data race (under -race), and every message starts a line of its own, not the status line's.
func TestProgressMessages(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf)
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
	p.done()
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
