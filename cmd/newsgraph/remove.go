package main

import (
	"context"
	"fmt"
	"strings"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/internal/cli"
)

func runRemove(ctx context.Context, e *cli.Env, fs *flag.FlagSet, args []string) error {
	doc := fs.String("doc", "", "the id of the article to remove (its file name, or its JSONL id)")
	if err := e.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return cli.Usagef("remove takes no arguments: name the article with --doc ID")
	}
	if *doc == "" {
		return cli.Usagef("name the article to remove with --doc ID")
	}
	st, err := e.Store.Open(ctx, false)
	if err != nil {
		return err
	}
	res, err := st.Remove(ctx, *doc)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stderr, "removed %s from %s: %d quads, %d statements", input.QuoteName(*doc), st.Location(), res.Quads, res.Statements)
	if len(res.Entities) > 0 {
		fmt.Fprintf(e.Stderr, "; %d entity(ies) no other article mentions: %s", len(res.Entities), strings.Join(res.Entities, ", "))
	}
	fmt.Fprintln(e.Stderr)
	return nil
}
