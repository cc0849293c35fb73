//go:build race

package graph

// raceEnabled: built with the race detector, whose shadow memory an address-space limit
// (RLIMIT_AS) cannot allow for; query workers then rely on the soft heap bound.
const raceEnabled = true
