package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"
	"google.golang.org/protobuf/proto"

	"supportbot/channels/slack/slackfake"
	whatsappchannel "supportbot/channels/whatsapp"
	"supportbot/ticketing"
)

// outageText and outageAgain are what the shipped classifier reads as an
// outage of the whole operation.
const (
	outageText  = "URGENTE: se cayó todo, ningún agente puede loguearse, la operación está parada"
	outageAgain = "URGENTE: se cayó todo de nuevo, ningún agente puede loguearse, la operación está parada"
)

// postEvent sends an Events API body signed now and fails the test on
// anything but 200.
func (r *running) postEvent(body []byte) {
	r.t.Helper()
	if got := r.signedPost("/slack/events", "application/json", body, time.Now()); got != http.StatusOK {
		r.t.Fatalf("event status = %d\n%s", got, r.logs)
	}
}

// socketEvents opens the bot's Socket Mode connection as Slack would and
// delivers each payload in its own envelope, in order, waiting for each ack.
func socketEvents(t *testing.T, f *fakeSlack, r *running, payloads ...[]byte) {
	t.Helper()
	conn := socketConn(t, f, r)
	for i, p := range payloads {
		socketSend(t, conn, "events_api", "env-"+itoa(int64(i+1)), p)
	}
}

// waEdit is a contact's edit of their message target, made at madeAt.
func waEdit(id, target, text string, madeAt time.Time) *events.Message {
	pm := &waE2E.ProtocolMessage{Type: waE2E.ProtocolMessage_MESSAGE_EDIT.Enum(),
		EditedMessage: &waE2E.Message{Conversation: proto.String(text)}, TimestampMS: proto.Int64(madeAt.UnixMilli())}
	return waProtocol(id, acmeContact, target, pm, types.EditAttributeMessageEdit)
}

// receiveAll feeds whatsmeow events to the adapter's real handler in order.
func (w *waBot) receiveAll(t *testing.T, evts ...*events.Message) {
	t.Helper()
	for _, e := range evts {
		if !w.receive(e) {
			t.Fatalf("adapter did not acknowledge %T", e)
		}
	}
}

func revisionTexts(m ticketing.Message) []string {
	var out []string
	for _, r := range m.Revisions {
		out = append(out, r.Text)
	}
	return out
}

// Two edits of one message delivered newest first: the message ends with
// the newest text, and the older edit is in its history where it belongs.
func TestEditsApplyInTheOrderTheyWereMade(t *testing.T) {
	const original = "Los reportes de la campaña de cobranzas no cargan"
	const older = "Los reportes de la campaña de cobranzas no cargan desde ayer"
	const newer = "Los reportes de la campaña de cobranzas y de ventas no cargan desde ayer"
	t.Run("slack events api", func(t *testing.T) {
		f := newFakeSlack(t)
		r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
		if got := r.event(slackfake.Message{EventID: "EvOrd0", Channel: acmeChannel, User: acmeClient, TS: tsAt(0), Text: original}); got != http.StatusOK {
			t.Fatalf("status = %d", got)
		}
		eventually(t, "the ticket", func() bool { return len(r.tickets("acme")) == 1 })
		r.postEvent(slackChange("EvOrd2", acmeChannel, acmeClient, tsAt(0), older, newer, 120))
		r.postEvent(slackChange("EvOrd1", acmeChannel, acmeClient, tsAt(0), original, older, 60))
		ms := r.messages(1)
		if len(ms) != 1 || ms[0].Text != newer || !reflect.DeepEqual(revisionTexts(ms[0]), []string{original, older}) {
			t.Errorf("messages = %+v, want %q with revisions %q, %q", ms, newer, original, older)
		}
	})
	t.Run("whatsapp", func(t *testing.T) {
		w := startWhatsAppBot(t)
		w.receiveAll(t, waText("3EB0AAA1", acmeContact, original))
		w.waitWhatsApp(acmeContact, 1)
		w.receiveAll(t, waEdit("3EB0AAA3", "3EB0AAA1", newer, e2eStart.Add(3*time.Minute)), waEdit("3EB0AAA2", "3EB0AAA1", older, e2eStart.Add(2*time.Minute)))
		ms := w.messages(1)
		if len(ms) != 1 || ms[0].Text != newer || !reflect.DeepEqual(revisionTexts(ms[0]), []string{original, older}) {
			t.Errorf("messages = %+v, want %q with revisions %q, %q", ms, newer, original, older)
		}
	})
}

// An edit delivered before its message (Slack redelivers a message after a
// restart) is kept and applied when the message comes: a question edited
// into an outage reaches the phones.
func TestEditBeforeItsMessage(t *testing.T) {
	const question = "¿Cómo exporto el reporte de llamadas de ayer?"
	check := func(t *testing.T, r *running, f *fakeSlack) {
		t.Helper()
		f.waitFor("the phones in the client's thread and the desk alert", func() bool {
			return postsContaining(f.Posts(acmeChannel), deskPhones[0]) >= 1 && postsContaining(f.Posts(deskChannel), "la operación está parada") >= 1
		})
		var ms []ticketing.Message
		for _, tk := range r.tickets("acme") {
			ms = append(ms, r.messages(tk.ID)...)
		}
		if len(ms) != 1 || ms[0].Text != outageText || !reflect.DeepEqual(revisionTexts(ms[0]), []string{question}) {
			t.Errorf("messages = %+v, want the edited text with the question as its revision", ms)
		}
		if got := r.audits(ticketing.AuditCriticalRefused); got != 1 {
			t.Errorf("critical_refused audit lines = %d, want 1", got)
		}
	}
	msg := slackfake.Message{EventID: "EvEarly0", Channel: acmeChannel, User: acmeClient, TS: tsAt(0), Text: question}
	edit := slackChange("EvEarly1", acmeChannel, acmeClient, tsAt(0), question, outageText, 30)
	t.Run("slack events api", func(t *testing.T) {
		f := newFakeSlack(t)
		r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
		r.postEvent(edit)
		r.postEvent(msg.Body())
		check(t, r, f)
	})
	t.Run("slack socket mode", func(t *testing.T) {
		f := newFakeSlack(t)
		r := startBot(t, slackConfig(t, f, "socket"), ticketing.NewManualClock(e2eStart))
		socketEvents(t, f, r, edit, msg.Body())
		check(t, r, f)
	})
	t.Run("whatsapp", func(t *testing.T) {
		w := startWhatsAppBot(t)
		w.receiveAll(t, waEdit("3EB0EEE2", "3EB0EEE1", outageText, e2eStart.Add(2*time.Minute)), waText("3EB0EEE1", acmeContact, question))
		// The ticket's answer, then (after the pacing gap) the phones.
		w.waitWhatsApp(acmeContact, 1)
		if sent := w.waitWhatsApp(acmeContact, 2); !strings.Contains(sent[1].Text, deskPhones[0]) {
			t.Errorf("second message = %q, want the phones", sent[1].Text)
		}
		w.f.waitFor("the desk alert", func() bool { return postsContaining(w.f.Posts(deskChannel), "la operación está parada") >= 1 })
		if ms := w.messages(1); len(ms) != 1 || ms[0].Text != outageText {
			t.Errorf("messages = %+v, want the edited text", ms)
		}
	})
}

// A WhatsApp revocation delivered before its message marks the message
// deleted when it comes; the text is kept.
func TestWhatsAppRevokeBeforeItsMessage(t *testing.T) {
	w := startWhatsAppBot(t)
	const text = "Un agente no escucha el audio en las llamadas entrantes"
	revoke := waProtocol("3EB0RRR2", acmeContact, "3EB0RRR1", &waE2E.ProtocolMessage{Type: waE2E.ProtocolMessage_REVOKE.Enum()}, types.EditAttributeSenderRevoke)
	w.receiveAll(t, revoke, waText("3EB0RRR1", acmeContact, text))
	w.waitWhatsApp(acmeContact, 1)
	if ms := w.messages(1); len(ms) != 1 || ms[0].Text != text || ms[0].DeletedAt.IsZero() {
		t.Errorf("messages = %+v, want the message kept and marked deleted", ms)
	}
	if got := w.audits(ticketing.AuditMessageDeleted); got != 1 {
		t.Errorf("message_deleted audit lines = %d, want 1", got)
	}
}

// A thread reply after staff answered, edited into an outage, sends the
// client to the phones and alerts the desk, once for that message; an
// edit that adds nothing critical changes nothing.
func TestEventsAPIThreadReplyEditedIntoOutage(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
	root := clocksTicket(t, r, f)
	const reply = "¿Pueden revisar también la cola de ventas?"
	clientWrites(t, r, root, 400, reply)
	desk := len(f.Posts(deskChannel))
	r.clock.Set(e2eAt(500))
	r.postEvent(slackChange("EvOut1", acmeChannel, acmeClient, tsAt(400), reply, outageText, 500))
	f.waitFor("the phones in the ticket's thread and the desk alert", func() bool {
		return postsContaining(f.Posts(acmeChannel), deskPhones[0]) >= 1 && postsContaining(f.Posts(deskChannel)[desk:], "la operación está parada") >= 1
	})
	for _, p := range f.Posts(acmeChannel) {
		if strings.Contains(p.Form.Get("text"), deskPhones[0]) && p.Form.Get("thread_ts") != root {
			t.Errorf("phones posted outside the ticket's thread: %v", p.Form)
		}
	}
	// Once per message: the same reply edited again, past the repeat
	// window, pages no one; nor does a later reply edited into nothing
	// critical.
	r.clock.Set(e2eAt(4100))
	r.postEvent(slackChange("EvOut2", acmeChannel, acmeClient, tsAt(400), outageText, outageAgain, 4100))
	clientWrites(t, r, root, 4200, "Gracias, quedamos atentos")
	r.postEvent(slackChange("EvOut3", acmeChannel, acmeClient, tsAt(4200), "Gracias, quedamos atentos", "Gracias, quedamos atentos a la novedad", 4300))
	eventually(t, "the outbox to drain", func() bool { return r.backlog() == 0 })
	if got := r.audits(ticketing.AuditCriticalRefused); got != 1 {
		t.Errorf("critical_refused audit lines = %d, want 1 (once per message)\n%s", got, f.Dump())
	}
	if got := postsContaining(f.Posts(acmeChannel), deskPhones[0]); got != 1 {
		t.Errorf("phones posted %d times, want once", got)
	}
}

// A lone greeting waiting for its burst, edited into an outage, is an
// outage: phones and desk alert, no ticket, and no "¿En qué te podemos
// ayudar?" owed any more.
func TestGreetingEditedIntoOutage(t *testing.T) {
	t.Run("slack events api", func(t *testing.T) {
		f := newFakeSlack(t)
		r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
		if got := r.event(slackfake.Message{EventID: "EvHola", Channel: acmeChannel, User: acmeClient, TS: tsAt(0), Text: "Hola"}); got != http.StatusOK {
			t.Fatalf("status = %d", got)
		}
		r.clock.Set(e2eAt(30))
		r.postEvent(slackChange("EvHolaEdit", acmeChannel, acmeClient, tsAt(0), "Hola", outageText, 30))
		f.waitFor("the phones and the desk alert", func() bool {
			return postsContaining(f.Posts(acmeChannel), deskPhones[0]) >= 1 && postsContaining(f.Posts(deskChannel), "la operación está parada") >= 1
		})
		if p := f.Posts(acmeChannel)[0].Form; p.Get("thread_ts") != tsAt(0) {
			t.Errorf("phones not in the greeting's thread: %v", p)
		}
		if n := len(r.tickets("acme")); n != 0 {
			t.Errorf("%d tickets, want none", n)
		}
		r.view(func(ctx context.Context, tx ticketing.Tx) error {
			if _, err := tx.Burst(ctx, "slack:"+acmeChannel+":"+acmeClient); !errors.Is(err, ticketing.ErrNotFound) {
				t.Errorf("burst after the outage: %v, want none (no greeting answer owed)", err)
			}
			return nil
		})
	})
	t.Run("whatsapp", func(t *testing.T) {
		w := startWhatsAppBot(t)
		w.receiveAll(t, waText("3EB0HHH1", acmeContact, "Hola"), waEdit("3EB0HHH2", "3EB0HHH1", outageText, e2eStart.Add(90*time.Second)))
		sent := w.waitWhatsApp(acmeContact, 1)
		if !strings.Contains(sent[0].Text, deskPhones[0]) {
			t.Errorf("answer = %q, want the phones", sent[0].Text)
		}
		w.f.waitFor("the desk alert", func() bool { return postsContaining(w.f.Posts(deskChannel), "la operación está parada") >= 1 })
		if n := len(w.tickets("acme")); n != 0 {
			t.Errorf("%d tickets, want none", n)
		}
	})
}

var overruleValue = regexp.MustCompile(`"action_id":"critical_overrule"[^}]*"value":"(\d+)"|"value":"(\d+)"[^}]*"action_id":"critical_overrule"`)

// pressOverrule presses "No era crítico" on the desk alert, as staff.
func (r *running) pressOverrule(alert slackfake.Call) {
	r.t.Helper()
	m := overruleValue.FindStringSubmatch(alert.Form.Get("blocks"))
	if m == nil {
		r.t.Fatalf("alert without the overrule button: %s", alert.Form.Get("blocks"))
	}
	value := m[1] + m[2]
	payload, _ := json.Marshal(map[string]any{
		"type": "block_actions", "trigger_id": "1337.42.overrule", "user": map[string]any{"id": focalAR},
		"team": map[string]any{"id": slackfake.Team}, "api_app_id": slackfake.App, "channel": map[string]any{"id": deskChannel},
		"container": map[string]any{"type": "message", "channel_id": deskChannel, "message_ts": tsAt(2)},
		"actions":   []map[string]any{{"action_id": "critical_overrule", "block_id": "b1", "value": value, "type": "button", "action_ts": "1.3"}},
	})
	if got := r.signedPost("/slack/interactivity", "application/x-www-form-urlencoded", []byte(url.Values{"payload": {string(payload)}}.Encode()), time.Now()); got != http.StatusOK {
		r.t.Fatalf("overrule status = %d", got)
	}
}

// filesOnTicket waits for the client's one ticket and returns its files.
func filesOnTicket(t *testing.T, r *running) []ticketing.Attachment {
	t.Helper()
	eventually(t, "the ticket", func() bool { return len(r.tickets("acme")) == 1 })
	var files []ticketing.Attachment
	for _, m := range r.messages(r.tickets("acme")[0].ID) {
		files = append(files, m.Files...)
	}
	return files
}

// A file posted with a message held before any ticket (sent to the phones
// then overruled, or doubtful and answered "No") reaches the ticket it
// ends on, and a contact's file is relayed to the desk thread.
func TestFilesOfHeldMessagesReachTheirTicket(t *testing.T) {
	t.Run("slack overruled", func(t *testing.T) {
		f := newFakeSlack(t)
		r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
		shot := f.AddFileBytes("pantalla-caida.png", "image/png", pngBytes)
		if got := r.event(slackfake.Message{EventID: "EvHeld1", Channel: acmeChannel, User: acmeClient, TS: tsAt(0), Text: outageText, Files: []slackfake.File{shot}}); got != http.StatusOK {
			t.Fatalf("status = %d", got)
		}
		f.waitFor("the desk alert", func() bool { return len(f.Posts(deskChannel)) >= 1 })
		r.pressOverrule(f.Posts(deskChannel)[0])
		files := filesOnTicket(t, r)
		if len(files) != 1 || files[0].Name != "pantalla-caida.png" || files[0].Ref != shot.ID || files[0].Link != shot.Permalink {
			t.Errorf("files on the ticket = %+v, want the screenshot", files)
		}
	})
	t.Run("slack doubtful answered no", func(t *testing.T) {
		f := newFakeSlack(t)
		r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
		log := f.AddFileBytes("discador.log", "text/plain", []byte("ERROR sip 503\n"))
		if got := r.event(slackfake.Message{EventID: "EvHeld2", Channel: acmeChannel, User: acmeClient, TS: tsAt(0), Text: doubtfulText, Files: []slackfake.File{log}}); got != http.StatusOK {
			t.Fatalf("status = %d", got)
		}
		f.waitFor("the question", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
		if got := r.pressCritical(f.Posts(acmeChannel)[0], "no"); got != http.StatusOK {
			t.Fatalf("button status = %d", got)
		}
		files := filesOnTicket(t, r)
		if len(files) != 1 || files[0].Name != "discador.log" || files[0].Ref != log.ID {
			t.Errorf("files on the ticket = %+v, want the log", files)
		}
	})
	for _, path := range []string{"whatsapp overruled", "whatsapp doubtful answered 2"} {
		t.Run(path, func(t *testing.T) {
			w := startWhatsAppBot(t)
			caption := outageText
			if path == "whatsapp doubtful answered 2" {
				caption = doubtfulText
			}
			w.receiveAll(t, w.phone.FileMessage("3EB0FFF1", acmeContact, "Ana Gómez", whatsappchannel.IncomingFile{Kind: ticketing.FileImage, MIME: "image/png",
				Size: int64(len(pngBytes)), Caption: caption, Open: func() io.Reader { return bytes.NewReader(pngBytes) }}, e2eStart.Add(time.Minute)))
			w.waitWhatsApp(acmeContact, 1)
			if path == "whatsapp overruled" {
				w.f.waitFor("the desk alert", func() bool { return len(w.f.Posts(deskChannel)) >= 1 })
				w.pressOverrule(w.f.Posts(deskChannel)[0])
			} else {
				w.receiveAll(t, waText("3EB0FFF2", acmeContact, "2"))
			}
			files := filesOnTicket(t, w.running)
			if len(files) != 1 || files[0].Kind != ticketing.FileImage || files[0].SHA256 != sha(pngBytes) {
				t.Errorf("files on the ticket = %+v, want the image", files)
			}
			w.f.waitFor("the image in the desk thread", func() bool {
				for _, u := range w.f.Uploads() {
					if u.Completed && u.SHA256 == sha(pngBytes) {
						return true
					}
				}
				return false
			})
		})
	}
}

// An edit of a message waiting as a doubtful question reaches the ticket
// the answer "No" opens.
func TestEventsAPIEditOfAHeldQuestionReachesItsTicket(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
	if got := r.event(slackfake.Message{EventID: "EvQ0", Channel: acmeChannel, User: acmeClient, TS: tsAt(0), Text: doubtfulText}); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	f.waitFor("the question", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
	const edited = doubtfulText + " y en la de ventas"
	r.postEvent(slackChange("EvQ1", acmeChannel, acmeClient, tsAt(0), doubtfulText, edited, 30))
	if got := r.pressCritical(f.Posts(acmeChannel)[0], "no"); got != http.StatusOK {
		t.Fatalf("button status = %d", got)
	}
	eventually(t, "the ticket", func() bool { return len(r.tickets("acme")) == 1 })
	ms := r.messages(r.tickets("acme")[0].ID)
	if len(ms) != 1 || ms[0].Text != edited || !reflect.DeepEqual(revisionTexts(ms[0]), []string{doubtfulText}) {
		t.Errorf("messages = %+v, want the edited text with the original as its revision", ms)
	}
}
