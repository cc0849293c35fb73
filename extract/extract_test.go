package extract

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/doc"
	"github.com/newsgraph/newsgraph/extract/input"
	"github.com/newsgraph/newsgraph/schema"
)

// want is a fact a test expects: subject and object by name (the object's name, or words its
// literal contains), the canonical predicate, and who it is attributed to ("" for the article).
type want struct {
	subject, predicate, object, attributedTo string
	negated                                  bool
}

func (w want) matches(f *schema.Fact) bool {
	if f.Subject.Name != w.subject || f.Predicate != w.predicate || f.Negated != w.negated {
		return false
	}
	if f.Object.IsLiteral() {
		if !strings.Contains(f.Object.Literal, w.object) {
			return false
		}
	} else if f.Object.Entity.Name != w.object {
		return false
	}
	by := ""
	if f.AttributedTo != nil {
		by = f.AttributedTo.Name
	}
	return by == w.attributedTo
}

func extractText(t *testing.T, text string) *Result {
	t.Helper()
	x, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return x.Extract(input.Article{Article: schema.Article{ID: "test.txt", Hash: input.Hash(text)}, Text: text})
}

// TestFacts checks the facts of short invented articles, one construction each.
func TestFacts(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "quote attributed after its closing mark, continuing over two sentences",
			text: "Acme Corp chief executive Maria Lopez spoke on Monday.\n\n" +
				"“The deal is dead. Nobody will sign it now,” Lopez told reporters.\n",
			want: []want{{subject: "Maria Lopez", predicate: "told", object: "The deal is dead. Nobody will sign it now"}},
		},
		{
			name: "quote whose opening mark is missing covers its paragraph",
			text: "John Smith spoke to the press on Monday.\n\n" +
				"The talks have failed completely. We will not return to the table,” he said.\n",
			want: []want{{subject: "John Smith", predicate: "said", object: "The talks have failed completely"}},
		},
		{
			name: "quote introduced by a colon, and its clauses attributed to the speaker",
			text: "John Smith met Maria Lopez in Paris on Monday.\n\n" +
				"Later, Smith wrote: ‘Maria Lopez praised the Red Cross for its courage in the war.’\n",
			want: []want{
				{subject: "John Smith", predicate: "said", object: "Maria Lopez praised the Red Cross"},
				{subject: "Maria Lopez", predicate: "praised", object: "International Committee of the Red Cross", attributedTo: "John Smith"},
			},
		},
		{
			name: "told somebody that: the content is what was said",
			text: "Council spokesman John Smith told reporters in a conference call that the city had always been open to talks.\n",
			want: []want{{subject: "John Smith", predicate: "told", object: "the city had always been open to talks"}},
		},
		{
			name: "stopped short of: a denied complement",
			text: "The Harbor Council stopped short of endorsing Maria Lopez’s proposal.\n",
			want: []want{{subject: "Harbor Council", predicate: "supported", object: "Maria Lopez", negated: true}},
		},
		{
			name: "part of: recognized as part of, and a nationality's regions",
			text: "Zendaland has been recognized as a part of Spain by the US since 2014.\n\n" +
				"In 2014, the governments in two Spanish regions – Catalonia and Galicia – asked for help.\n",
			want: []want{
				{subject: "Zendaland", predicate: "part of", object: "Spain"},
				{subject: "Catalonia", predicate: "part of", object: "Spain"},
				{subject: "Galicia", predicate: "part of", object: "Spain"},
			},
		},
		{
			name: "there can be no: the speaker ruled it out",
			text: "But Maria Lopez stressed there can be no repeat of the referendum in the province.\n",
			want: []want{{subject: "Maria Lopez", predicate: "rejected", object: "repeat of the referendum"}},
		},
		{
			name: "a reaction noun with its from phrase",
			text: "Maria Lopez posted a four-point plan on Monday that drew criticism from Spain and France.\n",
			want: []want{
				{subject: "Spain", predicate: "criticized", object: "Maria Lopez"},
				{subject: "France", predicate: "criticized", object: "Maria Lopez"},
			},
		},
		{
			name: "a title with no organisation is the person's title",
			text: "President Ivan Petrov arrived in Paris on Monday.\n",
			want: []want{{subject: "Ivan Petrov", predicate: "has title", object: "president"}},
		},
		{
			name: "a description after a preposition names the protagonist",
			text: "Maria Lopez posted a peace plan on Monday. Lopez said the plan would end the war.\n\n" +
				"President Ivan Petrov also hit back at the media mogul on Tuesday.\n",
			want: []want{{subject: "Ivan Petrov", predicate: "criticized", object: "Maria Lopez"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := extractText(t, tt.text)
			for _, w := range tt.want {
				found := false
				for i := range r.Facts {
					if w.matches(&r.Facts[i]) {
						found = true
						break
					}
				}
				if !found {
					var got []string
					for _, f := range r.Facts {
						o := f.Object.Literal
						if !f.Object.IsLiteral() {
							o = f.Object.Entity.Name
						}
						got = append(got, f.Subject.Name+" | "+f.Predicate+" | "+o)
					}
					t.Errorf("no fact %+v among:\n  %s", w, strings.Join(got, "\n  "))
				}
			}
		})
	}
}

// TestHyphenModifier checks on hand-made tokens that the first half of an attached hyphenated
// modifier is no argument ("London-based agent"), while a name before a spaced dash is.
func TestHyphenModifier(t *testing.T) {
	tok := func(text, tag string, start int) doc.Token {
		return doc.Token{Text: text, Tag: tag, Start: start, End: start + len(text)}
	}
	based := []doc.Token{tok("London", "NNP", 0), tok("-", "HYPH", 6), tok("based", "VBN", 7), tok("agent", "NN", 13)}
	dash := []doc.Token{tok("Council", "NNP", 0), tok("-", ":", 8), tok("led", "VBN", 10), tok("by", "IN", 14)}
	if !hyphenModifier(based, 0) {
		t.Error(`"London-based": London taken for an argument`)
	}
	if hyphenModifier(dash, 0) {
		t.Error(`"Council - led by": the council is no modifier`)
	}
}

// TestPassiveStatement checks that what a passive verb of saying announces is its subject, not
// the sentence: "The plan was announced by X" says that X announced the plan.
func TestPassiveStatement(t *testing.T) {
	r := extractText(t, "The new pay plan was announced by Acme Corp chief executive Maria Lopez on Monday.\n")
	var got []string
	for _, f := range r.Facts {
		if f.Subject.Name == "Maria Lopez" && f.Predicate == "announced" {
			if f.Object.Literal == "The new pay plan" {
				return
			}
			got = append(got, f.Object.Literal)
		}
	}
	t.Errorf("Maria Lopez announced %q, want \"The new pay plan\"", got)
}
