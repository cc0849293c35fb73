package graph

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/unicode/norm"

	"github.com/newsgraph/newsgraph/schema"
)

// ErrNotFound is returned by the read queries when the entity or fact asked for is not in the
// store.
var ErrNotFound = errors.New("not in the graph")

// SearchHit is one entity found by Search.
type SearchHit struct {
	// ID is the entity's short IRI.
	ID string `json:"id"`
	// Name is its canonical name.
	Name string `json:"name"`
	// Type is its label (PERSON, ORG, ...).
	Type string `json:"type"`
	// Articles is the number of articles that mention it.
	Articles int `json:"articles"`
	// Matched is the alias that matched when the canonical name did not ("" otherwise).
	Matched string `json:"matched,omitempty"`
}

// Search finds entities whose name or alias starts with prefix, or has a word that does ("musk"
// finds "Elon Musk"), ignoring case and accents. Hits come best first: a name that starts with the
// prefix before a later word of it, a name before an alias; then more articles first, then by
// name and id. At most limit hits are returned (limit <= 0: 20).
func (s *Store) Search(ctx context.Context, prefix string, limit int) (_ []SearchHit, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	if limit <= 0 {
		limit = 20
	}
	want := Fold(strings.TrimSpace(prefix))
	if want == "" {
		return []SearchHit{}, nil
	}
	type cand struct {
		hit  SearchHit
		rank int // 0 name starts, 1 name word starts, 2 alias starts, 3 alias word starts
	}
	cands := map[string]*cand{}
	for _, prop := range []string{schema.PropName, schema.PropAlias} {
		err := s.eachQuadWith(ctx, quad.Predicate, quad.IRI(prop), func(q quad.Quad) error {
			id := iriOf(q.Subject)
			if !isEntityIRI(id) {
				return nil
			}
			text := quad.ToString(q.Object)
			r, ok := prefixRank(Fold(text), want)
			if !ok {
				return nil
			}
			if prop == schema.PropAlias {
				r += 2
			}
			c := cands[id]
			if c == nil {
				c = &cand{hit: SearchHit{ID: id}, rank: 99}
				cands[id] = c
			}
			if prop == schema.PropName {
				c.hit.Name = text
			}
			if r < c.rank {
				c.rank = r
				c.hit.Matched = ""
				if prop == schema.PropAlias {
					c.hit.Matched = text
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", prefix, err)
		}
	}
	out := make([]*cand, 0, len(cands))
	for id, c := range cands {
		n, err := s.nodeInfo(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", prefix, err)
		}
		if n == nil {
			continue
		}
		c.hit.Name, c.hit.Type, c.hit.Articles = n.Name, n.Type, n.Articles
		if c.hit.Matched == c.hit.Name {
			c.hit.Matched = ""
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if a.hit.Articles != b.hit.Articles {
			return a.hit.Articles > b.hit.Articles
		}
		if a.hit.Name != b.hit.Name {
			return a.hit.Name < b.hit.Name
		}
		return a.hit.ID < b.hit.ID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	hits := make([]SearchHit, len(out))
	for i, c := range out {
		hits[i] = c.hit
	}
	return hits, nil
}

// prefixRank reports whether text (folded) starts with want (0) or has a later word that does (1).
func prefixRank(text, want string) (int, bool) {
	if strings.HasPrefix(text, want) {
		return 0, true
	}
	for i := 1; i < len(text); i++ {
		if text[i-1] == ' ' && strings.HasPrefix(text[i:], want) {
			return 1, true
		}
	}
	return 0, false
}

// Fold lower-cases s, removes accents and turns every run of punctuation or space into one space,
// so that search matches "José" with "jose" and "al-Sayed" with "al sayed".
func Fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '\'' || r == '’' || r == '.':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// isEntityIRI reports whether id names an entity node rather than an article, a statement or a
// property.
func isEntityIRI(id string) bool { return schema.IsEntityIRI(id) }

// eachQuadWith calls fn for every quad whose direction d holds v.
func (s *Store) eachQuadWith(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	return s.b.eachQuad(ctx, d, v, fn)
}

// Entity returns the node of one entity: name, type, aliases and article count, or ErrNotFound.
func (s *Store) Entity(ctx context.Context, id string) (_ *Node, err error) {
	defer s.guard(&err, debug.SetPanicOnFault(true))
	n, err := s.nodeInfo(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	if n == nil {
		return nil, fmt.Errorf("entity %s: %w", id, ErrNotFound)
	}
	return n, nil
}

// nodeInfo reads one entity node; nil when id is not an entity with a name.
func (s *Store) nodeInfo(ctx context.Context, id string) (*Node, error) {
	if !isEntityIRI(id) {
		return nil, nil
	}
	n := &Node{ID: id}
	arts := map[string]bool{}
	err := s.eachQuadOf(ctx, id, func(q quad.Quad) error {
		switch iriOf(q.Predicate) {
		case schema.PropName:
			n.Name = quad.ToString(q.Object)
		case schema.PropType:
			if t, ok := schema.TypeOfClass(iriOf(q.Object)); ok {
				n.Type = t.Label
			}
		case schema.PropAlias:
			n.Aliases = append(n.Aliases, quad.ToString(q.Object))
		case schema.PropMentionedIn:
			arts[iriOf(q.Object)] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if n.Name == "" {
		return nil, nil
	}
	sort.Strings(n.Aliases)
	n.Aliases = slices.Compact(n.Aliases)
	n.Articles = len(arts)
	return n, nil
}
