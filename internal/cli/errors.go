package cli

import (
	"bufio"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph/extract/input"
)

// Exit statuses of Program.Run.
const (
	ExitOK      = 0 // everything done
	ExitPartial = 1 // some input skipped, or the command failed
	ExitUsage   = 2 // bad command line
)

// UsageError is a command line problem: Run prints it with a pointer to the command's --help
// and exits with ExitUsage.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }

// Unwrap returns the problem.
func (e *UsageError) Unwrap() error { return e.Err }

// Usage returns err as a UsageError: the command line is at fault. It returns nil for nil.
func Usage(err error) error {
	if err == nil {
		return nil
	}
	return &UsageError{err}
}

// Usagef returns a UsageError with the message fmt.Errorf(format, args...) makes.
func Usagef(format string, args ...any) error { return &UsageError{fmt.Errorf(format, args...)} }

// PartialError says that the command did its work but skipped some input, or that what it ran
// (a query, a threshold) failed: Run prints it and exits with ExitPartial.
type PartialError struct{ Err error }

func (e *PartialError) Error() string { return e.Err.Error() }

// Unwrap returns what was skipped or failed.
func (e *PartialError) Unwrap() error { return e.Err }

// Partial returns err as a PartialError. It returns nil for nil.
func Partial(err error) error {
	if err == nil {
		return nil
	}
	return &PartialError{err}
}

// Partialf returns a PartialError with the message fmt.Errorf(format, args...) makes.
func Partialf(format string, args ...any) error { return &PartialError{fmt.Errorf(format, args...)} }

// Problems prints on W the problems with the input of a command that skips bad input, and
// counts them.
type Problems struct {
	W io.Writer
	N int // the problems printed, warnings aside
}

// Report prints and counts err.
func (p *Problems) Report(err error) {
	p.N++
	fmt.Fprintln(p.W, err)
}

// Input prints err, and counts it unless it is a warning; it is an input.Reader.Problem.
func (p *Problems) Input(err *input.Error) {
	if !err.Warn {
		p.N++
	}
	fmt.Fprintln(p.W, err)
}

// Finish flushes the output of a command that skips bad input, and returns InputProblems of
// what it skipped.
func (p *Problems) Finish(w *bufio.Writer) error {
	if err := w.Flush(); err != nil {
		return err
	}
	return InputProblems(p.N)
}

// InputProblems is the PartialError of a command that skipped n pieces of input, nil when n
// is 0.
func InputProblems(n int) error {
	if n > 0 {
		return Partialf("%d input problem(s): see the messages above", n)
	}
	return nil
}
