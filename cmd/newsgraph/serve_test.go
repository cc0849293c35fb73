package main

import (
	"context"
	"flag"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/serve"
	"github.com/newsgraph/newsgraph/graph/serve/browsertest"
)

var updateScreenshot = flag.Bool("update-screenshot", false, "write the seed explorer screenshot to graph/serve/testdata/seeds.png (shown in README)")

// The explorer on the seed graph, in a real browser: search "Musk", expand the node, click an
// neighbour and click an edge, read an evidence sentence of a seed article; run a Gizmo query in the console.
func TestServeSeedsInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx := browsertest.Browser(t)
	db := buildSeeds(t)
	st, err := graph.Open(context.Background(), graph.Options{Backend: "bolt", Path: db, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ts := httptest.NewServer(serve.New(st, serve.Config{LocalOnly: true}))
	defer ts.Close()

	const sugg = `#suggestions li[data-id="person/elon-musk"]`
	err = chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("search")),
		browsertest.Until(`document.body.dataset.ready === 'true'`),
		chromedp.SendKeys(chromedp.ID("search"), "Musk"),
		chromedp.WaitVisible(chromedp.CSS(sugg)),
		chromedp.Click(chromedp.CSS(sugg)),
		browsertest.Until(`window.newsgraph.cy.nodes().length > 3 && document.body.dataset.layout === 'done'`),
		browsertest.ClickElement("person/dmitry-peskov"), // expand Peskov's neighbourhood too
		browsertest.Until(`document.body.dataset.layout === 'done'`),
		browsertest.ClickElement("person/dmitry-peskov|praised|person/elon-musk"),
		chromedp.WaitVisible(chromedp.CSS(`#pane-details .evidence-text`)),
	)
	if err != nil {
		t.Fatalf("explore the seed graph: %v", err)
	}
	evidence, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#pane-details .evidence`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(evidence, "praised him for attempting to broker peace") {
		t.Errorf("the evidence of Peskov's praise does not show the seed sentence:\n%s", evidence)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(browsertest.Artifacts(t), "seeds.png"), shot, 0o644); err != nil {
		t.Fatal(err)
	}
	if *updateScreenshot {
		if err := os.WriteFile("../../graph/serve/testdata/seeds.png", shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	query := `g.V("<person/elon-musk>").In("<praised>").Unique().Tag("entity").Out("<name>").All()`
	table, err := browsertest.RunGizmo(ctx, query)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(table, "Dmitry Peskov") || !strings.Contains(table, "<person/dmitry-peskov>") {
		t.Errorf("the console table lacks Peskov:\n%s", table)
	}
}
