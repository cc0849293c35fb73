package main

import (
	"context"
	"fmt"
	"time"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/build"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/cli"
)

func runBuild(ctx context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	opt := build.Options{Resume: true}
	addInputFlags(fs, &opt.Input)
	fs.IntVar(&opt.Batch, "batch", build.DefaultBatch, "at most this many articles written per transaction, and about 20,000 quads (each article is stored whole or not at all)")
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 && len(opt.Feeds) == 0 {
		return cli.Usagef("give at least one article file, folder, URL or --feed")
	}
	if opt.Batch < 1 {
		return cli.Usagef("--batch must be at least 1")
	}
	start := time.Now()
	st, err := e.Store.Open(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	prog := build.NewProgress(e.Stderr)
	opt.Store, opt.Event = st, prog.Event
	noticed := make(chan struct{})
	stopNotice := context.AfterFunc(ctx, func() {
		defer close(noticed)
		fmt.Fprintln(e.Stderr, "\ninterrupted: stopping after the current transaction (interrupt again to quit at once)")
	})
	defer func() {
		if !stopNotice() {
			<-noticed // printed, or being printed: before the final message
		}
	}()
	sum, err := build.Run(ctx, opt, fs.Args())
	prog.Done()
	if err != nil {
		return buildStopped(ctx, st, sum, err)
	}
	if sum.KnownFeedItems > 0 {
		fmt.Fprintf(e.Stderr, "feeds: %d item(s) already stored, not fetched\n", sum.KnownFeedItems)
	}
	fmt.Fprintf(e.Stderr, "built %s: %d new articles (%d already stored, %d duplicate text within this run), %d sentences, %d entities, %d facts, %d quads in %.1fs (extract %.1fs, store %.1fs)\n",
		st.Location(), sum.Stored, sum.AlreadyStored, sum.Duplicates, sum.Sentences, sum.Entities, sum.Facts, sum.Quads,
		time.Since(start).Seconds(), sum.ExtractTime.Seconds(), sum.StoreTime.Seconds())
	if sum.Read == 0 && sum.Resumed == 0 && sum.KnownFeedItems == 0 {
		fmt.Fprintln(e.Stderr, "warning: the input held no article")
	}
	if n := sum.Skipped(); n > 0 {
		return cli.Partialf("%d article(s) or path(s) skipped: see the messages above", n)
	}
	return nil
}

// buildStopped is the error of a build that err stopped: it says what is stored and how to go
// on.
func buildStopped(ctx context.Context, st *graph.Store, sum build.Summary, err error) error {
	what := fmt.Sprintf("%d articles stored by this run, %d in %s", sum.Stored, sum.InStore, st.Location())
	next := "run the same build again to resume"
	if !sum.Kept {
		next = "nothing is kept"
	}
	if ctx.Err() != nil {
		return cli.Partialf("interrupted: %s; every article is stored whole or not at all; %s", what, next)
	}
	return fmt.Errorf("%w (%s; %s)", err, what, next)
}
