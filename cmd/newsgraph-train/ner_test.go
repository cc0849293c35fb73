package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/extract/ner"
)

func TestGUMDocOfText(t *testing.T) {
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"gum-news-korea.txt", "GUM_news_korea", true},
		{"gum-voyage-old-town.txt", "GUM_voyage_old-town", true},
		{"bbc-val-000-business.txt", "", false},
		{"gum-news.txt", "", false},
		{"gum-news-korea.json", "", false},
	}
	for _, tt := range tests {
		got, ok := gumDocOfText(tt.name)
		if got != tt.want || ok != tt.ok {
			t.Errorf("gumDocOfText(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestExcludeGUMDocs(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"gum-news-korea.txt", "bbc-val-000-business.txt"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("text\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sents := []ner.Sentence{{Doc: "GUM_news_korea"}, {Doc: "GUM_news_zenda"}, {Doc: "GUM_news_korea"}}
	tests := []struct {
		dir  string
		want []string
	}{
		{dir, []string{"GUM_news_zenda"}},
		{"-", []string{"GUM_news_korea", "GUM_news_zenda", "GUM_news_korea"}},
	}
	for _, tt := range tests {
		got, err := excludeGUMDocs(sents, tt.dir)
		if err != nil {
			t.Fatal(err)
		}
		var docs []string
		for _, s := range got {
			docs = append(docs, s.Doc)
		}
		if !reflect.DeepEqual(docs, tt.want) {
			t.Errorf("excludeGUMDocs(%s) kept %v, want %v", tt.dir, docs, tt.want)
		}
	}
	if _, err := excludeGUMDocs(sents, filepath.Join(dir, "missing")); err == nil {
		t.Error("missing folder: no error")
	}
}

func TestSkipGUMGenres(t *testing.T) {
	sents := []ner.Sentence{{Doc: "GUM_news_korea"}, {Doc: "GUM_voyage_oslo"}, {Doc: "GUM_vlog_cats"}, {Doc: "other"}}
	tests := []struct {
		genres string
		want   []string
	}{
		{"", []string{"GUM_news_korea", "GUM_voyage_oslo", "GUM_vlog_cats", "other"}},
		{"voyage, vlog", []string{"GUM_news_korea", "other"}},
		{"news", []string{"GUM_voyage_oslo", "GUM_vlog_cats", "other"}},
	}
	for _, tt := range tests {
		var docs []string
		for _, s := range skipGUMGenres(sents, tt.genres) {
			docs = append(docs, s.Doc)
		}
		if !reflect.DeepEqual(docs, tt.want) {
			t.Errorf("skipGUMGenres(%q) kept %v, want %v", tt.genres, docs, tt.want)
		}
	}
}
