package main

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"
	"google.golang.org/protobuf/proto"

	"supportbot/app"
	"supportbot/channels"
	"supportbot/channels/slack/slackfake"
	whatsappchannel "supportbot/channels/whatsapp"
	"supportbot/ticketing"
)

const (
	acmeContact = "+5491155550101" // approved in the example config
	focalCL     = "U0FOCALCL"
)

// waBot is run with WhatsApp on, the whatsmeow client replaced by the
// in-process stand-in behind the real adapter.
type waBot struct {
	*running
	f     *fakeSlack
	phone *whatsappchannel.StandIn

	mu      sync.Mutex
	adapter *whatsappchannel.Adapter
	sent    chan struct{}
}

func startWhatsAppBot(t *testing.T) *waBot {
	t.Helper()
	f := newFakeSlack(t)
	cfg := slackConfig(t, f, "events", "enabled: false", "enabled: true")
	return startWhatsAppBotOn(t, f, cfg, ticketing.NewManualClock(e2eStart))
}

// startWhatsAppBotOn starts run on cfg with a fresh phone stand-in; a test
// restarts the bot by stopping one and starting another on the same files.
func startWhatsAppBotOn(t *testing.T, f *fakeSlack, cfg string, clock *ticketing.ManualClock) *waBot {
	t.Helper()
	w := &waBot{f: f, phone: whatsappchannel.NewStandIn(), sent: make(chan struct{}, 1)}
	w.phone.OnSend = func(whatsappchannel.SentMessage) {
		select {
		case w.sent <- struct{}{}:
		default:
		}
	}
	link := func(_ context.Context, h channels.Handler, opts whatsappchannel.Options) (*whatsappchannel.Adapter, error) {
		a := whatsappchannel.NewAdapter(w.phone, h, opts)
		w.mu.Lock()
		w.adapter = a
		w.mu.Unlock()
		return a, nil
	}
	w.running = startBotWith(t, cfg, clock, func(m *Main) { m.WhatsAppLink = link })
	return w
}

// receive feeds a hand-built whatsmeow message to the adapter's real event
// handler and reports whether the adapter acknowledged it.
func (w *waBot) receive(evt any) bool {
	w.mu.Lock()
	a := w.adapter
	w.mu.Unlock()
	return a.HandleEvent(evt)
}

func waText(id, phone, body string) *events.Message {
	jid := types.NewJID(strings.TrimPrefix(phone, "+"), types.DefaultUserServer)
	return &events.Message{
		Info: types.MessageInfo{
			MessageSource: types.MessageSource{Chat: jid, Sender: jid},
			ID:            types.MessageID(id), PushName: "Ana Gómez", Timestamp: e2eStart.Add(time.Minute),
		},
		Message: &waE2E.Message{Conversation: proto.String(body)},
	}
}

// waitWhatsApp waits until n messages went to phone, then lets the
// adapter's per-number pacing gap pass on the bot's clock.
func (w *waBot) waitWhatsApp(phone string, n int) []whatsappchannel.SentMessage {
	w.t.Helper()
	defer w.clock.Advance(3 * time.Second)
	deadline := time.After(e2eWait)
	for {
		var to []whatsappchannel.SentMessage
		for _, m := range w.phone.Sent() {
			if m.To == phone {
				to = append(to, m)
			}
		}
		if len(to) >= n {
			return to
		}
		select {
		case <-w.sent:
		case <-deadline:
			w.t.Fatalf("timed out waiting for %d WhatsApp messages to %s; got %+v", n, phone, to)
		}
	}
}

func TestWhatsAppTicketMirroredAndAnswered(t *testing.T) {
	w := startWhatsAppBot(t)
	msg := waText("3EB0AAA1", acmeContact, "Un agente no escucha el audio en las llamadas entrantes desde ayer")
	if !w.receive(msg) {
		t.Fatal("adapter did not acknowledge the message")
	}
	if !w.receive(msg) { // WhatsApp redelivers: same message id
		t.Fatal("adapter did not acknowledge the redelivery")
	}
	answer := w.waitWhatsApp(acmeContact, 1)[0]
	if !strings.Contains(answer.Text, "#1") {
		t.Errorf("WhatsApp answer does not name the ticket: %s", answer.Text)
	}
	w.f.waitFor("the Slack mirror", func() bool { return len(w.f.Posts(acmeChannel)) >= 1 })
	root := w.f.Posts(acmeChannel)[0].Form
	if root.Get("thread_ts") != "" || !strings.Contains(root.Get("text"), acmeContact) || !strings.Contains(root.Get("text"), "Ana Gómez") {
		t.Errorf("mirror root = %v, want a new thread headed with the contact's name and number", root)
	}
	if got := len(w.tickets("acme")); got != 1 {
		t.Fatalf("tickets = %d, want 1", got)
	}
	// The mirror's ts is the thread: wait until the bot recorded it.
	eventually(t, "the ticket's thread", func() bool { return w.tickets("acme")[0].Desk.Thread != "" })
	thread := w.tickets("acme")[0].Desk.Thread

	reply := slackfake.Message{EventID: "EvWA1", Channel: acmeChannel, User: focalAR, TS: tsAt(300), ThreadTS: thread,
		Text: "Hola Ana, reiniciá el softphone y contanos si vuelve el audio."}
	if got := w.event(reply); got != http.StatusOK {
		t.Fatalf("staff reply status = %d", got)
	}
	relayed := w.waitWhatsApp(acmeContact, 2)[1]
	if !strings.Contains(relayed.Text, "reiniciá el softphone") {
		t.Errorf("relay = %q, want the focal point's words", relayed.Text)
	}
	if tk := w.tickets("acme")[0]; !tk.Responded() || tk.FirstResponder != focalAR {
		t.Errorf("first response = %v by %q, want by %s", tk.FirstResponseAt, tk.FirstResponder, focalAR)
	}
}

func TestWhatsAppUnknownNumbersAndGroups(t *testing.T) {
	w := startWhatsAppBot(t)
	stranger := "+5491166660000"
	for i, body := range []string{"hola", "tengo un problema con el discador", "¿hay alguien?"} {
		if !w.receive(waText("3EB0BBB"+string(rune('1'+i)), stranger, body)) {
			t.Fatalf("message %d not acknowledged", i)
		}
	}
	group := waText("3EB0CCC1", acmeContact, "El discador no marca")
	group.Info.Chat = types.NewJID("120363000000000001", types.GroupServer)
	group.Info.IsGroup = true
	w.receive(group)

	if got := len(w.waitWhatsApp(stranger, 1)); got != 1 {
		t.Errorf("refusals = %d, want 1", got)
	}
	w.stop() // the last delivery pass is over: nothing else is owed
	if got := len(w.waitWhatsApp(stranger, 1)); got != 1 {
		t.Errorf("refusals after all deliveries = %d, want 1 in 24 h", got)
	}
	for _, m := range w.phone.Sent() {
		if m.To == acmeContact {
			t.Errorf("group message answered: %+v", m)
		}
	}
	if got := len(w.tickets("")); got != 0 {
		t.Errorf("tickets = %d, want none", got)
	}
}

func TestWhatsAppInviteRevokeAndIsolation(t *testing.T) {
	w := startWhatsAppBot(t)
	newcomer := "+56911112222"
	if status, body := w.command(andesChannel, focalCL, "whatsapp invitar andes "+newcomer); status != http.StatusOK || strings.Contains(body, "No ") {
		t.Fatalf("invite = %d %s", status, body)
	}
	welcome := w.waitWhatsApp(newcomer, 1)[0]
	if !strings.Contains(welcome.Text, "Andes") {
		t.Errorf("welcome does not name the client: %s", welcome.Text)
	}
	w.receive(waText("3EB0DDD1", newcomer, "Necesitamos saber cómo exportar el reporte de llamadas del mes"))
	w.waitWhatsApp(newcomer, 2)
	andes := w.tickets("andes")
	if len(andes) != 1 {
		t.Fatalf("andes tickets = %d, want 1", len(andes))
	}

	// ACME's contact names Andes' ticket: not found, nothing changes.
	w.receive(waText("3EB0DDD2", acmeContact, "conforme "+itoa(andes[0].ID)))
	notFound := w.waitWhatsApp(acmeContact, 1)[0]
	if !strings.Contains(notFound.Text, "No encontramos") {
		t.Errorf("ACME contact told %q, want not found", notFound.Text)
	}
	if after := w.tickets("andes")[0]; after.Status != andes[0].Status {
		t.Errorf("Andes ticket status %s → %s by ACME's contact", andes[0].Status, after.Status)
	}

	if status, _ := w.command(andesChannel, focalCL, "whatsapp revocar "+newcomer); status != http.StatusOK {
		t.Fatalf("revoke status = %d", status)
	}
	w.receive(waText("3EB0DDD3", newcomer, "hola de nuevo"))
	refusal := w.waitWhatsApp(newcomer, 3)[2]
	if !strings.Contains(strings.ToLower(refusal.Text), "focal") {
		t.Errorf("revoked number told %q, want to ask its focal point", refusal.Text)
	}
	if got := len(w.tickets("andes")); got != 1 {
		t.Errorf("andes tickets = %d after revoked message, want still 1", got)
	}
}

func TestWhatsAppCriticalAndLostLink(t *testing.T) {
	w := startWhatsAppBot(t)
	w.receive(waText("3EB0EEE1", acmeContact, "URGENTE: se cayó todo, ningún agente puede loguearse, la operación está parada"))
	refusal := w.waitWhatsApp(acmeContact, 1)[0]
	for _, p := range deskPhones {
		if !strings.Contains(refusal.Text, p) {
			t.Errorf("refusal lacks %s: %s", p, refusal.Text)
		}
	}
	w.f.waitFor("the desk alert", func() bool { return len(w.f.Posts(deskChannel)) >= 1 })
	if got := len(w.tickets("acme")); got != 0 {
		t.Errorf("tickets = %d, want none", got)
	}

	// The phone logs the bot out: a person must relink, so the desk hears.
	before := len(w.f.Posts(deskChannel))
	w.receive(&events.LoggedOut{Reason: events.ConnectFailureLoggedOut})
	w.f.waitFor("the lost-link alert", func() bool { return len(w.f.Posts(deskChannel)) > before })
	if alert := w.f.Posts(deskChannel)[before].Form.Get("text"); !strings.Contains(alert, "WhatsApp") {
		t.Errorf("alert = %q", alert)
	}
}

// With WhatsApp on but no number linked yet, run says how to pair and Slack
// keeps working.
func TestWhatsAppNotPairedKeepsSlack(t *testing.T) {
	f := newFakeSlack(t)
	cfg := slackConfig(t, f, "events", "enabled: false", "enabled: true",
		"store_path: data/whatsapp.db", "store_path: "+t.TempDir()+"/whatsapp.db")
	r := startBot(t, cfg, ticketing.NewManualClock(e2eStart))
	msg := slackfake.Message{EventID: "EvNP1", Channel: acmeChannel, User: acmeClient, TS: tsAt(0),
		Text: "Necesitamos saber cómo exportar el reporte de llamadas del mes"}
	if got := r.event(msg); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	f.waitFor("the Slack answer", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
	eventually(t, "the pairing hint", func() bool { return strings.Contains(r.logs.String(), "supportbot whatsapp pair") })
	resp, err := http.Get(r.base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var rd app.Readiness
	_ = json.NewDecoder(resp.Body).Decode(&rd)
	if !rd.Ready || !strings.HasPrefix(rd.WhatsApp, "not_paired") {
		t.Errorf("readyz = %+v, want ready with whatsapp not_paired", rd)
	}
}
