package openie

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/shared"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func TestTokens(t *testing.T) {
	tests := []struct {
		line  string
		words []string
		norms []string // Norm where it differs from the word, "" elsewhere
	}{
		{ // tokenized: kept as written, Penn Treebank quotes read as plain ones
			"Maria Lopez 's `` liquid-packed '' boats sold well .",
			[]string{"Maria", "Lopez", "'s", "``", "liquid-packed", "''", "boats", "sold", "well", "."},
			[]string{"", "", "", `"`, "", `"`, "", "", "", ""},
		},
		{ // plain text: tokenized as the segmenter does
			"Acme's boats didn't sell (yet).",
			[]string{"Acme", "'s", "boats", "did", "n't", "sell", "(", "yet", ")", "."},
			nil,
		},
		{ // brackets in Penn Treebank spelling
			"Acme -LRB- a boat maker -RRB- grew .",
			[]string{"Acme", "-LRB-", "a", "boat", "maker", "-RRB-", "grew", "."},
			[]string{"", "(", "", "", "", ")", "", ""},
		},
	}
	for _, tt := range tests {
		toks := Tokens(tt.line)
		var words []string
		for i, tk := range toks {
			words = append(words, tk.Text)
			if tt.line[tk.Start:tk.End] != tk.Text {
				t.Errorf("%q: token %d %q has offsets of %q", tt.line, i, tk.Text, tt.line[tk.Start:tk.End])
			}
			if tt.norms != nil && i < len(tt.norms) && tt.norms[i] != "" && tk.Norm != tt.norms[i] {
				t.Errorf("%q: token %q reads as %q, want %q", tt.line, tk.Text, tk.Norm, tt.norms[i])
			}
		}
		if strings.Join(words, " ") != strings.Join(tt.words, " ") {
			t.Errorf("%q: tokens %q, want %q", tt.line, words, tt.words)
		}
	}
}

func TestWriteCARB(t *testing.T) {
	var b bytes.Buffer
	err := WriteCARB(&b, "Acme\tsold  boats .", []Extraction{
		{Relation: "sold", Args: []string{"Acme", "boats"}, Confidence: 0.9},
		{Relation: "is", Args: []string{"Acme"}, Confidence: 0.15},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "Acme sold boats .\t0.900\tsold\tAcme\tboats\nAcme sold boats .\t0.150\tis\tAcme\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func pipeline(t *testing.T) *Pipeline {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRunReportsBadLines(t *testing.T) {
	p := pipeline(t)
	in := "Maria Lopez founded Acme in 1990 .\n\n\xff\xfe bad line\nAcme sells boats.\n"
	var out bytes.Buffer
	var problems []string
	n, err := p.Run(context.Background(), strings.NewReader(in), "in.txt", &out, func(err error) {
		problems = append(problems, err.Error())
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("read %d sentences, want 2", n)
	}
	if len(problems) != 1 || problems[0] != "in.txt:3: not UTF-8 text" {
		t.Errorf("problems %q, want [in.txt:3: not UTF-8 text]", problems)
	}
	if !strings.Contains(out.String(), "Maria Lopez founded Acme in 1990 .\t0.900\tfounded\tMaria Lopez\tAcme in 1990\n") {
		t.Errorf("output lacks the founding tuple:\n%s", out.String())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Run(ctx, strings.NewReader(in), "in.txt", &out, func(error) {}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: got %v, want context.Canceled", err)
	}
}

// TestPipelineGolden runs the embedded tagger and parser and the extractor over
// testdata/sentences.txt and compares with testdata/sentences.carb (go test -update rewrites it).
func TestPipelineGolden(t *testing.T) {
	p := pipeline(t)
	in, err := os.ReadFile("testdata/sentences.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := p.Run(context.Background(), bytes.NewReader(in), "sentences.txt", &out, func(err error) { t.Error(err) }); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "sentences.carb")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n%s", golden, out.String())
	}
}

// carbFloor is the measured score on the CaRB development set, rounded down: F1 and AUC as
// printed by score_carb.py.
const (
	carbFloorF1  = 0.55
	carbFloorAUC = 0.40
)

// TestCARBDev extracts the 641 sentences of ../shared/eval/carb-dev and scores them with its
// score_carb.py; it skips without the development data or python3.
func TestCARBDev(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the CaRB development set in -short mode")
	}
	dir := shared.Require(t, "eval", "carb-dev")
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("skipping: the CaRB scorer needs python3")
	}
	in, err := os.Open(filepath.Join(dir, "dev.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	outPath := filepath.Join(t.TempDir(), "out.tsv")
	out, err := os.Create(outPath)
	if err != nil {
		t.Fatal(err)
	}
	n, err := pipeline(t).Run(context.Background(), in, "dev.txt", out, func(err error) { t.Error(err) })
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	if n != 641 {
		t.Errorf("read %d sentences, want 641", n)
	}
	res, err := exec.Command(py, filepath.Join(dir, "score_carb.py"), filepath.Join(dir, "dev.tsv"), outPath).Output()
	if err != nil {
		t.Fatalf("score_carb.py: %v", err)
	}
	// "OUT AUC, (P,R,F1): (0.411, (0.606, 0.495, 0.545))"
	m := regexp.MustCompile(`\(([0-9.]+), \(([0-9.]+), ([0-9.]+), ([0-9.]+)\)\)`).FindStringSubmatch(string(res))
	if m == nil {
		t.Fatalf("unexpected scorer output %q", res)
	}
	var v [4]float64
	for i := range v {
		v[i], _ = strconv.ParseFloat(m[i+1], 64)
	}
	auc, prec, rec, f1 := v[0], v[1], v[2], v[3]
	t.Logf("CaRB dev: F1 %.3f (P %.3f, R %.3f), AUC %.3f", f1, prec, rec, auc)
	if f1 < carbFloorF1 || auc < carbFloorAUC {
		t.Errorf("CaRB dev F1 %.3f, AUC %.3f: below the measured %.2f, %.2f", f1, auc, carbFloorF1, carbFloorAUC)
	}
}

// TestRepair checks that a sentence whose main verb the tagger reads as a noun (or whose subject
// it reads as a verb) is re-parsed with the right reading, and that a sentence with a clause at
// its root is left as tagged.
func TestRepair(t *testing.T) {
	p := pipeline(t)
	tests := []struct {
		line, word, tag string
		root            bool
	}{
		{"The harbor club hosts dinners , concerts and races .", "hosts", "VBZ", true},
		{"The storm flooded major roads and damaged homes .", "flooded", "VBD", true},
		{"In recent years , demand for wooden boats has grown in Europe .", "demand", "NN", false},
		{"The club must repay its members and loses considerable revenue .", "loses", "VBZ", false},
		{"The results of the vote were clear .", "results", "NNS", false},
	}
	for _, tt := range tests {
		toks := p.Annotate(tt.line)
		found := false
		for _, tk := range toks {
			if tk.Text != tt.word {
				continue
			}
			found = true
			if tk.Tag != tt.tag || (tk.Head < 0) != tt.root {
				t.Errorf("%q: %q tagged %s, root %v; want %s, root %v", tt.line, tk.Text, tk.Tag, tk.Head < 0, tt.tag, tt.root)
			}
		}
		if !found {
			t.Errorf("%q: no token %q", tt.line, tt.word)
		}
	}
}

// RunFiles reads files and stdin in the order given, and skips a missing file with a problem.
func TestRunFiles(t *testing.T) {
	p := pipeline(t)
	file := filepath.Join(t.TempDir(), "one.txt")
	if err := os.WriteFile(file, []byte("Acme sold boats.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	var problems []string
	err := p.RunFiles(context.Background(), []string{"-", "missing.txt", file}, strings.NewReader("Maria Lopez founded Acme .\n"), &out, func(err error) {
		problems = append(problems, err.Error())
	})
	if err != nil {
		t.Fatal(err)
	}
	founded, sold := strings.Index(out.String(), "\tfounded\t"), strings.Index(out.String(), "\tsold\t")
	if founded < 0 || sold < founded {
		t.Errorf("output lacks stdin's tuple before the file's:\n%s", out.String())
	}
	if len(problems) != 1 || !strings.Contains(problems[0], "missing.txt") {
		t.Errorf("problems %q, want one for missing.txt", problems)
	}
}
