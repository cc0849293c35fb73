//go:build !race

package export

// raceEnabled is false without -race: the bolt cases run (see race_test.go).
const raceEnabled = false
