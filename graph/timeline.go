package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
)

// TimeRange keeps the facts whose time overlaps From..To, both inclusive ISO 8601 dates of any
// precision ("2022", "2022-10", "2022-10-04"); an empty bound is open. The zero TimeRange keeps
// everything, undated facts too; a range with a bound keeps dated facts only.
type TimeRange struct {
	From, To string
}

// Set reports whether the range has a bound.
func (r TimeRange) Set() bool { return r.From != "" || r.To != "" }

// ValidDate reports whether s is a date TimeRange accepts: YYYY, YYYY-MM or YYYY-MM-DD.
func ValidDate(s string) bool {
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
	}
	return false
}

// Contains reports whether a time value (a schema.Time value: a day, month, year, or a range
// "start/end" whose ends may be open "..") overlaps the range. An empty value is undated: only
// the zero range contains it.
func (r TimeRange) Contains(value string) bool {
	if !r.Set() {
		return true
	}
	if value == "" {
		return false
	}
	start, end, isRange := strings.Cut(value, "/")
	if !isRange {
		end = start
	}
	if r.From != "" && end != ".." && comparePrefix(end, r.From) < 0 {
		return false
	}
	if r.To != "" && start != ".." && comparePrefix(start, r.To) > 0 {
		return false
	}
	return true
}

// comparePrefix compares two ISO 8601 dates at the precision of the coarser: "2022" and
// "2022-10-04" are equal (the year holds the day).
func comparePrefix(a, b string) int {
	n := min(len(a), len(b))
	return strings.Compare(a[:n], b[:n])
}

// timeStart returns the value's start for ordering ("" for an open start).
func timeStart(value string) string {
	start, _, _ := strings.Cut(value, "/")
	if start == ".." {
		return ""
	}
	return start
}

// Timeline returns the dated statements whose subject or object is the entity id and whose
// time overlaps r, oldest first (by the start of their time; then by article, sentence and id).
// Statements with no time value are left out. ErrNotFound when id is not an entity of the store.
func (s *Store) Timeline(ctx context.Context, id string, r TimeRange) ([]Statement, error) {
	n, err := s.nodeInfo(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("timeline of %s: %w", id, err)
	}
	if n == nil {
		return nil, fmt.Errorf("timeline of %s: %w", id, ErrNotFound)
	}
	sts, err := s.statementsAbout(ctx, id, map[string]bool{})
	if err != nil {
		return nil, fmt.Errorf("timeline of %s: %w", id, err)
	}
	out := sts[:0]
	for _, st := range sts {
		if st.Time != nil && st.Time.Value != "" && r.Contains(st.Time.Value) {
			out = append(out, st)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if ta, tb := timeStart(a.Time.Value), timeStart(b.Time.Value); ta != tb {
			return ta < tb
		}
		if a.Article.ID != b.Article.ID {
			return a.Article.ID < b.Article.ID
		}
		if a.Sentence != b.Sentence {
			return a.Sentence < b.Sentence
		}
		return a.ID < b.ID
	})
	return out, nil
}

// HasFactsIn reports whether the entity id is the subject or object of a statement whose time
// overlaps r.
func (s *Store) HasFactsIn(ctx context.Context, id string, r TimeRange) (bool, error) {
	sts, err := s.statementsAbout(ctx, id, map[string]bool{})
	if err != nil {
		return false, fmt.Errorf("facts of %s: %w", id, err)
	}
	for _, st := range sts {
		if st.Time != nil && r.Contains(st.Time.Value) {
			return true, nil
		}
	}
	return false, nil
}
