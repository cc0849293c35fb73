package schema

import (
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
)

// Short IRIs of the properties and classes of the graph model. Canonical predicates (see
// Predicates) are properties too: their IRI is PredicateIRI(name).
const (
	// Every node.
	PropType = "type" // node —type→ class (Person, Organization, NewsArticle, Statement, ...)

	// Entity nodes: name, type and aliases are written without a label (they belong to the
	// entity, not to any single article); mentioned_in carries the article.
	PropName        = "name"         // canonical name
	PropAlias       = "alias"        // every other name an article used for the entity
	PropMentionedIn = "mentioned_in" // entity —mentioned_in→ article, labelled with the article

	// Article nodes.
	PropID       = "id"     // the article id as given
	PropTitle    = "title"  // headline
	PropSource   = "source" // publisher
	PropURL      = "url"    // where it was published
	PropDate     = "date"   // publication date: "2006-01-02" or RFC 3339 (see NormalizeDate)
	PropAuthor   = "author" // author(s), as one string
	PropLang     = "language"
	PropCategory = "category" // one quad per section or tag
	PropFile     = "file"     // the file (and line) it was read from
	PropHash     = "hash"     // SHA-256 of the text

	// Statement nodes: one per fact occurrence, for provenance.
	PropSubject        = "subject"
	PropPredicate      = "predicate"
	PropObject         = "object"
	PropRelation       = "relation"   // the words of the text
	PropEvidence       = "evidence"   // the sentence
	PropSentence       = "sentence"   // its index in the article
	PropStart          = "start"      // byte offset of the sentence in the article
	PropEnd            = "end"        // byte offset of its end
	PropConfidence     = "confidence" // 0..1
	PropArticle        = "article"    // statement —article→ article
	PropCAMEO          = "cameo"
	PropNegated        = "negated"
	PropModality       = "modality"
	PropAttributedTo   = "attributed_to"
	PropSubjectMention = "subject_mention"
	PropObjectMention  = "object_mention"
	PropOpen           = "open"      // true for an open (non-canonical) predicate
	PropTime           = "time"      // when, ISO 8601 (typed in RDF exports: see TimeLiteral)
	PropTimeText       = "time_text" // the time expression as written, or the article's date
	PropTimeKind       = "time_kind" // "event" or "reported" (see Time)

	// Classes of the nodes that are not entities.
	ClassArticle   = "NewsArticle"
	ClassStatement = "Statement"
	// ClassPredicate is the class of the canonical predicates used in the graph: every fact
	// predicate node has <type> <Predicate>, so that g.V().Has("<type>", "<Predicate>") is the set
	// of fact edges a Gizmo traversal can follow (and name, type, alias are not).
	ClassPredicate = "Predicate"
)

// Label returns the quad label of everything one article contributes.
func Label(articleID string) quad.IRI { return quad.IRI(ArticleIRI(articleID)) }

// ArticleQuads returns the quads of an article node, labelled with the article.
func ArticleQuads(a Article) []quad.Quad {
	n := quad.IRI(ArticleIRI(a.ID))
	l := Label(a.ID)
	qs := []quad.Quad{
		quad.Make(n, quad.IRI(PropType), quad.IRI(ClassArticle), l),
		quad.Make(n, quad.IRI(PropID), quad.String(a.ID), l),
		quad.Make(n, quad.IRI(PropHash), quad.String(a.Hash), l),
	}
	for _, p := range [...]struct{ prop, val string }{
		{PropTitle, a.Title}, {PropSource, a.Source}, {PropURL, a.URL}, {PropDate, a.Date}, {PropFile, a.File},
		{PropAuthor, a.Author}, {PropLang, a.Language},
	} {
		if p.val != "" {
			qs = append(qs, quad.Make(n, quad.IRI(p.prop), quad.String(p.val), l))
		}
	}
	for _, c := range a.Categories {
		if c != "" {
			qs = append(qs, quad.Make(n, quad.IRI(PropCategory), quad.String(c), l))
		}
	}
	return qs
}

// EntityQuads returns the quads of an entity node as one article saw it: name, type and the
// aliases it used without a label (they hold whatever article says them, and every article that
// uses them repeats them), and mentioned_in labelled with the article. Aliases are the entity's
// and not the article's so that a much-mentioned entity has one alias quad per name rather than
// one per article: Cayley reads every quad of a node to follow any of its edges, and a node's
// quads are what a Gizmo traversal through it costs.
func EntityQuads(e EntityRecord, articleID string) []quad.Quad {
	n := quad.IRI(e.ID)
	qs := []quad.Quad{
		quad.Make(n, quad.IRI(PropType), quad.IRI(TypeOf(e.Type).Class), nil),
		quad.Make(n, quad.IRI(PropName), quad.String(e.Name), nil),
	}
	aliases := append([]string(nil), e.Aliases...)
	sort.Strings(aliases)
	for i, a := range aliases {
		if a != e.Name && (i == 0 || a != aliases[i-1]) {
			qs = append(qs, quad.Make(n, quad.IRI(PropAlias), quad.String(a), nil))
		}
	}
	return append(qs, quad.Make(n, quad.IRI(PropMentionedIn), quad.IRI(ArticleIRI(articleID)), Label(articleID)))
}

// FactQuads returns the quads of one fact occurrence, all labelled with its article: the direct
// edge subject —predicate→ object (omitted for negated and non-asserted facts, which are only
// statements) and the statement node that carries its provenance.
func FactQuads(f *Fact) []quad.Quad {
	l := Label(f.Doc)
	s := quad.IRI(f.Subject.ID)
	var o quad.Value = quad.String(f.Object.Literal)
	if !f.Object.IsLiteral() {
		o = quad.IRI(f.Object.ID)
	}
	p := quad.IRI(PredicateIRI(f.Predicate))
	var qs []quad.Quad
	if Asserted(f) {
		qs = append(qs, quad.Make(s, p, o, l))
	}
	st := quad.IRI(StatementIRI(f))
	add := func(prop string, v quad.Value) { qs = append(qs, quad.Make(st, quad.IRI(prop), v, l)) }
	add(PropType, quad.IRI(ClassStatement))
	add(PropSubject, s)
	add(PropPredicate, p)
	add(PropObject, o)
	add(PropRelation, quad.String(f.Relation))
	add(PropEvidence, quad.String(f.Evidence))
	add(PropSentence, quad.Int(f.Sentence))
	add(PropStart, quad.Int(f.Start))
	add(PropEnd, quad.Int(f.End))
	add(PropConfidence, quad.Float(f.Confidence))
	add(PropArticle, quad.IRI(ArticleIRI(f.Doc)))
	if f.Subject.Mention != "" {
		add(PropSubjectMention, quad.String(f.Subject.Mention))
	}
	if !f.Object.IsLiteral() && f.Object.Mention != "" {
		add(PropObjectMention, quad.String(f.Object.Mention))
	}
	if f.CAMEO != "" {
		add(PropCAMEO, quad.String(f.CAMEO))
	}
	if f.Negated {
		add(PropNegated, quad.Bool(true))
	}
	if f.Modality != "" {
		add(PropModality, quad.String(f.Modality))
	}
	if f.AttributedTo != nil {
		add(PropAttributedTo, quad.IRI(f.AttributedTo.ID))
	}
	if f.Open {
		add(PropOpen, quad.Bool(true))
	}
	if f.Time != nil {
		if f.Time.Value != "" {
			add(PropTime, quad.String(f.Time.Value)) // a plain string: Gizmo compares and sorts it
		}
		add(PropTimeText, quad.String(f.Time.Text))
		add(PropTimeKind, quad.String(f.Time.Kind))
	}
	return qs
}

// TimeLiteral returns the RDF literal of a Time value, as RDF exports write the time property
// (the store holds the plain string): a day as xsd:date, a month as xsd:gYearMonth, a year as
// xsd:gYear, and a range ("2022-10-03/2022-10-09", "2002/..") as a plain string.
func TimeLiteral(v string) quad.Value {
	typ := ""
	switch {
	case strings.Contains(v, "/"):
	case len(v) == 10:
		typ = "date"
	case len(v) == 7:
		typ = "gYearMonth"
	case len(v) == 4:
		typ = "gYear"
	}
	if typ == "" {
		return quad.String(v)
	}
	return quad.TypedString{Value: quad.String(v), Type: quad.IRI(NSXSD + typ)}
}

// Asserted reports whether the article asserts the fact as real: not negated, not hypothetical,
// not merely part of what somebody said. Only asserted facts get a direct edge.
func Asserted(f *Fact) bool { return !f.Negated && f.Modality == "" }

// RDF namespaces the exports use.
const (
	NSRDF    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	NSSchema = "http://schema.org/"
	NSProv   = "http://www.w3.org/ns/prov#"
	NSXSD    = "http://www.w3.org/2001/XMLSchema#"
	// DefaultBase is the namespace of newsgraph's own nodes and terms in exports.
	DefaultBase = "urn:newsgraph:"
)

// standard maps short IRIs to terms of public vocabularies in exports.
var standard = map[string]string{
	PropType:         NSRDF + "type",
	PropName:         NSSchema + "name",
	PropAlias:        NSSchema + "alternateName",
	PropID:           NSSchema + "identifier",
	PropTitle:        NSSchema + "headline",
	PropSource:       NSSchema + "publisher",
	PropURL:          NSSchema + "url",
	PropDate:         NSSchema + "datePublished",
	PropAuthor:       NSSchema + "author",
	PropLang:         NSSchema + "inLanguage",
	PropCategory:     NSSchema + "articleSection",
	PropSubject:      NSRDF + "subject",
	PropPredicate:    NSRDF + "predicate",
	PropObject:       NSRDF + "object",
	PropArticle:      NSProv + "wasDerivedFrom",
	PropAttributedTo: NSProv + "wasAttributedTo",
	ClassStatement:   NSRDF + "Statement",
	ClassArticle:     NSSchema + "NewsArticle",
	ClassPredicate:   NSRDF + "Property",
}

func init() {
	for _, t := range EntityTypes {
		standard[t.Class] = NSSchema + t.Class
	}
}

// Vocabulary maps the graph's short IRIs to absolute ones and back: public vocabularies
// (schema.org, RDF, PROV-O) where a term exists, Base + the short IRI otherwise.
type Vocabulary struct {
	// Base is the namespace of newsgraph's own nodes and terms, e.g. DefaultBase.
	Base    string
	reverse map[string]string
}

// NewVocabulary returns the vocabulary with the given base ("" for DefaultBase).
func NewVocabulary(base string) *Vocabulary {
	if base == "" {
		base = DefaultBase
	}
	v := &Vocabulary{Base: base, reverse: make(map[string]string, len(standard))}
	for short, full := range standard {
		v.reverse[full] = short
	}
	return v
}

// Expand returns the absolute IRI of a short one.
func (v *Vocabulary) Expand(short string) string {
	if full, ok := standard[short]; ok {
		return full
	}
	return v.Base + short
}

// Compact is the inverse of Expand; an IRI from elsewhere is returned unchanged.
func (v *Vocabulary) Compact(full string) string {
	if short, ok := v.reverse[full]; ok {
		return short
	}
	if strings.HasPrefix(full, v.Base) {
		return full[len(v.Base):]
	}
	return full
}

// ExpandQuad maps every IRI of q through Expand.
func (v *Vocabulary) ExpandQuad(q quad.Quad) quad.Quad { return v.mapQuad(q, v.Expand) }

// CompactQuad maps every IRI of q through Compact.
func (v *Vocabulary) CompactQuad(q quad.Quad) quad.Quad { return v.mapQuad(q, v.Compact) }

func (v *Vocabulary) mapQuad(q quad.Quad, f func(string) string) quad.Quad {
	m := func(x quad.Value) quad.Value {
		if iri, ok := x.(quad.IRI); ok {
			return quad.IRI(f(string(iri)))
		}
		return x
	}
	return quad.Quad{Subject: m(q.Subject), Predicate: m(q.Predicate), Object: m(q.Object), Label: m(q.Label)}
}

// ArticleQuadsAll returns every quad one article contributes, deduplicated and in a stable
// order: its node, the entities it mentions, and its facts.
func ArticleQuadsAll(a Article, entities []EntityRecord, facts []Fact) []quad.Quad {
	qs := ArticleQuads(a)
	for _, e := range entities {
		qs = append(qs, EntityQuads(e, a.ID)...)
	}
	for i := range facts {
		qs = append(qs, FactQuads(&facts[i])...)
		qs = append(qs, quad.Make(quad.IRI(PredicateIRI(facts[i].Predicate)), quad.IRI(PropType), quad.IRI(ClassPredicate), nil))
	}
	seen := make(map[quad.Quad]struct{}, len(qs))
	out := qs[:0]
	for _, q := range qs {
		if _, dup := seen[q]; !dup {
			seen[q] = struct{}{}
			out = append(out, q)
		}
	}
	return out
}
