package storetest

import (
	"errors"
	"testing"
	"time"

	"supportbot/ticketing"
)

var csatCases = []testCase{
	{"csat asked once", testCSATAskedOnce},
	{"csat rated once", testCSATRatedOnce},
	{"pending csat by conversation", testPendingCSAT},
	{"csat comment window", testCSATComment},
}

// askedCSAT creates a closed ticket of client and stores its question,
// asked at t0 and open by message for a day.
func askedCSAT(t *testing.T, s ticketing.Store, client string, where ticketing.Conversation) *ticketing.CSAT {
	t.Helper()
	tk := newTicket(client)
	tk.Status, tk.ClosedAt = ticketing.StatusCerrado, t0
	create(t, s, tk)
	q := &ticketing.CSAT{TicketID: tk.ID, ClientID: client, Where: where, AskedAt: t0, OpenUntil: t0.Add(24 * time.Hour)}
	update(t, s, func(tx ticketing.Tx) error { return tx.AskCSAT(t.Context(), q) })
	return q
}

func chat(phone string) ticketing.Conversation {
	return ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: phone}
}

func testCSATAskedOnce(t *testing.T, s ticketing.Store) {
	seed(t, s)
	q := askedCSAT(t, s, acme, chat(acmePhone))
	err := s.Update(t.Context(), func(tx ticketing.Tx) error {
		return tx.AskCSAT(t.Context(), &ticketing.CSAT{TicketID: q.TicketID, ClientID: acme, Where: q.Where, AskedAt: t0.Add(time.Minute)})
	})
	wantErr(t, "second question", err, ticketing.ErrDuplicate)
	view(t, s, func(tx ticketing.Tx) error {
		got, err := tx.CSAT(t.Context(), q.TicketID)
		if err != nil {
			return err
		}
		if got.Rated() || !got.AskedAt.Equal(t0) || got.Where != q.Where || got.ClientID != acme {
			t.Errorf("stored question = %+v, want the first one, unrated", got)
		}
		_, err = tx.CSAT(t.Context(), q.TicketID+100)
		wantErr(t, "never asked", err, ticketing.ErrNotFound)
		return nil
	})
}

func testCSATRatedOnce(t *testing.T, s ticketing.Store) {
	seed(t, s)
	q := askedCSAT(t, s, acme, chat(acmePhone))
	at := t0.Add(time.Hour)
	for _, tt := range []struct {
		rating int
		want   bool
	}{{5, true}, {2, false}} {
		update(t, s, func(tx ticketing.Tx) error {
			got, err := tx.RateCSAT(t.Context(), q.TicketID, tt.rating, acmePhone, at, at.Add(30*time.Minute))
			if err != nil {
				return err
			}
			if got != tt.want {
				t.Errorf("rate %d: recorded = %v, want %v", tt.rating, got, tt.want)
			}
			return nil
		})
	}
	err := s.Update(t.Context(), func(tx ticketing.Tx) error {
		_, err := tx.RateCSAT(t.Context(), q.TicketID, 6, acmePhone, at, time.Time{})
		return err
	})
	if err == nil {
		t.Error("rating 6 accepted")
	}
	view(t, s, func(tx ticketing.Tx) error {
		got, err := tx.CSAT(t.Context(), q.TicketID)
		if err != nil {
			return err
		}
		if got.Rating != 5 || got.RatedBy != acmePhone || !got.RatedAt.Equal(at) || !got.OpenUntil.IsZero() {
			t.Errorf("after two answers: %+v, want the first (5 by %s at %v), no longer open", got, acmePhone, at)
		}
		return nil
	})
}

func testPendingCSAT(t *testing.T, s ticketing.Store) {
	seed(t, s)
	other := chat("+5491100000009")
	q := askedCSAT(t, s, acme, chat(acmePhone))
	askedCSAT(t, s, acme, other)
	for _, tt := range []struct {
		name  string
		where ticketing.Conversation
		at    time.Time
		want  int64 // 0: none
	}{
		{"open", chat(acmePhone), t0.Add(time.Hour), q.TicketID},
		{"window over", chat(acmePhone), t0.Add(25 * time.Hour), 0},
		{"another chat", ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: "+5491100000005"}, t0.Add(time.Hour), 0},
		{"same address on another platform", ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: acmePhone}, t0.Add(time.Hour), 0},
	} {
		view(t, s, func(tx ticketing.Tx) error {
			got, err := tx.PendingCSAT(t.Context(), tt.where, tt.at)
			var id int64
			switch {
			case errors.Is(err, ticketing.ErrNotFound):
			case err != nil:
				return err
			default:
				id = got.TicketID
			}
			if id != tt.want {
				t.Errorf("%s: pending = ticket %d, want %d", tt.name, id, tt.want)
			}
			return nil
		})
	}
	update(t, s, func(tx ticketing.Tx) error { return tx.EndCSATPrompt(t.Context(), q.TicketID, t0.Add(time.Hour)) })
	view(t, s, func(tx ticketing.Tx) error {
		_, err := tx.PendingCSAT(t.Context(), chat(acmePhone), t0.Add(2*time.Hour))
		wantErr(t, "after the prompt ended", err, ticketing.ErrNotFound)
		return nil
	})
}

func testCSATComment(t *testing.T, s ticketing.Store) {
	seed(t, s)
	q := askedCSAT(t, s, acme, chat(acmePhone))
	rated := t0.Add(time.Hour)
	update(t, s, func(tx ticketing.Tx) error {
		_, err := tx.RateCSAT(t.Context(), q.TicketID, 4, acmePhone, rated, rated.Add(30*time.Minute))
		return err
	})
	view(t, s, func(tx ticketing.Tx) error {
		got, err := tx.PendingCSAT(t.Context(), chat(acmePhone), rated.Add(10*time.Minute))
		if err != nil {
			return err
		}
		if got.TicketID != q.TicketID || !got.Rated() {
			t.Errorf("awaiting a comment: %+v, want ticket %d rated", got, q.TicketID)
		}
		return nil
	})
	for _, tt := range []struct {
		at   time.Time
		text string
		want bool
	}{
		{rated.Add(31 * time.Minute), "tarde", false},
		{rated.Add(10 * time.Minute), "muy rápidos", true},
		{rated.Add(11 * time.Minute), "otro", false},
	} {
		update(t, s, func(tx ticketing.Tx) error {
			got, err := tx.CommentCSAT(t.Context(), q.TicketID, tt.text, tt.at)
			if err != nil {
				return err
			}
			if got != tt.want {
				t.Errorf("comment %q at %v: stored = %v, want %v", tt.text, tt.at, got, tt.want)
			}
			return nil
		})
	}
	view(t, s, func(tx ticketing.Tx) error {
		got, err := tx.CSAT(t.Context(), q.TicketID)
		if err != nil {
			return err
		}
		if got.Comment != "muy rápidos" || !got.CommentUntil.IsZero() || got.Rating != 4 {
			t.Errorf("after comments: %+v, want the one in time, window closed", got)
		}
		return nil
	})
}
