package conllu

import (
	"strings"
	"testing"
)

func TestReadFile(t *testing.T) {
	sents, err := ReadFile("testdata/sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id    string
		text  string
		words int
		tree  bool
	}{
		{"s1", "The cat sat.", 4, true},
		{"s2", "We don't know.", 5, true},
		{"s3", "Sue likes tea and Bob coffee.", 7, true},
	}
	if len(sents) != len(tests) {
		t.Fatalf("got %d sentences, want %d", len(sents), len(tests))
	}
	for i, tt := range tests {
		s := sents[i]
		if s.ID != tt.id || s.Text != tt.text || len(s.Words) != tt.words || s.HasTree() != tt.tree {
			t.Errorf("sentence %d: got id %q text %q %d words tree %v", i, s.ID, s.Text, len(s.Words), s.HasTree())
		}
	}
	if w := sents[1].Words[2]; w.Form != "n't" || w.Lemma != "not" || w.Head != 4 || w.Deprel != "advmod" {
		t.Errorf("multiword token not skipped: %+v", w)
	}
	if w := sents[2].Words[5]; w.Form != "coffee" || w.Deprel != "orphan" {
		t.Errorf("empty node not skipped: %+v", w)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"columns", "1\ta\ta\tX\tX\t_\t0\troot\t_\n", "bad.conllu:1: 9 tab-separated columns"},
		{"id", "# c\nx\ta\ta\tX\tX\t_\t0\troot\t_\t_\n", "bad.conllu:2: bad word id"},
		{"sequence", "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n", "bad.conllu:2: word id 3 out of sequence"},
		{"head", "1\ta\ta\tX\tX\t_\tz\troot\t_\t_\n", "bad.conllu:1: bad head"},
		{"range", "1\ta\ta\tX\tX\t_\t5\troot\t_\t_\n", "bad.conllu:1: word 1 has head 5"},
		{"no words", "# only a comment\n\n", "bad.conllu:1: sentence without word lines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAll(strings.NewReader(tt.in), "bad.conllu")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestHasTree(t *testing.T) {
	mk := func(heads ...int) *Sentence {
		s := &Sentence{}
		for i, h := range heads {
			s.Words = append(s.Words, Word{ID: i + 1, Head: h, Deprel: "dep"})
		}
		return s
	}
	tests := []struct {
		name  string
		s     *Sentence
		valid bool
	}{
		{"chain", mk(0, 1, 2), true},
		{"two roots", mk(0, 0), false},
		{"cycle", mk(0, 3, 2), false},
		{"self", mk(0, 2), false},
		{"missing head", mk(0, -1), false},
	}
	for _, tt := range tests {
		if got := tt.s.HasTree(); got != tt.valid {
			t.Errorf("%s: HasTree = %v, want %v", tt.name, got, tt.valid)
		}
	}
}

func TestTokens(t *testing.T) {
	sents, err := ReadFile("testdata/sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	toks := sents[0].Tokens()
	if len(toks) != 4 {
		t.Fatalf("got %d tokens, want 4", len(toks))
	}
	cat, sat := toks[1], toks[2]
	if cat.Text != "cat" || cat.Head != 2 || cat.Dep != "nsubj" || cat.Tag != "NN" || cat.Lemma != "cat" {
		t.Errorf("token 1: %+v", cat)
	}
	if sat.Head != -1 || sat.Dep != "root" {
		t.Errorf("the root: %+v", sat)
	}
}

func TestReadTokensFile(t *testing.T) {
	fx, err := ReadTokensFile("testdata/sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(fx) != 3 || len(fx["s2"]) != 5 || fx["s2"][2].Text != "n't" {
		t.Errorf("got %d sentences, s2 %+v", len(fx), fx["s2"])
	}
	if _, err := ReadTokensFile("testdata/no-such-file.conllu"); err == nil {
		t.Error("a missing file gave no error")
	}
}

func TestNewDocAndSpaceAfter(t *testing.T) {
	in := "# newdoc id = d1\n# sent_id = d1-1\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t!\t!\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n" +
		"# sent_id = d1-2\n1\tBye\tbye\tINTJ\tUH\t_\t0\troot\t_\tEntity=(1-person)|SpaceAfter=No|X=1\n\n"
	sents, err := ReadAll(strings.NewReader(in), "d.conllu")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sent, word int
		newdoc     string
		space      bool
	}{
		{0, 0, "d1", false},
		{0, 1, "d1", true},
		{1, 0, "", false},
	}
	for _, tt := range tests {
		s := sents[tt.sent]
		if s.NewDoc != tt.newdoc {
			t.Errorf("sentence %d: newdoc %q, want %q", tt.sent, s.NewDoc, tt.newdoc)
		}
		if got := s.Words[tt.word].SpaceAfter(); got != tt.space {
			t.Errorf("sentence %d word %d: SpaceAfter %v, want %v", tt.sent, tt.word, got, tt.space)
		}
	}
}
