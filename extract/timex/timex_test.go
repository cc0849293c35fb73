package timex

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct {
		date, expr string
		future     bool
		want       string
	}{
		{"2022-10-04", "on Tuesday", false, "2022-10-04"}, // the article's own day
		{"2022-10-04", "Monday", false, "2022-10-03"},
		{"2022-10-04", "on Friday", true, "2022-10-07"},
		{"2022-10-04", "last Tuesday", false, "2022-09-27"},
		{"2022-10-04", "next Monday", false, "2022-10-10"},
		{"2022-10-04", "Thursday afternoon", false, "2022-09-29"},
		{"2022-10-04", "yesterday", false, "2022-10-03"},
		{"2022-10-04", "yesterday (Monday)", false, "2022-10-03"},
		{"2022-10-04", "today", false, "2022-10-04"},
		{"2022-10-04", "tomorrow", false, "2022-10-05"},
		{"2022-10-04", "last week", false, "2022-09-26/2022-10-02"},
		{"2022-10-04", "this week", false, "2022-10-03/2022-10-09"},
		{"2022-10-04", "earlier this year", false, "2022"},
		{"2022-10-04", "later this month", false, "2022-10"},
		{"2022-10-04", "last month", false, "2022-09"},
		{"2022-10-04", "last year", false, "2021"},
		{"2022-10-04", "next year", false, "2023"},
		{"2022-10-04", "two days ago", false, "2022-10-02"},
		{"2022-10-04", "three years ago", false, "2019"},
		{"2022-10-04", "in 2014", false, "2014"},
		{"2022-10-04", "since March", false, "2022-03/.."},
		{"2022-10-04", "in December", false, "2021-12"},
		{"2022-10-04", "in December", true, "2022-12"},
		{"2022-10-04", "last September", false, "2022-09"}, // the most recent September
		{"2022-03-04", "last September", false, "2021-09"},
		{"2022-10-04", "October last year", false, "2021-10"},
		{"2022-10-04", "on 4 October", false, "2022-10-04"},
		{"2022-10-04", "on October 6", false, "2021-10-06"}, // past: the last October 6
		{"2022-10-04", "on October 6", true, "2022-10-06"},
		{"2022-10-04", "on the 4th of October", false, "2022-10-04"},
		{"2022-10-04", "on 31 April", false, ""},
		{"2022-10-04", "Oct. 4, 2022", false, "2022-10-04"},
		{"2022-10-04", "on 1 February", true, "2023-02-01"},
		{"2022-10-04", "September 29", false, "2022-09-29"},
		{"2022-10-04", "February 2003", false, "2003-02"},
		{"2022-10-04", "until 2001", false, "../2001"},
		{"2022-10-04", "since 2002", false, "2002/.."},
		{"2022-10-04", "first matchup", false, ""},
		{"2022-10-04", "recently", false, "../2022-10-04"},
		{"2022-10-04", "formerly", false, "../2022-10-04"},
		{"2022-10-04", "former", false, "../2022-10-04"},
		{"2022-10-04", "Ex-", false, "../2022-10-04"},
		{"2022-10-04", "currently", false, "2022-10-04"},
		{"", "recently", false, ""},
		{"2022-10-04", "when the scandal broke", false, ""},
		{"", "on Tuesday", false, ""}, // undated: a relative expression stays unnormalised
		{"", "last week", false, ""},
		{"", "in 2014", false, "2014"},
		{"", "on 4 October 2014", false, "2014-10-04"},
		{"", "February 2003", false, "2003-02"},
		{"Sunday, January 20, 2008", "on Friday", false, "2008-01-18"},
		{"Oct 4, 2022", "Tuesday", false, "2022-10-04"},
		{"2022-10-04T09:30:00Z", "yesterday", false, "2022-10-03"},
		{"not a date", "yesterday", false, ""},
	}
	for _, tt := range tests {
		a, _ := NewAnchor(tt.date)
		if got := a.Normalize(tt.expr, tt.future); got != tt.want {
			t.Errorf("date %q, %q (future %v) = %q, want %q", tt.date, tt.expr, tt.future, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2022-10-04", "2022-10-04"},
		{"Oct 4, 2022", "2022-10-04"},
		{"October 04, 2022", "2022-10-04"},
		{"Sunday, January 20, 2008", "2008-01-20"},
		{"Friday, July 21, 2017", "2017-07-21"},
		{"4 October 2022 10:15 GMT", "2022-10-04"},
		{"Updated: Tuesday, Oct 4, 2022 10:15 am ET", "2022-10-04"},
		{"the 4th of October 2022", "2022-10-04"},
		{"2022-10-04T09:30:00Z", "2022-10-04"},
		{"31 April 2022", ""},
		{"29 February 2023", ""},
		{"29 February 2024", "2024-02-29"},
		{"October 2022", ""}, // no day
		{"Tuesday", ""},      // no year: never read against the clock
		{"", ""},
	}
	for _, tt := range tests {
		got := ""
		if d, ok := ParseDate(tt.in); ok {
			got = d.Format("2006-01-02")
		}
		if got != tt.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
