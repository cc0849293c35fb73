package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/build"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/eval"
	"github.com/newsgraph/newsgraph/internal/cli"
)

func runEval(ctx context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	var in build.Input
	addInputFlags(fs, &in)
	goldDir := fs.String("gold", "", "gold folder holding entities.json and facts.jsonl (required)")
	factsFile := fs.String("facts", "", "score this facts file (extract --format jsonl output; - for stdin) instead of extracting INPUT")
	asJSON := fs.Bool("json", false, "print the report as JSON (the summary line then goes to stderr)")
	var th eval.Thresholds
	fs.Float64Var(&th.Core, "min-core", 0, "exit 1 when core recall is below this")
	fs.Float64Var(&th.Recall, "min-recall", 0, "exit 1 when recall is below this")
	fs.Float64Var(&th.Precision, "min-precision", 0, "exit 1 when entity-pair precision is below this")
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	switch {
	case *goldDir == "":
		return cli.Usagef("--gold DIR is required")
	case *factsFile == "" && fs.NArg() == 0:
		return cli.Usagef("give article files or folders to extract, or --facts FILE.jsonl")
	case *factsFile != "" && fs.NArg() > 0:
		return cli.Usagef("give either --facts or INPUT, not both")
	}
	gold, err := eval.LoadGold(*goldDir)
	if err != nil {
		return err
	}

	var preds []eval.Prediction
	if *factsFile != "" {
		var problems []string
		preds, problems, err = eval.ReadPredictionsFile(*factsFile, os.Stdin)
		for _, p := range problems {
			fmt.Fprintln(e.Stderr, p)
		}
	} else {
		preds, err = extractPredictions(ctx, e, fs.Args(), in)
	}
	if err != nil {
		return err
	}

	rep := gold.Score(preds)
	if *asJSON {
		err = rep.WriteJSON(e.Stdout)
		fmt.Fprintln(e.Stderr, rep.Summary())
	} else {
		err = rep.WriteText(e.Stdout)
	}
	if err != nil {
		return err
	}
	if fails := rep.Failures(th); len(fails) > 0 {
		return cli.Partialf("%s", strings.Join(fails, "; "))
	}
	return nil
}

// extractPredictions extracts the articles of paths as `extract` does (a re-submitted article
// once) and returns their facts as the scorer reads them.
func extractPredictions(ctx context.Context, e *cli.Env, paths []string, in build.Input) ([]eval.Prediction, error) {
	var preds []eval.Prediction
	prog := build.NewProgress(e.Stderr)
	sum, err := build.Extract(ctx, build.Options{Input: in, Event: prog.Event}, paths, func(r *extract.Result) (err error) {
		preds, err = eval.AppendFacts(preds, r.Facts)
		return err
	})
	prog.Done()
	if err != nil {
		return nil, err
	}
	if n := sum.Skipped(); n > 0 {
		fmt.Fprintf(e.Stderr, "newsgraph eval: %d input problem(s), scored without those articles\n", n)
	}
	return preds, nil
}
