package storetest

import (
	"testing"
	"time"

	"supportbot/ticketing"
)

var phoneHealthCases = []testCase{
	{"the phone's timeline is kept, one at a time", testPhoneHealthKept},
}

func readPhoneHealth(t *testing.T, s ticketing.Store) (ticketing.PhoneHealth, error) {
	t.Helper()
	var h ticketing.PhoneHealth
	var got error
	view(t, s, func(tx ticketing.Tx) error {
		h, got = tx.PhoneHealth(t.Context())
		return nil
	})
	return h, got
}

func testPhoneHealthKept(t *testing.T, s ticketing.Store) {
	seed(t, s)
	_, err := readPhoneHealth(t, s)
	wantErr(t, "before any was saved", err, ticketing.ErrNotFound)
	steps := []ticketing.PhoneHealth{
		{LastSeen: t0},
		{LastSeen: t0, KeptAlive: true},
		{LastSeen: t0.Add(11 * 24 * time.Hour)},
		{LastSeen: t0.Add(11 * 24 * time.Hour), KeptAlive: true, Alerted: true},
	}
	for i, want := range steps {
		update(t, s, func(tx ticketing.Tx) error { return tx.SavePhoneHealth(t.Context(), want) })
		got, err := readPhoneHealth(t, s)
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if !got.LastSeen.Equal(want.LastSeen) || got.KeptAlive != want.KeptAlive || got.Alerted != want.Alerted {
			t.Errorf("step %d: read %+v, want %+v", i, got, want)
		}
	}
}
