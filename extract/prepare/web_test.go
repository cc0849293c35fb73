package prepare

import (
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/input"
)

// TestWebPages prepares saved pages of three site layouts: the body is the article's prose, and
// comments, navigation, related links and promotions are asides; the metadata is the page's.
func TestWebPages(t *testing.T) {
	for _, c := range []struct {
		name        string
		title       string
		meta        doc.Meta
		body, aside []string // sentences that must be in body blocks, and must not
	}{
		{
			name:  "pages/comments.html",
			title: "Scholz and Macron agree on joint defence fund",
			meta: doc.Meta{Title: "Scholz and Macron agree on joint defence fund", Author: "Anna Keller", Date: "2024-05-14",
				Source: "The Riverside Herald", URL: "https://riverside-herald.example/world/2024/05/14/scholz-macron-defence-fund",
				Language: "en", Categories: []string{"World", "Germany", "France"}},
			body: []string{"Macron praised Scholz for his patience", "The European Commission is expected to present"},
			aside: []string{"Scholz criticized Macron for years", "Orban wants the money", "EU leaders clash over the budget",
				"Share on Facebook", "All rights reserved", "Politics", "Leave a Reply"},
		},
		{
			name:  "pages/jsonld.html",
			title: "Kenya signs trade agreement with the European Union",
			meta: doc.Meta{Title: "Kenya signs trade agreement with the European Union", Author: "David Otieno", Date: "2024-06-19T07:45:00+03:00",
				Source: "Coastline News", URL: "https://coastline.example/business/kenya-eu-trade-agreement",
				Language: "en", Categories: []string{"Business"}},
			body:  []string{"Kenya signed a trade agreement", "Valdis Dombrovskis, the EU trade commissioner"},
			aside: []string{"Sign up for our business newsletter", "Shilling rallies", "Floods hit western Kenya", "We use cookies"},
		},
		{
			name:  "pages/liveblog.html",
			title: "Election day live: polls close across the country",
			meta: doc.Meta{Title: "Election day live: polls close across the country", Author: "Sarah Whitfield", Date: "2024-07-04T06:00:00+01:00",
				Source: "Northern Chronicle", URL: "https://chronicle.example/politics/live/election-day", Language: "en"},
			body:  []string{"Keir Starmer thanked volunteers", "Rishi Sunak congratulated his rival", "Turnout in Leeds", "Polling stations opened at 7am"},
			aside: []string{"Starmer attacked Sunak all campaign long", "failed the voters in my town", "Northern Chronicle 2024"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, d := load(t, c.name, input.HTML)
			checkOffsets(t, a.Text, d)
			if d.Title != c.title {
				t.Errorf("title %q, want %q", d.Title, c.title)
			}
			if c.name == "pages/liveblog.html" {
				c.meta.Author = d.Meta.Author // "Live team Sarah Whitfield" or the like: checked below
				if !strings.Contains(d.Meta.Author, "Sarah Whitfield") {
					t.Errorf("author %q", d.Meta.Author)
				}
			}
			if !reflect.DeepEqual(d.Meta, c.meta) {
				t.Errorf("meta\n got %+v\nwant %+v", d.Meta, c.meta)
			}
			var body strings.Builder
			for _, b := range d.Blocks {
				if b.Kind == doc.Body || b.Kind == doc.Bullet || b.Kind == doc.Caption {
					body.WriteString(d.Text[b.Start:b.End] + "\n")
				}
			}
			for _, s := range c.body {
				if !strings.Contains(body.String(), s) {
					t.Errorf("body lacks %q:\n%s", s, body.String())
				}
			}
			for _, s := range c.aside {
				if strings.Contains(body.String(), s) {
					t.Errorf("body holds %q:\n%s", s, body.String())
				}
			}
			// Comments are kept as asides (navigation, <aside> and <footer> are dropped by the
			// tokenizer, as before).
			for _, s := range c.aside[:2] {
				if !strings.Contains(d.Text, s) {
					t.Errorf("prepared text lost %q: asides are kept", s)
				}
			}
		})
	}
}

// TestWebFallback: fragments keep the tokenizer's classification; a page without main content
// has no prose block.
func TestWebFallback(t *testing.T) {
	frag := "<p>Maria Lopez met the mayor of Springfield on Monday.</p><ul><li>one</li></ul>"
	d := Prepare(input.Article{Text: frag, Format: input.HTML})
	if got := blocks(d); len(got) != 2 || got[0].Kind != doc.Body || got[1].Kind != doc.Bullet {
		t.Errorf("fragment: %v", got)
	}
	empty := `<html><head><title>Log in</title></head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/a">About us</a></li></ul></nav>
<div class="login"><div>Username</div><div>Password</div></div><div class="footer">Contact us</div></body></html>`
	d = Prepare(input.Article{Text: empty, Format: input.HTML})
	for _, b := range blocks(d) {
		if b.Kind == doc.Body || b.Kind == doc.Bullet {
			t.Errorf("page without article text has prose %v", b)
		}
	}
	deep := "<html><body>" + strings.Repeat("<div>", maxWebDepth+1) + "<p>Deep text about the mayor.</p>" + "</body></html>"
	d = Prepare(input.Article{Text: deep, Format: input.HTML})
	if got := blocks(d); len(got) != 1 || got[0].Kind != doc.Body {
		t.Errorf("deep page: %v", got)
	}
}

func TestFrontMatter(t *testing.T) {
	a, d := load(t, "frontmatter.md", input.Markdown)
	checkOffsets(t, a.Text, d)
	want := doc.Meta{Title: "Harbour strike ends after ten days", Author: "Jane Doe; John Roe", Date: "2024-09-03",
		Source: "Bay Courier", URL: "https://baycourier.example/harbour-strike-ends", Language: "en",
		Categories: []string{"labour", "harbour"}}
	if !reflect.DeepEqual(d.Meta, want) {
		t.Errorf("meta\n got %+v\nwant %+v", d.Meta, want)
	}
	if d.Title != want.Title {
		t.Errorf("title %q", d.Title)
	}
	wantBlocks := []kb{{doc.Headline, "Strike over"}, {doc.Body, "Dock workers returned to work on Tuesday after the union accepted a new pay offer."}}
	if got := blocks(d); !reflect.DeepEqual(got, wantBlocks) {
		t.Errorf("blocks %v", got)
	}
	// Plain text that opens with front matter is Markdown too; bad YAML gives no metadata but
	// is still no text.
	d = Prepare(input.Article{Text: "---\ntitle: [unclosed\n---\nThe mayor spoke on Monday.\n", Format: input.Text})
	if got := blocks(d); len(got) != 1 || got[0].Text != "The mayor spoke on Monday." || d.Meta.Title != "" {
		t.Errorf("bad YAML: %v, %+v", got, d.Meta)
	}
	for _, c := range []struct {
		src  string
		want int
	}{
		{"---\na: 1\n---\nx", 13},
		{"---\r\na: 1\r\n...\r\nx", 16},
		{"--- \na: 1\n", 0},
		{"text\n---\na: 1\n---\n", 0},
		{"---\n---\n", 8},
	} {
		if got := frontMatterEnd(c.src); got != c.want {
			t.Errorf("frontMatterEnd(%q) = %d, want %d", c.src, got, c.want)
		}
	}
}
