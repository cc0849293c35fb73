package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	flag "github.com/spf13/pflag"

	"github.com/newsgraph/newsgraph/extract/input"
)

// testProgram has a command of each kind: one that fails as its first argument says, one with
// the store flags of each use, and a hidden one.
func testProgram() *Program {
	fail := func(_ context.Context, e *Env, fs *flag.FlagSet, args []string) error {
		loud := fs.Bool("loud", false, "say more")
		if err := e.Parse(fs, args); err != nil {
			return err
		}
		switch fs.Arg(0) {
		case "usage":
			return Usagef("give %d arguments", 2)
		case "partial":
			return InputProblems(3)
		case "broken":
			return errors.New("the disk is full")
		}
		if *loud {
			return PrintJSON(e.Stdout, map[string]string{"said": "<hi>"}, false)
		}
		return nil
	}
	store := func(_ context.Context, e *Env, fs *flag.FlagSet, args []string) error {
		if err := e.Parse(fs, args); err != nil {
			return err
		}
		_, err := e.Stdout.Write([]byte(e.Store.Backend + " " + e.Store.DB + "\n"))
		return err
	}
	return &Program{Name: "prog", Intro: "prog does things.", Commands: []Command{
		{Name: "do", Summary: "do a thing", Usage: "[--loud] [WHAT]", Example: "prog do", Run: fail},
		{Name: "read", Summary: "read a store", Example: "prog read --db x.db", Store: StoredStore, Run: store},
		{Name: "write", Summary: "write a store", Example: "prog write", Store: AnyStore, Run: store},
		{Name: "secret", Summary: "not for people", Example: "prog secret", Run: fail, Hidden: true},
	}}
}

func TestRun(t *testing.T) {
	const help = "prog does things.\n\nUsage: prog COMMAND [flags] [arguments]\n\nCommands:\n" +
		"  do       do a thing\n  read     read a store\n  write    write a store\n\n" +
		"Run 'prog COMMAND --help' for a command's flags and an example.\n"
	for _, tc := range []struct {
		args           []string
		code           int
		stdout, stderr string // stderr: a prefix, or the whole of it when help is
	}{
		{nil, ExitUsage, "", help},
		{[]string{"--help"}, ExitOK, "", help},
		{[]string{"help"}, ExitOK, "", help},
		{[]string{"nope"}, ExitUsage, "", "prog: unknown command \"nope\"\n" + help},
		{[]string{"do"}, ExitOK, "", ""},
		{[]string{"secret"}, ExitOK, "", ""},
		{[]string{"do", "--loud"}, ExitOK, "{\n \"said\": \"<hi>\"\n}\n", ""},
		{[]string{"do", "usage"}, ExitUsage, "", "prog do: give 2 arguments\nRun 'prog do --help' for usage.\n"},
		{[]string{"do", "--quiet"}, ExitUsage, "", "prog do: unknown flag: --quiet\nRun 'prog do --help' for usage.\n"},
		{[]string{"do", "partial"}, ExitPartial, "", "prog do: 3 input problem(s): see the messages above\n"},
		{[]string{"do", "broken"}, ExitPartial, "", "prog do: the disk is full\n"},
		{[]string{"do", "--help"}, ExitOK, "", "Usage: prog do [--loud] [WHAT]\n\ndo a thing\n\nFlags:\n"},
		{[]string{"help", "read"}, ExitOK, "", "Usage: prog read [--db PATH|URL] [--backend bolt|postgres]\n\nread a store\n"},
		{[]string{"write", "--help"}, ExitOK, "", "Usage: prog write [--db PATH|URL] [--backend bolt|memory|postgres]\n"},
		{[]string{"read"}, ExitOK, "bolt " + DefaultDB + "\n", ""},
		{[]string{"write", "--backend", "memory"}, ExitOK, "memory " + DefaultDB + "\n", ""},
		{[]string{"read", "--backend", "memory"}, ExitUsage, "", "prog read: --backend memory holds nothing between runs"},
		{[]string{"read", "--backend", "nope"}, ExitUsage, "", "prog read: unknown --backend \"nope\" (bolt, postgres)"},
		{[]string{"read", "--backend", "postgres"}, ExitUsage, "", "prog read: --backend postgres needs --db postgres://"},
		{[]string{"read", "--backend", "postgres", "--db", "postgres://h/db"}, ExitOK, "postgres postgres://h/db\n", ""},
	} {
		var stdout, stderr bytes.Buffer
		code := testProgram().Run(context.Background(), &stdout, &stderr, tc.args)
		if code != tc.code || stdout.String() != tc.stdout || !strings.HasPrefix(stderr.String(), tc.stderr) ||
			tc.stderr == help && stderr.String() != help || tc.stderr == "" && stderr.Len() > 0 {
			t.Errorf("prog %q: exit %d, stdout %q, stderr %q\nwant %d, %q, %q", tc.args, code, stdout.String(), stderr.String(), tc.code, tc.stdout, tc.stderr)
		}
	}
}

func TestErrors(t *testing.T) {
	base := errors.New("base")
	var ue *UsageError
	var pe *PartialError
	for _, tc := range []struct {
		err            error
		msg            string
		usage, partial bool
	}{
		{Usage(base), "base", true, false},
		{Usagef("bad %q: %w", "x", base), `bad "x": base`, true, false},
		{Partial(base), "base", false, true},
		{Partialf("%d skipped", 2), "2 skipped", false, true},
		{InputProblems(1), "1 input problem(s): see the messages above", false, true},
	} {
		if tc.err.Error() != tc.msg || errors.As(tc.err, &ue) != tc.usage || errors.As(tc.err, &pe) != tc.partial {
			t.Errorf("%q: usage %v, partial %v; want %q, %v, %v", tc.err, errors.As(tc.err, &ue), errors.As(tc.err, &pe), tc.msg, tc.usage, tc.partial)
		}
	}
	if Usage(nil) != nil || Partial(nil) != nil || InputProblems(0) != nil {
		t.Error("no problem is not nil")
	}
	if !errors.Is(Usage(base), base) || !errors.Is(Partial(base), base) {
		t.Error("the errors do not unwrap")
	}
}

func TestProblems(t *testing.T) {
	for _, tc := range []struct {
		report []error
		input  []*input.Error
		n      int
		err    string
	}{
		{nil, nil, 0, ""},
		{[]error{errors.New("a.txt: empty file")}, nil, 1, "1 input problem(s)"},
		{nil, []*input.Error{{File: "b.txt", Err: errors.New("not UTF-8"), Warn: true}}, 0, ""},
		{[]error{errors.New("x")}, []*input.Error{{File: "c.txt", Err: errors.New("binary file")}}, 2, "2 input problem(s)"},
	} {
		var out, msgs bytes.Buffer
		p := &Problems{W: &msgs}
		for _, err := range tc.report {
			p.Report(err)
		}
		for _, err := range tc.input {
			p.Input(err)
		}
		w := bufio.NewWriter(&out)
		w.WriteString("output")
		err := p.Finish(w)
		lines := strings.Count(msgs.String(), "\n")
		if p.N != tc.n || lines != len(tc.report)+len(tc.input) || out.String() != "output" ||
			(err == nil) != (tc.err == "") || err != nil && !strings.HasPrefix(err.Error(), tc.err) {
			t.Errorf("%d reported, %d input: counted %d, %d lines, output %q, error %v; want %d, %q", len(tc.report), len(tc.input), p.N, lines, out.String(), err, tc.n, tc.err)
		}
	}
}

func TestPrintJSON(t *testing.T) {
	for _, tc := range []struct {
		v          any
		escapeHTML bool
		want       string
	}{
		{map[string]int{"a": 1}, false, "{\n \"a\": 1\n}\n"},
		{[]string{"<&>"}, false, "[\n \"<&>\"\n]\n"},
		{[]string{"<&>"}, true, "[\n \"\\u003c\\u0026\\u003e\"\n]\n"},
	} {
		var buf bytes.Buffer
		if err := PrintJSON(&buf, tc.v, tc.escapeHTML); err != nil || buf.String() != tc.want {
			t.Errorf("PrintJSON(%v, %v) = %q, %v; want %q", tc.v, tc.escapeHTML, buf.String(), err, tc.want)
		}
	}
}
