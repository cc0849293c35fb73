package prepare

import (
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/schema"
)

// maxFrontMatter bounds the bytes of YAML front matter read.
const maxFrontMatter = 64 << 10

// frontMatterEnd returns the offset just after the YAML front matter that opens src: a line
// "---", YAML lines, and a closing line "---" or "..."; 0 when src has none.
func frontMatterEnd(src string) int {
	first, rest, ok := cutLine(src)
	if !ok || strings.TrimRight(first, " \t\r") != "---" {
		return 0
	}
	at := len(src) - len(rest)
	for at < len(src) && at <= maxFrontMatter {
		line, after, ok := cutLine(src[at:])
		if t := strings.TrimRight(line, " \t\r"); t == "---" || t == "..." {
			if !ok {
				return len(src)
			}
			return len(src) - len(after)
		}
		if !ok {
			return 0
		}
		at = len(src) - len(after)
	}
	return 0
}

// cutLine returns the first line of s (without its newline), the rest after the newline, and
// whether s had any text at all.
func cutLine(s string) (line, rest string, ok bool) {
	if s == "" {
		return "", "", false
	}
	line, rest, found := strings.Cut(s, "\n")
	if !found {
		return line, "", true
	}
	return line, rest, true
}

// frontMatter reads YAML front matter (src[:end], as frontMatterEnd finds it) into a Meta:
// title, date, author(s), source (or publisher, outlet, site, site_name), url (or link,
// canonical_url), lang(uage), categories and tags. Front matter that is not valid YAML, or
// whose values have other shapes, gives what could be read.
func frontMatter(src string) doc.Meta {
	body := src
	if _, rest, ok := cutLine(src); ok {
		body = rest
	}
	if i := strings.LastIndex(strings.TrimRight(body, "\r\n"), "\n"); i >= 0 {
		body = body[:i]
	} else {
		body = ""
	}
	var m map[string]any
	if err := yaml.Unmarshal([]byte(body), &m); err != nil {
		return doc.Meta{}
	}
	get := func(keys ...string) any {
		for _, k := range keys {
			for mk, v := range m {
				if strings.EqualFold(mk, k) && v != nil {
					return v
				}
			}
		}
		return nil
	}
	var out doc.Meta
	out.Title = collapse(yamlString(get("title", "headline")))
	out.Author = collapse(strings.Join(yamlStrings(get("author", "authors", "byline")), "; "))
	out.Source = collapse(yamlString(get("source", "publisher", "outlet", "site", "site_name")))
	out.URL = strings.TrimSpace(yamlString(get("url", "link", "canonical_url", "canonical")))
	out.Language = strings.TrimSpace(yamlString(get("lang", "language")))
	switch v := get("date", "published", "datePublished", "pubDate").(type) {
	case time.Time:
		out.Date = formatDate(v)
	case nil:
	default:
		out.Date = schema.NormalizeDate(yamlString(v))
	}
	for _, key := range []string{"categories", "category", "tags", "keywords"} {
		for _, c := range yamlStrings(get(key)) {
			if c = collapse(c); c != "" && !contains(out.Categories, c) {
				out.Categories = append(out.Categories, c)
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// yamlString returns a scalar as text; a map with a "name" key (an author object) gives the name.
func yamlString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case time.Time:
		return formatDate(v)
	case map[string]any:
		return yamlString(v["name"])
	case []any:
		if len(v) > 0 {
			return yamlString(v[0])
		}
		return ""
	}
	return fmt.Sprint(v)
}

// yamlStrings returns a list (or a comma-separated scalar) as strings.
func yamlStrings(v any) []string {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		var out []string
		for _, x := range v {
			if s := yamlString(x); s != "" {
				out = append(out, s)
			}
		}
		return out
	case string:
		var out []string
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	if s := yamlString(v); s != "" {
		return []string{s}
	}
	return nil
}
