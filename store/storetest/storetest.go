// Package storetest is the contract every ticketing.Store must keep,
// written as tests that see a store only through ticketing.Store and
// ticketing.Tx, so each backend runs the same suite unchanged:
//
//	func TestContract(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) ticketing.Store { return openMyStore(t) })
//	}
package storetest

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"supportbot/ticketing"
)

// Open returns a fresh, migrated, empty store for one test and arranges
// (with t.Cleanup) for it to be closed when that test ends.
type Open func(t *testing.T) ticketing.Store

// Run runs the whole contract, each case on its own store.
func Run(t *testing.T, open Open) {
	for _, group := range []struct {
		name  string
		cases []testCase
	}{
		{"tx", txCases},
		{"concurrency", concurrencyCases},
		{"tickets", ticketCases},
		{"messages", messageCases},
		{"edits and bursts", editCases},
		{"edit order and held edits", editOrderCases},
		{"outbox", outboxCases},
		{"records", recordCases},
		{"people", peopleCases},
		{"questions", questionCases},
		{"csat", csatCases},
		{"next responses", nextResponseCases},
		{"phone health", phoneHealthCases},
		{"desk articles", deskArticleCases},
		{"cards", cardCases},
	} {
		t.Run(group.name, func(t *testing.T) {
			for _, c := range group.cases {
				t.Run(c.name, func(t *testing.T) { c.run(t, open(t)) })
			}
		})
	}
}

type testCase struct {
	name string
	run  func(t *testing.T, s ticketing.Store)
}

// t0 has whole seconds: a store keeps times to the millisecond at least.
var t0 = time.Date(2026, 11, 24, 13, 0, 0, 0, time.UTC)

const (
	acme = "acme"
	beta = "beta"
	// acmePhone is seeded from acme's configuration.
	acmePhone = "+5491100000001"
)

func clients() []ticketing.Client {
	return []ticketing.Client{
		{ID: acme, Name: "ACME", Country: ticketing.CountryAR, Location: time.UTC, Plan: ticketing.PlanEstandar,
			Contract: ticketing.ContractActive, Channel: "C1", FocalPoint: "UF", Contacts: []string{acmePhone}},
		{ID: beta, Name: "Beta", Country: ticketing.CountryCL, Location: time.UTC, Plan: ticketing.PlanExtendido,
			Contract: ticketing.ContractActive, Channel: "C2", FocalPoint: "UG"},
	}
}

func staff() []ticketing.Staff {
	return []ticketing.Staff{
		{ID: "UF", Name: "Focal", Role: ticketing.RoleFocal},
		{ID: "UG", Name: "Guardia", Role: ticketing.RoleFocal},
	}
}

// seed syncs the fixture clients and staff, as the app does at start-up.
func seed(t *testing.T, s ticketing.Store) {
	t.Helper()
	update(t, s, func(tx ticketing.Tx) error {
		if err := tx.SyncStaff(t.Context(), staff(), t0); err != nil {
			return err
		}
		return tx.SyncClients(t.Context(), clients(), t0)
	})
}

// newTicket is an open Slack ticket of client, its next action two hours out.
func newTicket(client string) *ticketing.Ticket {
	return &ticketing.Ticket{
		ClientID: client, Kind: ticketing.KindIncidente, Priority: ticketing.PriorityAlta, Status: ticketing.StatusNuevo,
		Source: ticketing.SourceSlack, Desk: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, OpenedBy: "UC", Subject: "no anda el discador",
		Cues: []string{"no anda", "discador"}, ReceivedAt: t0, ClockStart: t0, DueAt: t0.Add(4 * time.Hour),
		NextActionAt: t0.Add(2 * time.Hour),
	}
}

// whatsAppTicket is an open ticket of acme's seeded contact.
func whatsAppTicket() *ticketing.Ticket {
	tk := newTicket(acme)
	tk.Source, tk.Client = ticketing.SourceWhatsApp, ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: acmePhone}
	return tk
}

func update(t *testing.T, s ticketing.Store, fn func(tx ticketing.Tx) error) {
	t.Helper()
	if err := s.Update(t.Context(), fn); err != nil {
		t.Fatalf("update: %v", err)
	}
}

func view(t *testing.T, s ticketing.Store, fn func(tx ticketing.Tx) error) {
	t.Helper()
	if err := s.View(t.Context(), fn); err != nil {
		t.Fatalf("view: %v", err)
	}
}

func create(t *testing.T, s ticketing.Store, tks ...*ticketing.Ticket) {
	t.Helper()
	update(t, s, func(tx ticketing.Tx) error {
		for _, tk := range tks {
			if err := tx.CreateTicket(t.Context(), tk); err != nil {
				return err
			}
		}
		return nil
	})
}

func getTicket(t *testing.T, s ticketing.Store, id int64) *ticketing.Ticket {
	t.Helper()
	var tk *ticketing.Ticket
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		tk, err = tx.Ticket(t.Context(), "", id)
		return err
	})
	return tk
}

func ids(tks []*ticketing.Ticket) []int64 {
	out := []int64{}
	for _, tk := range tks {
		out = append(out, tk.ID)
	}
	return out
}

// wantErr checks err against want, where a nil want means success.
func wantErr(t *testing.T, what string, err, want error) {
	t.Helper()
	switch {
	case want == nil && err != nil:
		t.Errorf("%s: %v, want success", what, err)
	case want != nil && !errors.Is(err, want):
		t.Errorf("%s: err = %v, want %v", what, err, want)
	}
}

// sameTicket compares tickets field by field, times as instants.
func sameTicket(t *testing.T, what string, got, want *ticketing.Ticket) {
	t.Helper()
	g, w := normalized(got), normalized(want)
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, g, w)
	}
}

// normalized is a copy of tk whose times are UTC and carry no monotonic
// reading, so equal instants compare equal.
func normalized(tk *ticketing.Ticket) ticketing.Ticket {
	c := *tk
	for _, p := range []*time.Time{&c.ReceivedAt, &c.ClockStart, &c.DueAt, &c.FirstResponseAt, &c.NextActionAt,
		&c.LastClientMessageAt, &c.ResolvedAt, &c.DeliveredAt, &c.ClosedAt, &c.WaitingSince, &c.AwaitingSince, &c.NextClockStart, &c.NextDueAt, &c.CreatedAt, &c.UpdatedAt} {
		*p = p.Round(0).UTC()
	}
	if len(c.Cues) == 0 {
		c.Cues = nil
	}
	return c
}
