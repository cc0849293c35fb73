package extract

import (
	"context"
	"runtime"
	"sync"

	"github.com/newsgraph/newsgraph/extract/input"
)

// RunOptions tune Run.
type RunOptions struct {
	// Workers is the number of articles extracted at once; 0 means the number of CPUs.
	Workers int
	// Reader reads the input (limits, problem callback).
	Reader input.Reader
	// Skip, when set, is asked about each article before extraction; articles it skips are not
	// extracted. It is called from one goroutine, in input order.
	Skip func(input.Article) bool
}

// Run reads the articles of paths, extracts them on opt.Workers goroutines, and calls fn with
// each result in input order (so output is the same whatever the number of workers). Input
// problems, and the articles Extract skips (Result.Problem), are passed to opt.Reader.Problem
// (from one goroutine at a time) and returned as one sorted list; they never stop the run. The
// error result is the context's or fn's.
func (x *Extractor) Run(ctx context.Context, paths []string, opt RunOptions, fn func(*Result) error) (input.ErrorList, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		a   input.Article
		out chan *Result
	}
	jobs := make(chan job, workers)
	order := make(chan chan *Result, 2*workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- x.Extract(j.a)
			}
		}()
	}
	// Problems come from the reader's goroutine and from this one: one at a time to the callback.
	var mu sync.Mutex
	var skipped input.ErrorList
	report := opt.Reader.Problem
	opt.Reader.Problem = func(e *input.Error) {
		mu.Lock()
		defer mu.Unlock()
		if report != nil {
			report(e)
		}
	}
	var probs input.ErrorList
	var readErr error
	go func() {
		defer close(order)
		defer close(jobs)
		probs, readErr = opt.Reader.Read(ctx, paths, func(a input.Article) error {
			if opt.Skip != nil && opt.Skip(a) {
				return nil
			}
			out := make(chan *Result, 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{a, out}:
			case <-ctx.Done():
				out <- nil // the consumer is waiting on out: release it
				return ctx.Err()
			}
			return nil
		})
	}()
	var fnErr error
	for out := range order {
		r := <-out
		if r != nil && r.Problem != nil {
			skipped = append(skipped, r.Problem)
			opt.Reader.Problem(r.Problem)
			continue
		}
		if r != nil && fnErr == nil {
			if fnErr = fn(r); fnErr != nil {
				cancel()
			}
		}
	}
	wg.Wait()
	if len(skipped) > 0 {
		probs = append(probs, skipped...)
		probs.Sort()
	}
	if fnErr != nil {
		return probs, fnErr
	}
	if readErr != nil {
		return probs, readErr
	}
	return probs, ctx.Err()
}
