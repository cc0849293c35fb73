package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/build"
)

// progress prints the events of a build or an extraction on stderr: a status line at most every
// interval (articles done of the total, articles per second, facts), and a line for each input
// problem and each message, below it. Quiet runs shorter than one interval print no status.
type progress struct {
	w           io.Writer
	verb        string
	start, last time.Time
	interval    time.Duration
	total       int
	mu          sync.Mutex
	printed     bool
}

func newProgress(w io.Writer) *progress {
	return &progress{w: w, interval: 2 * time.Second}
}

// event prints what ev reports; it is a build.Options.Event.
func (p *progress) event(ev build.Event) {
	switch ev.Kind {
	case build.Extracting:
		p.pass("extracted", ev.Total)
	case build.Storing:
		p.pass("stored", ev.Total)
	case build.Extracted:
		p.update(ev.N, ev.Facts)
	case build.Stored:
		p.update(ev.Done, ev.Facts)
	case build.Problem, build.Repeated:
		p.message(ev.Problem.Error())
	case build.Resumed:
		p.message(fmt.Sprintf("resuming the interrupted build: %d articles extracted before are in %s", ev.N, ev.Path))
	case build.Restarted:
		p.message(fmt.Sprintf("%s: %v: starting afresh", ev.Path, ev.Err))
	}
}

// pass starts the status line of a pass over total articles (0: unknown).
func (p *progress) pass(verb string, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.endLine()
	now := time.Now()
	p.verb, p.total, p.start, p.last = verb, total, now, now
}

// update reports the counts so far, printing when an interval has passed.
func (p *progress) update(done, facts int) {
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
	fmt.Fprintf(p.w, "\r%s %d/%s articles (%.1f/s), %d facts ", p.verb, done, total, rate, facts)
	p.printed = true
}

// done ends the status line.
func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.endLine()
}

// message prints one line (a skipped input, say) below the status line.
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
