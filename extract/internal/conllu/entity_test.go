package conllu

import (
	"reflect"
	"strings"
	"testing"
)

func TestEntityMarks(t *testing.T) {
	tests := []struct {
		misc string
		want []EntityMark
	}{
		{"_", nil},
		{"Entity=(1-person-new-coref", []EntityMark{{ID: "1", Type: "person", Open: true}}},
		{"Entity=(3-place-new-sgl)2)", []EntityMark{{ID: "3", Type: "place", Open: true, Close: true}, {ID: "2", Close: true}}},
		{"Discourse=x|Entity=7)6)|SpaceAfter=No", []EntityMark{{ID: "7", Close: true}, {ID: "6", Close: true}}},
		{"Entity=(7-abstract-new(3-object-giv)", []EntityMark{{ID: "7", Type: "abstract", Open: true}, {ID: "3", Type: "object", Open: true, Close: true}}},
	}
	for _, tt := range tests {
		if got := EntityMarks(tt.misc); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("EntityMarks(%q) = %+v, want %+v", tt.misc, got, tt.want)
		}
	}
}

func TestMentions(t *testing.T) {
	in := "1\tAda\tAda\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(1-person-new\n" +
		"2\tMoss\tMoss\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)(2-place-new)\n" +
		"3\tsaw\tsee\tVERB\tVBD\t_\t1\tdep\t_\tEntity=(3-event-new\n\n" +
		"1\train\train\tNOUN\tNN\t_\t0\troot\t_\tEntity=3)\n\n" +
		"1\tend\tend\tNOUN\tNN\t_\t0\troot\t_\tEntity=4)\n"
	sents, err := ReadAll(strings.NewReader(in), "m.conllu")
	if err != nil {
		t.Fatal(err)
	}
	type mention struct {
		start, end int
		typ        string
	}
	tests := []struct {
		want []mention
		err  string
	}{
		{[]mention{{0, 2, "person"}, {1, 2, "place"}}, ""},
		{nil, ""}, // the event opened in the sentence before: dropped
		{nil, "m.conllu:7: entity 4 closed at word 1 before it opened"},
	}
	var ms Mentions
	for i, tt := range tests {
		var got []mention
		err := ms.Sentence(sents[i], "m.conllu", func(start, end int, typ string) {
			got = append(got, mention{start, end, typ})
		})
		if tt.err == "" && err != nil || tt.err != "" && (err == nil || err.Error() != tt.err) {
			t.Errorf("sentence %d: error %v, want %q", i+1, err, tt.err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("sentence %d: mentions %v, want %v", i+1, got, tt.want)
		}
	}
}
