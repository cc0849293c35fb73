package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/cli"
)

func runCorrect(ctx context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	format := fs.String("format", "text", "with list: text (a line a correction: its id and the arguments that make it) or nquads (the correction layer, for correct apply)")
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	req, err := graph.ParseCorrection(fs.Args())
	switch {
	case err != nil:
		return cli.Usage(err)
	case fs.Changed("format") && req.Action != graph.CorrectionList:
		return cli.Usagef("--format goes with list")
	case *format != "text" && *format != "nquads":
		return cli.Usagef("unknown --format %q (text or nquads)", *format)
	}
	st, err := e.Store.Open(ctx, req.Action == graph.CorrectionList)
	if err != nil {
		return err
	}
	defer st.Close()
	switch req.Action {
	case graph.CorrectionList:
		cs, err := st.Corrections(ctx)
		if err != nil {
			return err
		}
		if *format == "nquads" {
			return graph.WriteCorrections(e.Stdout, cs)
		}
		for _, c := range cs {
			fmt.Fprintf(e.Stdout, "%d\t%s\n", c.ID, c)
		}
		fmt.Fprintf(e.Stderr, "%d correction(s) in %s\n", len(cs), st.Location())
		return nil
	case graph.CorrectionUndo:
		res, err := st.UndoCorrection(ctx, req.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.Stderr, "undid correction %d (%s): %d quads taken out, %d restored\n", res.ID, res.Correction, res.Removed, res.Added)
		return nil
	case graph.CorrectionApply:
		return applyCorrections(ctx, e, st, req.File)
	}
	res, err := st.Correct(ctx, req.Correction)
	if errors.Is(err, graph.ErrBadCorrection) {
		return cli.Usage(err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "%d\t%s\n", res.ID, res.Correction)
	fmt.Fprintf(e.Stderr, "correction %d: %d quads taken out, %d put in; `newsgraph correct undo %d` takes it back\n", res.ID, res.Removed, res.Added, res.ID)
	return nil
}

// applyCorrections adds to st the corrections of the file at path (written by correct list
// --format nquads), and says which have nothing to correct yet.
func applyCorrections(ctx context.Context, e *cli.Env, st *graph.Store, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	cs, err := graph.ReadCorrections(f)
	if err != nil {
		return fmt.Errorf("%s: %w", input.QuoteName(path), err)
	}
	added, err := st.ImportCorrections(ctx, cs)
	for _, r := range added {
		fmt.Fprintf(e.Stdout, "%d\t%s\n", r.ID, r.Correction)
		if r.Removed+r.Added == 0 {
			fmt.Fprintf(e.Stderr, "correction %d: nothing to correct in %s yet; it applies to the articles written later\n", r.ID, st.Location())
		}
	}
	if err != nil {
		return fmt.Errorf("%s: %w (%d correction(s) applied before it)", input.QuoteName(path), err, len(added))
	}
	fmt.Fprintf(e.Stderr, "applied %d of the %d correction(s) of %s", len(added), len(cs), input.QuoteName(path))
	if len(added) < len(cs) {
		fmt.Fprintf(e.Stderr, "; %s has the others already", st.Location())
	}
	fmt.Fprintln(e.Stderr)
	return nil
}
