package extract

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract/coref"
	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/extract/lang"
	"github.com/newsgraph/newsgraph/extract/prepare"
	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/internal/shared"
)

// bbc returns the BBC corpus of the development data as plain-text articles, and its number of
// words (whitespace-separated, as a reader counts them: fewer than the tokens, which split off
// punctuation and clitics). It skips b when the corpus is absent.
func bbc(b *testing.B) ([]input.Article, int) {
	texts := shared.BBC(b)
	arts := make([]input.Article, len(texts))
	words := 0
	for i, t := range texts {
		arts[i] = input.Article{Text: t}
		words += len(strings.Fields(t))
	}
	return arts, words
}

// liveHeap returns the bytes of live heap after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkExtract runs the whole extraction (Extractor.Extract, results dropped) over the BBC
// corpus, one operation being the whole corpus, and reports words/s (whitespace-separated input
// words) and tokens/s. Run it on one core:
//
//	go test -run '^$' -bench '^BenchmarkExtract$' -cpu 1 -benchtime 1x ./extract
//
// words/cpu-s divides by the processor time of the process instead of the elapsed time: on a
// machine busy with other work it is the steadier figure (on an idle one the two agree).
//
// It also reports the live heap after a full collection once half the articles and once all of
// them are extracted (heap-half-MB, heap-all-MB; timer stopped): nothing of an article outlives
// its extraction, so the two must stay equal whatever the number of articles.
func BenchmarkExtract(b *testing.B) {
	arts, words := bbc(b)
	x := newExtractor(b)
	tokens := 0
	var half, all uint64
	var cpu time.Duration
	b.ResetTimer()
	for b.Loop() {
		c0 := cputime.Used()
		tokens = 0
		for i, a := range arts {
			tokens += x.Extract(a).Words
			if i == len(arts)/2-1 || i == len(arts)-1 {
				b.StopTimer()
				cpu += cputime.Used() - c0
				if h := liveHeap(); i < len(arts)-1 {
					half = h
				} else {
					all = h
				}
				c0 = cputime.Used()
				b.StartTimer()
			}
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(words)*float64(b.N)/sec, "words/s")
	b.ReportMetric(float64(tokens)*float64(b.N)/sec, "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(words)*float64(b.N)/cpu.Seconds(), "words/cpu-s")
	}
	b.ReportMetric(float64(half)/(1<<20), "heap-half-MB")
	b.ReportMetric(float64(all)/(1<<20), "heap-all-MB")
}

// BenchmarkStages times each stage of the pipeline alone over the BBC corpus, on documents that
// went through the earlier stages beforehand (timer stopped), and reports words/s of each:
//
//	go test -run '^$' -bench '^BenchmarkStages$' -cpu 1 -benchtime 1x ./extract
func BenchmarkStages(b *testing.B) {
	arts, words := bbc(b)
	x := newExtractor(b)
	docs := make([]*doc.Doc, len(arts))
	for i, a := range arts {
		docs[i] = x.Annotate(a)
	}
	crs := make([]*coref.Result, len(docs))
	for i, d := range docs {
		crs[i] = coref.Resolve(d)
	}
	eachSentence := func(f func([]doc.Token)) func() {
		return func() {
			for _, d := range docs {
				for i := range d.Sentences {
					f(d.Sentences[i].Tokens)
				}
			}
		}
	}
	stages := []struct {
		name string
		run  func()
	}{
		{"prepare+segment", func() {
			for _, a := range arts {
				x.split.Split(prepare.Prepare(a))
			}
		}},
		{"lang", func() {
			for _, d := range docs {
				if err := lang.Check(d); err != nil {
					b.Fatal(err)
				}
			}
		}},
		{"tag", eachSentence(x.tagger.Tag)},
		{"parse", eachSentence(x.parser.Parse)},
		{"ner", eachSentence(x.names.Recognize)},
		{"coref", func() {
			for _, d := range docs {
				coref.Resolve(d)
			}
		}},
		{"clause+facts", func() {
			for i, d := range docs {
				fb := newFactBuilder(d, crs[i])
				fb.facts()
				fb.entityRecords()
			}
		}},
	}
	for _, s := range stages {
		b.Run(s.name, func(b *testing.B) {
			for b.Loop() {
				s.run()
			}
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}
