package graph

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/internal/storetest"
	"github.com/newsgraph/newsgraph/schema"

	"github.com/newsgraph/newsgraph/internal/fixture"
)

// TestPlannedKV runs Gizmo queries on a bolt store with plannedKV's plans and with Cayley's
// alone, and wants the same answers (as multisets: plans may order them differently).
func TestPlannedKV(t *testing.T) {
	ctx := context.Background()
	planned, _ := fresh(t, "bolt")
	fixture.Load(t, planned, fixtureArticles()...)
	writeSynthetic(t, planned, 40)
	pk, ok := planned.qs.(plannedKV)
	if !ok {
		t.Fatalf("a bolt store's quad store is %T, want plannedKV", planned.qs)
	}
	cayley := newStore(boltBackend{cayleyBackend{pk.QuadStore}}, Options{ReadOnly: true})

	e0 := "<" + schema.EntityIRI("PERSON", "Entity 0 Synth") + ">"
	e1 := "<" + schema.EntityIRI("ORG", "Entity 1 Synth") + ">"
	a0 := "<" + schema.ArticleIRI("synthetic/000.txt") + ">"
	queries := []string{
		facts + `g.V("` + e0 + `").Out(facts).All()`,
		facts + `g.V("` + e0 + `").In(facts).All()`,
		facts + `g.V("` + e0 + `").Both(facts).Unique().Out("<name>").All()`,
		facts + `g.V("` + e0 + `", "` + e1 + `").Tag("from").Both(facts).Tag("to").All()`,
		facts + `var one = g.V("` + e0 + `").Both(facts); one.Or(one.Both(facts)).Unique().Out("<name>").All()`,
		facts + `g.V("` + e0 + `").Out(facts, "via").All()`,
		`g.V("` + e0 + `").Out(["<praised>", "<criticized>", "<no_such_predicate>"]).All()`,
		`g.V("` + e0 + `").In(["<subject>", "<object>"]).Save("<predicate>", "predicate").Save("<article>", "article").Save("<evidence>", "evidence").All()`,
		`g.V("` + e0 + `").Out("<mentioned_in>").Out("<title>").All()`,
		`g.V().Has("<type>", "<Person>").Out(["<name>", "<alias>"]).All()`,
		`g.V().Has("<type>", "<Predicate>").All()`,
		`g.V("<article/a.txt>").In("<mentioned_in>").Out("<name>").All()`,
		`g.V("<person/ana-ruiz>").LabelContext("<article/b.txt>").Both().All()`,
		facts + `g.V("<nobody>").Both(facts).All()`,
		facts + `g.V("` + e0 + `").Out(facts).Intersect(g.V("` + e1 + `").In(facts).Out(facts)).All()`,
		facts + `g.Emit(g.V("` + e0 + `").Out(facts).Count())`,
		// The article e0 is mentioned in is linked by mentioned_in, which is not a fact edge.
		facts + `g.V("` + a0 + `", "` + e1 + `").Intersect(g.V("` + e0 + `").Out(facts)).All()`,
	}
	lim := QueryLimits{Timeout: time.Minute}
	for _, q := range queries {
		want, err := cayley.Gizmo(ctx, q, lim)
		if err != nil {
			t.Fatalf("%s: Cayley's plan: %v", q, err)
		}
		got, err := planned.Gizmo(ctx, q, lim)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if g, w := sortedJSON(t, got), sortedJSON(t, want); !slices.Equal(g, w) {
			t.Errorf("%s:\n got %d results %v\nwant %d results %v", q, len(g), g, len(w), w)
		}
		if len(want) == 0 && !strings.Contains(q, "nobody") {
			t.Errorf("%s: no results: the test checks nothing", q)
		}
	}
}

// TestPlannedKVPlans checks that the plans are used where they should be, and not elsewhere.
func TestPlannedKVPlans(t *testing.T) {
	st, _ := fresh(t, "bolt")
	writeSynthetic(t, st, 5)
	qs := st.qs
	e0 := quad.IRI(schema.EntityIRI("PERSON", "Entity 0 Synth"))
	facts := path.StartPath(qs).Has(quad.IRI(schema.PropType), quad.IRI(schema.ClassPredicate))
	for _, c := range []struct {
		name string
		p    *path.Path
		want int // predicate scans in the plan
	}{
		{"out of a node by the fact predicates", path.StartPath(qs, e0).Out(facts), 1},
		{"into a node by the fact predicates", path.StartPath(qs, e0).In(facts), 1},
		{"and the names of those", path.StartPath(qs, e0).Out(facts).Out(quad.IRI(schema.PropName)), 2},
		{"and their fact edges", path.StartPath(qs, e0).Out(facts).Out(facts), 2},
		{"every predicate", path.StartPath(qs, e0).Out(), 0},
	} {
		s, _ := shape.Optimize(c.p.Shape(), qs)
		n := 0
		shape.Walk(s, func(s shape.Shape) bool {
			if _, ok := s.(predicateScan); ok {
				n++
			}
			return true
		})
		if n != c.want {
			t.Errorf("%s: %d predicate scans in the plan, want %d", c.name, n, c.want)
		}
	}
}

// TestPredicateScanContains checks a predicate scan's lookup mode against every quad of the store.
func TestPredicateScanContains(t *testing.T) {
	ctx := context.Background()
	st, _ := fresh(t, "bolt")
	writeSynthetic(t, st, 5)
	pk := st.qs.(plannedKV)
	e0 := quad.IRI(schema.EntityIRI("PERSON", "Entity 0 Synth"))
	ref := func(v quad.Value) uint64 { return uint64(pk.ValueOf(v).(kv.Int64Value)) }
	preds := []uint64{ref(quad.IRI(schema.PredicateIRI("praised"))), ref(quad.IRI(schema.PropMentionedIn))}
	slices.Sort(preds)
	for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
		s := predicateScan{QS: pk.QuadStore, KV: pk.db, Nodes: shape.Fixed{pk.ValueOf(e0)}, Dir: dir, Preds: preds}
		look := cgraph.AsShape(s.BuildIterator(pk)).Lookup()
		all := pk.QuadsAllIterator()
		in, n := 0, 0
		for all.Next(ctx) {
			q := pk.Quad(all.Result())
			p := q.Predicate.(quad.IRI)
			want := q.Get(dir) == e0 && (p == quad.IRI(schema.PredicateIRI("praised")) || p == schema.PropMentionedIn)
			if got := look.Contains(ctx, all.Result()); got != want {
				t.Errorf("%v: Contains(%v) = %v", dir, q, got)
			}
			if want {
				in++
			}
			n++
		}
		all.Close()
		look.Close()
		if in == 0 && dir == quad.Subject {
			t.Errorf("%v: no quad of %d in the scan: the test checks nothing", dir, n)
		}
	}
}

// facts starts a Gizmo query with the set of fact predicates, as the recipes of docs/graph.md do.
const facts = `var facts = g.V().Has("<type>", "<Predicate>"); `

// writeSynthetic writes storetest.Synthetic(n) to st, 100 articles a transaction.
func writeSynthetic(tb testing.TB, st *Store, n int) {
	tb.Helper()
	arts := storetest.Synthetic(n)
	for len(arts) > 0 {
		k := min(100, len(arts))
		batch := make([][]quad.Quad, k)
		for i, a := range arts[:k] {
			batch[i] = a.Quads
		}
		if err := st.WriteArticles(context.Background(), batch...); err != nil {
			tb.Fatal(err)
		}
		arts = arts[k:]
	}
}

// sortedJSON returns the results as sorted JSON lines.
func sortedJSON(t *testing.T, rs []interface{}) []string {
	t.Helper()
	out := make([]string, len(rs))
	for i, r := range rs {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = string(b)
	}
	slices.Sort(out)
	return out
}

// BenchmarkGizmo times the 1-hop, 2-hop and provenance queries of bench/ngbench on the most
// mentioned entity of a bolt store of 2,000 synthetic articles (300 entities, each in about 120
// articles), with plannedKV's plans and with Cayley's alone.
func BenchmarkGizmo(b *testing.B) {
	ctx := context.Background()
	st, _ := fresh(b, "bolt")
	writeSynthetic(b, st, 2000)
	e := "<" + schema.EntityIRI("PERSON", "Entity 0 Synth") + ">"
	queries := []struct{ name, q string }{
		{"1-hop", facts + `g.V("` + e + `").Both(facts).Unique().Out("<name>").All()`},
		{"2-hop", facts + `var one = g.V("` + e + `").Both(facts); one.Or(one.Both(facts)).Unique().Out("<name>").All()`},
		{"provenance", `g.V("` + e + `").In(["<subject>", "<object>"]).Save("<predicate>", "predicate").Save("<article>", "article").Save("<evidence>", "evidence").All()`},
	}
	plans := []struct {
		name string
		st   *Store
	}{
		{"newsgraph", st},
		{"cayley", newStore(boltBackend{cayleyBackend{st.qs.(plannedKV).QuadStore}}, Options{ReadOnly: true})},
	}
	for _, q := range queries {
		for _, p := range plans {
			b.Run(q.name+"/"+p.name, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := p.st.Gizmo(ctx, q.q, QueryLimits{MaxResults: 1000}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
