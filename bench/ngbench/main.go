// Command ngbench prepares the corpora of bench/run and measures what the newsgraph command does
// not print itself. It is a benchmark helper, not part of newsgraph: it must not be imported and
// holds no extraction or storage logic of its own.
//
//	ngbench bbc CSV...            BBC news CSV rows (text,category) as newsgraph JSONL on stdout
//	ngbench synth -n N CSV...     N articles made from the BBC rows, names varied (JSONL on stdout)
//	ngbench nqsynth -n N FILE.nq  about N articles of N-Quads made from the quads of `newsgraph
//	                              extract --format nquads` (copies with renamed nodes), on stdout
//	ngbench words PATH...         the number of articles and words (whitespace-separated) of the input
//	ngbench gizmo -db DB [-backend B] [-n N]
//	                              p50 and p95 latency of a 1-hop, a 2-hop and a provenance query
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: ngbench bbc|synth|words|gizmo ...")
		os.Exit(2)
	}
	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "bbc":
		err = writeBBC(os.Stdout, args, 0)
	case "synth":
		fs := flag.NewFlagSet("synth", flag.ExitOnError)
		n := fs.Int("n", 100000, "articles to make")
		fs.Parse(args)
		err = writeBBC(os.Stdout, fs.Args(), *n)
	case "nqsynth":
		fs := flag.NewFlagSet("nqsynth", flag.ExitOnError)
		n := fs.Int("n", 100000, "articles to make")
		fs.Parse(args)
		err = nqSynth(os.Stdout, fs.Arg(0), *n)
	case "words":
		err = countWords(args)
	case "gizmo":
		fs := flag.NewFlagSet("gizmo", flag.ExitOnError)
		db := fs.String("db", "", "store")
		backend := fs.String("backend", "bolt", "backend")
		n := fs.Int("n", 30, "runs of each query")
		prof := fs.String("cpuprofile", "", "write a CPU profile of the queries to this file")
		only := fs.String("query", "", "run only this query (1-hop, 2-hop or provenance)")
		fs.Parse(args)
		err = gizmo(*db, *backend, *n, *prof, *only)
	default:
		err = fmt.Errorf("unknown command %q", cmd)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "ngbench:", err)
		os.Exit(1)
	}
}

// article is one line of newsgraph's JSONL input.
type article struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Text   string `json:"text"`
}

// readBBC returns the texts of the BBC CSV files (a header line, then text,category rows).
func readBBC(files []string) ([]string, []string, error) {
	var texts, ids []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, nil, err
		}
		rows, err := csv.NewReader(fh).ReadAll()
		fh.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", f, err)
		}
		base := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		for i, row := range rows[1:] {
			texts = append(texts, row[0])
			ids = append(ids, fmt.Sprintf("bbc/%s/%d", base, i+1))
		}
	}
	return texts, ids, nil
}

// writeBBC writes the BBC rows as JSONL; with n > 0 it writes n articles instead: copy c of
// the corpus (c = 0, 1, ...) has every name word replaced by a made-up word of that copy, the
// same in all articles of the copy, so that the copy has entities of its own that its articles
// share, as the real corpus does. Copy 0 is the corpus as it is.
func writeBBC(w io.Writer, files []string, n int) error {
	texts, ids, err := readBBC(files)
	if err != nil {
		return err
	}
	if len(texts) == 0 {
		return errors.New("no BBC rows")
	}
	if n == 0 {
		n = len(texts)
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range n {
		copyN, j := i/len(texts), i%len(texts)
		a := article{ID: ids[j], Source: "BBC", Text: texts[j]}
		if copyN > 0 {
			a.ID = fmt.Sprintf("synth/%d/%s", copyN, ids[j])
			a.Text = varyNames(texts[j], copyN)
		}
		if err := enc.Encode(a); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// keep are capitalised words that are not names, or are names the copies keep (months, days).
var keep = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`The A An He She It They We I You His Her Its Their Our But And Or If In On At
		For To Of By From With As This That These Those There Here When While After Before Since
		Mr Mrs Ms Dr Sir Lord Prime Minister President Chancellor Secretary Chief Executive
		January February March April May June July August September October November December
		Monday Tuesday Wednesday Thursday Friday Saturday Sunday UK US EU BBC`) {
		keep[w] = true
	}
}

// varyNames replaces every capitalised word that does not start a sentence (and is not in keep)
// by a made-up word derived from it and the copy number.
func varyNames(text string, copyN int) string {
	var b strings.Builder
	start := true // at the start of a sentence
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			if r == '.' || r == '!' || r == '?' || r == '"' {
				start = true
			} else if !unicode.IsSpace(r) {
				start = false
			}
			b.WriteRune(r)
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) {
				break
			}
			j += s2
		}
		word := text[i:j]
		if unicode.IsUpper(r) && !start && !keep[word] && len(word) > 2 {
			word = madeUp(word, copyN)
		}
		b.WriteString(word)
		start = false
		i = j
	}
	return b.String()
}

// madeUp returns a pronounceable capitalised word determined by word and copyN.
func madeUp(word string, copyN int) string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%d", word, copyN)
	x := h.Sum64()
	const cons, vows = "bdfgklmnprstvz", "aeiou"
	var b strings.Builder
	for k := 0; k < 3; k++ {
		b.WriteByte(cons[x%uint64(len(cons))])
		x /= uint64(len(cons))
		b.WriteByte(vows[x%uint64(len(vows))])
		x /= uint64(len(vows))
	}
	b.WriteByte(cons[x%uint64(len(cons))])
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// countWords prints "ARTICLES WORDS" for the input as newsgraph reads it.
func countWords(paths []string) error {
	var arts, words int
	_, err := input.Read(context.Background(), paths, func(a input.Article) error {
		arts++
		words += len(strings.Fields(a.Text))
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Println(arts, words)
	return nil
}

// gizmo runs each query n times on the entity most articles mention and prints
// "NAME p50_ms p95_ms results" per query.
func gizmo(db, backend string, n int, prof, only string) error {
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Options{Backend: backend, Path: db, ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	ents, err := st.Entities(ctx)
	if err != nil {
		return err
	}
	if len(ents) == 0 {
		return errors.New("no entities")
	}
	top := slices.MaxFunc(ents, func(a, b graph.StoredEntity) int { return a.Articles - b.Articles })
	e := top.ID
	queries := []struct{ name, q string }{
		{"1-hop", `var facts = g.V().Has("<type>", "<Predicate>"); g.V("<` + e + `>").Both(facts).Unique().Out("<name>").All()`},
		{"2-hop", `var facts = g.V().Has("<type>", "<Predicate>"); var one = g.V("<` + e + `>").Both(facts); one.Or(one.Both(facts)).Unique().Out("<name>").All()`},
		{"provenance", `g.V("<` + e + `>").In(["<subject>", "<object>"]).Save("<predicate>", "predicate").Save("<article>", "article").Save("<evidence>", "evidence").All()`},
	}
	fmt.Printf("entity %s %d\n", e, top.Articles)
	if prof != "" {
		f, err := os.Create(prof)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	for _, q := range queries {
		if only != "" && q.name != only {
			continue
		}
		var times []time.Duration
		var results int
		for range n {
			t0 := time.Now()
			res, err := st.Gizmo(ctx, q.q, graph.QueryLimits{Timeout: time.Minute, MaxResults: 1000})
			if err != nil {
				return fmt.Errorf("%s: %w", q.name, err)
			}
			times = append(times, time.Since(t0))
			results = len(res)
		}
		slices.Sort(times)
		p := func(f float64) float64 { return float64(times[int(f*float64(len(times)-1))].Microseconds()) / 1000 }
		fmt.Printf("%s %.1f %.1f %d\n", q.name, p(0.5), p(0.95), results)
	}
	return nil
}

// nqSynth writes about n articles of N-Quads: the quads of file (extract's output, one article's
// quads together, each article starting with its node's type), then copies of them in which
// every entity, article and statement node and every name, alias, id and hash gets the suffix of
// its copy, until n articles are written. It exercises the store at a size whose extraction would
// take hours, with the shape of a real graph.
func nqSynth(w io.Writer, file string, n int) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	voc := schema.NewVocabulary("")
	nodes := []string{"article/", "stmt/"}
	for _, t := range schema.EntityTypes {
		nodes = append(nodes, t.Slug+"/")
	}
	renamed := map[string]bool{}
	for _, p := range []string{schema.PropName, schema.PropAlias, schema.PropID, schema.PropHash} {
		renamed[voc.Expand(p)] = true
	}
	articleType := voc.Expand(schema.ClassArticle)
	bw := bufio.NewWriter(w)
	qw := nquads.NewWriter(bw)
	written := 0
	for c := 0; written < n; c++ {
		r := nquads.NewReader(bytes.NewReader(data), false)
		for {
			q, err := r.ReadQuad()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return err
			}
			if o, ok := q.Object.(quad.IRI); ok && string(o) == articleType {
				if written == n {
					break
				}
				written++
			}
			if c > 0 {
				suffix := fmt.Sprintf("-s%d", c)
				rename := func(v quad.Value) quad.Value {
					if iri, ok := v.(quad.IRI); ok {
						short := voc.Compact(string(iri))
						for _, p := range nodes {
							if strings.HasPrefix(short, p) {
								return quad.IRI(string(iri) + suffix)
							}
						}
					}
					return v
				}
				q.Subject, q.Object, q.Label = rename(q.Subject), rename(q.Object), rename(q.Label)
				if p, ok := q.Predicate.(quad.IRI); ok && renamed[string(p)] {
					if s, ok := q.Object.(quad.String); ok {
						q.Object = quad.String(string(s) + suffix)
					}
				}
			}
			if err := qw.WriteQuad(q); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}
