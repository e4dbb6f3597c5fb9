//go:build race

package store_test

// raceEnabled: the race detector slows every call, unevenly.
const raceEnabled = true
