// Package browsertest drives the newsgraph viewer in a real headless Chromium for tests: it finds
// the browser (skipping the test where there is none), starts it with a fresh profile and the
// flags this sandbox needs, and clicks nodes and edges of the Cytoscape graph. It is imported by
// tests only and must not be imported by code that ships in the newsgraph binary.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Chromium returns the browser the browser tests drive, or skips the test when there is none.
func Chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("NEWSGRAPH_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium binary found (install it with `apt-get install -y chromium`, or set NEWSGRAPH_CHROMIUM): browser test skipped")
	return ""
}

// Browser starts a headless Chromium with a fresh profile and returns a tab's context.
func Browser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(Chromium(t)),
		chromedp.Headless,
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	return ctx
}

// Artifacts returns the folder for screenshots: $NEWSGRAPH_ARTIFACTS or a temporary one.
func Artifacts(t *testing.T) string {
	if d := os.Getenv("NEWSGRAPH_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// ClickElement clicks the centre of a node, or a point of an edge near its middle that the
// page's own hit test gives to that edge, of the Cytoscape graph with a real mouse event.
func ClickElement(id string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		// An edge is clicked at a point of it where it is the element the page's own hit test
		// finds (crossing edges share their midpoints in a dense neighbourhood); a node at its
		// centre.
		js := fmt.Sprintf(`(() => {
			const cy = window.newsgraph.cy;
			const el = cy.getElementById(%q);
			if (el.empty()) return [];
			const r = document.getElementById('cy').getBoundingClientRect();
			if (el.isNode()) {
				const p = el.renderedPosition();
				return [r.left + p.x, r.top + p.y];
			}
			const m = el.midpoint(), ends = [el.sourceEndpoint(), el.targetEndpoint()];
			const pts = [m];
			for (const f of [0.2, 0.4, 0.6]) {
				for (const e of ends) {
					pts.push({x: m.x + f * (e.x - m.x), y: m.y + f * (e.y - m.y)});
				}
			}
			const pan = cy.pan(), zoom = cy.zoom();
			for (const q of pts) {
				const hit = cy.renderer().findNearestElement(q.x, q.y, true, false);
				if (hit && hit.id() === el.id()) {
					return [r.left + q.x * zoom + pan.x, r.top + q.y * zoom + pan.y];
				}
			}
			const p = el.renderedMidpoint();
			return [r.left + p.x, r.top + p.y];
		})()`, id)
		xy, err := chromedp.Evaluate[[]float64](js)(ctx, t)
		if err != nil {
			return err
		}
		if len(xy) != 2 {
			return fmt.Errorf("no element %s in the graph", id)
		}
		_, err = chromedp.MouseClickXY(xy[0], xy[1])(ctx, t)
		return err
	})
}

// Until waits until a JavaScript expression is true.
func Until(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Poll[bool](expr, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second))(ctx, t)
		if err != nil {
			return fmt.Errorf("waiting for %s: %w", expr, err)
		}
		return nil
	})
}

// RunGizmo runs a query in the page's Gizmo console and returns the text of its result table.
func RunGizmo(ctx context.Context, query string) (string, error) {
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("tab-gizmo")),
		chromedp.WaitVisible(chromedp.ID("gizmo-query")),
		chromedp.SetValue(chromedp.ID("gizmo-query"), query),
		chromedp.Click(chromedp.ID("gizmo-run")),
		chromedp.WaitVisible(chromedp.ID("gizmo-table")),
	); err != nil {
		return "", fmt.Errorf("gizmo console: %w", err)
	}
	return chromedp.Run(ctx, chromedp.Text(chromedp.ID("gizmo-table")))
}
