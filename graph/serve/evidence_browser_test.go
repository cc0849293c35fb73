package serve

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/newsgraph/newsgraph/graph/serve/browsertest"
)

// TestBrowserEvidenceSource: each evidence sentence shows its article's outlet and date, and
// links to the article's URL.
func TestBrowserEvidenceSource(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx := browsertest.Browser(t)
	ts := httptest.NewServer(New(fixtureStore(t), Config{LocalOnly: true}))
	defer ts.Close()
	if _, _, err := explore(ctx, ts.URL+"/"); err != nil {
		t.Fatalf("explore: %v", err)
	}
	sources, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#pane-details .evidence .source')].map((s) => {
		const a = s.querySelector('a[href]');
		return s.textContent + ' | ' + (a ? a.getAttribute('href') : '');
	})`))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range sources {
		if strings.Contains(s, "The Coastal Ledger") && strings.Contains(s, "2024-03-01") && strings.HasSuffix(s, "| https://example.org/a1") {
			found = true
		}
	}
	if !found {
		t.Errorf("no evidence shows outlet, date and link of its article: %q", sources)
	}
}
