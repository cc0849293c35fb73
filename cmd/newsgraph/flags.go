// The flags several commands share that are not the store flags (internal/cli has those): the
// input flags of the commands that read articles.

package main

import (
	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/build"
	"github.com/newsgraph/newsgraph/extract/fetch"
	"github.com/newsgraph/newsgraph/extract/input"
)

// addInputFlags adds the flags of commands that read articles, which set in.
func addInputFlags(fs *flag.FlagSet, in *build.Input) {
	fs.IntVar(&in.Workers, "workers", 0, "articles extracted at once (0: one per CPU)")
	fs.Int64Var(&in.MaxBytes, "max-bytes", input.DefaultMaxBytes, "skip articles larger than this many bytes")
	fs.IntVar(&in.MaxSentenceTokens, "max-sentence-tokens", 0, "cut sentences longer than this many tokens (0: default 300)")
	fs.StringVar(&in.CSVText, "csv-text", "", "read .csv files too (a header row, then one article a row), the column `COLUMN` their text; the columns id, title, date, url, source and author fill the article's when the header names them, others are ignored (the BBC corpus: --csv-text text)")
	fs.StringArrayVar(&in.Feeds, "feed", nil, "read the page of every item of this RSS or Atom feed URL (repeatable)")
	fs.StringVar(&in.Cache, "cache", "", "folder of fetched pages, so that a rebuild does not fetch them again (default: newsgraph/pages in the user cache folder)")
	fs.IntVar(&in.PerHost, "per-host", fetch.DefaultPerHost, "at most this many requests at once to one web host")
	fs.DurationVar(&in.FetchTimeout, "fetch-timeout", fetch.DefaultTimeout, "give up on a web request after this long")
}
