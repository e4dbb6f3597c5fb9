package storetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"supportbot/ticketing"
)

var ticketCases = []testCase{
	{"create and read back every field", testTicketRoundTrip},
	{"another client's ticket is not found", testTicketClientIsolation},
	{"update writes every field back", testUpdateTicket},
	{"set thread keeps an existing one", testSetTicketThread},
	{"by thread", testTicketByThread},
	{"of message", testTicketOfMessage},
	{"open by contact follows Status.Open", testOpenTicketByContact},
	{"one open ticket per contact", testOneOpenTicketPerContact},
	{"one ticket per thread", testOneTicketPerThread},
	{"find with each filter", testFindTickets},
	{"due tickets", testDueTickets},
	{"unknown client refused", testTicketOfUnknownClient},
}

func testTicketRoundTrip(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := whatsAppTicket()
	tk.Desk.Thread, tk.Confidence, tk.AwaitingChoice = "1.1", 0.75, true
	tk.FirstResponseAt, tk.FirstResponder, tk.Assignee, tk.Escalation = t0.Add(time.Minute), "UF", "UF", "n2"
	tk.LastClientMessageAt, tk.ResolvedAt, tk.DeliveredAt = t0.Add(2*time.Minute), t0.Add(3*time.Minute), t0.Add(4*time.Minute)
	tk.WaitingSince, tk.CloseReason = t0.Add(5*time.Minute), "motivo"
	tk.AwaitingSince, tk.NextClockStart, tk.NextDueAt = t0.Add(6*time.Minute), t0.Add(7*time.Minute), t0.Add(8*time.Minute)
	tk.PausedFor = 90*time.Minute + 250*time.Millisecond
	tk.ReceivedAt = t0.Add(123 * time.Millisecond)
	create(t, s, tk)
	if tk.ID <= 0 {
		t.Fatalf("CreateTicket set ID %d, want a positive number", tk.ID)
	}
	// CreatedAt and UpdatedAt default to when the message was received.
	if !tk.CreatedAt.Equal(tk.ReceivedAt) || !tk.UpdatedAt.Equal(tk.ReceivedAt) {
		t.Errorf("CreatedAt %v, UpdatedAt %v; want both %v", tk.CreatedAt, tk.UpdatedAt, tk.ReceivedAt)
	}
	sameTicket(t, "read back", getTicket(t, s, tk.ID), tk)

	second := newTicket(acme)
	second.CreatedAt, second.UpdatedAt = t0.Add(time.Hour), t0.Add(2*time.Hour)
	create(t, s, second)
	if second.ID <= tk.ID {
		t.Errorf("second ticket got number %d, want above %d", second.ID, tk.ID)
	}
	sameTicket(t, "given CreatedAt and UpdatedAt", getTicket(t, s, second.ID), second)
}

func testTicketClientIsolation(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := newTicket(acme)
	create(t, s, tk)
	tests := []struct {
		client string
		id     int64
		want   error
	}{
		{acme, tk.ID, nil},
		{"", tk.ID, nil},
		{beta, tk.ID, ticketing.ErrNotFound},
		{"nobody", tk.ID, ticketing.ErrNotFound},
		{acme, tk.ID + 1000, ticketing.ErrNotFound},
		{"", tk.ID + 1000, ticketing.ErrNotFound},
	}
	for _, tt := range tests {
		var got *ticketing.Ticket
		err := s.View(t.Context(), func(tx ticketing.Tx) error {
			var err error
			got, err = tx.Ticket(t.Context(), tt.client, tt.id)
			return err
		})
		wantErr(t, fmt.Sprintf("Ticket(%q, %d)", tt.client, tt.id), err, tt.want)
		if tt.want == nil && err == nil && got.ID != tk.ID {
			t.Errorf("Ticket(%q, %d) = #%d", tt.client, tt.id, got.ID)
		}
	}
}

func testUpdateTicket(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := newTicket(acme)
	create(t, s, tk)
	tk.Status, tk.Priority, tk.Kind = ticketing.StatusResuelto, ticketing.PriorityMedia, ticketing.KindConsulta
	tk.Assignee, tk.FirstResponder, tk.FirstResponseAt = "UF", "UF", t0.Add(time.Hour)
	tk.NextActionAt, tk.ResolvedAt, tk.WaitingSince = time.Time{}, t0.Add(2*time.Hour), t0.Add(2*time.Hour)
	tk.Cues, tk.AwaitingChoice, tk.Subject = nil, false, "otro asunto"
	tk.UpdatedAt = t0.Add(2 * time.Hour)
	update(t, s, func(tx ticketing.Tx) error { return tx.UpdateTicket(t.Context(), tk) })
	sameTicket(t, "after update", getTicket(t, s, tk.ID), tk)

	missing := newTicket(acme)
	missing.ID = tk.ID + 1000
	err := s.Update(t.Context(), func(tx ticketing.Tx) error { return tx.UpdateTicket(t.Context(), missing) })
	wantErr(t, "UpdateTicket of an unknown number", err, ticketing.ErrNotFound)
}

func testSetTicketThread(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := whatsAppTicket()
	create(t, s, tk)
	for _, ts := range []string{"1.1", "2.2"} {
		update(t, s, func(tx ticketing.Tx) error { return tx.SetTicketThread(t.Context(), tk.ID, ts) })
	}
	got := getTicket(t, s, tk.ID)
	if got.Desk.Thread != "1.1" {
		t.Errorf("thread after setting 1.1 then 2.2 = %q, want the first, 1.1", got.Desk.Thread)
	}
	want := *tk
	want.Desk.Thread = "1.1"
	sameTicket(t, "the rest of the ticket", got, &want)
}

func testTicketByThread(t *testing.T, s ticketing.Store) {
	seed(t, s)
	a, b := newTicket(acme), newTicket(beta)
	a.Desk.Thread = "1.1"
	b.Desk.Address, b.Desk.Thread = "C2", "1.1"
	noThread := newTicket(acme)
	create(t, s, a, b, noThread)
	tests := []struct {
		channel, ts string
		want        int64
	}{
		{"C1", "1.1", a.ID},
		{"C2", "1.1", b.ID},
		{"C1", "2.2", 0},
		{"C3", "1.1", 0},
		// A ticket without a thread belongs to no thread, not to "".
		{"C1", "", 0},
	}
	for _, tt := range tests {
		checkLookup(t, s, fmt.Sprintf("TicketByThread(%s, %q)", tt.channel, tt.ts), tt.want,
			func(tx ticketing.Tx) (*ticketing.Ticket, error) {
				return tx.TicketByThread(t.Context(), tt.channel, tt.ts)
			})
	}
}

func testTicketOfMessage(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk, other := newTicket(acme), newTicket(acme)
	tk.Desk.Thread = "1.1"
	create(t, s, tk, other)
	posts := []ticketing.OutboxItem{
		{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1", Thread: "1.1"}, Mode: ticketing.ModePost, Text: "respuesta", TicketID: tk.ID},
		{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModePost, Text: "aviso", TicketID: other.ID},
		{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModePost, Text: "sin ticket"},
		{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"}, Mode: ticketing.ModePost, Text: "pendiente", TicketID: tk.ID},
	}
	refs := []string{"1.2", "3.3", "4.4", ""}
	update(t, s, func(tx ticketing.Tx) error {
		for i := range posts {
			posts[i].CreatedAt = t0
			if err := tx.Enqueue(t.Context(), &posts[i]); err != nil {
				return err
			}
			if refs[i] != "" {
				if err := tx.MarkSent(t.Context(), posts[i].ID, t0, refs[i]); err != nil {
					return err
				}
			}
		}
		return nil
	})
	tests := []struct {
		channel, ts string
		want        int64
	}{
		{"C1", "1.1", tk.ID},    // the thread root
		{"C1", "1.2", tk.ID},    // the bot's reply in it
		{"C1", "3.3", other.ID}, // a post of the bot's for another ticket
		{"C1", "4.4", 0},        // a post that belongs to no ticket
		{"C2", "1.2", 0},        // the same ts in another channel
		{"C1", "9.9", 0},
	}
	for _, tt := range tests {
		checkLookup(t, s, fmt.Sprintf("TicketOfMessage(%s, %s)", tt.channel, tt.ts), tt.want,
			func(tx ticketing.Tx) (*ticketing.Ticket, error) {
				return tx.TicketOfMessage(t.Context(), tt.channel, tt.ts)
			})
	}
}

// checkLookup runs a lookup that finds one ticket, or none (want 0, then
// ErrNotFound).
func checkLookup(t *testing.T, s ticketing.Store, what string, want int64, lookup func(tx ticketing.Tx) (*ticketing.Ticket, error)) {
	t.Helper()
	var got *ticketing.Ticket
	err := s.View(t.Context(), func(tx ticketing.Tx) error {
		var err error
		got, err = lookup(tx)
		return err
	})
	switch {
	case want == 0:
		wantErr(t, what, err, ticketing.ErrNotFound)
	case err != nil:
		t.Errorf("%s: %v, want #%d", what, err, want)
	case got.ID != want:
		t.Errorf("%s = #%d, want #%d", what, got.ID, want)
	}
}

func testOpenTicketByContact(t *testing.T, s ticketing.Store) {
	seed(t, s)
	for i, st := range ticketing.Statuses {
		phone := fmt.Sprintf("+54911000001%02d", i)
		tk := newTicket(acme)
		tk.Source, tk.Client, tk.Status = ticketing.SourceWhatsApp, ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: phone}, st
		create(t, s, tk)
		want := tk.ID
		if !st.Open() {
			want = 0
		}
		checkLookup(t, s, fmt.Sprintf("OpenTicketByContact of a %s ticket", st), want,
			func(tx ticketing.Tx) (*ticketing.Ticket, error) { return tx.OpenTicketByContact(t.Context(), phone) })
	}
	checkLookup(t, s, "OpenTicketByContact of a number without tickets", 0,
		func(tx ticketing.Tx) (*ticketing.Ticket, error) { return tx.OpenTicketByContact(t.Context(), "+1") })
	checkLookup(t, s, "OpenTicketByContact of the empty number", 0,
		func(tx ticketing.Tx) (*ticketing.Ticket, error) { return tx.OpenTicketByContact(t.Context(), "") })
}

func testOneOpenTicketPerContact(t *testing.T, s ticketing.Store) {
	seed(t, s)
	first := whatsAppTicket()
	create(t, s, first)
	err := s.Update(t.Context(), func(tx ticketing.Tx) error { return tx.CreateTicket(t.Context(), whatsAppTicket()) })
	wantErr(t, "a second open ticket of the contact", err, ticketing.ErrDuplicate)

	first.Status, first.ClosedAt = ticketing.StatusCerrado, t0.Add(time.Hour)
	update(t, s, func(tx ticketing.Tx) error { return tx.UpdateTicket(t.Context(), first) })
	next := whatsAppTicket()
	create(t, s, next)
	checkLookup(t, s, "OpenTicketByContact after closing the first", next.ID,
		func(tx ticketing.Tx) (*ticketing.Ticket, error) {
			return tx.OpenTicketByContact(t.Context(), acmePhone)
		})

	// Reopening the closed one would make two open tickets.
	first.Status, first.ClosedAt = ticketing.StatusEnCurso, time.Time{}
	err = s.Update(t.Context(), func(tx ticketing.Tx) error { return tx.UpdateTicket(t.Context(), first) })
	wantErr(t, "reopening a closed ticket while the contact has another open", err, ticketing.ErrDuplicate)

	// Tickets without a contact are not limited.
	create(t, s, newTicket(acme), newTicket(acme))
}

func testOneTicketPerThread(t *testing.T, s ticketing.Store) {
	seed(t, s)
	a := newTicket(acme)
	a.Desk.Thread = "1.1"
	create(t, s, a)
	b := newTicket(acme)
	b.Desk.Thread = "1.1"
	err := s.Update(t.Context(), func(tx ticketing.Tx) error { return tx.CreateTicket(t.Context(), b) })
	wantErr(t, "a second ticket for the same thread", err, ticketing.ErrDuplicate)
}

func testFindTickets(t *testing.T, s ticketing.Store) {
	seed(t, s)
	// Created out of due order: the listing sorts by due time, then number.
	mk := func(client string, received, due time.Duration, assignee string, status ticketing.Status) *ticketing.Ticket {
		tk := newTicket(client)
		tk.ReceivedAt, tk.ClockStart, tk.DueAt = t0.Add(received), t0.Add(received), t0.Add(due)
		tk.Assignee, tk.Status = assignee, status
		if client == beta {
			tk.Desk.Address = "C2"
		}
		return tk
	}
	h := time.Hour
	late := mk(acme, 0, 30*h, "UF", ticketing.StatusEnCurso)
	early := mk(acme, 1*h, 5*h, "", ticketing.StatusNuevo)
	closed := mk(acme, 2*h, 10*h, "UF", ticketing.StatusCerrado)
	betaTk := mk(beta, 3*h, 20*h, "UG", ticketing.StatusNuevo)
	tie := mk(acme, 4*h, 5*h, "UG", ticketing.StatusResuelto)
	betaTk.OpenedBy = "UB"
	create(t, s, late, early, closed, betaTk, tie)

	tests := []struct {
		name string
		f    ticketing.TicketFilter
		want []*ticketing.Ticket
	}{
		{"everything", ticketing.TicketFilter{}, []*ticketing.Ticket{early, tie, closed, betaTk, late}},
		{"client", ticketing.TicketFilter{ClientID: acme}, []*ticketing.Ticket{early, tie, closed, late}},
		{"unknown client", ticketing.TicketFilter{ClientID: "nobody"}, nil},
		{"only open", ticketing.TicketFilter{OnlyOpen: true}, []*ticketing.Ticket{early, tie, betaTk, late}},
		{"assignee", ticketing.TicketFilter{Assignee: "UF"}, []*ticketing.Ticket{closed, late}},
		{"opened by", ticketing.TicketFilter{OpenedBy: "UB"}, []*ticketing.Ticket{betaTk}},
		{"opened by nobody known", ticketing.TicketFilter{OpenedBy: "UX"}, nil},
		{"opened from (inclusive)", ticketing.TicketFilter{OpenedFrom: t0.Add(2 * h)}, []*ticketing.Ticket{tie, closed, betaTk}},
		{"opened to (exclusive)", ticketing.TicketFilter{OpenedTo: t0.Add(2 * h)}, []*ticketing.Ticket{early, late}},
		{"due from (inclusive)", ticketing.TicketFilter{DueFrom: t0.Add(10 * h)}, []*ticketing.Ticket{closed, betaTk, late}},
		{"due to (exclusive)", ticketing.TicketFilter{DueTo: t0.Add(10 * h)}, []*ticketing.Ticket{early, tie}},
		{"limit", ticketing.TicketFilter{Limit: 2}, []*ticketing.Ticket{early, tie}},
		{"all together", ticketing.TicketFilter{ClientID: acme, OnlyOpen: true, Assignee: "UF",
			OpenedFrom: t0, OpenedTo: t0.Add(time.Minute), DueFrom: t0.Add(30 * h), DueTo: t0.Add(31 * h), Limit: 5},
			[]*ticketing.Ticket{late}},
	}
	for _, tt := range tests {
		var got []*ticketing.Ticket
		view(t, s, func(tx ticketing.Tx) error {
			var err error
			got, err = tx.FindTickets(t.Context(), tt.f)
			return err
		})
		if g, w := ids(got), ids(tt.want); !slices.Equal(g, w) {
			t.Errorf("FindTickets %s = %v, want %v", tt.name, g, w)
		}
	}
	var got []*ticketing.Ticket
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		got, err = tx.FindTickets(t.Context(), ticketing.TicketFilter{Assignee: "UG", ClientID: beta})
		return err
	})
	if len(got) == 1 {
		sameTicket(t, "a listed ticket", got[0], betaTk)
	}
}

func testDueTickets(t *testing.T, s ticketing.Store) {
	seed(t, s)
	at := func(d time.Duration) *ticketing.Ticket {
		tk := newTicket(acme)
		tk.NextActionAt = t0.Add(d)
		return tk
	}
	later, soon, exact, never, after := at(90*time.Minute), at(10*time.Minute), at(time.Hour), at(0), at(time.Hour+time.Millisecond)
	never.NextActionAt = time.Time{}
	create(t, s, later, soon, exact, never, after)
	tests := []struct {
		at    time.Time
		limit int
		want  []int64
	}{
		{t0.Add(time.Hour), 10, []int64{soon.ID, exact.ID}},
		{t0.Add(time.Hour), 1, []int64{soon.ID}},
		{t0.Add(2 * time.Hour), 10, []int64{soon.ID, exact.ID, after.ID, later.ID}},
		{t0, 10, []int64{}},
	}
	for _, tt := range tests {
		var got []*ticketing.Ticket
		view(t, s, func(tx ticketing.Tx) error {
			var err error
			got, err = tx.DueTickets(t.Context(), tt.at, tt.limit)
			return err
		})
		if g := ids(got); !slices.Equal(g, tt.want) {
			t.Errorf("DueTickets(t0+%v, %d) = %v, want %v", tt.at.Sub(t0), tt.limit, g, tt.want)
		}
	}
}

func testTicketOfUnknownClient(t *testing.T, s ticketing.Store) {
	seed(t, s)
	err := s.Update(t.Context(), func(tx ticketing.Tx) error { return tx.CreateTicket(t.Context(), newTicket("nobody")) })
	if err == nil {
		t.Error("a ticket of a client never synced was stored")
	}
}
