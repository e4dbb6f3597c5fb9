package bot_test

import (
	"strings"
	"testing"
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
)

// evil is client text that would ping everyone and hide a phishing link if
// the bot re-posted it as markup.
const evil = "<!channel> <!here> <https://evil.example/login|Reingresá acá tu clave> & <@U123>"

// markupFromClient lists what of evil must never reach Slack as markup.
func markupFromClient(text string) []string {
	var found []string
	for _, bad := range []string{"<!", "<http", "<@U123>", "& "} {
		if strings.Contains(text, bad) {
			found = append(found, bad)
		}
	}
	return found
}

func assertNoClientMarkup(t *testing.T, where string, items []ticketing.OutboxItem) {
	t.Helper()
	for _, it := range items {
		if it.Route() == waPost {
			continue
		}
		if bad := markupFromClient(it.Text); len(bad) > 0 {
			t.Errorf("%s: %s to %s carries client markup %q:\n%s", where, it.Route(), it.To.Address, bad, it.Text)
		}
	}
}

// Every post path that re-posts client text (or a client-chosen name)
// hands Slack entities, never mentions or links.
func TestClientTextIsNeverMarkupInSlackPosts(t *testing.T) {
	const phone = "+5491155550101"
	evilName := func(in channels.Inbound) channels.Inbound { in.UserName = "<!channel> Juan"; return in }
	cases := []struct {
		name string
		run  func(h *harness)
		// shown is a post that must show the client's text, escaped.
		shown func(it ticketing.OutboxItem) bool
	}{
		{"ticket opened in slack", func(h *harness) { h.handle(slackMsg("CACME", "UCLIENT", "100.1", evil)) }, nil},
		{"critical refusal", func(h *harness) { h.handle(slackMsg("CACME", "UCLIENT", "100.1", "todo caído "+evil)) },
			func(it ticketing.OutboxItem) bool { return it.To.Address == "CDESK" }},
		{"contract refusal DM", func(h *harness) { h.handle(slackMsg("CGAMMA", "UCLIENT", "100.1", evil)) },
			func(it ticketing.OutboxItem) bool { return it.Route() == slackDM }},
		{"critical follow-up in a slack thread", func(h *harness) {
			h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
			h.handle(threadReply("CACME", "UCLIENT", "100.1", "100.2", "todo caído "+evil))
		}, func(it ticketing.OutboxItem) bool { return it.Route() == slackDM }},
		{"whatsapp mirror root", func(h *harness) { h.handle(evilName(waMsg(phone, "E1", evil))) },
			func(it ticketing.OutboxItem) bool { return it.To.Address == "CACME" }},
		{"whatsapp mirror follow-up", func(h *harness) {
			h.handle(waMsg(phone, "E1", "el discador no anda"))
			h.flush()
			h.handle(evilName(waMsg(phone, "E2", evil)))
		}, func(it ticketing.OutboxItem) bool { return it.To.Address == "CACME" }},
		{"whatsapp critical", func(h *harness) { h.handle(evilName(waMsg(phone, "E1", "todo caído "+evil))) },
			func(it ticketing.OutboxItem) bool { return it.To.Address == "CDESK" }},
		{"whatsapp critical follow-up", func(h *harness) {
			h.handle(waMsg(phone, "E1", "el discador no anda"))
			h.flush()
			h.handle(evilName(waMsg(phone, "E2", "todo caído "+evil)))
		}, func(it ticketing.OutboxItem) bool { return it.To.Address == "UFOCAL" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t)
			c.run(h)
			slack, _ := h.flush()
			assertNoClientMarkup(t, c.name, slack)
			if c.shown == nil {
				return
			}
			var shown bool
			for _, it := range slack {
				shown = shown || (c.shown(it) && strings.Contains(it.Text, "&lt;!channel&gt; &lt;!here&gt; &lt;https://evil.example/login|Reingresá acá tu clave&gt; &amp; &lt;@U123&gt;"))
			}
			if !shown {
				t.Errorf("the client's text is not shown escaped:\n%s", texts(slack))
			}
		})
	}
}

func TestCommandRepliesEscapeClientText(t *testing.T) {
	h := newHarness(t)
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", evil))
	h.handle(waMsg("+5491155550101", "E1", evil))
	h.flush()
	for _, in := range []channels.Inbound{
		command("CACME", "UCLIENT", "estado"),
		command("CDESK", "UFOCAL", "estado"),
		command("CACME", "UCLIENT", "<!channel>"),
		command("CACME", "UCLIENT", "conforme <!here>"),
	} {
		r := h.handle(in)
		if bad := markupFromClient(r.Text); len(bad) > 0 {
			t.Errorf("/soporte %s by %s carries client markup %q:\n%s", in.Text, in.UserID, bad, r.Text)
		}
	}
	if r := h.handle(command("CACME", "UCLIENT", "estado")); !strings.Contains(r.Text, "&lt;!channel&gt;") {
		t.Errorf("estado does not show the subject escaped:\n%s", r.Text)
	}
	// WhatsApp is plain text: the same subject reads as the client wrote it.
	h.handle(waMsg("+5491155550101", "E2", "estado"))
	_, wa := h.flush()
	if len(wa) != 1 || !strings.Contains(wa[0].Text, "<!channel> <!here>") || strings.Contains(wa[0].Text, "&lt;") {
		t.Errorf("WhatsApp estado:\n%s", texts(wa))
	}
}

// Slack writes a staff member's literal <, > and & as entities and links as
// markup; the contact on WhatsApp reads plain text.
func TestStaffRelayToWhatsAppIsPlainText(t *testing.T) {
	h := newHarness(t)
	h.handle(waMsg("+5491155550101", "W1", "el discador no anda"))
	h.flush()
	thread := h.ticket(1).Desk.Thread
	h.handle(threadReply("CACME", "UFOCAL", thread, "300.1", "Mirá <https://ayuda.example/x|la guía> y <https://ayuda.example/y>, AT&amp;T &lt;3"))
	_, wa := h.flush()
	want := "Mirá la guía (https://ayuda.example/x) y https://ayuda.example/y, AT&T <3"
	if len(wa) != 1 || !strings.Contains(wa[0].Text, want) {
		t.Errorf("relay = %s, want it to contain %q", texts(wa), want)
	}
}

// /soporte estado counts every open ticket, not the rows it shows.
func TestEstadoShowsTheRealTotal(t *testing.T) {
	cases := []struct {
		open     int
		wantHead string
		wantMore string
	}{
		{3, "Tickets abiertos (3):", ""},
		{50, "Tickets abiertos (50):", ""},
		{53, "Tickets abiertos (53):", "y 3 más"},
	}
	for _, c := range cases {
		h := newHarness(t)
		for i := range c.open {
			h.clock.Advance(3 * time.Minute) // each message its own case, not one burst
			h.handle(slackMsg("CACME", "UCLIENT", "100."+strings.Repeat("1", i+1), "el discador no anda"))
		}
		r := h.handle(command("CACME", "UCLIENT", "estado"))
		if !strings.HasPrefix(r.Text, c.wantHead) {
			t.Errorf("%d open: estado starts %q, want %q", c.open, strings.SplitN(r.Text, "\n", 2)[0], c.wantHead)
		}
		if rows := strings.Count(r.Text, "\n• "); rows != min(c.open, 50) {
			t.Errorf("%d open: %d rows, want %d", c.open, rows, min(c.open, 50))
		}
		if gotMore := strings.Contains(r.Text, "más"); gotMore != (c.wantMore != "") || !strings.Contains(r.Text, c.wantMore) {
			t.Errorf("%d open: estado tail wrong, want %q:\n…%s", c.open, c.wantMore, r.Text[max(0, len(r.Text)-80):])
		}
	}
}
