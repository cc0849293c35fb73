//go:build !race

package storetest

// raceEnabled: the test binary runs without the race detector.
const raceEnabled = false
