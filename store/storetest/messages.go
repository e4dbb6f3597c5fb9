package storetest

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"supportbot/ticketing"
)

var messageCases = []testCase{
	{"messages in order", testMessages},
	{"a known external id is a duplicate", testMessageDuplicate},
	{"an event is marked once", testMarkEvent},
}

func message(ticketID int64, externalID string, at time.Time) *ticketing.Message {
	return &ticketing.Message{TicketID: ticketID, ExternalID: externalID, AuthorID: "UC", AuthorKind: ticketing.AuthorClient,
		Channel: ticketing.SourceSlack, Text: "hola " + externalID, At: at}
}

func testMessages(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk, other := newTicket(acme), newTicket(acme)
	create(t, s, tk, other)
	third, first, second := message(tk.ID, "m3", t0.Add(3*time.Minute)), message(tk.ID, "m1", t0.Add(time.Minute)), message(tk.ID, "m2", t0.Add(2*time.Minute))
	second.AuthorKind, second.AuthorID, second.Channel, second.Media, second.Text = ticketing.AuthorStaff, "UF", ticketing.SourceWhatsApp, "image", ""
	// A reply quoting an earlier message says so when read back.
	third.Quoted = true
	// A message's files come back in the order sent, with every field.
	second.Files = []ticketing.Attachment{
		{Name: "error.png", MIME: "image/png", Kind: ticketing.FileImage, Size: 1234, SHA256: "00ff", Source: ticketing.PlatformWhatsApp, Ref: "desc"},
		{Name: "log.txt", MIME: "text/plain", Kind: ticketing.FileDocument, Size: 99, Source: ticketing.PlatformSlack, Ref: "F123", Link: "https://example.slack.com/files/F123"},
	}
	third.Files = []ticketing.Attachment{{Name: "nota.ogg", Kind: ticketing.FileVoice, Size: 7, Source: ticketing.PlatformWhatsApp, Ref: "v"}}
	elsewhere := message(other.ID, "m4", t0)
	update(t, s, func(tx ticketing.Tx) error {
		for _, m := range []*ticketing.Message{third, first, second, elsewhere} {
			if err := tx.AddMessage(t.Context(), m); err != nil {
				return err
			}
			if m.ID <= 0 {
				return fmt.Errorf("message %s got id %d", m.ExternalID, m.ID)
			}
		}
		return nil
	})
	var got []ticketing.Message
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		got, err = tx.Messages(t.Context(), tk.ID)
		return err
	})
	want := []ticketing.Message{*first, *second, *third}
	for i := range got {
		got[i].At = got[i].At.UTC()
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Messages = %+v\nwant %+v (in time order, this ticket's only)", got, want)
	}

	// What the client asked: the earliest client message with text, this
	// ticket's; none on a ticket with no client message.
	view(t, s, func(tx ticketing.Tx) error {
		m, err := tx.FirstClientMessage(t.Context(), tk.ID)
		if err != nil || m.ExternalID != first.ExternalID || m.Text != first.Text {
			t.Errorf("FirstClientMessage = %+v, %v; want %s", m, err, first.ExternalID)
		}
		return nil
	})

	var none []ticketing.Message
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		none, err = tx.Messages(t.Context(), tk.ID+1000)
		return err
	})
	if len(none) != 0 {
		t.Errorf("Messages of an unknown ticket = %v, want none", none)
	}
}

func testMessageDuplicate(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk, other := newTicket(acme), newTicket(acme)
	create(t, s, tk, other)
	update(t, s, func(tx ticketing.Tx) error { return tx.AddMessage(t.Context(), message(tk.ID, "slack:C1:1.1", t0)) })
	for _, id := range []int64{tk.ID, other.ID} {
		err := s.Update(t.Context(), func(tx ticketing.Tx) error {
			return tx.AddMessage(t.Context(), message(id, "slack:C1:1.1", t0.Add(time.Minute)))
		})
		wantErr(t, fmt.Sprintf("the same external id again, on ticket #%d", id), err, ticketing.ErrDuplicate)
	}
	var n int
	view(t, s, func(tx ticketing.Tx) error {
		for _, id := range []int64{tk.ID, other.ID} {
			ms, err := tx.Messages(t.Context(), id)
			if err != nil {
				return err
			}
			n += len(ms)
		}
		return nil
	})
	if n != 1 {
		t.Errorf("messages stored = %d, want 1", n)
	}
}

func testMarkEvent(t *testing.T, s ticketing.Store) {
	tests := []struct {
		id   string
		want error
	}{
		{"Ev1", nil},
		{"Ev1", ticketing.ErrDuplicate},
		{"Ev2", nil},
		{"whatsapp:Ev1", nil},
		{"Ev2", ticketing.ErrDuplicate},
	}
	for i, tt := range tests {
		err := s.Update(t.Context(), func(tx ticketing.Tx) error { return tx.MarkEvent(t.Context(), tt.id, t0) })
		wantErr(t, fmt.Sprintf("MarkEvent #%d (%s)", i+1, tt.id), err, tt.want)
	}
	// The mark commits with the Update: a rolled-back handling leaves the
	// delivery unseen, so its redelivery is handled.
	errRefused := errors.New("refused")
	err := s.Update(t.Context(), func(tx ticketing.Tx) error {
		if err := tx.MarkEvent(t.Context(), "Ev3", t0); err != nil {
			return err
		}
		return errRefused
	})
	wantErr(t, "failing update", err, errRefused)
	err = s.Update(t.Context(), func(tx ticketing.Tx) error { return tx.MarkEvent(t.Context(), "Ev3", t0) })
	wantErr(t, "MarkEvent after a rolled-back mark", err, nil)
}
