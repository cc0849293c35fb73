package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/cli"
	"github.com/newsgraph/newsgraph/schema"
)

// correctArgs gives the arguments each action of correct takes.
var correctArgs = map[string]string{
	schema.CorrectReject: "FACT-ID", schema.CorrectMerge: "ENTITY OTHER", schema.CorrectRetype: "ENTITY TYPE",
	schema.CorrectRename: "ENTITY NAME", "list": "", "undo": "ID", "apply": "FILE",
}

func runCorrect(ctx context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	format := fs.String("format", "text", "with list: text (a line a correction: its id and the arguments that make it) or nquads (the correction layer, for correct apply)")
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return cli.Usagef("say what to do: reject, merge, retype, rename, list, undo or apply")
	}
	do, rest := fs.Arg(0), fs.Args()[1:]
	want, ok := correctArgs[do]
	switch {
	case !ok:
		return cli.Usagef("unknown action %q: reject, merge, retype, rename, list, undo or apply", do)
	case len(rest) != len(strings.Fields(want)):
		return cli.Usagef("correct %s takes %d argument(s): %s", do, len(strings.Fields(want)), want)
	case fs.Changed("format") && do != "list":
		return cli.Usagef("--format goes with list")
	case *format != "text" && *format != "nquads":
		return cli.Usagef("unknown --format %q (text or nquads)", *format)
	}
	var id int
	if do == "undo" {
		var err error
		if id, err = strconv.Atoi(rest[0]); err != nil || id < 1 {
			return cli.Usagef("undo takes the number of a correction (see correct list), not %q", rest[0])
		}
	}
	st, err := e.Store.Open(ctx, do == "list")
	if err != nil {
		return err
	}
	defer st.Close()
	switch do {
	case "list":
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
	case "undo":
		res, err := st.UndoCorrection(ctx, id)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.Stderr, "undid correction %d (%s): %d quads taken out, %d restored\n", res.ID, res.Correction, res.Removed, res.Added)
		return nil
	case "apply":
		return applyCorrections(ctx, e, st, rest[0])
	}
	c := schema.Correction{Kind: do, Target: rest[0]}
	if len(rest) > 1 {
		c.Value = rest[1]
	}
	res, err := st.Correct(ctx, c)
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
