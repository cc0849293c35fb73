// Command debugparse prints the annotation of sentences that contain a word, for developers
// looking at why a fact was or was not extracted. It is not part of newsgraph's interface.
package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/clause"
	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/quote"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: debugparse WORD INPUT...")
		os.Exit(2)
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	_, err = input.Read(context.Background(), os.Args[2:], func(a input.Article) error {
		d := x.Annotate(a)
		cr := coref.Resolve(d)
		cls := make([][]clause.Clause, len(d.Sentences))
		for si := range d.Sentences {
			cls[si] = clause.Extract(d.Sentences[si].Tokens)
		}
		for _, q := range quote.Find(d, cr.Quotes, cls) {
			if strings.Contains(quote.Text(d, q), os.Args[1]) {
				fmt.Printf("quote %+v %q\n", q, quote.Text(d, q))
			}
		}
		for si, s := range d.Sentences {
			txt := d.Text[s.Start:s.End]
			if !strings.Contains(txt, os.Args[1]) {
				continue
			}
			fmt.Printf("# %s %d (%s): %s\n", a.ID, s.Index, s.Kind, txt)
			for i, t := range s.Tokens {
				fmt.Printf("%d\t%s\t%s\t%s\t%d\t%s\t%s\n", i, t.Text, t.Lemma, t.Tag, t.Head, t.Dep, t.Ent)
			}
			for _, m := range cr.Mentions {
				if m.Sent != si {
					continue
				}
				ent := "-"
				if m.Entity >= 0 {
					ent = cr.Entities[m.Entity].Name
				}
				fmt.Printf("mention [%d,%d) %q kind=%d type=%s -> %s alts=%v\n", m.Start, m.End, m.Text, m.Kind, m.Type, ent, m.Alternatives)
			}
			for _, c := range clause.Extract(s.Tokens) {
				fmt.Printf("clause %+v\n", c)
			}
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
}
