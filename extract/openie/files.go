package openie

import (
	"context"
	"io"
	"os"
)

// RunFiles runs Run over each of paths in order, all writing to w: files of one sentence a line,
// "-" standing for stdin. A file that cannot be opened is passed to problem, like a bad line,
// and skipped. The error is w's or ctx's.
func (p *Pipeline) RunFiles(ctx context.Context, paths []string, stdin io.Reader, w io.Writer, problem func(error)) error {
	for _, path := range paths {
		if path == "-" {
			if _, err := p.Run(ctx, stdin, "stdin", w, problem); err != nil {
				return err
			}
			continue
		}
		f, err := os.Open(path)
		if err != nil {
			problem(err)
			continue
		}
		_, err = p.Run(ctx, f, path, w, problem)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}
