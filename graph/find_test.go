package graph

import (
	"context"
	"errors"
	"testing"
)

func TestFindEntity(t *testing.T) {
	st := readFixture(t)
	for _, tc := range []struct{ arg, want string }{
		{"person/ana-ruiz", "person/ana-ruiz"}, // an id
		{"ana ruiz", "person/ana-ruiz"},        // a name, case folded
		{"Jon Bell", "person/jon-bell"},        // accents folded
		{"Nordwind", "org/nordwind-energy"},    // an alias: the best hit
		{"Lake", "gpe/lakeport"},               // a prefix: the best hit
		{"org/nobody", ""},                     // not an id, and no name
		{"Nobody", ""},
	} {
		got, err := st.FindEntity(context.Background(), tc.arg)
		if got != tc.want || (tc.want == "") != errors.Is(err, ErrNotFound) {
			t.Errorf("FindEntity(%q) = %q, %v; want %q", tc.arg, got, err, tc.want)
		}
	}
}
