package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/schema"
)

// GoldEntity is one entity of a gold folder's entities.json.
type GoldEntity struct {
	// ID is the entity id the gold facts use ("maria_lopez"); its underscores read as spaces make
	// one more alias.
	ID string `json:"id"`
	// Name is the entity's canonical name.
	Name string `json:"name"`
	// Type is PERSON, ORG, GPE, ...; a PERSON's last name (over two letters) also resolves to it.
	Type string `json:"type"`
	// Aliases are the other surface forms that refer to the entity.
	Aliases []string `json:"aliases"`
}

// GoldObject is the object of a gold fact: an entity id, or a literal.
type GoldObject struct {
	// Entity is the gold entity id; empty for a literal.
	Entity string
	// Literal is the text of a literal object ({"literal": ...}).
	Literal string
}

// IsLiteral reports whether the object is a literal rather than an entity.
func (o GoldObject) IsLiteral() bool { return o.Entity == "" }

// UnmarshalJSON reads an entity id (a string) or {"literal": text}.
func (o *GoldObject) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return errors.New("object: null")
	}
	var id string
	if err := json.Unmarshal(b, &id); err == nil {
		if id == "" {
			return errors.New("object: empty entity id")
		}
		*o = GoldObject{Entity: id}
		return nil
	}
	var lit struct {
		Literal *string `json:"literal"`
	}
	if err := json.Unmarshal(b, &lit); err != nil || lit.Literal == nil {
		return errors.New(`object: neither an entity id nor {"literal": text}`)
	}
	*o = GoldObject{Literal: *lit.Literal}
	return nil
}

// GoldFact is one line of a gold folder's facts.jsonl.
type GoldFact struct {
	// ID names the fact in reports ("f001").
	ID string `json:"id"`
	// Subject is a gold entity id.
	Subject string `json:"subject"`
	// Predicate is the lemmatised verb phrase as the article words it.
	Predicate string `json:"predicate"`
	// PredicateVariants are other wordings of the predicate.
	PredicateVariants []string `json:"predicate_variants"`
	// Class is the coarse class of the predicate (PRAISE, SAY, ROLE, ...).
	Class string `json:"class"`
	// Object is the fact's object.
	Object GoldObject `json:"object"`
	// Docs are the documents (seed file names) that state the fact.
	Docs []string `json:"docs"`
	// Core marks a main fact of the story.
	Core bool `json:"core"`
	// Line is the line of facts.jsonl the fact was read from.
	Line int `json:"-"`
}

// Gold is a gold folder: its entities and facts, and the name index that resolves predicted
// entities to gold ids.
type Gold struct {
	// Entities are the entities of entities.json, in file order.
	Entities []GoldEntity
	// Facts are the facts of facts.jsonl, in file order.
	Facts []GoldFact

	alias map[string][]string // norm'ed name → gold ids (sorted)
	last  map[string][]string // norm'ed last name of a PERSON → gold ids (sorted)
}

// LoadGold reads dir/entities.json and dir/facts.jsonl. A missing file, a line that is not JSON
// and a fact or entity without its required fields are errors naming the file and line.
func LoadGold(dir string) (*Gold, error) {
	ents, err := readEntities(filepath.Join(dir, "entities.json"))
	if err != nil {
		return nil, err
	}
	facts, err := readGoldFacts(filepath.Join(dir, "facts.jsonl"))
	if err != nil {
		return nil, err
	}
	return NewGold(ents, facts), nil
}

// NewGold indexes the names of entities for Resolve.
func NewGold(entities []GoldEntity, facts []GoldFact) *Gold {
	g := &Gold{Entities: entities, Facts: facts, alias: map[string][]string{}, last: map[string][]string{}}
	add := func(m map[string][]string, k, id string) {
		if !slices.Contains(m[k], id) {
			m[k] = append(m[k], id)
			slices.Sort(m[k])
		}
	}
	for _, e := range entities {
		names := append([]string{e.Name, strings.ReplaceAll(e.ID, "_", " ")}, e.Aliases...)
		for _, n := range names {
			add(g.alias, norm(n), e.ID)
		}
		if e.Type == schema.TypePerson {
			toks := fields(norm(e.Name))
			if len(toks) > 1 && utf8.RuneCountInString(toks[len(toks)-1]) > 2 {
				add(g.last, toks[len(toks)-1], e.ID)
			}
		}
	}
	return g
}

// Resolve returns the gold ids a predicted entity may stand for (nil: none): those its name,
// mention or text names, else those of the person whose last name its last word is. A literal
// without a name resolves to nothing. The slice is shared: callers must not modify it.
func (g *Gold) Resolve(r Ref) []string {
	if !r.Dict || r.HasLiteral && r.Name == "" {
		return nil
	}
	cands := [...]string{r.Name, r.Mention, r.Text}
	for _, c := range cands {
		if n := norm(c); n != "" {
			if ids, ok := g.alias[n]; ok {
				return ids
			}
		}
	}
	for _, c := range cands {
		toks := fields(norm(c))
		if len(toks) == 0 {
			continue
		}
		if ids, ok := g.last[toks[len(toks)-1]]; ok && (r.Type == "" || r.Type == schema.TypePerson || len(toks) > 1) {
			return ids
		}
	}
	return nil
}

// lineAt returns the 1-based line of data at byte offset off.
func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return 1 + bytes.Count(data[:off], []byte("\n"))
}

// jsonErrLine returns the line a decoding error of data points at, or 0 when it does not say.
func jsonErrLine(data []byte, err error) int {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return lineAt(data, se.Offset)
	case errors.As(err, &te):
		return lineAt(data, te.Offset)
	}
	return 0
}

// readEntities reads entities.json: one JSON array of entities, each with an id, a name and a type.
func readEntities(path string) ([]GoldEntity, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gold entities: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	bad := func(off int64, err error) error {
		if l := jsonErrLine(data, err); l > 0 {
			return fmt.Errorf("%s:%d: %w", path, l, err)
		}
		// Point at the first byte of the value, past the separator before it.
		for off < int64(len(data)) && strings.ContainsRune(" \t\r\n,", rune(data[off])) {
			off++
		}
		return fmt.Errorf("%s:%d: %w", path, lineAt(data, off), err)
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		if err == nil {
			err = errors.New("not a JSON array of entities")
		}
		return nil, bad(0, err)
	}
	var ents []GoldEntity
	seen := map[string]bool{}
	for dec.More() {
		off := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, bad(off, err)
		}
		var e GoldEntity
		if err := json.Unmarshal(raw, &e); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) {
				err = fmt.Errorf("entity field %q is not a %s", te.Field, te.Type)
			}
			return nil, bad(off, err)
		}
		var missing []string
		for _, f := range [][2]string{{"id", e.ID}, {"name", e.Name}, {"type", e.Type}} {
			if f[1] == "" {
				missing = append(missing, f[0])
			}
		}
		if len(missing) > 0 {
			return nil, bad(off, fmt.Errorf("entity without %s", strings.Join(missing, ", ")))
		}
		if seen[e.ID] {
			return nil, bad(off, fmt.Errorf("entity id %q listed twice", e.ID))
		}
		seen[e.ID] = true
		ents = append(ents, e)
	}
	if _, err := dec.Token(); err != nil {
		return nil, bad(dec.InputOffset(), err)
	}
	return ents, nil
}

// readGoldFacts reads facts.jsonl: one gold fact a line, blank lines ignored.
func readGoldFacts(path string) ([]GoldFact, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gold facts: %w", err)
	}
	defer f.Close()
	var facts []GoldFact
	err = eachLine(f, func(n int, line []byte) error {
		var g GoldFact
		if err := json.Unmarshal(line, &g); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) && te.Field != "" {
				err = fmt.Errorf("field %q is not a %s", te.Field, te.Type)
			}
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		var missing []string
		for _, f := range [][2]string{{"id", g.ID}, {"subject", g.Subject}, {"predicate", g.Predicate}, {"class", g.Class}} {
			if f[1] == "" {
				missing = append(missing, f[0])
			}
		}
		var obj struct {
			Object json.RawMessage `json:"object"`
		}
		if json.Unmarshal(line, &obj); obj.Object == nil {
			missing = append(missing, "object")
		}
		if g.Docs == nil {
			missing = append(missing, "docs")
		}
		if len(missing) > 0 {
			return fmt.Errorf("%s:%d: fact without %s", path, n, strings.Join(missing, ", "))
		}
		g.Line = n
		facts = append(facts, g)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("gold facts: %w", err)
	}
	return facts, nil
}

// eachLine calls fn with each non-blank line of r (any length) and its 1-based number.
func eachLine(r io.Reader, fn func(n int, line []byte) error) error {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			if ferr := fn(n, line); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
}
