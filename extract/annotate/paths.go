package annotate

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/extract/input"
)

// Paths annotates paths in order and calls write with each document: a CoNLL-U file (.conllu)
// as its documents, sentences and tokens are given (CoNLLU); any other path as the articles rd
// reads (Article). A CoNLL-U file that cannot be read and an article that cannot be annotated
// are passed to problem, and the reader's own problems to rd.Problem; neither stops the run.
// The error is write's or ctx's.
func (a *Annotator) Paths(ctx context.Context, rd input.Reader, paths []string, write func(*Document) error, problem func(error)) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if strings.EqualFold(filepath.Ext(p), ".conllu") {
			docs, err := a.conlluFile(p)
			if err != nil {
				problem(err)
				continue
			}
			for _, d := range docs {
				if err := write(d); err != nil {
					return err
				}
			}
			continue
		}
		_, err := rd.Read(ctx, []string{p}, func(art input.Article) error {
			d, err := a.Article(art)
			if err != nil {
				problem(art.Problem(err, false))
				return nil
			}
			return write(d)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// conlluFile annotates the documents of one CoNLL-U file.
func (a *Annotator) conlluFile(path string) ([]*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return a.CoNLLU(f, path)
}
