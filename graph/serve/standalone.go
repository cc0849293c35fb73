package serve

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// StandaloneData is everything the viewer needs without a server: the entity graph, the
// provenance of its edges, the other statements of its entities, the overview, the articles,
// the counts and the vocabulary. WriteStandalone inlines it as JSON.
type StandaloneData struct {
	// Title names the view (the store, or the article for a one-article export).
	Title      string              `json:"title"`
	Graph      GraphJSON           `json:"graph"`
	Statements []graph.Statement   `json:"statements"`
	Articles   []graph.ArticleInfo `json:"articles"`
	Stats      *graph.Stats        `json:"stats"`
	Overview   *graph.Overview     `json:"overview"`
	Schema     SchemaJSON          `json:"schema"`
}

// WriteStandalone writes one self-contained HTML file holding the viewer (graph library, its
// code and style) and the entity graph of the store, or with doc set of that one article, with
// the provenance of every edge. Opened from disk it works without a server or network: search,
// expand, filters, evidence and exports; the Gizmo console is hidden.
func WriteStandalone(ctx context.Context, st *graph.Store, w io.Writer, doc string) error {
	data, err := standaloneData(ctx, st, doc)
	if err != nil {
		return fmt.Errorf("standalone HTML: %w", err)
	}
	page, err := standalonePage(data)
	if err != nil {
		return fmt.Errorf("standalone HTML: %w", err)
	}
	if _, err := w.Write(page); err != nil {
		return fmt.Errorf("standalone HTML: write: %w", err)
	}
	return nil
}

// overviewSize is how many entities and facts each list of the overview has.
const overviewSize = 10

func standaloneData(ctx context.Context, st *graph.Store, doc string) (*StandaloneData, error) {
	g, err := st.EntityGraph(ctx, doc)
	if err != nil {
		return nil, err
	}
	sts, err := st.Statements(ctx)
	if err != nil {
		return nil, err
	}
	arts, err := st.Articles(ctx)
	if err != nil {
		return nil, err
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return nil, err
	}
	ov, err := st.Overview(ctx, doc, overviewSize)
	if err != nil {
		return nil, err
	}
	d := &StandaloneData{Title: "newsgraph", Graph: graphJSON(g), Stats: stats, Statements: []graph.Statement{}, Articles: []graph.ArticleInfo{},
		Overview: ov, Schema: schemaJSON()}
	inView := map[[3]string]bool{}
	for _, e := range g.Edges {
		inView[[3]string{e.Subject, e.Predicate, e.Object}] = true
	}
	nodes := map[string]bool{}
	for _, n := range g.Nodes {
		nodes[n.ID] = true
	}
	for _, s := range sts {
		// Statements of edges in view, others (negated, hypothetical) of the same pairs too, so
		// the evidence panel shows what the server would; and the statements panel's: those
		// of the entities in view that are no edge.
		keep := inView[[3]string{s.Subject, s.Predicate, s.Object}] ||
			!s.IsEdge() && (nodes[s.Subject] || nodes[s.Object] || nodes[s.AttributedTo])
		if (doc == "" || s.Article.ID == doc) && keep {
			s.Article.URL = safeURL(s.Article.URL)
			d.Statements = append(d.Statements, s)
		}
	}
	for _, a := range arts {
		if doc == "" || a.ID == doc {
			a.URL = safeURL(a.URL)
			d.Articles = append(d.Articles, a)
		}
	}
	if doc != "" {
		d.Title = "newsgraph: " + doc
		for _, a := range d.Articles {
			if a.Title != "" {
				d.Title = "newsgraph: " + a.Title
			}
		}
	}
	return d, nil
}

// standalonePage inlines the embedded style, script and data into the embedded page.
func standalonePage(d *StandaloneData) ([]byte, error) {
	page, err := webFS.ReadFile("web/index.html")
	if err != nil {
		return nil, err
	}
	css, err := webFS.ReadFile("web/app.css")
	if err != nil {
		return nil, err
	}
	js, err := webFS.ReadFile("web/app.js")
	if err != nil {
		return nil, err
	}
	if bytes.Contains(bytes.ToLower(js), []byte("</script")) || bytes.Contains(bytes.ToLower(css), []byte("</style")) {
		return nil, fmt.Errorf("the bundled assets contain a closing tag and cannot be inlined")
	}
	var data bytes.Buffer
	enc := json.NewEncoder(&data) // HTML escaping on: "<" is written \u003c, so no "</script>"
	if err := enc.Encode(d); err != nil {
		return nil, fmt.Errorf("encode data: %w", err)
	}
	out := string(page)
	script := "\n" + string(js) + "\n"
	for _, r := range []struct{ old, new string }{
		{`<link rel="stylesheet" href="app.css">`, "<style>\n" + string(css) + "\n</style>"},
		{`<script src="app.js"></script>`, `<script type="application/json" id="ng-data">` + strings.TrimSpace(data.String()) +
			"</script>\n<script>" + script + "</script>"},
		{`<title>newsgraph</title>`, standaloneCSP(script) + "\n<title>" + htmlEscape(d.Title) + "</title>"},
	} {
		if !strings.Contains(out, r.old) {
			return nil, fmt.Errorf("the embedded page has no %s to replace", r.old)
		}
		out = strings.Replace(out, r.old, r.new, 1)
	}
	return []byte(out), nil
}

// standaloneCSP returns the Content-Security-Policy of the standalone page, as a meta element: the
// one inline script (by its hash) runs, nothing is fetched from anywhere, and no other script —
// were some text of the data ever to become markup — can run.
func standaloneCSP(script string) string {
	sum := sha256.Sum256([]byte(script))
	return `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-` +
		base64.StdEncoding.EncodeToString(sum[:]) + `'; style-src 'unsafe-inline'; img-src data: blob:; ` +
		`base-uri 'none'; form-action 'none'">`
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
