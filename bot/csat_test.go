package bot_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"supportbot/bot"
	"supportbot/channels"
	"supportbot/ticketing"
)

const acmePhone = "+5491155550101"

func withCSAT(c *bot.Config) { c.CSAT = true }

// closedByContact opens a WhatsApp ticket for acme's contact and closes it
// with "conforme 1", which asks the question; what was sent is flushed.
func closedByContact(t *testing.T, adjust func(*bot.Config)) *harness {
	t.Helper()
	h := newHarnessWith(t, adjust)
	h.handle(waMsg(acmePhone, "WA1", "el discador no anda desde las 9"))
	h.flush()
	h.handle(waMsg(acmePhone, "WA2", "conforme 1"))
	return h
}

func (h *harness) csat(id int64) *ticketing.CSAT {
	h.t.Helper()
	var q *ticketing.CSAT
	err := h.db.View(context.Background(), func(tx ticketing.Tx) error {
		var err error
		q, err = tx.CSAT(context.Background(), id)
		if errors.Is(err, ticketing.ErrNotFound) {
			q, err = nil, nil
		}
		return err
	})
	if err != nil {
		h.t.Fatal(err)
	}
	return q
}

func TestWhatsAppRatingReplies(t *testing.T) {
	tests := []struct {
		text    string
		rating  int // 0: not a rating
		tickets int
	}{
		{"5", 5, 1},
		{"5!", 5, 1},
		{" 4 ", 4, 1},
		{"4 estrellas", 4, 1},
		{"3/5", 3, 1},
		{"4 de 5", 4, 1},
		{"4 stars", 4, 1},
		{"5 out of 5", 5, 1},
		{"1.", 1, 1},
		{"10", 0, 2},
		{"6", 0, 2},
		{"3 campañas no cargan", 0, 2},
		{"el discador no anda otra vez", 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			h := closedByContact(t, withCSAT)
			_, wa := h.flush()
			if len(wa) != 2 || !strings.Contains(wa[1].Text, "Respondé con un número del 1 al 5") {
				t.Fatalf("after conforme:\n%s", texts(wa))
			}
			h.handle(waMsg(acmePhone, "WA3", tt.text))
			if got := h.csat(1).Rating; got != tt.rating {
				t.Errorf("rating = %d, want %d", got, tt.rating)
			}
			if got := len(h.tickets("acme")); got != tt.tickets {
				t.Errorf("tickets = %d, want %d", got, tt.tickets)
			}
		})
	}
}

// A greeting or thanks before the number leaves the question open; any
// other message ends it, so a later digit is a message again.
func TestWhatsAppQuestionEndsWithAnotherMessage(t *testing.T) {
	h := closedByContact(t, withCSAT)
	h.handle(waMsg(acmePhone, "WA3", "gracias"))
	h.handle(waMsg(acmePhone, "WA4", "4"))
	if got := h.csat(1).Rating; got != 4 {
		t.Errorf("rating after thanks then 4 = %d, want 4", got)
	}

	h = closedByContact(t, withCSAT)
	h.handle(waMsg(acmePhone, "WA3", "hmm una consulta sobre reportes"))
	h.flush()
	// The new ticket asks its kind with a numbered menu: 2 is Incidente.
	h.handle(waMsg(acmePhone, "WA4", "2"))
	if got := h.csat(1).Rating; got != 0 {
		t.Errorf("the menu's 2 was taken as rating %d", got)
	}
	if tk := h.ticket(2); tk.Kind != ticketing.KindIncidente || tk.AwaitingChoice {
		t.Errorf("ticket #2 = %s awaiting=%v, want the menu's incidente", tk.Kind, tk.AwaitingChoice)
	}
}

func TestWhatsAppCommentWindow(t *testing.T) {
	tests := []struct {
		name    string
		after   time.Duration
		text    string
		comment string
		tickets int
	}{
		{"a comment", time.Minute, "muy rápidos, gracias Lucía", "muy rápidos, gracias Lucía", 1},
		{"thanks alone", time.Minute, "gracias", "", 1},
		{"after the window", 31 * time.Minute, "el discador no anda otra vez", "", 2},
		{"a critical is no comment", time.Minute, "se cayó todo caído", "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := closedByContact(t, withCSAT)
			h.handle(waMsg(acmePhone, "WA3", "5"))
			h.flush()
			h.clock.Advance(tt.after)
			h.handle(waMsg(acmePhone, "WA4", tt.text))
			if got := h.csat(1).Comment; got != tt.comment {
				t.Errorf("comment = %q, want %q", got, tt.comment)
			}
			if got := len(h.tickets("acme")); got != tt.tickets {
				t.Errorf("tickets = %d, want %d", got, tt.tickets)
			}
			slack, wa := h.flush()
			thanked := strings.Contains(texts(wa), "Gracias por tu comentario")
			if thanked != (tt.comment != "") {
				t.Errorf("thanked for a comment = %v, want %v:\n%s", thanked, tt.comment != "", texts(wa))
			}
			if tt.comment != "" && !strings.Contains(texts(slack), "slack_dm UFOCAL [] 💬 Comentario de *ACME*") {
				t.Errorf("focal point not told of the comment:\n%s", texts(slack))
			}
		})
	}
}

func TestCSATOffAsksNothing(t *testing.T) {
	h := closedByContact(t, nil)
	_, wa := h.flush()
	if len(wa) != 1 || strings.Contains(wa[0].Text, "calificarías") {
		t.Errorf("with csat off the contact read:\n%s", texts(wa))
	}
	if q := h.csat(1); q != nil {
		t.Errorf("question stored with csat off: %+v", q)
	}
}

// The scheduler's close asks only with csat.on_autoclose, and once.
func TestCSATOnAutoClose(t *testing.T) {
	for _, on := range []bool{false, true} {
		h := newHarnessWith(t, func(c *bot.Config) { c.CSAT, c.CSATOnAutoClose = true, on })
		h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
		h.flush()
		tk := h.ticket(1)
		for range 2 {
			if err := h.db.Update(context.Background(), func(tx ticketing.Tx) error {
				return h.bot.AskCSATOnAutoClose(context.Background(), tx, tk)
			}); err != nil {
				t.Fatal(err)
			}
		}
		slack, _ := h.flush()
		if got, want := strings.Count(texts(slack), "calificarías"), map[bool]int{false: 0, true: 1}[on]; got != want {
			t.Errorf("on_autoclose=%v: %d questions, want %d:\n%s", on, got, want, texts(slack))
		}
		if on && (len(slack) != 1 || len(slack[0].Buttons) != 5 || slack[0].To.Thread != "100.1") {
			t.Errorf("question = %+v, want five buttons in the ticket's thread", slack)
		}
	}
}

// Every path of the client's conformity asks once; staff closing does not.
func TestEveryConformityPathAsks(t *testing.T) {
	react := channels.Inbound{Platform: channels.Slack, Kind: channels.KindReaction, EventID: "react-1",
		Channel: "CACME", UserID: "UCLIENT", Reaction: "white_check_mark", ThreadTS: "100.1"}
	tests := []struct {
		name  string
		close channels.Inbound
		want  int
	}{
		{"/soporte conforme", command("CACME", "UCLIENT", "conforme #1"), 1},
		{"a check mark on the thread", react, 1},
		{"staff closing", command("CACME", "UFOCAL", "mover #1 cerrado"), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarnessWith(t, withCSAT)
			h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
			h.handle(command("CACME", "UFOCAL", "resolver #1 reiniciamos el servicio"))
			h.flush()
			h.handle(tt.close)
			h.handle(command("CACME", "UCLIENT", "conforme #1")) // closed already: no (second) question
			slack, _ := h.flush()
			var questions []ticketing.OutboxItem
			for _, it := range slack {
				if strings.Contains(it.Text, "calificarías") {
					questions = append(questions, it)
				}
			}
			if len(questions) != tt.want {
				t.Fatalf("%d questions, want %d:\n%s", len(questions), tt.want, texts(slack))
			}
			if tt.want == 1 && (questions[0].To.Thread != "100.1" || len(questions[0].Buttons) != 5) {
				t.Errorf("question = %+v, want five buttons in the ticket's thread", questions[0])
			}
		})
	}
}

// After the rating, the client's thread message is the comment; thanks
// alone are kept quietly, not answered as a message on a closed ticket.
func TestSlackThreadComment(t *testing.T) {
	for _, tt := range []struct {
		text, comment string
	}{{"gracias", ""}, {"muy claros con la explicación", "muy claros con la explicación"}} {
		h := newHarnessWith(t, withCSAT)
		h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
		h.handle(command("CACME", "UCLIENT", "conforme #1"))
		h.handle(channelsAction("CACME", "UCLIENT", "ticket_csat", "1:4"))
		h.flush()
		h.handle(threadReply("CACME", "UCLIENT", "100.1", "300.1", tt.text))
		if got := h.csat(1); got.Rating != 4 || got.Comment != tt.comment {
			t.Errorf("%q: rating %d comment %q, want 4 and %q", tt.text, got.Rating, got.Comment, tt.comment)
		}
		slack, _ := h.flush()
		if strings.Contains(texts(slack), "ya está cerrado") {
			t.Errorf("%q answered as a message on a closed ticket:\n%s", tt.text, texts(slack))
		}
	}
}
