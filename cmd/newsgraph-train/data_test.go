package main

import (
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/extract/tag"
)

// TestWithoutDocs checks that the sentences of a left-out document go, its first (which carries
// "# newdoc id") and the ones after it, and that the other documents' stay.
func TestWithoutDocs(t *testing.T) {
	tb := tag.Treebank{
		{ID: "a1", NewDoc: "GUM_news_zenda"}, {ID: "a2"},
		{ID: "b1", NewDoc: "GUM_news_valka"}, {ID: "b2"}, {ID: "b3"},
		{ID: "c1", NewDoc: "GUM_bio_holm"},
	}
	got, left := withoutDocs(tb, map[string]bool{"GUM_news_valka": true})
	var ids []string
	for _, s := range got {
		ids = append(ids, s.ID)
	}
	if want := []string{"a1", "a2", "c1"}; !reflect.DeepEqual(ids, want) || left != 1 {
		t.Errorf("kept %v (%d documents left out), want %v (1)", ids, left, want)
	}
	if got, left := withoutDocs(tb, nil); len(got) != len(tb) || left != 0 {
		t.Errorf("no documents to leave out: kept %d of %d, left out %d", len(got), len(tb), left)
	}
}
