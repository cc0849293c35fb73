//go:build race

package serve

// raceEnabled: under -race, boltdb/bolt v1.3.1 fails the pointer checks that come with it
// (checkptr) unless -gcflags=all=-d=checkptr=0 is given, as .ci/run does; the bolt test then runs
// when NEWSGRAPH_BOLT_RACE=1 says so.
const raceEnabled = true
