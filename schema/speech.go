package schema

// speechClasses are the classes of the predicates of communication (the "Communication" part of
// predicates.tsv, and denials): a fact with one of them is something a subject said, asked,
// urged, demanded, proposed, offered, denied or replied.
var speechClasses = map[string]bool{
	ClassSay: true, ClassAsk: true, ClassUrge: true, ClassDemand: true, ClassPropose: true, ClassOffer: true,
	ClassReply: true, ClassDeny: true,
}

// IsSpeechPredicate reports whether the canonical predicate name is a speech act: said, told,
// claimed, warned, announced, posted, asked, urged, demanded, proposed, promised, offered,
// denied, replied to. Open predicates are not.
func IsSpeechPredicate(name string) bool {
	p, ok := PredicateByName(name)
	return ok && speechClasses[p.Class]
}
