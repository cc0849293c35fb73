package serve

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/newsgraph/newsgraph/graph/serve/browsertest"
)

// shot saves a screenshot of the page under name in the artifacts folder.
func shot(ctx context.Context, t *testing.T, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(browsertest.Artifacts(t), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// pick types text into one of the page's entity inputs and chooses the suggestion of id.
func pick(input, text, id string) chromedp.Action[chromedp.Void] {
	sugg := `#` + input + `-list li[data-id="` + id + `"]`
	if input == "search" {
		sugg = `#suggestions li[data-id="` + id + `"]`
	}
	return chromedp.Steps(
		chromedp.SendKeys(chromedp.ID(input), text),
		chromedp.WaitVisible(chromedp.CSS(sugg)),
		chromedp.Click(chromedp.CSS(sugg)),
	)
}

// TestBrowserExplorer: the page opens on the overview; an entity's statements panel shows what
// it said with each quote's source; a path between two entities shows with its evidence and on
// the graph; a predicate lists its facts over the whole graph; confidence and open predicates
// show in the edge styles.
func TestBrowserExplorer(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx := browsertest.Browser(t)
	ts := httptest.NewServer(New(explorerStore(t), Config{LocalOnly: true}))
	defer ts.Close()

	// The overview: most-mentioned entities, newest and best-sourced facts.
	err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"),
		browsertest.Until(`document.body.dataset.ready === 'true'`),
		chromedp.WaitVisible(chromedp.CSS(`#ov-entities button[data-entity="person/maria-lopez"]`)),
	)
	if err != nil {
		t.Fatalf("overview: %v", err)
	}
	ov, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`['ov-entities', 'ov-newest', 'ov-sourced'].map((id) =>
		[...document.querySelectorAll('#' + id + ' li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim()).join(' | '))`))
	if err != nil {
		t.Fatal(err)
	}
	// a fact's date is its first: the criticism of Acme is of 2024-03-01 though a3 repeats it
	if len(ov) != 3 || !strings.HasPrefix(ov[0], "Acme Shipping · 3 articles | Green Harbour Trust · 3 articles | Maria Lopez · 3 articles") ||
		!strings.HasPrefix(ov[1], "Tomás Varga told Maria Lopez2024-03-05 · 1 source · confidence 0.70 | Acme Shipping partner with Port Elin2024-03-05") ||
		!strings.HasPrefix(ov[2], "Maria Lopez praised Acme Shipping2 sources · confidence 0.90") {
		t.Errorf("overview:\n%s", strings.Join(ov, "\n"))
	}
	shot(ctx, t, "overview.png")

	// Clicking an entity of the overview draws its neighbourhood and opens its statements.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#ov-entities button[data-entity="person/maria-lopez"]`)),
		settled(3),
		chromedp.WaitVisible(chromedp.CSS(`#entity-statements .said-by li`)),
	)
	if err != nil {
		t.Fatalf("statements panel: %v", err)
	}
	hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById('empty').hidden`))
	if err != nil || !hidden {
		t.Errorf("the overview still covers the graph (%v)", err)
	}
	said, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#entity-statements .said-by > li')].map((li) => {
		const a = li.querySelector('.source a[href]');
		return li.querySelector('.statement-head').textContent + ' | ' + li.querySelector('.source').textContent + ' | ' + (a ? a.getAttribute('href') : '');
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if len(said) != 4 || said[0] != "Maria Lopez said the harbour will be dredged in May | Harbour debateValley Post2024-03-050.85“said” | https://example.org/a3" ||
		!strings.Contains(said[1], "Acme Shipping bought Green Harbour Trust") || !strings.Contains(said[1], "reported by Maria Lopez") {
		t.Errorf("said by Maria Lopez:\n%s", strings.Join(said, "\n"))
	}
	about, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#entity-statements .said-about`)))
	if err != nil || !strings.Contains(about, "Tomás Varga told Maria Lopez") || !strings.Contains(about, "Varga told Lopez to resign.") {
		t.Errorf("said to or about Maria Lopez: %q (%v)", about, err)
	}
	shot(ctx, t, "statements.png")

	// Edge styles: the band of the confidence, and open predicates apart.
	styles, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const cy = window.newsgraph.cy;
		return ['person/maria-lopez|praised|org/acme-shipping', 'person/maria-lopez|replied to|person/tomas-varga'].map((id) => {
			const e = cy.getElementById(id);
			return e.style('line-style') + ' ' + e.classes().join(' ');
		}).join(', ');
	})()`))
	if err != nil || styles != "solid high, solid high" {
		t.Errorf("edge styles %q (%v)", styles, err)
	}

	// A path between two entities, with its evidence, drawn on the graph.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("tab-paths")),
		pick("path-from", "varga", "person/tomas-varga"),
		pick("path-to", "port", "gpe/port-elin"),
		chromedp.Click(chromedp.ID("path-find")),
		chromedp.WaitVisible(chromedp.CSS(`#path-result .path`)),
	)
	if err != nil {
		t.Fatalf("paths: %v", err)
	}
	chain, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#path-result .path .path-chain`)))
	if err != nil || chain != "Tomás Varga → Maria Lopez → Acme Shipping → Port Elin" {
		t.Errorf("path %q (%v)", chain, err)
	}
	steps, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#path-result .path:first-child .step-fact')].map((f) =>
		f.querySelector('.fact-title').textContent + ' | ' + f.querySelector('.evidence-text').textContent + ' | ' + f.querySelector('.source .outlet').textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Maria Lopez replied to Tomás Varga confidence 0.75 | Lopez responded to Varga in a statement. | Valley Post",
		"Tomás Varga criticized Maria Lopez confidence 0.80 | Councillor Tomás Varga hit out at Maria Lopez on Tuesday. | Valley Post",
		"Tomás Varga told Maria Lopez confidence 0.70 | Varga told Lopez to resign. | Valley Post",
		"Maria Lopez praised Acme Shipping confidence 0.90 | Mayor Maria Lopez praised Acme Shipping for the new harbour deal. | The Coastal Ledger",
		"Acme Shipping based in Port Elin confidence 0.95 | Acme Shipping, based in Port Elin, employs 400 people. | The Coastal Ledger",
		"Acme Shipping partner with Port Elin confidence 0.45 | Acme Shipping partnered with Port Elin on the dredging. | Valley Post",
	}
	if strings.Join(steps, "\n") != strings.Join(want, "\n") {
		t.Errorf("path facts:\n%s\nwant\n%s", strings.Join(steps, "\n"), strings.Join(want, "\n"))
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#path-result .path:first-child .show-path`)),
		browsertest.Until(`window.newsgraph.cy.$('node.on-path').length === 4 && document.body.dataset.layout === 'done'`),
	)
	if err != nil {
		t.Fatalf("show the path: %v", err)
	}
	onPath, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const cy = window.newsgraph.cy, open = cy.getElementById('org/acme-shipping|partner with|gpe/port-elin');
		return cy.$('edge.on-path').length + ' ' + open.style('line-style') + ' ' + open.hasClass('open') + ' ' + open.style('line-color');
	})()`))
	if err != nil || onPath != "6 dotted true rgb(217,72,15)" {
		t.Errorf("the path on the graph: %q (%v)", onPath, err)
	}
	shot(ctx, t, "path.png")

	// Browsing by predicate over the whole graph; the open predicate apart.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("tab-predicates")),
		chromedp.Click(chromedp.CSS(`#predicate-list button[data-predicate="criticized"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#predicate-result .facts li`)),
	)
	if err != nil {
		t.Fatalf("predicates: %v", err)
	}
	crit, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#predicate-result`)))
	if err != nil || !strings.Contains(crit, "Green Harbour Trust criticized Acme Shipping") || !strings.Contains(crit, "confidence 0.65 · 2 sources") ||
		!strings.Contains(crit, "Tomás Varga criticized Maria Lopez") {
		t.Errorf("criticized: %q (%v)", crit, err)
	}
	openPred, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#predicate-list button[data-predicate="partner with"] .pred').className`))
	if err != nil || openPred != "pred open" {
		t.Errorf("the open predicate is listed as %q (%v)", openPred, err)
	}

	// The evidence highlights the fact's words, not the adverb between them.
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#predicate-result .facts li:first-child button`)),
		browsertest.Until(`[...document.querySelectorAll('#pane-details .evidence-text')].some((q) => q.textContent.includes('angrily'))`),
	)
	if err != nil {
		t.Fatalf("criticism evidence: %v", err)
	}
	marks, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#pane-details .evidence-text')].filter((q) => q.textContent.includes('angrily'))
		.flatMap((q) => [...q.querySelectorAll('mark')].map((m) => m.textContent))`))
	if err != nil || strings.Join(marks, "|") != "have|criticised" {
		t.Errorf("highlighted %q (%v), want have|criticised", marks, err)
	}

	// Statement ids in the Gizmo table keep to one line, the whole id in the cell's title.
	if _, err := browsertest.RunGizmo(ctx, `g.V("<person/maria-lopez>").In("<subject>").All()`); err != nil {
		t.Fatal(err)
	}
	cells, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const tds = [...document.querySelectorAll('#gizmo-table td')];
		const bad = tds.filter((td) => {
			const cs = getComputedStyle(td);
			const inner = td.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
			return inner > 1.5 * parseFloat(cs.lineHeight) || !/^<stmt\/[0-9a-f]+>$/.test(td.title);
		});
		return tds.length + ' cells, ' + bad.length + ' wrapped or without their id';
	})()`))
	if err != nil || cells != "5 cells, 0 wrapped or without their id" {
		t.Errorf("Gizmo table: %s (%v)", cells, err)
	}
	shot(ctx, t, "gizmo-ids.png")
}

// TestBrowserExplorerStandalone: the standalone page opens on its overview and has the
// statements panel, from the data it inlines; it has no Paths tab.
func TestBrowserExplorerStandalone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx := browsertest.Browser(t)
	path := filepath.Join(t.TempDir(), "graph.html")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteStandalone(context.Background(), explorerStore(t), f, ""); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate("file://"+path),
		browsertest.Until(`document.body.dataset.ready === 'true'`),
		chromedp.Click(chromedp.CSS(`#ov-entities button[data-entity="person/maria-lopez"]`)),
		settled(3),
		chromedp.WaitVisible(chromedp.CSS(`#entity-statements .said-by li`)),
	)
	if err != nil {
		t.Fatalf("standalone: %v", err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll('#entity-statements .statement-head')].map((p) => p.textContent).join(' | ')
		+ ' / paths tab hidden: ' + document.getElementById('tab-paths').hidden`))
	want := "Maria Lopez said the harbour will be dredged in May | Acme Shipping bought Green Harbour Trust | Maria Lopez replied to Tomás Varga | " +
		"Maria Lopez praised Green Harbour Trust | Tomás Varga told Maria Lopez / paths tab hidden: true"
	if err != nil || got != want {
		t.Errorf("standalone statements:\n%s\n(%v), want\n%s", got, err, want)
	}
}
