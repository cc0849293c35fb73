package schema

import "testing"

func TestIsSpeechPredicate(t *testing.T) {
	for _, c := range []struct {
		name string
		want bool
	}{
		{"said", true}, {"told", true}, {"claimed", true}, {"replied to", true}, {"replied_to", true},
		{"denied", true}, {"asked", true}, {"urged", true}, {"demanded", true}, {"proposed", true},
		{"praised", false}, {"criticized", false}, {"president of", false}, {"based in", false},
		{"face", false}, {"", false},
	} {
		if got := IsSpeechPredicate(c.name); got != c.want {
			t.Errorf("IsSpeechPredicate(%q) = %v, want %v", c.name, got, c.want)
		}
	}
	// Every class named in speechClasses is a class of some predicate: a renamed class fails here.
	classes := map[string]bool{}
	for _, c := range Classes() {
		classes[c] = true
	}
	for c := range speechClasses {
		if !classes[c] {
			t.Errorf("speech class %s is no predicate's class", c)
		}
	}
}
