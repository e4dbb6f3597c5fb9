package storetest

import (
	"fmt"
	"testing"
	"time"

	"supportbot/ticketing"
)

var peopleCases = []testCase{
	{"contacts invite, revoke, list", testContacts},
	{"a number belongs to one client", testContactOwnership},
	{"sync clients seeds contacts and keeps dropped clients", testSyncClients},
	{"staff sync keeps absence", testStaff},
}

func contact(t *testing.T, s ticketing.Store, phone string) (ticketing.Contact, error) {
	t.Helper()
	var c ticketing.Contact
	err := s.View(t.Context(), func(tx ticketing.Tx) error {
		var err error
		c, err = tx.Contact(t.Context(), phone)
		return err
	})
	return c, err
}

func contacts(t *testing.T, s ticketing.Store, client string) []string {
	t.Helper()
	var out []string
	view(t, s, func(tx ticketing.Tx) error {
		cs, err := tx.Contacts(t.Context(), client)
		for _, c := range cs {
			state := "active"
			if !c.Active() {
				state = "revoked"
			}
			out = append(out, c.Phone+" "+state)
		}
		return err
	})
	return out
}

func testContacts(t *testing.T, s ticketing.Store) {
	seed(t, s)
	invited := ticketing.Contact{Phone: "+5491100000009", ClientID: acme, Name: "Ana", InvitedBy: "UF", InvitedAt: t0.Add(time.Minute)}
	other := ticketing.Contact{Phone: "+5491100000000", ClientID: acme, Name: "Beto", InvitedBy: "UF", InvitedAt: t0.Add(time.Minute)}
	update(t, s, func(tx ticketing.Tx) error {
		if err := tx.UpsertContact(t.Context(), invited); err != nil {
			return err
		}
		return tx.UpsertContact(t.Context(), other)
	})
	got, err := contact(t, s, invited.Phone)
	got.InvitedAt = got.InvitedAt.UTC()
	if err != nil || got != invited {
		t.Errorf("Contact = %+v, %v; want %+v", got, err, invited)
	}
	_, err = contact(t, s, "+1")
	wantErr(t, "Contact of an unknown number", err, ticketing.ErrNotFound)

	revokedAt := t0.Add(time.Hour)
	update(t, s, func(tx ticketing.Tx) error { return tx.RevokeContact(t.Context(), invited.Phone, "UG", revokedAt) })
	// Revoking again keeps the first revocation.
	update(t, s, func(tx ticketing.Tx) error {
		return tx.RevokeContact(t.Context(), invited.Phone, "UF", revokedAt.Add(time.Hour))
	})
	got, err = contact(t, s, invited.Phone)
	if err != nil || got.Active() || got.RevokedBy != "UG" || !got.RevokedAt.Equal(revokedAt) || got.ClientID != acme {
		t.Errorf("after revoking: %+v, %v; want acme's, revoked by UG at %v", got, err, revokedAt)
	}
	err = s.Update(t.Context(), func(tx ticketing.Tx) error { return tx.RevokeContact(t.Context(), "+1", "UF", revokedAt) })
	wantErr(t, "revoking an unknown number", err, ticketing.ErrNotFound)

	// Active first, then by number; revoked ones stay listed.
	if got, want := contacts(t, s, acme), []string{"+5491100000000 active", acmePhone + " active", invited.Phone + " revoked"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Contacts(acme) = %v, want %v", got, want)
	}
	if got := contacts(t, s, beta); len(got) != 0 {
		t.Errorf("Contacts(beta) = %v, want none", got)
	}

	// Inviting a revoked number again restores it.
	again := invited
	again.InvitedBy, again.InvitedAt, again.Name = "UG", t0.Add(2*time.Hour), "Ana María"
	update(t, s, func(tx ticketing.Tx) error { return tx.UpsertContact(t.Context(), again) })
	got, err = contact(t, s, invited.Phone)
	got.InvitedAt = got.InvitedAt.UTC()
	if err != nil || got != again {
		t.Errorf("re-invited: %+v, %v; want %+v", got, err, again)
	}
}

func testContactOwnership(t *testing.T, s ticketing.Store) {
	seed(t, s)
	phone := "+5491100000002"
	invite := func(client string, at time.Time) error {
		return s.Update(t.Context(), func(tx ticketing.Tx) error {
			return tx.UpsertContact(t.Context(), ticketing.Contact{Phone: phone, ClientID: client, InvitedBy: "UF", InvitedAt: at})
		})
	}
	wantErr(t, "inviting for acme", invite(acme, t0), nil)
	wantErr(t, "inviting acme's number for beta", invite(beta, t0), ticketing.ErrDuplicate)
	wantErr(t, "inviting it for acme again", invite(acme, t0.Add(time.Minute)), nil)
	if c, err := contact(t, s, phone); err != nil || c.ClientID != acme {
		t.Errorf("after beta's refused invitation: %+v, %v; want acme's", c, err)
	}
	update(t, s, func(tx ticketing.Tx) error { return tx.RevokeContact(t.Context(), phone, "UF", t0.Add(time.Hour)) })
	wantErr(t, "inviting the revoked number for beta", invite(beta, t0.Add(2*time.Hour)), nil)
	if c, err := contact(t, s, phone); err != nil || c.ClientID != beta || !c.Active() {
		t.Errorf("after beta's invitation: %+v, %v; want beta's and active", c, err)
	}
	if got := contacts(t, s, acme); len(got) != 1 {
		t.Errorf("Contacts(acme) = %v, want only the seeded one", got)
	}
}

func testSyncClients(t *testing.T, s ticketing.Store) {
	seed(t, s)
	c, err := contact(t, s, acmePhone)
	if err != nil || c.ClientID != acme || !c.Active() {
		t.Fatalf("seeded contact: %+v, %v; want acme's and active", c, err)
	}
	// A revocation made at run time outlives the next sync.
	update(t, s, func(tx ticketing.Tx) error { return tx.RevokeContact(t.Context(), acmePhone, "UF", t0.Add(time.Hour)) })
	betaTk := newTicket(beta)
	betaTk.Desk.Address = "C2"
	create(t, s, betaTk)
	// beta leaves the configuration: its tickets stay readable and writable.
	update(t, s, func(tx ticketing.Tx) error { return tx.SyncClients(t.Context(), clients()[:1], t0.Add(2*time.Hour)) })
	if c, err := contact(t, s, acmePhone); err != nil || c.Active() {
		t.Errorf("seeded contact after a re-sync: %+v, %v; want still revoked", c, err)
	}
	var got *ticketing.Ticket
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		got, err = tx.Ticket(t.Context(), beta, betaTk.ID)
		return err
	})
	got.Status = ticketing.StatusCerrado
	update(t, s, func(tx ticketing.Tx) error { return tx.UpdateTicket(t.Context(), got) })
	create(t, s, newTicket(beta))
}

func testStaff(t *testing.T, s ticketing.Store) {
	seed(t, s)
	read := func(id string) (ticketing.Staff, error) {
		var st ticketing.Staff
		err := s.View(t.Context(), func(tx ticketing.Tx) error {
			var err error
			st, err = tx.Staff(t.Context(), id)
			return err
		})
		return st, err
	}
	if got, err := read("UF"); err != nil || got != staff()[0] {
		t.Errorf("Staff(UF) = %+v, %v; want %+v", got, err, staff()[0])
	}
	update(t, s, func(tx ticketing.Tx) error { return tx.SetStaffAbsent(t.Context(), "UF", true) })
	renamed := []ticketing.Staff{{ID: "UF", Name: "Focal Nuevo", Role: ticketing.RoleFocal}}
	update(t, s, func(tx ticketing.Tx) error { return tx.SyncStaff(t.Context(), renamed, t0.Add(time.Hour)) })
	want := renamed[0]
	want.Absent = true
	if got, err := read("UF"); err != nil || got != want {
		t.Errorf("after absent and a re-sync: %+v, %v; want %+v", got, err, want)
	}
	update(t, s, func(tx ticketing.Tx) error { return tx.SetStaffAbsent(t.Context(), "UF", false) })
	if got, err := read("UF"); err != nil || got.Absent {
		t.Errorf("after presente: %+v, %v; want present", got, err)
	}
	_, err := read("UX")
	wantErr(t, "Staff of an unknown id", err, ticketing.ErrNotFound)
	err = s.Update(t.Context(), func(tx ticketing.Tx) error { return tx.SetStaffAbsent(t.Context(), "UX", true) })
	wantErr(t, "SetStaffAbsent of an unknown id", err, ticketing.ErrNotFound)
}
