package main

import (
	"fmt"
	"io"
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
	p.endLine()
}

// message prints one line (a skipped input, say) below the status line. Messages come from
// other goroutines than updates: both write under the lock.
func (p *progress) message(line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.endLine()
	fmt.Fprintln(p.w, line)
}

// endLine ends a status line printed since the last one ended; p.mu must be held.
func (p *progress) endLine() {
	if p.printed {
		fmt.Fprintln(p.w)
		p.printed = false
	}
}
