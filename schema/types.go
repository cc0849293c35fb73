package schema

import "strings"

// EntityType describes one kind of entity: its label in facts (as the named-entity recogniser
// writes it), the schema.org class of its node, and the slug its IRIs start with.
type EntityType struct {
	// Label is the type as it appears in facts: PERSON, ORG, GPE, ...
	Label string
	// Class is the schema.org class of the node (the object of its "type" quad).
	Class string
	// Slug is the first path segment of the entity's IRI.
	Slug string
	// Doc says what the type covers.
	Doc string
	// Name is the type's name for readers, as a legend shows it: "Person", "Country or city".
	Name string
}

// The labels of the entity types: the type field of facts and entity records.
const (
	TypePerson  = "PERSON"
	TypeOrg     = "ORG"
	TypeGPE     = "GPE"
	TypeLoc     = "LOC"
	TypeNORP    = "NORP"
	TypeEvent   = "EVENT"
	TypeWork    = "WORK"
	TypeProduct = "PRODUCT"
	TypeOther   = "OTHER"
)

// EntityTypes are the entity types newsgraph knows, in a fixed order. The last, OTHER, is what an
// unknown label becomes.
var EntityTypes = []EntityType{
	{TypePerson, "Person", "person", "people, real or fictional", "Person"},
	{TypeOrg, "Organization", "org", "companies, agencies, institutions, parties, governments as actors", "Organisation"},
	{TypeGPE, "AdministrativeArea", "gpe", "countries, cities, states: places with a government", "Country or city"},
	{TypeLoc, "Place", "loc", "other places: regions, mountains, seas", "Place"},
	{TypeNORP, "Audience", "norp", "nationalities, religious and political groups", "Group"},
	{TypeEvent, "Event", "event", "named events: wars, elections, summits", "Event"},
	{TypeWork, "CreativeWork", "work", "titles of books, songs, programmes, laws", "Work"},
	{TypeProduct, "Product", "product", "objects, vehicles, services", "Product"},
	{TypeOther, "Thing", "thing", "anything else", "Other"},
}

// TypeOf returns the entity type with the given label, or OTHER when the label is unknown.
func TypeOf(label string) EntityType {
	for _, t := range EntityTypes {
		if t.Label == label {
			return t
		}
	}
	return EntityTypes[len(EntityTypes)-1]
}

// TypeOfClass returns the entity type whose schema.org class is class, and whether there is one.
func TypeOfClass(class string) (EntityType, bool) {
	for _, t := range EntityTypes {
		if t.Class == class {
			return t, true
		}
	}
	return EntityType{}, false
}

// LookupType returns the entity type that s names, and whether there is one: its label
// ("PERSON"), its class ("Person") or its slug ("person"), in any case. Unlike TypeOf, an
// unknown name is not OTHER.
func LookupType(s string) (EntityType, bool) {
	for _, t := range EntityTypes {
		if strings.EqualFold(s, t.Label) || strings.EqualFold(s, t.Class) || strings.EqualFold(s, t.Slug) {
			return t, true
		}
	}
	return EntityType{}, false
}

// typeLabels returns the labels of EntityTypes, for messages.
func typeLabels() []string {
	out := make([]string, len(EntityTypes))
	for i, t := range EntityTypes {
		out[i] = t.Label
	}
	return out
}
