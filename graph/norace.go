//go:build !race

package graph

// raceEnabled: built without the race detector.
const raceEnabled = false
