package storetest

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"supportbot/ticketing"
)

var recordCases = []testCase{
	{"notification once", testNotificationOnce},
	{"digest once", testDigestOnce},
	{"audit log", testAuditLog},
	{"answer unknown once a day", testAnswerUnknown},
}

func testNotificationOnce(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk, other := newTicket(acme), newTicket(acme)
	create(t, s, tk, other)
	tests := []struct {
		ticket    int64
		kind      string
		threshold float64
		at        time.Time
		want      bool
	}{
		{tk.ID, "warn", 0.5, t0, true},
		{tk.ID, "warn", 0.5, t0.Add(time.Hour), false},
		{tk.ID, "warn", 0.75, t0.Add(2 * time.Hour), true},
		{tk.ID, "notice", 0, t0.Add(3 * time.Hour), true},
		{other.ID, "warn", 0.5, t0.Add(4 * time.Hour), true},
		{tk.ID, "notice", 0, t0.Add(5 * time.Hour), false},
	}
	for _, tt := range tests {
		var got bool
		update(t, s, func(tx ticketing.Tx) error {
			var err error
			got, err = tx.RecordNotification(t.Context(), tt.ticket, tt.kind, tt.threshold, tt.at)
			return err
		})
		if got != tt.want {
			t.Errorf("RecordNotification(#%d, %s, %v) at t0+%v = %v, want %v", tt.ticket, tt.kind, tt.threshold, tt.at.Sub(t0), got, tt.want)
		}
	}
	// Notification reads the first recording's time, not a later attempt's.
	reads := []struct {
		ticket    int64
		kind      string
		threshold float64
		want      time.Time // zero: ErrNotFound
	}{
		{tk.ID, "warn", 0.5, t0},
		{tk.ID, "warn", 0.75, t0.Add(2 * time.Hour)},
		{tk.ID, "notice", 0, t0.Add(3 * time.Hour)},
		{tk.ID, "warn", 0.9, time.Time{}},
		{other.ID, "notice", 0, time.Time{}},
	}
	for _, r := range reads {
		var got time.Time
		err := s.View(t.Context(), func(tx ticketing.Tx) error {
			var err error
			got, err = tx.Notification(t.Context(), r.ticket, r.kind, r.threshold)
			return err
		})
		what := fmt.Sprintf("Notification(#%d, %s, %v)", r.ticket, r.kind, r.threshold)
		switch {
		case r.want.IsZero():
			wantErr(t, what, err, ticketing.ErrNotFound)
		case err != nil || !got.Equal(r.want):
			t.Errorf("%s = %v, %v; want %v", what, got, err, r.want)
		}
	}
}

func testDigestOnce(t *testing.T, s ticketing.Store) {
	monday := ticketing.Date{Year: 2026, Month: time.April, Day: 13}
	tuesday := ticketing.Date{Year: 2026, Month: time.April, Day: 14}
	tests := []struct {
		staff, zone string
		date        ticketing.Date
		want        bool
	}{
		{"UF", "America/Argentina/Buenos_Aires", monday, true},
		{"UF", "America/Argentina/Buenos_Aires", monday, false},
		{"UF", "America/Santiago", monday, true},
		{"UF", "America/Argentina/Buenos_Aires", tuesday, true},
		{"UG", "America/Argentina/Buenos_Aires", monday, true},
		{"UG", "America/Argentina/Buenos_Aires", monday, false},
	}
	for _, tt := range tests {
		var got bool
		update(t, s, func(tx ticketing.Tx) error {
			var err error
			got, err = tx.RecordDigest(t.Context(), tt.staff, tt.zone, tt.date, t0)
			return err
		})
		if got != tt.want {
			t.Errorf("RecordDigest(%s, %s, %s) = %v, want %v", tt.staff, tt.zone, tt.date, got, tt.want)
		}
	}
}

func testAuditLog(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := newTicket(acme)
	create(t, s, tk)
	entries := []ticketing.AuditEntry{
		{At: t0.Add(2 * time.Minute), Actor: "UF", ClientID: acme, TicketID: tk.ID, Action: "taken"},
		{At: t0, Actor: "UC", ClientID: acme, TicketID: tk.ID, Action: "ticket_opened", Detail: "incidente alta"},
		{At: t0.Add(time.Minute), Actor: "UG", ClientID: beta, Action: "whatsapp_invited", Detail: "+569"},
		{At: t0.Add(3 * time.Minute), Actor: "supportbot", Action: "alert", Detail: "outbox stuck"},
	}
	update(t, s, func(tx ticketing.Tx) error {
		for _, e := range entries {
			if err := tx.Audit(t.Context(), e); err != nil {
				return err
			}
		}
		return nil
	})
	tests := []struct {
		client string
		since  time.Time
		want   []int // indexes into entries, in the order expected
	}{
		{"", t0, []int{1, 2, 0, 3}},
		{acme, t0, []int{1, 0}},
		{beta, t0, []int{2}},
		{acme, t0.Add(2 * time.Minute), []int{0}}, // since is inclusive
		{"", t0.Add(2*time.Minute + time.Millisecond), []int{3}},
		{"nobody", t0, nil},
	}
	for _, tt := range tests {
		var got []ticketing.AuditEntry
		view(t, s, func(tx ticketing.Tx) error {
			var err error
			got, err = tx.AuditLog(t.Context(), tt.client, tt.since)
			return err
		})
		var want []ticketing.AuditEntry
		for _, i := range tt.want {
			want = append(want, entries[i])
		}
		for i := range got {
			if got[i].ID <= 0 {
				t.Errorf("AuditLog(%q): entry %q has id %d", tt.client, got[i].Action, got[i].ID)
			}
			got[i].ID, got[i].At = 0, got[i].At.UTC()
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("AuditLog(%q, t0+%v) =\n %+v\nwant (oldest first)\n %+v", tt.client, tt.since.Sub(t0), got, want)
		}
	}
}

func testAnswerUnknown(t *testing.T, s ticketing.Store) {
	seed(t, s)
	day := 24 * time.Hour
	tests := []struct {
		name  string
		phone string
		at    time.Time
		want  bool
	}{
		{"first message of a number", "+5491199", t0, true},
		{"again within the day", "+5491199", t0.Add(day - time.Millisecond), false},
		{"another number", "+54911999", t0.Add(time.Hour), true},
		{"exactly a day after", "+5491199", t0.Add(day), false}, // since is inclusive: answered at since counts
		{"just over a day after", "+5491199", t0.Add(day + time.Millisecond), true},
		{"the day counts from the last answer", "+5491199", t0.Add(day + time.Hour), false},
	}
	for _, tt := range tests {
		var got bool
		update(t, s, func(tx ticketing.Tx) error {
			var err error
			got, err = tx.AnswerUnknown(t.Context(), tt.phone, tt.at, tt.at.Add(-day))
			return err
		})
		if got != tt.want {
			t.Errorf("%s: AnswerUnknown(%s, t0+%v) = %v, want %v", tt.name, tt.phone, tt.at.Sub(t0), got, tt.want)
		}
	}
	// A rolled-back answer is not remembered: the number is answered on retry.
	boom := errors.New("rolled back")
	err := s.Update(t.Context(), func(tx ticketing.Tx) error {
		if _, err := tx.AnswerUnknown(t.Context(), "+5691111", t0, t0.Add(-day)); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v, want %v", err, boom)
	}
	var got bool
	update(t, s, func(tx ticketing.Tx) error {
		var err error
		got, err = tx.AnswerUnknown(t.Context(), "+5691111", t0, t0.Add(-day))
		return err
	})
	if !got {
		t.Errorf("AnswerUnknown after a rolled-back answer = false, want true")
	}
}
