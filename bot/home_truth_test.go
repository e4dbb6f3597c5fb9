package bot_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"supportbot/bot"
	"supportbot/channels"
)

// homeViews keeps the last Home published to each person, as text.
type homeViews struct {
	mu    sync.Mutex
	views map[string]string
}

func (p *homeViews) PublishHome(_ context.Context, userID string, v channels.HomeView) error {
	var s []string
	for _, b := range v.Blocks {
		s = append(s, b.Text)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.views[userID] = strings.Join(s, "\n")
	return nil
}

func (p *homeViews) of(user string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.views[user]
}

// The service desk's Home lists every client's unassigned tickets, not
// only those of clients it is focal point or backup of; a deadline past
// is said to be past, in the Home and in `estado`.
func TestHomesTellTheTruth(t *testing.T) {
	views := &homeViews{views: map[string]string{}}
	var home *bot.Home
	h := newHarnessWith(t, func(cfg *bot.Config) {
		home = bot.NewHome(bot.HomeConfig{Publisher: views, Clock: cfg.Clock, Every: time.Second})
		cfg.Home = home
	})
	// Beta's focal point is UFOCAL; UDESK is nobody's focal point or backup.
	h.handle(slackMsg("CBETA", "UCLIENTB", "100.1", "el discador no anda"))
	h.clock.Advance(5 * time.Hour) // past its 4 h deadline, unanswered
	h.handle(channels.Inbound{Kind: channels.KindHomeOpened, Platform: channels.Slack, UserID: "UDESK"})
	home.Flush(context.Background())
	got := views.of("UDESK")
	if !strings.Contains(got, "*#1*") || !strings.Contains(got, "Beta") {
		t.Errorf("the service desk's Home lacks Beta's unassigned #1:\n%s", got)
	}
	if strings.Contains(got, "vence hoy") || !strings.Contains(got, "venció") {
		t.Errorf("the Home after the deadline does not say it passed:\n%s", got)
	}
	r := h.handle(command("CDESK", "UDESK", "estado"))
	if strings.Contains(r.Text, "vence hoy") || !strings.Contains(r.Text, "venció") {
		t.Errorf("estado after the deadline = %q, want it said past", r.Text)
	}
}

// After `entregado` the client reads the testing period, not a deadline.
func TestDeliveredShowsTheTestingPeriod(t *testing.T) {
	h := newHarness(t)
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "necesitamos un reporte nuevo de campañas"))
	for _, c := range []string{"tipo #1 requerimiento", "mover #1 relevamiento", "mover #1 cotizacion", "mover #1 aceptado", "mover #1 en_desarrollo", "mover #1 entregado"} {
		h.handle(command("CACME", "UFOCAL", c))
	}
	r := h.handle(command("CACME", "UCLIENT", "estado"))
	if !strings.Contains(r.Text, "en prueba hasta") || strings.Contains(r.Text, "vence") {
		t.Errorf("the client's estado = %q, want the testing period and no deadline", r.Text)
	}
}

// The client's people read client-facing states: an escalation is the
// desk's business, a wait on them is theirs to answer.
func TestClientReadsClientFacingStates(t *testing.T) {
	h := newHarness(t)
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
	h.handle(slackMsg("CACME", "UCLIENT2", "100.2", "no anda la grabación"))
	h.handle(command(triageChannel, "UFOCAL", "escalar #1 n2"))
	h.handle(command(triageChannel, "UFOCAL", "esperando #2 el número de una llamada"))
	r := h.handle(command("CACME", "UCLIENT", "estado"))
	for _, bad := range []string{"escalado", "esperando respuesta del cliente"} {
		if strings.Contains(r.Text, bad) {
			t.Errorf("the client's estado says %q: %s", bad, r.Text)
		}
	}
	if !strings.Contains(r.Text, "en curso") || !strings.Contains(r.Text, "esperando tu respuesta") {
		t.Errorf("the client's estado = %q, want en curso and esperando tu respuesta", r.Text)
	}
	if staff := h.handle(command(triageChannel, "UFOCAL", "estado")); !strings.Contains(staff.Text, "escalado") {
		t.Errorf("staff's estado = %q, want the desk's escalado", staff.Text)
	}
}

// A note in the card's thread is kept on the ticket, shown in staff's Home
// and never relayed: not to the client's thread, not to the client's Home.
func TestInternalNoteKeptShownNeverRelayed(t *testing.T) {
	views := &homeViews{views: map[string]string{}}
	var home *bot.Home
	h := newHarnessWith(t, func(cfg *bot.Config) {
		home = bot.NewHome(bot.HomeConfig{Publisher: views, Clock: cfg.Clock, Every: time.Second})
		cfg.Home = home
	})
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
	h.handle(waMsg(acme.Contacts[0], "wa1", "no anda la grabación"))
	h.flush()
	for id, text := range map[int64]string{1: "revisar el trunk del proveedor", 2: "es el mismo caso de octubre"} {
		card := h.card(id)
		h.handle(threadReply(triageChannel, "UFOCAL", card.Ref, "300."+string(rune('0'+id)), text))
	}
	slack, wa := h.flush()
	if len(slack) != 0 || len(wa) != 0 {
		t.Errorf("a note went out:\nslack:\n%s\nwhatsapp:\n%s", texts(slack), texts(wa))
	}
	for id, text := range map[int64]string{1: "revisar el trunk del proveedor", 2: "es el mismo caso de octubre"} {
		var notes []string
		for _, m := range h.messages(id) {
			if m.AuthorKind == "note" {
				notes = append(notes, m.Text)
			}
		}
		if len(notes) != 1 || notes[0] != text {
			t.Errorf("notes on #%d = %q, want %q", id, notes, text)
		}
	}
	if tk := h.ticket(1); tk.Responded() {
		t.Error("a note counted as the first response")
	}
	for _, user := range []string{"UFOCAL", "UCLIENT"} {
		h.handle(channels.Inbound{Kind: channels.KindHomeOpened, Platform: channels.Slack, UserID: user})
	}
	home.Flush(context.Background())
	if got := views.of("UFOCAL"); !strings.Contains(got, "Nota interna de") || !strings.Contains(got, "revisar el trunk del proveedor") {
		t.Errorf("the focal point's Home lacks the note:\n%s", got)
	}
	if got := views.of("UCLIENT"); strings.Contains(got, "trunk") || strings.Contains(got, "Nota interna") {
		t.Errorf("the client's Home shows the note:\n%s", got)
	}
	// A client user writing in a card's thread is nobody's note.
	h.handle(threadReply(triageChannel, "UCLIENT", h.card(1).Ref, "301.1", "hola?"))
	if n := len(h.messages(1)); n != 2 {
		t.Errorf("messages on #1 = %d after a non-staff card reply, want 2 (the client's and the note)", n)
	}
}
