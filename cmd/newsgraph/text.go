package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/prepare"
)

// preparedArticle is the output of extract --format text or blocks for one article.
type preparedArticle struct {
	id  string
	out string
}

// textBlock is one line of extract --format blocks.
type textBlock struct {
	Doc   string `json:"doc"`
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// extractText prints what text preparation makes of the articles of paths, in order of article
// id: with blocks unset the body text facts are read from (body paragraphs and bullets, a blank
// line between blocks; no headline, captions or asides) after a "# id" line; with blocks set
// every block as a JSON line with its kind and its offsets in the article as read (the offsets
// facts give). Articles with no body text are reported like extract reports them.
func extractText(ctx context.Context, e *env, paths []string, inf inputFlags, blocks bool) error {
	wb := openWeb(ctx, e.stderr, inf, paths)
	problems := len(wb.problems)
	r := input.Reader{MaxBytes: inf.maxBytes, CSVText: inf.csvText, Fetch: wb.fetcher(), Problem: func(err *input.Error) {
		fmt.Fprintln(e.stderr, err)
	}}
	var arts []preparedArticle
	seen := map[string]bool{}
	errs, err := r.Read(ctx, wb.paths, func(a input.Article) error {
		if seen[a.Hash] {
			return nil
		}
		seen[a.Hash] = true
		d := prepare.Prepare(a)
		var out string
		if blocks {
			out = blockLines(a.ID, d)
		} else {
			out = bodyText(a.ID, d)
		}
		if out == "" {
			problems++
			fmt.Fprintln(e.stderr, a.Problem(extract.ErrNoProse, false))
			return nil
		}
		arts = append(arts, preparedArticle{a.ID, out})
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range errs {
		if !p.Warn {
			problems++
		}
	}
	slices.SortStableFunc(arts, func(a, b preparedArticle) int { return strings.Compare(a.id, b.id) })
	w := bufio.NewWriter(e.stdout)
	for i, a := range arts {
		if i > 0 && !blocks {
			w.WriteString("\n")
		}
		w.WriteString(a.out)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if problems > 0 {
		return partialError{fmt.Sprintf("%d input problem(s): see the messages above", problems)}
	}
	return nil
}

// bodyText returns the "# id" line and the body blocks of d, or "" when d has none.
func bodyText(id string, d *doc.Doc) string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		if bl.Kind != doc.Body && bl.Kind != doc.Bullet {
			continue
		}
		if b.Len() == 0 {
			fmt.Fprintf(&b, "# %s\n", id)
		}
		b.WriteString("\n")
		b.WriteString(d.Text[bl.Start:bl.End])
		b.WriteString("\n")
	}
	return b.String()
}

// blockLines returns every block of d as a JSON line, or "" when d has no body block.
func blockLines(id string, d *doc.Doc) string {
	var b strings.Builder
	body := false
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, bl := range d.Blocks {
		body = body || bl.Kind == doc.Body || bl.Kind == doc.Bullet
		enc.Encode(textBlock{Doc: id, Kind: bl.Kind.String(), Start: d.Offsets.Source(bl.Start), End: d.Offsets.Source(bl.End-1) + 1, Text: d.Text[bl.Start:bl.End]})
	}
	if !body {
		return ""
	}
	return b.String()
}
