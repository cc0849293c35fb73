package build

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// Progress writes the events of a build or an extraction as text for people: a status line at
// most every interval (articles done of the total, articles per second, facts), rewritten in
// place, and a line for each input problem and each message, below it. Quiet runs shorter than
// one interval print no status. Its methods may be called from several goroutines.
type Progress struct {
	w           io.Writer
	verb        string
	start, last time.Time
	interval    time.Duration
	total       int
	mu          sync.Mutex
	printed     bool
}

// NewProgress returns a Progress that writes to w (a terminal's standard error, say).
func NewProgress(w io.Writer) *Progress {
	return &Progress{w: w, interval: 2 * time.Second}
}

// Event writes what ev reports; it is an Options.Event.
func (p *Progress) Event(ev Event) {
	switch ev.Kind {
	case Extracting:
		p.pass("extracted", ev.Total)
	case Storing:
		p.pass("stored", ev.Total)
	case Extracted:
		p.update(ev.N, ev.Facts)
	case Stored:
		p.update(ev.Done, ev.Facts)
	case Problem, Repeated:
		p.message(ev.Problem.Error())
	case Resumed:
		p.message(fmt.Sprintf("resuming the interrupted build: %d articles extracted before are in %s", ev.N, ev.Path))
	case Restarted:
		p.message(fmt.Sprintf("%s: %v: starting afresh", ev.Path, ev.Err))
	}
}

// pass starts the status line of a pass over total articles (0: unknown).
func (p *Progress) pass(verb string, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.endLine()
	now := time.Now()
	p.verb, p.total, p.start, p.last = verb, total, now, now
}

// update reports the counts so far, printing when an interval has passed.
func (p *Progress) update(done, facts int) {
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

// Done ends the status line: call it when the run is over, before printing anything else.
func (p *Progress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.endLine()
}

// message prints one line (a skipped input, say) below the status line.
func (p *Progress) message(line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.endLine()
	fmt.Fprintln(p.w, line)
}

// endLine ends a status line printed since the last one ended; p.mu must be held.
func (p *Progress) endLine() {
	if p.printed {
		fmt.Fprintln(p.w)
		p.printed = false
	}
}
