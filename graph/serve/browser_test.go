package serve

import (
	"context"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/newsgraph/newsgraph/graph/serve/browsertest"
)

var updateScreenshot = flag.Bool("update-screenshot", false, "write the browser test's screenshot to testdata/screenshot.png")

// settled waits until the graph has n nodes and its layout has stopped.
func settled(n int) chromedp.Action[chromedp.Void] {
	return browsertest.Until(fmt.Sprintf(`!!window.newsgraph && window.newsgraph.cy.nodes().length === %d && document.body.dataset.layout === 'done'`, n))
}

// explore searches for Maria Lopez, expands Acme Shipping, and opens the evidence of "Maria
// Lopez praised Acme Shipping"; it returns the first evidence sentence and its highlighted words.
func explore(ctx context.Context, url string) (evidence, mark string, err error) {
	const sugg = `#suggestions li[data-id="person/maria-lopez"]`
	err = chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.ID("search")),
		browsertest.Until(`document.body.dataset.ready === 'true'`),
		chromedp.SendKeys(chromedp.ID("search"), "lopez"),
		chromedp.WaitVisible(chromedp.CSS(sugg)),
		chromedp.Click(chromedp.CSS(sugg)),
		settled(3), // Maria Lopez, Acme Shipping, Tomás Varga
		browsertest.ClickElement("org/acme-shipping"),
		settled(5), // + Green Harbour Trust, Port Elin
		chromedp.Sleep(300*time.Millisecond),
		browsertest.ClickElement("person/maria-lopez|praised|org/acme-shipping"),
		chromedp.WaitVisible(chromedp.CSS(`#pane-details .evidence-text`)),
	)
	if err != nil {
		return "", "", err
	}
	if evidence, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#pane-details .evidence li:first-child .evidence-text`))); err != nil {
		return "", "", err
	}
	if mark, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#pane-details .evidence li:first-child mark`))); err != nil {
		return "", "", err
	}
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.activeElement && document.activeElement.blur(), document.getElementById('tooltip').hidden = true)`))
	return evidence, mark, err
}

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx := browsertest.Browser(t)
	st := fixtureStore(t)
	ts := httptest.NewServer(New(st, Config{LocalOnly: true}))
	defer ts.Close()

	ev, mk, err := explore(ctx, ts.URL+"/")
	if err != nil {
		t.Fatalf("explore: %v", err)
	}
	if !strings.Contains(ev, "Mayor Maria Lopez praised Acme Shipping") || mk != "praised" {
		t.Errorf("evidence %q, highlighted %q", ev, mk)
	}
	// Saving and exporting the view: PNG (Cytoscape), SVG, GraphML and N-Quads (our code).
	check, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const ng = window.newsgraph, problems = [];
		if (!ng.cy.png({ full: true }).startsWith('data:image/png;base64,')) problems.push('png');
		const svg = new DOMParser().parseFromString(ng.exports.toSVG(ng.cy), 'image/svg+xml');
		if (svg.querySelector('parsererror') || svg.querySelectorAll('text').length < 5 || !svg.documentElement.textContent.includes('Acme Shipping')) problems.push('svg');
		const gml = new DOMParser().parseFromString(ng.exports.toGraphML(ng.cy), 'application/xml');
		if (gml.querySelector('parsererror') || gml.getElementsByTagName('node').length !== 5 || gml.getElementsByTagName('edge').length !== 5) problems.push('graphml');
		const nq = ng.exports.toNQuads(ng.cy).trim().split('\n');
		if (!nq.includes('<urn:newsgraph:person/maria-lopez> <urn:newsgraph:praised> <urn:newsgraph:org/acme-shipping> <urn:newsgraph:article/a1.txt> .')) problems.push('nquads');
		return problems.join(',');
	})()`))
	if err != nil || check != "" {
		t.Errorf("exports: problems with %q (%v)", check, err)
	}

	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	dir := browsertest.Artifacts(t)
	if err := os.WriteFile(filepath.Join(dir, "screenshot.png"), shot, 0o644); err != nil {
		t.Fatal(err)
	}
	if *updateScreenshot {
		if err := os.WriteFile(filepath.Join("testdata", "screenshot.png"), shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshot: %s", filepath.Join(dir, "screenshot.png"))

	// The evidence of a fact with a time of its own shows it: Varga hit out at Lopez "on Tuesday".
	err = chromedp.Do(ctx,
		browsertest.ClickElement("person/tomas-varga|criticized|person/maria-lopez"),
		browsertest.Until(`!!document.querySelector('#pane-details .evidence .when')`),
	)
	when := ""
	if err == nil {
		when, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#pane-details .evidence li:first-child .when`)))
	}
	if err != nil || when != "2024-02-27 (“on Tuesday”)" {
		t.Errorf("evidence date %q (%v), want 2024-02-27 (“on Tuesday”)", when, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.getElementById('tooltip').hidden = true)`)); err != nil {
		t.Fatal(err)
	}

	// The timeline strip: the dates of the facts in view; brushing a range hides the facts dated
	// outside it and the entities left without facts (not those expanded).
	brush, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const cy = window.newsgraph.cy, out = [];
		const ticks = [...document.querySelectorAll('#tl-ticks .tl-tick')].map((t) => t.dataset.date).join(',');
		out.push(document.getElementById('timeline').hidden ? 'hidden' : ticks);
		const brush = (lo, hi) => {
			for (const [id, v] of [['tl-from', lo], ['tl-to', hi]]) {
				const el = document.getElementById(id);
				el.value = String(v);
				el.dispatchEvent(new Event('input'));
			}
			const shown = (sel) => cy.$(sel).filter((el) => !el.hasClass('time-out')).map((el) => el.id()).sort().join(',');
			return shown('edge') + ' / ' + shown('node') + ' / ' + document.getElementById('tl-range').value;
		};
		out.push(brush(2, 2), brush(0, 0));
		document.getElementById('tl-all').click();
		out.push(String(cy.$('.time-out').length));
		return out.join('\n');
	})()`))
	want := strings.Join([]string{
		"2024-02-27,2024-03-01,2024-03-02",
		"person/maria-lopez|replied to|person/tomas-varga / org/acme-shipping,person/maria-lopez,person/tomas-varga / 2024-03-02 – 2024-03-02",
		"person/tomas-varga|criticized|person/maria-lopez / org/acme-shipping,person/maria-lopez,person/tomas-varga / 2024-02-27 – 2024-02-27",
		"0",
	}, "\n")
	if err != nil || brush != want {
		t.Errorf("timeline strip:\n%s\n(%v), want\n%s", brush, err, want)
	}

	// The Gizmo console: a query whose results are a table, then the same results as a graph.
	query := `g.V("<person/maria-lopez>").Out("<praised>").Unique().Tag("entity").Out("<name>").All()`
	table, err := browsertest.RunGizmo(ctx, query)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"id", "entity", "Acme Shipping", "<org/acme-shipping>"} {
		if !strings.Contains(table, want) {
			t.Errorf("result table %q lacks %q", table, want)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("gizmo-graph")), settled(1)); err != nil {
		t.Fatalf("show as graph: %v", err)
	}
	ids, err := chromedp.Run(ctx, chromedp.Evaluate[string](`window.newsgraph.cy.nodes().map(n => n.id()).join(',')`))
	if err != nil || ids != "org/acme-shipping" {
		t.Errorf("Show as graph drew %q (%v), want the result entity alone", ids, err)
	}
	gizmoShot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "gizmo.png"), gizmoShot, 0o644); err != nil {
		t.Fatal(err)
	}

	// A runaway query shows its error and the page keeps working.
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("gizmo-query"), `while(true){}`),
		chromedp.Click(chromedp.ID("gizmo-run")),
		browsertest.Until(`document.getElementById('gizmo-status').classList.contains('error')`),
	); err != nil {
		t.Fatalf("runaway query: %v", err)
	}
	status, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("gizmo-status")))
	if err != nil || !strings.Contains(status, "time limit") {
		t.Errorf("runaway query status %q (%v)", status, err)
	}
}

func TestBrowserStandalone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx := browsertest.Browser(t)
	st := fixtureStore(t)
	path := filepath.Join(t.TempDir(), "graph.html")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteStandalone(context.Background(), st, f, ""); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	ev, mk, err := explore(ctx, "file://"+path)
	if err != nil {
		t.Fatalf("standalone: %v", err)
	}
	gizmoHidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById('tab-gizmo').hidden`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ev, "Mayor Maria Lopez praised Acme Shipping") || mk != "praised" {
		t.Errorf("evidence %q, highlighted %q", ev, mk)
	}
	if !gizmoHidden {
		t.Error("the Gizmo console shows in a standalone export")
	}
}
