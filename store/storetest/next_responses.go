package storetest

import (
	"reflect"
	"testing"
	"time"

	"supportbot/ticketing"
)

var nextResponseCases = []testCase{
	{"one unanswered clock per ticket", testNextResponseOneOpen},
	{"listed by start, per client", testNextResponsesListed},
	{"a priority change re-dates only the unanswered clock", testNextResponseRetimed},
}

func nextResponse(tk *ticketing.Ticket, since time.Time) ticketing.NextResponse {
	return ticketing.NextResponse{TicketID: tk.ID, ClientID: tk.ClientID, Priority: tk.Priority, Since: since,
		ClockStart: since, DueAt: since.Add(4 * time.Hour)}
}

func startNext(t *testing.T, s ticketing.Store, n ticketing.NextResponse) error {
	t.Helper()
	var got error
	update(t, s, func(tx ticketing.Tx) error {
		got = tx.StartNextResponse(t.Context(), n)
		return nil
	})
	return got
}

func listNext(t *testing.T, s ticketing.Store, client string, from, to time.Time) []ticketing.NextResponse {
	t.Helper()
	var out []ticketing.NextResponse
	view(t, s, func(tx ticketing.Tx) error {
		var err error
		out, err = tx.NextResponses(t.Context(), client, from, to)
		return err
	})
	return out
}

// A second client message before the answer is refused by the store, so
// the first message's clock holds; once answered, the next message starts
// a clock of its own.
func testNextResponseOneOpen(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk, other := newTicket(acme), newTicket(acme)
	create(t, s, tk, other)
	steps := []struct {
		what string
		n    ticketing.NextResponse
		want error
	}{
		{"first message", nextResponse(tk, t0), nil},
		{"second message before the answer", nextResponse(tk, t0.Add(time.Minute)), ticketing.ErrDuplicate},
		{"another ticket's message", nextResponse(other, t0.Add(time.Minute)), nil},
	}
	for _, st := range steps {
		wantErr(t, st.what, startNext(t, s, st.n), st.want)
	}
	update(t, s, func(tx ticketing.Tx) error {
		if err := tx.AnswerNextResponse(t.Context(), tk.ID, t0.Add(30*time.Minute), "UF"); err != nil {
			return err
		}
		// Nothing unanswered: no error, nothing changes.
		return tx.AnswerNextResponse(t.Context(), tk.ID, t0.Add(40*time.Minute), "UG")
	})
	wantErr(t, "message after the answer", startNext(t, s, nextResponse(tk, t0.Add(time.Hour))), nil)

	got := listNext(t, s, acme, t0, t0.Add(24*time.Hour))
	first := nextResponse(tk, t0)
	first.AnsweredAt, first.AnsweredBy = t0.Add(30*time.Minute), "UF"
	want := []ticketing.NextResponse{first, nextResponse(other, t0.Add(time.Minute)), nextResponse(tk, t0.Add(time.Hour))}
	if len(got) != len(want) {
		t.Fatalf("NextResponses = %d clocks %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if !sameNext(got[i], want[i]) {
			t.Errorf("clock %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if !got[0].Met() || got[2].Answered() {
		t.Errorf("first clock met = %v, last answered = %v; want true, false", got[0].Met(), got[2].Answered())
	}
}

func testNextResponsesListed(t *testing.T, s ticketing.Store) {
	seed(t, s)
	a, b := newTicket(acme), newTicket(beta)
	create(t, s, a, b)
	for _, n := range []ticketing.NextResponse{nextResponse(a, t0), nextResponse(b, t0.Add(time.Hour))} {
		wantErr(t, "start", startNext(t, s, n), nil)
	}
	tests := []struct {
		client   string
		from, to time.Time
		want     []int64
	}{
		{"", t0, t0.Add(2 * time.Hour), []int64{a.ID, b.ID}},
		{acme, t0, t0.Add(2 * time.Hour), []int64{a.ID}},
		{beta, t0, t0.Add(2 * time.Hour), []int64{b.ID}},
		{"", t0.Add(time.Minute), t0.Add(2 * time.Hour), []int64{b.ID}},
		{"", t0, t0.Add(time.Hour), []int64{a.ID}},
	}
	for _, tt := range tests {
		got := []int64{}
		for _, n := range listNext(t, s, tt.client, tt.from, tt.to) {
			got = append(got, n.TicketID)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("NextResponses(%q, t0+%v, t0+%v) = %v, want %v", tt.client, tt.from.Sub(t0), tt.to.Sub(t0), got, tt.want)
		}
	}
}

func sameNext(a, b ticketing.NextResponse) bool {
	return a.TicketID == b.TicketID && a.ClientID == b.ClientID && a.Priority == b.Priority && a.Since.Equal(b.Since) &&
		a.ClockStart.Equal(b.ClockStart) && a.DueAt.Equal(b.DueAt) && a.AnsweredAt.Equal(b.AnsweredAt) && a.AnsweredBy == b.AnsweredBy
}

func testNextResponseRetimed(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := newTicket(acme)
	create(t, s, tk)
	wantErr(t, "first message", startNext(t, s, nextResponse(tk, t0)), nil)
	update(t, s, func(tx ticketing.Tx) error {
		return tx.AnswerNextResponse(t.Context(), tk.ID, t0.Add(30*time.Minute), "UF")
	})
	wantErr(t, "second message", startNext(t, s, nextResponse(tk, t0.Add(time.Hour))), nil)
	update(t, s, func(tx ticketing.Tx) error {
		return tx.RetimeNextResponse(t.Context(), tk.ID, ticketing.PriorityBaja, t0.Add(time.Hour), t0.Add(49*time.Hour))
	})
	got := listNext(t, s, acme, t0, t0.Add(24*time.Hour))
	answered := nextResponse(tk, t0)
	answered.AnsweredAt, answered.AnsweredBy = t0.Add(30*time.Minute), "UF"
	retimed := nextResponse(tk, t0.Add(time.Hour))
	retimed.Priority, retimed.DueAt = ticketing.PriorityBaja, t0.Add(49*time.Hour)
	want := []ticketing.NextResponse{answered, retimed}
	if len(got) != len(want) {
		t.Fatalf("NextResponses = %+v, want %+v", got, want)
	}
	for i := range want {
		if !sameNext(got[i], want[i]) {
			t.Errorf("clock %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
