package prepare

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/input"
)

type kb struct {
	Kind doc.Kind
	Text string
}

func blocks(d *doc.Doc) []kb {
	var out []kb
	for _, b := range d.Blocks {
		out = append(out, kb{b.Kind, d.Text[b.Start:b.End]})
	}
	return out
}

func load(t *testing.T, name string, f input.Format) (input.Article, *doc.Doc) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	a := input.Article{Text: string(data), Format: f}
	a.ID = name
	return a, Prepare(a)
}

// checkOffsets asserts that every word of every block maps back to the same bytes of the source.
func checkOffsets(t *testing.T, src string, d *doc.Doc) {
	t.Helper()
	for _, b := range d.Blocks {
		if b.Start < 0 || b.End > len(d.Text) || b.Start >= b.End {
			t.Fatalf("block out of range: %+v", b)
		}
		text := d.Text[b.Start:b.End]
		for off := 0; off < len(text); {
			for off < len(text) && !isWordByte(text[off]) {
				off++
			}
			end := off
			for end < len(text) && isWordByte(text[end]) {
				end++
			}
			if end > off {
				s, e := d.Offsets.Source(b.Start+off), d.Offsets.Source(b.Start+end-1)+1
				if s < 0 || e > len(src) || src[s:e] != text[off:end] {
					t.Errorf("word %q at %d maps to %q", text[off:end], b.Start+off, safe(src, s, e))
				}
			}
			off = end
		}
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func safe(s string, i, j int) string {
	if i < 0 || j > len(s) || i > j {
		return "<out of range>"
	}
	return s[i:j]
}

func TestPlainText(t *testing.T) {
	a, d := load(t, "article.txt", input.Text)
	if d.Text != a.Text || d.Offsets != nil {
		t.Error("plain text must be kept as it is, without offsets")
	}
	if d.Title != "Town Opens Solar Farm on Old Airfield" || d.ID != "article.txt" {
		t.Errorf("title %q id %q", d.Title, d.ID)
	}
	want := []kb{
		{doc.Headline, "Town Opens Solar Farm on Old Airfield"},
		{doc.Aside, "By Jane Example"},
		{doc.Aside, "March 3, 2024"},
		{doc.Body, "The town council opened a solar farm on Tuesday, the mayor said."},
		{doc.Bullet, "The farm covers forty hectares"},
		{doc.Bullet, "It powers about 900 homes"},
		{doc.Bullet, "First phase done in spring."},
		{doc.Caption, "A worker inspects the new panels at the site"},
		{doc.Body, "Officials said the project cost less than planned. Dr. Rowe praised the U.S. supplier."},
		{doc.Caption, "(Photo: Example Agency)"},
		{doc.Aside, "Read also:"},
		{doc.Aside, "Wind Park Plans Shelved"},
		{doc.Aside, "Source: Example Wire"},
		{doc.Aside, "Follow us on social media for more news."},
		{doc.Aside, "© 2024 Example Media. All rights reserved."},
	}
	if got := blocks(d); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got %v\nwant %v", got, want)
	}
}

func TestMarkdown(t *testing.T) {
	a, d := load(t, "article.md", input.Markdown)
	if d.Title != "River Cleanup Draws Hundreds" {
		t.Errorf("title %q", d.Title)
	}
	want := []kb{
		{doc.Headline, "River Cleanup Draws Hundreds"},
		{doc.Body, "Volunteers pulled two tonnes of waste from the river, organisers said on Sunday."},
		{doc.Bullet, "Local schools joined the effort"},
		{doc.Bullet, "A café offered free drinks & snacks"},
		{doc.Aside, "Related: Earlier cleanup"},
		{doc.Body, "The river is cleaner than it has been in years, a resident said."},
	}
	if got := blocks(d); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got %v\nwant %v", got, want)
	}
	checkOffsets(t, a.Text, d)
	if strings.Contains(d.Text, "example.org") || strings.Contains(d.Text, "code is dropped") {
		t.Error("URLs and code must be dropped")
	}
}

func TestHTML(t *testing.T) {
	a, d := load(t, "article.html", input.HTML)
	if d.Title != "Museum Reopens After Renovation" {
		t.Errorf("title %q", d.Title)
	}
	want := []kb{
		{doc.Headline, "Museum Reopens After Renovation"},
		{doc.Body, "The city museum reopened on Saturday after a two-year renovation, the director said."},
		{doc.Caption, "Visitors queue outside the museum"},
		{doc.Body, "Tickets cost €12 & children enter free."},
		{doc.Aside, "Read more: museum website"},
		{doc.Bullet, "New wing for modern art"},
		{doc.Bullet, "A café on the roof"},
	}
	if got := blocks(d); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got %v\nwant %v", got, want)
	}
	checkOffsets(t, a.Text, d)
	for _, bad := range []string{"not text", "Home", "Copyright", "color", "Site name"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("text holds %q: %q", bad, d.Text)
		}
	}
}

func TestHTMLTitleFallback(t *testing.T) {
	d := Prepare(input.Article{Text: "<html><head><title>Only Title</title></head><body><p>Body text here.</p></body></html>", Format: input.HTML})
	if d.Title != "Only Title" {
		t.Errorf("title %q", d.Title)
	}
}

func TestGivenTitle(t *testing.T) {
	a := input.Article{Text: "A sentence of text.", Format: input.Text}
	a.Title = "  Given   Title "
	if d := Prepare(a); d.Title != "Given Title" {
		t.Errorf("title %q", d.Title)
	}
}

func TestTitleDetection(t *testing.T) {
	cases := []struct{ text, title string }{
		{"Short Headline Here\n\nBody sentence one.", "Short Headline Here"},
		{"Is this a question?\n\nBody.", "Is this a question?"},
		{"This first line ends with a period.\n\nBody.", ""},
		{"Headline without blank line\nBody continues.", ""},
		{"Only one line", ""},
		{strings.Repeat("word ", 40) + "\n\nBody.", ""},
		{"\n\n  Indented Headline  \n\nBody.", "Indented Headline"},
		// A headline on the line right above the first paragraph, or glued to its first sentence.
		{"Council backs harbour plan\nThe town council on Tuesday approved a plan to rebuild the old harbour after years of delay.", "Council backs harbour plan"},
		{"Council backs harbour plan The town council on Tuesday approved a plan to rebuild the old harbour.", "Council backs harbour plan"},
		{"Acme chief stepping down Acme is parting company with its chief executive Jane Roe. She resigned.", "Acme chief stepping down"},
		{"Zenith sets sights on widgets Gadget users could soon be paying Zenith to keep widgets clean.", "Zenith sets sights on widgets"},
		{"Berg 'given up' her cup ambition Former champion Anna Berg says she will not race again.", "Berg 'given up' her cup ambition"},
		// The repeated name with an auxiliary after it starts the sentence, with its given name,
		// its title and owner, or its possessor.
		{"Zenith sack Holm Zenith have sacked Tom Holm after a failed test.", "Zenith sack Holm"},
		{"Lopez files suit against Holm Maria Lopez has filed a suit against Tom Holm.", "Lopez files suit against Holm"},
		{"Berg tinkers with team Ruritania coach Anna Berg has made four changes to the side.", "Berg tinkers with team"},
		{"Holm waiting on Berg Zenith United's Tom Holm is waiting to learn the future of Anna Berg.", "Holm waiting on Berg"},
		// Prose, with capitalised words inside its first sentence, has no headline.
		{"Officials in Springfield said Mayor Jane Roe would resign next week after the vote.", ""},
		{"The town council approved the plan on Tuesday, Mayor Jane Roe said in a statement.", ""},
		{"He told Radio Five that Acme would close the factory in March.", ""},
		{"Film studio Acme Pictures has announced a list of twelve new films for the autumn.", ""},
		{"Acme made 5m Euros last year, according to a table drawn up by a newspaper.", ""},
		{"Maria Lopez sued Acme Corp on Monday over the sale of the harbour.", ""}, // a short past tense joins its object
		{"Maria Lopez said that Maria Lopez said that it rained all day long.", ""},
		{"The council met on Tuesday and agreed that\nThe plan would go ahead as soon as money was found.", ""},
	}
	for _, c := range cases {
		d := Prepare(input.Article{Text: c.text})
		if d.Title != c.title {
			t.Errorf("%q: title %q, want %q", c.text, d.Title, c.title)
		}
		if c.title != "" && (len(d.Blocks) < 2 || d.Blocks[0].Kind != doc.Headline || d.Blocks[1].Kind != doc.Body) {
			t.Errorf("%q: first block not a headline followed by body: %v", c.text, blocks(d))
		}
		if c.title == "" && len(d.Blocks) > 0 && d.Blocks[0].Kind == doc.Headline {
			t.Errorf("%q: headline block %v", c.text, blocks(d))
		}
	}
}

func TestLineKinds(t *testing.T) {
	cases := []struct {
		line string
		kind doc.Kind
	}{
		{"• A bullet", doc.Bullet}, {"- dash bullet", doc.Bullet}, {"* star bullet", doc.Bullet},
		{"· middle dot", doc.Bullet}, {"12. numbered", doc.Bullet}, {"3) numbered", doc.Bullet},
		{"2.5 million people came.", doc.Body}, {"By Jane Doe", doc.Aside}, {"by John Roe and Ann Poe", doc.Aside},
		{"By the end of the year the plan was done.", doc.Body}, {"Read more: x", doc.Aside},
		{"Related article: x", doc.Aside}, {"Related: x", doc.Aside}, {"Source: wire", doc.Aside},
		{"Original url:", doc.Aside}, {"Image credit: someone", doc.Aside}, {"Getty Images", doc.Aside},
		{"© Example", doc.Aside}, {"All rights reserved.", doc.Aside}, {"The views expressed are the author's own.", doc.Aside},
		{"Follow us on social media", doc.Aside}, {"Sign up for our newsletter", doc.Aside}, {"Click here to read", doc.Aside},
		{"Share this article", doc.Aside}, {"Subscribe now", doc.Aside}, {"https://example.org/a", doc.Aside},
		{"(Photo: Agency)", doc.Caption}, {"Image: someone", doc.Caption}, {"Oct 4, 2022", doc.Aside},
		{"Updated 10:15 GMT", doc.Aside}, {"The council met on Oct 4.", doc.Body},
	}
	for _, c := range cases {
		if k, _ := lineKind(c.line, doc.Body); k != c.kind {
			t.Errorf("%q: %v, want %v", c.line, k, c.kind)
		}
	}
}

func TestMarkdownInPlainText(t *testing.T) {
	src := "# A Heading\n\nText with a [link](#) in it.\n"
	d := Prepare(input.Article{Text: src})
	if d.Title != "A Heading" || strings.Contains(d.Text, "(#)") {
		t.Errorf("title %q text %q", d.Title, d.Text)
	}
	checkOffsets(t, src, d)
}

func TestDeepHTML(t *testing.T) {
	src := strings.Repeat("<div><span>", 50000) + "deep text" + strings.Repeat("</span></div>", 50000)
	d := Prepare(input.Article{Text: src, Format: input.HTML})
	if !strings.Contains(d.Text, "deep text") {
		t.Errorf("text %q", d.Text)
	}
	src = strings.Repeat("<p>unclosed ", 20000)
	d = Prepare(input.Article{Text: src, Format: input.HTML})
	if len(d.Blocks) != 20000 {
		t.Errorf("blocks %d", len(d.Blocks))
	}
}

func TestDeepMarkdown(t *testing.T) {
	src := strings.Repeat("> ", 5000) + "quoted\n" + strings.Repeat("- ", 2000) + "item\n"
	d := Prepare(input.Article{Text: src, Format: input.Markdown})
	if !strings.Contains(d.Text, "quoted") {
		t.Errorf("text %q", d.Text)
	}
}

func TestDeterministic(t *testing.T) {
	for _, f := range []struct {
		name string
		f    input.Format
	}{{"article.txt", input.Text}, {"article.md", input.Markdown}, {"article.html", input.HTML}} {
		_, a := load(t, f.name, f.f)
		_, b := load(t, f.name, f.f)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: two runs differ", f.name)
		}
	}
}

func FuzzPrepare(f *testing.F) {
	for _, name := range []string{"article.txt", "article.md", "article.html"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data), uint8(0))
		f.Add(string(data), uint8(1))
		f.Add(string(data), uint8(2))
	}
	f.Add("<p>a &amp; b &#x263a; &bogus; &lt</p>", uint8(2))
	f.Add("* [x](y)\n  **b**\n\n1. z", uint8(1))
	f.Add("---\ntitle: T\ndate: 2024-01-02\n---\n# H\n\nText.", uint8(1))
	f.Fuzz(func(t *testing.T, src string, format uint8) {
		d := Prepare(input.Article{Text: src, Format: input.Format(format % 3)})
		last := 0
		for _, b := range d.Blocks {
			if b.Start < last || b.End <= b.Start || b.End > len(d.Text) {
				t.Fatalf("bad block %+v (prev end %d, len %d)", b, last, len(d.Text))
			}
			last = b.End
		}
		prev := doc.Shift{Text: -1, Source: -1}
		for _, s := range d.Offsets {
			if s.Text <= prev.Text || s.Text > len(d.Text) || s.Source < 0 || s.Source > len(src) {
				t.Fatalf("bad shift %+v after %+v (text %d, src %d)", s, prev, len(d.Text), len(src))
			}
			prev = s
		}
		for i := 0; i <= len(d.Text); i += 7 {
			if s := d.Offsets.Source(i); s < 0 || s > len(src)+2 {
				t.Fatalf("offset %d maps to %d outside source of %d bytes", i, s, len(src))
			}
		}
	})
}

func TestTooDeep(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"plain text\n", false},
		{"> quoted\n> > twice\n- item\n  - sub\n1. one\n", false},
		{strings.Repeat("> ", 32) + "ok\n", false},
		{strings.Repeat("> ", 33) + "deep\n", true},
		{"intro\n" + strings.Repeat("- ", 40) + "item", true},
		{strings.Repeat("1. ", 40) + "x", true},
		{strings.Repeat(">", 40) + "x", true},
		{"a - b - " + strings.Repeat("- ", 40), false}, // markers inside the line's text open nothing
		{strings.Repeat("-", 80), false},               // a rule
	} {
		if got := tooDeep(c.text); got != c.want {
			t.Errorf("tooDeep(%.30q) = %v", c.text, got)
		}
	}
	// Deep nesting falls back to plain text and keeps the words.
	src := strings.Repeat("> ", 100000) + "quoted words\n" + strings.Repeat("- ", 100000) + "item\n"
	d := Prepare(input.Article{Text: src, Format: input.Markdown})
	if !strings.Contains(d.Text, "quoted words") || len(d.Blocks) == 0 {
		t.Errorf("deep Markdown lost its text: %d blocks", len(d.Blocks))
	}
}

// BenchmarkPathological prepares inputs that have made text extractors slow, at three sizes: MB/s
// that stays flat as the size grows shows linear time.
func BenchmarkPathological(b *testing.B) {
	gens := []struct {
		name string
		f    input.Format
		gen  func(n int) string
	}{
		{"html-paragraphs", input.HTML, func(n int) string {
			return strings.Repeat("<p>Maria Lopez met the mayor &amp; the council.</p>\n", n/50)
		}},
		{"html-nested", input.HTML, func(n int) string { return strings.Repeat("<div>", n/11) + "text" + strings.Repeat("</div>", n/11) }},
		{"html-unclosed", input.HTML, func(n int) string { return strings.Repeat("<div><p><li>x", n/13) }},
		{"md-nested", input.Markdown, func(n int) string { return strings.Repeat("> ", n/2) + "quoted\n" }},
		{"md-lists", input.Markdown, func(n int) string { return strings.Repeat("- a\n  - b\n    - c\n", n/18) }},
		{"text-one-line", input.Text, func(n int) string { return strings.Repeat("word ", n/5) }},
	}
	for _, g := range gens {
		for _, size := range []int{256 << 10, 1 << 20, 4 << 20} {
			src := g.gen(size)
			b.Run(fmt.Sprintf("%s/%dKB", g.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for i := 0; i < b.N; i++ {
					Prepare(input.Article{Text: src, Format: g.f})
				}
			})
		}
	}
}
