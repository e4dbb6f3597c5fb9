package app

import (
	"reflect"
	"testing"

	"supportbot/ticketing"
)

// A client dropped from the file stays known with an expired contract, so
// its channel gets the contract answer, unless a remaining client took the
// channel or a number over.
func TestWithRemoved(t *testing.T) {
	acme := ticketing.Client{ID: "acme", Channel: "C1", Contract: ticketing.ContractActive, Contacts: []string{"+5491100000001"}}
	andes := ticketing.Client{ID: "andes", Channel: "C2", Contract: ticketing.ContractActive, Contacts: []string{"+5691100000002", "+5491100000001"}}
	zeta := ticketing.Client{ID: "zeta", Channel: "C2", Contract: ticketing.ContractActive}
	tests := []struct {
		name          string
		after, before []ticketing.Client
		want          []ticketing.Client
	}{
		{"nothing dropped", []ticketing.Client{acme, andes}, []ticketing.Client{acme, andes}, []ticketing.Client{acme, andes}},
		{"andes dropped", []ticketing.Client{acme}, []ticketing.Client{acme, andes}, []ticketing.Client{acme,
			{ID: "andes", Channel: "C2", Contract: ticketing.ContractExpired, Contacts: []string{"+5691100000002"}}}},
		{"channel taken over", []ticketing.Client{acme, zeta}, []ticketing.Client{acme, andes}, []ticketing.Client{acme, zeta,
			{ID: "andes", Contract: ticketing.ContractExpired, Contacts: []string{"+5691100000002"}}}},
	}
	for _, tt := range tests {
		if got := withRemoved(tt.after, tt.before); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
	if len(andes.Contacts) != 2 {
		t.Errorf("withRemoved changed its input: %v", andes.Contacts)
	}
}
