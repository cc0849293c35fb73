package build

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
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

// TextBlock is one line WriteText writes with blocks set: a block of an article's prepared
// text, its kind (body, bullet, headline, caption, aside, ...) and its byte offsets in the
// article as read.
type TextBlock struct {
	Doc   string `json:"doc"`
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// WriteText writes to w what text preparation makes of the articles of inputs and opt.Feeds,
// in order of article id: with blocks unset the body text facts are read from (body paragraphs
// and bullets, a blank line between blocks; no headline, captions or asides) after a "# id"
// line; with blocks set every block as a JSON line with its kind and its offsets in the article
// as read (the offsets facts give). A text given twice is written once. Problems with the input,
// and articles with no body text (extract.ErrNoProse), are emitted as Problem events and listed
// in the Summary; the error is w's or ctx's.
func WriteText(ctx context.Context, opt Options, inputs []string, w io.Writer, blocks bool) (Summary, error) {
	var sum Summary
	emit := serialize(opt.Event)
	wb := openWeb(ctx, opt.Input, inputs, nil, emit)
	r := input.Reader{MaxBytes: opt.MaxBytes, CSVText: opt.CSVText, Fetch: wb.fetcher(), Problem: func(err *input.Error) {
		emit(Event{Kind: Problem, Problem: err})
	}}
	var arts []preparedArticle
	seen := map[string]bool{}
	errs, err := r.Read(ctx, wb.paths, func(a input.Article) error {
		sum.Read++
		if seen[a.Hash] {
			sum.Duplicates++
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
			p := a.Problem(extract.ErrNoProse, false)
			sum.Problems = append(sum.Problems, p)
			emit(Event{Kind: Problem, Problem: p})
			return nil
		}
		arts = append(arts, preparedArticle{a.ID, out})
		return nil
	})
	sum.Problems = append(append(sum.Problems, errs...), wb.problems...)
	sum.Problems.Sort()
	sum.Extracted = len(arts)
	if err != nil {
		return sum, err
	}
	slices.SortStableFunc(arts, func(a, b preparedArticle) int { return strings.Compare(a.id, b.id) })
	bw := bufio.NewWriter(w)
	for i, a := range arts {
		if i > 0 && !blocks {
			bw.WriteString("\n")
		}
		bw.WriteString(a.out)
	}
	return sum, bw.Flush()
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
		enc.Encode(TextBlock{Doc: id, Kind: bl.Kind.String(), Start: d.Offsets.Source(bl.Start), End: d.Offsets.Source(bl.End-1) + 1, Text: d.Text[bl.Start:bl.End]})
	}
	if !body {
		return ""
	}
	return b.String()
}
