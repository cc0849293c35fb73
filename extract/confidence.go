package extract

// The confidences of the fact constructions, in one table. A fact's confidence is its
// construction's base times the factors that apply and the weights of its mentions. They were set
// from how often each construction is right: the top bucket (0.85 and over) is right about nine
// times in ten on the dev gold and in the judged sample (eval/precision.sh score
// eval/judged.tsv); open predicates are right about half the time.
const (
	// Bases.
	confVerb         = 0.9  // a canonical verb with its own subject and a direct object
	confVerbIndirect = 0.85 // a canonical verb in the passive, or with a prepositional object
	confOpen         = 0.6  // an open predicate (schema.OpenPredicate)
	confTitleRole    = 0.9  // a title beside a name: "Acme spokesman X"
	confTitle        = 0.8  // a title with no owner or role predicate: has title
	confCopularRole  = 0.8  // "X is chairman of Y", "X became chairman of Y"
	confAffiliation  = 0.7  // "X of the Green Party": member of
	confAccording    = 0.85 // "according to X, S": X said S
	confRuledOut     = 0.6  // "X stressed there can be no Y": X rejected Y
	confPartOf       = 0.8  // "X is part of Y", "X, a region of Y"
	confPlace        = 0.7  // "Springfield, Ohio"
	confStateBody    = 0.85 // "the Ruritanian Navy": part of Ruritania
	confReaction     = 0.6  // "the plan drew criticism from X"
	confEventNoun    = 0.6  // "X's support for Y"

	// Factors.
	factorInherited    = 0.85 // the subject comes from another clause
	factorDerived      = 0.85 // the verb was read through the CAMEO table, not the curated lexicon
	factorThing        = 0.8  // the literal object of a verb that is not one of saying
	factorUnnamed      = 0.8  // the content of what somebody unnamed said ("…, officials said")
	factorHypothetical = 0.7  // not asserted: under a modal, or an infinitive nothing makes happen
	factorLiteral      = 0.9  // a literal object rather than an entity

	// Mention weights (mentionWeight).
	weightNominal = 0.85 // a description: "the company"
	weightPronoun = 0.9  // a pronoun
	weightWeak    = 0.8  // reached through a possessive: "Lopez's plan" for Lopez
)
