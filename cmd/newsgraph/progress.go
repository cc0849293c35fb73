package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// progress prints a status line on stderr at most every interval: articles done of the total,
// articles per second, facts. Quiet runs shorter than one interval print nothing.
type progress struct {
	w        io.Writer
	start    time.Time
	last     time.Time
	interval time.Duration
	total    int
	mu       sync.Mutex
	printed  bool
}

func newProgress(w io.Writer, total int) *progress {
	now := time.Now()
	return &progress{w: w, start: now, last: now, interval: 2 * time.Second, total: total}
}

// update reports the counts so far, printing when an interval has passed.
func (p *progress) update(verb string, done, facts int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.last) < p.interval {
		return
	}
	p.last = now
	rate := float64(done) / now.Sub(p.start).Seconds()
	total := "?"
	if p.total > 0 {
		total = fmt.Sprint(p.total)
	}
	fmt.Fprintf(p.w, "\r%s %d/%s articles (%.1f/s), %d facts ", verb, done, total, rate, facts)
	p.printed = true
}

// done ends the status line.
func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.printed {
		fmt.Fprintln(p.w)
	}
}

// countArticles estimates how many articles paths hold, for the progress line: one per article
// file, one per non-empty line of JSONL files. Unreadable paths count nothing (the reader reports
// them).
func countArticles(paths []string) int {
	n := 0
	countFile := func(p string) {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".txt", ".md", ".html", ".htm":
			n++
		case ".jsonl":
			f, err := os.Open(p)
			if err != nil {
				return
			}
			defer f.Close()
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 64<<10), 256<<20)
			for sc.Scan() {
				if len(bytes.TrimSpace(sc.Bytes())) > 0 {
					n++
				}
			}
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			countFile(p)
			continue
		}
		_ = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				countFile(q)
			}
			return nil
		})
	}
	return n
}
