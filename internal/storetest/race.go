//go:build race

package storetest

// raceEnabled: the test binary runs under the race detector.
const raceEnabled = true
