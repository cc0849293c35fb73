package main

import (
	"context"
	"fmt"
	"strings"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract/input"
)

func runRemove(ctx context.Context, e *env, fs *flag.FlagSet, args []string) error {
	doc := fs.String("doc", "", "the id of the article to remove (its file name, or its JSONL id)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"remove takes no arguments: name the article with --doc ID"}
	}
	if *doc == "" {
		return usageError{"name the article to remove with --doc ID"}
	}
	st, err := e.store.open(ctx, false)
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
	fmt.Fprintf(e.stderr, "removed %s from %s: %d quads, %d statements", input.QuoteName(*doc), st.Location(), res.Quads, res.Statements)
	if len(res.Entities) > 0 {
		fmt.Fprintf(e.stderr, "; %d entity(ies) no other article mentions: %s", len(res.Entities), strings.Join(res.Entities, ", "))
	}
	fmt.Fprintln(e.stderr)
	return nil
}
