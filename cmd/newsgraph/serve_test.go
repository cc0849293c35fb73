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

var updateScreenshot = flag.Bool("update-screenshot", false, "write the seed explorer screenshot to graph/serve/testdata/seeds.png (see docs/commands.md)")

// The explorer on the seed graph, in a real browser: the overview it opens on; search "Musk",
// expand the node, click a neighbour and click an edge, read an evidence sentence of a seed
// article; run a Gizmo query in the console; read what Musk said in his statements panel; find
// the path from Dmitry Peskov to Volodymyr Zelensky with its evidence.
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
	)
	if err != nil {
		t.Fatalf("open the explorer: %v", err)
	}
	// The overview: the five seed articles all mention Peskov and Musk; Zelensky is president of
	// Ukraine in all five.
	overview, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("overview")))
	overview = strings.Join(strings.Fields(overview), " ")
	if err != nil || !strings.Contains(overview, "Dmitry Peskov · 5 articles") || !strings.Contains(overview, "Elon Musk · 5 articles") ||
		!strings.Contains(overview, "Volodymyr Zelensky president of Ukraine 5 sources") {
		t.Errorf("the overview (%v):\n%s", err, overview)
	}
	err = chromedp.Do(ctx,
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

	// Musk's statements panel: what he said, quoted, with its article.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("tab-facts")),
		chromedp.Click(chromedp.CSS(`#pane-facts button[data-entity="person/elon-musk"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#entity-statements .said-by li`)),
	)
	if err != nil {
		t.Fatalf("Musk's statements: %v", err)
	}
	said, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#entity-statements .said-by`)))
	said = strings.Join(strings.Fields(said), " ")
	if err != nil || !strings.Contains(said, "Elon Musk said he is pro-Ukraine") || !strings.Contains(said, "Oct 4, 2022") {
		t.Errorf("said by Musk (%v):\n%.600s", err, said)
	}

	// The path from Peskov to Zelensky: through Musk, each fact with its sentence.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("tab-paths")),
		chromedp.SendKeys(chromedp.ID("path-from"), "Peskov"),
		chromedp.WaitVisible(chromedp.CSS(`#path-from-list li[data-id="person/dmitry-peskov"]`)),
		chromedp.Click(chromedp.CSS(`#path-from-list li[data-id="person/dmitry-peskov"]`)),
		chromedp.SendKeys(chromedp.ID("path-to"), "Zelensky"),
		chromedp.WaitVisible(chromedp.CSS(`#path-to-list li[data-id="person/volodymyr-zelensky"]`)),
		chromedp.Click(chromedp.CSS(`#path-to-list li[data-id="person/volodymyr-zelensky"]`)),
		chromedp.Click(chromedp.ID("path-find")),
		chromedp.WaitVisible(chromedp.CSS(`#path-result .path`)),
	)
	if err != nil {
		t.Fatalf("the path from Peskov to Zelensky: %v", err)
	}
	path, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#path-result .path`)))
	path = strings.Join(strings.Fields(path), " ")
	if err != nil || !strings.HasPrefix(path, "Dmitry Peskov → Elon Musk → Volodymyr Zelensky") ||
		!strings.Contains(path, "Dmitry Peskov praised Elon Musk") || !strings.Contains(path, "hit back at the tech guru") {
		t.Errorf("the path from Peskov to Zelensky (%v):\n%.800s", err, path)
	}
}
