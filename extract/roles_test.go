package extract

import "testing"

// TestResolvedOwnerConfidence checks that a role whose owner a pronoun names ("its chief
// executive X") is less sure than one whose owner is named ("Acme Corp chief executive X").
func TestResolvedOwnerConfidence(t *testing.T) {
	named := extractText(t, "Acme Corp chief executive Maria Lopez said the plan would work.\n")
	resolved := extractText(t, "Acme Corp said on Monday that it would cut jobs.\n\nIt is parting company with its chief executive Maria Lopez.\n")
	i, j := findFact(named.Facts, "Maria Lopez | ceo of | Acme Corp"), findFact(resolved.Facts, "Maria Lopez | ceo of | Acme Corp")
	if i < 0 || j < 0 {
		t.Fatalf("no role fact: named %d, resolved %d", i, j)
	}
	if a, b := named.Facts[i].Confidence, resolved.Facts[j].Confidence; b >= a {
		t.Errorf("confidence through \"its\" %.3f, not below the named owner's %.3f", b, a)
	}
}

// TestSpeakerUnderOrganisation checks that "said Acme chief executive X", parsed with Acme as
// the subject and X hung below it, gives X's statement, not Acme's.
func TestSpeakerUnderOrganisation(t *testing.T) {
	r := extractText(t, "\"We can help mass-market adoption of the service,\" said Acme chief executive Tom Holm.\n")
	if findFact(r.Facts, "Tom Holm | said | We can help mass-market adoption of the service") < 0 {
		t.Errorf("no statement of Tom Holm in %v", r.Facts)
	}
	for _, f := range r.Facts {
		if f.Subject.Name == "Acme" {
			t.Errorf("Acme speaks: %s | %s", f.Predicate, f.Object.Literal)
		}
	}
}
