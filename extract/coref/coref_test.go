package coref

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
)

// sent builds a parsed sentence from "word/TAG/head/dep/ENT" items (head 0-based, -1 root); the
// lemma is the lower-cased word, or given after it as in "said:say".
func sent(t *testing.T, items string) doc.Sentence {
	t.Helper()
	var s doc.Sentence
	for _, it := range strings.Fields(items) {
		f := strings.Split(it, "/")
		if len(f) != 5 {
			t.Fatalf("bad item %q", it)
		}
		head := 0
		for _, c := range strings.TrimPrefix(f[2], "-") {
			head = head*10 + int(c-'0')
		}
		if strings.HasPrefix(f[2], "-") {
			head = -head
		}
		text, lemma := f[0], strings.ToLower(f[0])
		if w, l, ok := strings.Cut(f[0], ":"); ok && w != "" && l != "" {
			text, lemma = w, l
		}
		s.Tokens = append(s.Tokens, doc.Token{Text: text, Lemma: lemma, Tag: f[1], Head: head, Dep: f[3], Ent: f[4]})
	}
	return s
}

// resolveSents resolves a document of hand-parsed sentences (see sent).
func resolveSents(t *testing.T, items ...string) *Result {
	t.Helper()
	d := &doc.Doc{}
	for _, it := range items {
		d.Sentences = append(d.Sentences, sent(t, it))
	}
	return Resolve(d)
}

func testDoc(t *testing.T) *doc.Doc {
	return &doc.Doc{Sentences: []doc.Sentence{
		// Acme spokesman Maria Lopez praised the plan .
		sent(t, "Acme/NNP/1/compound/B-ORG spokesman/NN/3/compound/O Maria/NNP/4/nsubj/B-PERSON Lopez/NNP/2/flat/I-PERSON praised/VBD/-1/root/O the/DT/6/det/O plan/NN/4/obj/O ./././punct/O"),
		// Lopez said she backed it .   (the recogniser missed "Lopez")
		sent(t, "Lopez/NNP/1/nsubj/O said:say/VBD/-1/root/O she/PRP/3/nsubj/O backed/VBD/1/ccomp/O it/PRP/3/obj/O ./././punct/O"),
		// The spokesman left .
		sent(t, "The/DT/1/det/O spokesman/NN/2/nsubj/O left/VBD/-1/root/O ./././punct/O"),
	}}
}

func TestResolve(t *testing.T) {
	r := Resolve(testDoc(t))
	var person = -1
	for i, e := range r.Entities {
		if e.Name == "Maria Lopez" && e.Type == "PERSON" {
			person = i
		}
	}
	if person < 0 {
		t.Fatalf("no entity Maria Lopez in %+v", r.Entities)
	}
	for _, at := range []struct {
		sent, tok int
		what      string
	}{
		{1, 0, "the surname the recogniser missed"},
		{1, 2, "the pronoun"},
		{2, 1, "the description by her title"},
	} {
		m, ok := r.At(at.sent, at.tok)
		if !ok || m.Entity != person {
			t.Errorf("%s (sentence %d token %d) not resolved to Maria Lopez: %+v", at.what, at.sent, at.tok, m)
		}
	}
	if len(r.Roles) != 1 {
		t.Fatalf("roles %+v, want one", r.Roles)
	}
	role := r.Roles[0]
	if role.Person != person || role.Title != "spokesman" || len(role.Of) != 1 || r.Entities[role.Of[0]].Name != "Acme" {
		t.Errorf("role %+v, want spokesman of Acme", role)
	}
	if _, ok := r.At(1, 4); ok {
		t.Error(`"it" resolved though no organisation was its subject before`)
	}
}

func TestAcronymAndArticle(t *testing.T) {
	r := resolveSents(t,
		"World/NNP/2/compound/B-ORG Trade/NNP/2/compound/I-ORG Organization/NNP/3/nsubj/I-ORG met/VBD/-1/root/O ./././punct/O",
		"The/DT/1/det/O WTO/NNP/2/nsubj/B-ORG agreed/VBD/-1/root/O ./././punct/O",
		"the/DT/1/det/O Vatican/NNP/2/nsubj/B-PERSON spoke/VBD/-1/root/O ./././punct/O",
	)
	a, _ := r.At(0, 0)
	b, _ := r.At(1, 1)
	if a == nil || b == nil || a.Entity != b.Entity {
		t.Errorf("acronym not linked to its name: %+v %+v", a, b)
	}
	if m, ok := r.At(2, 1); !ok || m.Type != "ORG" {
		t.Errorf(`"the Vatican" typed %+v, want ORG (people take no article)`, m)
	}
}

func TestResolveOddInput(t *testing.T) {
	for _, d := range []*doc.Doc{
		{},
		{Sentences: []doc.Sentence{{}}},
		{Sentences: []doc.Sentence{{Tokens: []doc.Token{{Text: "he", Tag: "PRP", Head: 5}, {Text: "X", Ent: "I-PERSON", Head: -3}}}}},
		// heads in a cycle, as no parse should give
		{Sentences: []doc.Sentence{{Tokens: []doc.Token{{Text: "plan", Tag: "NN", Head: 1, Dep: "nmod"}, {Text: "it", Tag: "PRP", Head: 2, Dep: "nmod:poss"}, {Text: "plans", Tag: "NNS", Head: 0, Dep: "nmod"}}}}},
	} {
		_ = Resolve(d) // must not panic
	}
}

// A one-word "person" that owns a business title is a company the recogniser mistyped; a
// sentence-initial name the tagger called a common noun is still found by consistency.
func TestOwnersAndInitialNames(t *testing.T) {
	r := resolveSents(t,
		"Maria/NNP/3/nsubj/B-PERSON Lopez/NNP/0/flat/I-PERSON ,/,/0/punct/O met/VBD/-1/root/O Zenith/NNP/6/nmod:poss/B-PERSON 's/POS/4/case/O CEO/NN/3/obj/O ./././punct/O",
		"Lopez/NN/1/nsubj/O says:say/VBZ/-1/root/O she/PRP/3/nsubj/O agreed/VBD/1/ccomp/O ./././punct/O",
	)
	if m, ok := r.At(0, 4); !ok || r.Entities[m.Entity].Type != "ORG" {
		t.Errorf("the owner of a CEO stayed a person: %+v", m)
	}
	if m, ok := r.At(0, 6); ok && m.Entity >= 0 {
		t.Errorf("an owned description with no matching description was resolved by salience: %+v", m)
	}
	m, ok := r.At(1, 0)
	if !ok || r.Entities[m.Entity].Name != "Maria Lopez" {
		t.Errorf("sentence-initial surname tagged NN not linked: %+v", m)
	}
}

// A description after a preposition starts at its determiner, not at the preposition: "at the
// media mogul" is a description of the most salient person.
func TestDescriptionAfterPreposition(t *testing.T) {
	r := resolveSents(t,
		// Maria Lopez posted a plan .
		"Maria/NNP/1/compound/B-PERSON Lopez/NNP/2/nsubj/I-PERSON posted/VBD/-1/root/O a/DT/4/det/O plan/NN/2/obj/O ./././punct/O",
		// Critics hit back at the media mogul .
		"Critics/NNS/1/nsubj/O hit/VBD/-1/root/O back/RB/1/advmod/O at/IN/6/case/O the/DT/6/det/O media/NN/6/compound/O mogul/NN/1/obl/O ./././punct/O",
	)
	m, ok := r.At(1, 6)
	if !ok || m.Entity < 0 || r.Entities[m.Entity].Name != "Maria Lopez" {
		t.Fatalf("the media mogul not resolved to Maria Lopez: %+v", m)
	}
	if m.Text != "the media mogul" {
		t.Errorf("mention text %q, want %q", m.Text, "the media mogul")
	}
}

// Descriptions give roles ("the Zenbo and Quarkly founder" is founder of both), and a name in a
// caption neither outvotes the running text's type nor draws the text's pronouns.
func TestDescriptionRolesAndCaptions(t *testing.T) {
	cap := sent(t, "Ivan/NNP/1/compound/B-PERSON Petrov/NNP/-1/root/I-PERSON")
	cap.Kind = doc.Caption
	d := &doc.Doc{Sentences: []doc.Sentence{
		cap,
		// Maria Lopez spoke .
		sent(t, "Maria/NNP/1/compound/B-PERSON Lopez/NNP/2/nsubj/I-PERSON spoke/VBD/-1/root/O ./././punct/O"),
		// The Zenbo and Quarkly founder said his plan worked .
		sent(t, "The/DT/4/det/O Zenbo/NNP/4/compound/B-ORG and/CC/3/cc/O Quarkly/NNP/1/conj/B-ORG founder/NN/5/nsubj/O said:say/VBD/-1/root/O his/PRP$/7/nmod:poss/O plan/NN/8/nsubj/O worked/VBD/5/ccomp/O ./././punct/O"),
	}}
	r := Resolve(d)
	m, ok := r.At(2, 4)
	if !ok || r.Entities[m.Entity].Name != "Maria Lopez" {
		t.Fatalf("the founder not resolved to Maria Lopez (not the caption's name): %+v", m)
	}
	var of []string
	for _, role := range r.Roles {
		if role.Person == m.Entity && role.Title == "founder" {
			for _, e := range role.Of {
				of = append(of, r.Entities[e].Name)
			}
		}
	}
	if strings.Join(of, ",") != "Zenbo,Quarkly" {
		t.Errorf("founder of %v, want Zenbo and Quarkly", of)
	}
}

// An office nobody was described by stays unresolved (not the article's protagonist), and a
// title's modifiers make another office: "the deputy prime minister" is not the person called
// "prime minister"; a descriptive noun ("the tycoon") still goes to the protagonist.
func TestDescriptionsOfOffices(t *testing.T) {
	r := resolveSents(t,
		// Prime minister Maria Lopez spoke .
		"Prime/NNP/1/compound/O minister/NN/2/compound/O Maria/NNP/4/nsubj/B-PERSON Lopez/NNP/2/flat/I-PERSON spoke/VBD/-1/root/O ./././punct/O",
		// The deputy prime minister left .
		"The/DT/3/det/O deputy/JJ/3/amod/O prime/JJ/3/amod/O minister/NN/4/nsubj/O left/VBD/-1/root/O ./././punct/O",
		// The spokesman said so .
		"The/DT/1/det/O spokesman/NN/2/nsubj/O said:say/VBD/-1/root/O so/RB/2/advmod/O ./././punct/O",
		// The tycoon smiled .
		"The/DT/1/det/O tycoon/NN/2/nsubj/O smiled/VBD/-1/root/O ./././punct/O",
		// The prime minister smiled .
		"The/DT/2/det/O prime/JJ/2/amod/O minister/NN/3/nsubj/O smiled/VBD/-1/root/O ./././punct/O",
	)
	entityAt := func(si, tok int) string {
		m, ok := r.At(si, tok)
		if !ok || m.Entity < 0 {
			return ""
		}
		return r.Entities[m.Entity].Name
	}
	for _, c := range []struct {
		si, tok int
		want    string
	}{
		{1, 3, ""},            // the deputy prime minister: nobody named so
		{2, 1, ""},            // the spokesman: nobody named so
		{3, 1, "Maria Lopez"}, // the tycoon: the protagonist
		{4, 2, "Maria Lopez"}, // the prime minister: so described before
	} {
		if got := entityAt(c.si, c.tok); got != c.want {
			t.Errorf("sentence %d token %d: entity %q, want %q", c.si, c.tok, got, c.want)
		}
	}
}

// TestSpeakerNotInQuote checks that "he said" after a quotation does not take a name the
// quotation holds, and that the owner of an embedded clause's subject is no subject: the speaker
// is the main subject of the sentence before.
func TestSpeakerNotInQuote(t *testing.T) {
	r := resolveSents(t,
		// John Smith says Tom Jones's form is poor .
		"John/NNP/2/nsubj/B-PERSON Smith/NNP/0/flat/I-PERSON says:say/VBZ/-1/root/O Tom/NNP/6/nmod:poss/B-PERSON Jones/NNP/3/flat/I-PERSON 's/POS/3/case/O form/NN/8/nsubj/O is/VBZ/8/cop/O poor/JJ/2/ccomp/O ./././punct/O",
		// " Nobody plays like Tom Jones , " he said .
		"\"/``/9/punct/O Nobody/NN/2/nsubj/O plays/VBZ/9/ccomp/O like/IN/4/case/O Tom/NNP/2/obl/B-PERSON Jones/NNP/4/flat/I-PERSON ,/,/9/punct/O \"/''/9/punct/O he/PRP/9/nsubj/O said:say/VBD/-1/root/O ./././punct/O",
	)
	m, ok := r.At(1, 8)
	if !ok || r.Entities[m.Entity].Name != "John Smith" {
		t.Fatalf("he resolved to %+v, want John Smith (entities %+v)", m, r.Entities)
	}
	if q, _ := r.At(1, 4); q == nil || !q.Quoted {
		t.Errorf("the name inside the quotation is not marked quoted: %+v", q)
	}
}

// TestNationalDescription checks that "the Frenchman" describes a person, resolved to the
// article's person.
func TestNationalDescription(t *testing.T) {
	r := resolveSents(t,
		// Maria Lopez left the club .
		"Maria/NNP/2/nsubj/B-PERSON Lopez/NNP/0/flat/I-PERSON left/VBD/-1/root/O the/DT/4/det/O club/NN/2/obj/O ./././punct/O",
		// The decision still angers the Frenchman .
		"The/DT/1/det/O decision/NN/3/nsubj/O still/RB/3/advmod/O angers/VBZ/-1/root/O the/DT/5/det/O Frenchman/NNP/3/obj/B-NORP ./././punct/O",
	)
	m, ok := r.At(1, 5)
	if !ok || m.Kind != Nominal || r.Entities[m.Entity].Name != "Maria Lopez" {
		t.Fatalf("the Frenchman resolved to %+v, want a description of Maria Lopez", m)
	}
}

// TestAliasesAreNames checks that an entity's aliases are the names the article gives it:
// descriptions and pronouns are left out, a possessive "'s" is dropped and a hyphenated name is
// joined again (issue 16: schema:alternateName held "the president" and "X 's").
func TestAliasesAreNames(t *testing.T) {
	for _, c := range []struct {
		name     string
		mentions []Mention
		want     []string
	}{
		{"names only", []Mention{{Kind: Name, Text: "Ada Quill"}, {Kind: Nominal, Text: "the president"}, {Kind: Pronoun, Text: "she"}, {Kind: Name, Text: "Quill"}}, []string{"Ada Quill", "Quill"}},
		{"possessive", []Mention{{Kind: Name, Text: "Quill 's"}, {Kind: Name, Text: "Quill ’s"}, {Kind: Name, Text: "Reyes '"}}, []string{"Quill", "Reyes"}},
		{"hyphenated", []Mention{{Kind: Name, Text: "Kerr - Vance"}}, []string{"Kerr-Vance"}},
		{"descriptions only", []Mention{{Kind: Nominal, Text: "the billionaire"}}, []string{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := Entity{}
			for i := range c.mentions {
				e.Mentions = append(e.Mentions, i)
			}
			if got := e.Aliases(c.mentions); !slices.Equal(got, c.want) {
				t.Errorf("Aliases = %q, want %q", got, c.want)
			}
		})
	}
}

// TestMainOrganisation checks that "the company", with no organisation a subject just before,
// is the organisation the article named most, when it named it three times or more.
func TestMainOrganisation(t *testing.T) {
	acme := "Acme/NNP/1/nsubj/B-ORG rose/VBD/-1/root/O ./././punct/O"
	d := &doc.Doc{Sentences: []doc.Sentence{
		sent(t, acme), sent(t, acme), sent(t, acme),
		// Tom Jones said the rain fell .
		sent(t, "Tom/NNP/2/nsubj/B-PERSON Jones/NNP/0/flat/I-PERSON said:say/VBD/-1/root/O the/DT/4/det/O rain/NN/5/nsubj/O fell/VBD/2/ccomp/O ./././punct/O"),
		sent(t, "Tom/NNP/2/nsubj/B-PERSON Jones/NNP/0/flat/I-PERSON left/VBD/-1/root/O ./././punct/O"),
		// The company grew .
		sent(t, "The/DT/1/det/O company/NN/2/nsubj/O grew/VBD/-1/root/O ./././punct/O"),
	}}
	r := Resolve(d)
	m, ok := r.At(5, 1)
	if !ok || r.Entities[m.Entity].Name != "Acme" {
		t.Fatalf("the company resolved to %+v, want Acme", m)
	}
	d.Sentences = append(d.Sentences[:1], d.Sentences[3:]...) // Acme named once only
	r = Resolve(d)
	if m, ok := r.At(3, 1); ok {
		t.Errorf("the company resolved to %+v though the article named no organisation three times", m)
	}
}

// TestTitleBeforeName checks that a description standing right before a person's name is that
// name's title, not a description of somebody named before: after "Acme leader Maria Lopez",
// "the Zenda leader" in "the Zenda leader Tom Brandt" is no mention of her, even when
// the parse makes the title and the name two subjects, nor "the Acme leader" of "the Acme leader
// in Zenda, Anna Berg", even when the parse hangs the name on the place.
func TestTitleBeforeName(t *testing.T) {
	r := resolveSents(t,
		// Acme leader Maria Lopez spoke .
		"Acme/NNP/1/compound/B-ORG leader/NN/2/compound/O Maria/NNP/4/nsubj/B-PERSON Lopez/NNP/2/flat/I-PERSON spoke/VBD/-1/root/O ./././punct/O",
		// The Zenda leader Tom Brandt left .
		"The/DT/2/det/O Zenda/NNP/2/compound/B-ORG leader/NN/5/nsubj/O Tom/NNP/5/nsubj/B-PERSON Brandt/NNP/3/flat/I-PERSON left/VBD/-1/root/O ./././punct/O",
		// The Acme leader in Zenda , Anna Berg , left .   (the name hung on the place)
		"The/DT/2/det/O Acme/NNP/2/compound/B-ORG leader/NN/10/nsubj/O in/IN/4/case/O Zenda/NNP/2/nmod/B-GPE ,/,/6/punct/O Anna/NNP/4/appos/B-PERSON Berg/NNP/6/flat/I-PERSON ,/,/2/punct/O left/VBD/-1/root/O ./././punct/O",
	)
	for _, at := range [][2]int{{1, 2}, {2, 2}} {
		if m, ok := r.At(at[0], at[1]); ok && m.Kind == Nominal && m.Entity >= 0 {
			t.Errorf("sentence %d: %q is a description of %s", at[0], m.Text, r.Entities[m.Entity].Name)
		}
	}
}

// TestRegnalName checks that a royal named by one name after a royal title is not merged with a
// fuller name that begins with it, in either order, while a surname named first still is.
func TestRegnalName(t *testing.T) {
	r := resolveSents(t,
		// Prince Edmund spoke .
		"Prince/NNP/1/compound/O Edmund/NNP/2/nsubj/B-PERSON spoke/VBD/-1/root/O ./././punct/O",
		// Edmund Stone replied .
		"Edmund/NNP/2/nsubj/B-PERSON Stone/NNP/0/flat/I-PERSON replied/VBD/-1/root/O ./././punct/O",
		// Lopez left .
		"Lopez/NNP/1/nsubj/B-PERSON left/VBD/-1/root/O ./././punct/O",
		// Maria Lopez returned .
		"Maria/NNP/2/nsubj/B-PERSON Lopez/NNP/0/flat/I-PERSON returned/VBD/-1/root/O ./././punct/O",
	)
	entity := func(si, tok int) int {
		m, ok := r.At(si, tok)
		if !ok {
			t.Fatalf("no mention at sentence %d token %d", si, tok)
		}
		return m.Entity
	}
	if entity(0, 1) == entity(1, 0) {
		t.Errorf("Prince Edmund and Edmund Stone are one entity, %q", r.Entities[entity(0, 1)].Name)
	}
	if entity(2, 0) != entity(3, 0) {
		t.Error("Lopez and Maria Lopez are two entities")
	}
}

// TestSubjectAppositive checks that a name in apposition to a subject is a subject itself: in
// "His wife Maria Lopez agreed", Maria Lopez is whom a following "she said" most likely means.
func TestSubjectAppositive(t *testing.T) {
	r := resolveSents(t,
		// His wife Maria Lopez agreed .
		"His/PRP$/1/nmod:poss/O wife/NN/4/nsubj/O Maria/NNP/1/appos/B-PERSON Lopez/NNP/2/flat/I-PERSON agreed/VBD/-1/root/O ./././punct/O",
	)
	m, ok := r.At(0, 2)
	if !ok || m.Kind != Name {
		t.Fatal("no name mention of Maria Lopez")
	}
	if !m.Subject {
		t.Error("the name in apposition to the subject is not a subject")
	}
}

// TestRestrictedDescription checks that a description narrowed by a restrictive relative clause
// is somebody the clause introduces, not the article's most prominent person, while one with a
// non-restrictive clause after a comma may still be.
func TestRestrictedDescription(t *testing.T) {
	r := resolveSents(t,
		// Maria Lopez spoke .
		"Maria/NNP/2/nsubj/B-PERSON Lopez/NNP/0/flat/I-PERSON spoke/VBD/-1/root/O ./././punct/O",
		// The woman she replaced left .
		"The/DT/1/det/O woman/NN/4/nsubj/O she/PRP/3/nsubj/O replaced/VBD/1/acl:relcl/O left/VBD/-1/root/O ./././punct/O",
		// The woman , who smiled , left .
		"The/DT/1/det/O woman/NN/6/nsubj/O ,/,/4/punct/O who/WP/4/nsubj/O smiled/VBD/1/acl:relcl/O ,/,/4/punct/O left/VBD/-1/root/O ./././punct/O",
	)
	if m, ok := r.At(1, 1); ok && m.Entity >= 0 {
		t.Errorf("%q resolved to %s", m.Text, r.Entities[m.Entity].Name)
	}
	if m, ok := r.At(2, 1); !ok || m.Entity < 0 {
		t.Error("the woman described by a non-restrictive clause is unresolved")
	}
}

// TestBoundPronoun checks that an object pronoun does not mean its own verb's subject: in "John
// Smith accused him", him is somebody named before, not John Smith.
func TestBoundPronoun(t *testing.T) {
	r := resolveSents(t,
		// Tom Brandt spoke .
		"Tom/NNP/2/nsubj/B-PERSON Brandt/NNP/0/flat/I-PERSON spoke/VBD/-1/root/O ./././punct/O",
		// John Smith accused him .
		"John/NNP/2/nsubj/B-PERSON Smith/NNP/0/flat/I-PERSON accused/VBD/-1/root/O him/PRP/2/obj/O ./././punct/O",
	)
	m, ok := r.At(1, 3)
	if !ok || m.Entity < 0 || r.Entities[m.Entity].Name != "Tom Brandt" {
		name := ""
		if ok && m.Entity >= 0 {
			name = r.Entities[m.Entity].Name
		}
		t.Errorf("him resolved to %q, want Tom Brandt", name)
	}
}

// TestTitleAfterCoordination checks that a name coordinated with a titled person is not whose
// title it is ("Acme and actor Tom Jones"), while two titles of one person keep their owner
// ("Acme chairman and chief executive Maria Lopez").
func TestTitleAfterCoordination(t *testing.T) {
	r := resolveSents(t,
		// Acme Corp and actor Tom Jones gave money .
		"Acme/NNP/1/compound/B-ORG Corp/NNP/6/nsubj/I-ORG and/CC/3/cc/O actor/NN/1/conj/O Tom/NNP/6/nsubj/B-PERSON Jones/NNP/4/flat/I-PERSON gave:give/VBD/-1/root/O money/NN/6/obj/O ./././punct/O",
		// Zenith chairman and chief executive Maria Lopez spoke .
		"Zenith/NNP/1/compound/B-ORG chairman/NN/5/compound/O and/CC/4/cc/O chief/JJ/4/amod/O executive/NN/1/conj/O Maria/NNP/7/nsubj/B-PERSON Lopez/NNP/5/flat/I-PERSON spoke:speak/VBD/-1/root/O ./././punct/O",
	)
	owners := map[string][]string{}
	for _, role := range r.Roles {
		for _, of := range role.Of {
			p := r.Entities[role.Person].Name
			owners[p] = append(owners[p], r.Entities[of].Name)
		}
	}
	if o := owners["Tom Jones"]; len(o) > 0 {
		t.Errorf("Tom Jones is actor of %v, want nobody's", o)
	}
	if o := owners["Maria Lopez"]; !slices.Contains(o, "Zenith") {
		t.Errorf("Maria Lopez's titles are of %v, want Zenith", o)
	}
}

// TestTitleHolderFollowsIt checks that a name the parse hung in apposition to a title is not its
// holder when another person's name follows the title: "Zenith chief Ada Moss and Polish
// athlete Tom Holm".
func TestTitleHolderFollowsIt(t *testing.T) {
	r := resolveSents(t,
		"Zenith/NNP/1/compound/B-ORG chief/NN/9/nsubj/O Ada/NNP/6/compound/B-PERSON Moss/NNP/2/flat/I-PERSON and/CC/5/cc/O Polish/NNP/2/conj/B-NORP athlete/NN/7/nmod:desc/O Tom/NNP/1/appos/B-PERSON Holm/NNP/7/flat/I-PERSON spoke:speak/VBD/-1/root/O ./././punct/O",
	)
	for _, role := range r.Roles {
		if p := r.Entities[role.Person].Name; p == "Tom Holm" && strings.EqualFold(role.Title, "chief") {
			t.Errorf("Tom Holm holds %+v, want Ada Moss's title left to her", role)
		}
	}
}

// TestCapitalisedDescription checks that a descriptive noun written with a capital inside a
// sentence is part of a name, not a description of the article's protagonist, while a
// lower-case one still is.
func TestCapitalisedDescription(t *testing.T) {
	r := resolveSents(t,
		// Maria Lopez spoke .
		"Maria/NNP/1/nsubj/B-PERSON Lopez/NNP/0/flat/I-PERSON spoke:speak/VBD/-1/root/O ./././punct/O",
		// Acme tested the Media Player .
		"Acme/NNP/1/nsubj/B-ORG tested:test/VBD/-1/root/O the/DT/4/det/O Media/NN/4/compound/O Player/NN/1/obj/O ./././punct/O",
		// The player smiled .
		"The/DT/1/det/O player/NN/2/nsubj/O smiled:smile/VBD/-1/root/O ./././punct/O",
	)
	if m, ok := r.At(1, 4); ok && m.Entity >= 0 {
		t.Errorf("the Media Player resolved to %s", r.Entities[m.Entity].Name)
	}
	if m, ok := r.At(2, 1); !ok || m.Entity < 0 || r.Entities[m.Entity].Name != "Maria Lopez" {
		t.Errorf("the player: %+v, want Maria Lopez", m)
	}
}
