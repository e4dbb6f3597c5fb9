package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"go.mau.fi/whatsmeow/proto/waCommon"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"
	"google.golang.org/protobuf/proto"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

func (r *running) messages(ticketID int64) []ticketing.Message {
	r.t.Helper()
	var ms []ticketing.Message
	r.view(func(ctx context.Context, tx ticketing.Tx) error {
		var err error
		ms, err = tx.Messages(ctx, ticketID)
		return err
	})
	return ms
}

func (r *running) backlog() int {
	r.t.Helper()
	var n int
	r.view(func(ctx context.Context, tx ticketing.Tx) error {
		var err error
		n, err = tx.OutboxBacklog(ctx)
		return err
	})
	return n
}

// slackChange is the message_changed Slack sends when a person edits
// their message ts.
func slackChange(eventID, channel, user, ts, before, after string, editedAt int) []byte {
	sec, _, _ := strings.Cut(tsAt(editedAt), ".")
	return slackfake.EventBody(eventID, e2eStart.Unix()+int64(editedAt), map[string]any{
		"type": "message", "subtype": "message_changed", "hidden": true, "channel": channel, "ts": tsAt(editedAt), "event_ts": tsAt(editedAt),
		"message":          map[string]any{"type": "message", "user": user, "text": after, "ts": ts, "edited": map[string]any{"user": user, "ts": sec + ".000000"}},
		"previous_message": map[string]any{"type": "message", "user": user, "text": before, "ts": ts},
	})
}

// slackDelete is the message_deleted Slack sends when a person deletes
// their message ts.
func slackDelete(eventID, channel, user, ts, text string, deletedAt int) []byte {
	return slackfake.EventBody(eventID, e2eStart.Unix()+int64(deletedAt), map[string]any{
		"type": "message", "subtype": "message_deleted", "hidden": true, "channel": channel, "ts": tsAt(deletedAt), "deleted_ts": ts,
		"previous_message": map[string]any{"type": "message", "user": user, "text": text, "ts": ts},
	})
}

func TestEventsAPIBurstIsOneTicketAndEditsAreRecorded(t *testing.T) {
	f := newFakeSlack(t)
	r := startBot(t, slackConfig(t, f, "events"), ticketing.NewManualClock(e2eStart))
	burst := []slackfake.Message{
		{EventID: "EvB1", Channel: acmeChannel, User: acmeClient, TS: tsAt(0), Text: "Hola"},
		{EventID: "EvB2", Channel: acmeChannel, User: acmeClient, TS: tsAt(40), Text: "tenemos un problema con el discador"},
		{EventID: "EvB3", Channel: acmeChannel, User: acmeClient, TS: tsAt(90), Text: "desde las 9 de la mañana"},
	}
	for _, m := range burst {
		if got := r.event(m); got != http.StatusOK {
			t.Fatalf("%s status = %d\n%s", m.EventID, got, r.logs)
		}
	}
	f.waitFor("the ticket's answer", func() bool { return len(f.Posts(acmeChannel)) >= 1 })
	eventually(t, "the outbox to drain", func() bool { return r.backlog() == 0 })
	tks := r.tickets("acme")
	if len(tks) != 1 {
		t.Fatalf("tickets = %d, want 1 for the burst", len(tks))
	}
	posts := f.Posts(acmeChannel)
	if len(posts) != 1 || posts[0].Form.Get("thread_ts") != burst[1].TS || !strings.Contains(posts[0].Form.Get("text"), "#1") {
		t.Fatalf("answers:\n%s\nwant one, for ticket #1, in the thread of the first real message", f.Dump())
	}
	if want := time.Unix(e2eStart.Unix()+40, 0); !tks[0].ReceivedAt.Truncate(time.Second).Equal(want) {
		t.Errorf("received %v, want %v: the clock starts at the first real message", tks[0].ReceivedAt, want)
	}
	if got := len(r.messages(1)); got != 3 {
		t.Errorf("messages on the ticket = %d, want the greeting, the problem and the detail", got)
	}

	// The client edits the case's first message to add the queue, and
	// deletes the detail.
	edited := "tenemos un problema con el discador en la cola ventas"
	if got := r.signedPost("/slack/events", "application/json", slackChange("EvB4", acmeChannel, acmeClient, burst[1].TS, burst[1].Text, edited, 120), time.Now()); got != http.StatusOK {
		t.Fatalf("edit status = %d", got)
	}
	if got := r.signedPost("/slack/events", "application/json", slackDelete("EvB5", acmeChannel, acmeClient, burst[2].TS, burst[2].Text, 130), time.Now()); got != http.StatusOK {
		t.Fatalf("delete status = %d", got)
	}
	eventually(t, "the outbox to drain", func() bool { return r.backlog() == 0 })
	ms := r.messages(1)
	if len(ms) != 3 || ms[1].Text != edited || len(ms[1].Revisions) != 1 || ms[1].Revisions[0].Text != burst[1].Text {
		t.Errorf("after the edit: %+v, want the new text and the old as a revision", ms)
	}
	if ms[2].DeletedAt.IsZero() || ms[2].Text != burst[2].Text {
		t.Errorf("after the delete: %+v, want the detail kept and marked deleted", ms[2])
	}
	if r.audits(ticketing.AuditMessageEdited) != 1 || r.audits(ticketing.AuditMessageDeleted) != 1 || r.audits(ticketing.AuditTicketOpened) != 1 {
		t.Errorf("audit lines: %d edits, %d deletions, %d opened; want 1 each", r.audits(ticketing.AuditMessageEdited),
			r.audits(ticketing.AuditMessageDeleted), r.audits(ticketing.AuditTicketOpened))
	}
	if n := strings.Count(f.Dump(), "Registramos tu"); n != 1 {
		t.Errorf("«ticket opened» posted %d times, want once:\n%s", n, f.Dump())
	}
	// Staff answer under the detail's ts: it is the ticket's.
	reply := slackfake.Message{EventID: "EvB6", Channel: acmeChannel, User: focalAR, TS: tsAt(200), ThreadTS: burst[2].TS, Text: "Lo revisamos."}
	if got := r.event(reply); got != http.StatusOK {
		t.Fatalf("reply status = %d", got)
	}
	if tk := r.tickets("acme")[0]; !tk.Responded() {
		t.Error("a staff reply under a later message of the burst did not reach the ticket")
	}
}

// waProtocol is a contact's edit or revocation of their message target,
// as whatsmeow hands it over after unwrapping.
func waProtocol(id, phone, target string, pm *waE2E.ProtocolMessage, attr types.EditAttribute) *events.Message {
	pm.Key = &waCommon.MessageKey{ID: proto.String(target), FromMe: proto.Bool(true)}
	evt := waText(id, phone, "")
	evt.Message = &waE2E.Message{ProtocolMessage: pm}
	evt.Info.Edit, evt.IsEdit = attr, attr == types.EditAttributeMessageEdit
	evt.Info.Timestamp = e2eStart.Add(2 * time.Minute)
	return evt
}

func TestWhatsAppBurstEditAndRevoke(t *testing.T) {
	w := startWhatsAppBot(t)
	for _, m := range []*events.Message{
		waText("3EB0B001", acmeContact, "Hola"),
		waText("3EB0B002", acmeContact, "Un agente no escucha el audio en las llamadas entrantes"),
		waText("3EB0B003", acmeContact, "desde ayer"),
	} {
		if !w.receive(m) {
			t.Fatalf("adapter did not acknowledge %s", m.Info.ID)
		}
	}
	answer := w.waitWhatsApp(acmeContact, 1)[0]
	if !strings.Contains(answer.Text, "#1") {
		t.Errorf("answer = %q, want ticket #1", answer.Text)
	}
	if got := len(w.tickets("acme")); got != 1 {
		t.Fatalf("tickets = %d, want 1", got)
	}
	edit := waProtocol("3EB0B004", acmeContact, "3EB0B002", &waE2E.ProtocolMessage{Type: waE2E.ProtocolMessage_MESSAGE_EDIT.Enum(),
		EditedMessage: &waE2E.Message{Conversation: proto.String("Un agente de la cola ventas no escucha el audio")}}, types.EditAttributeMessageEdit)
	revoke := waProtocol("3EB0B005", acmeContact, "3EB0B003", &waE2E.ProtocolMessage{Type: waE2E.ProtocolMessage_REVOKE.Enum()}, types.EditAttributeSenderRevoke)
	for _, m := range []*events.Message{edit, revoke} {
		if !w.receive(m) {
			t.Fatalf("adapter did not acknowledge %s", m.Info.ID)
		}
	}
	eventually(t, "the outbox to drain", func() bool { return w.backlog() == 0 })
	ms := w.messages(1)
	if len(ms) != 3 || ms[0].Text != "Hola" || ms[1].Text != "Un agente de la cola ventas no escucha el audio" || len(ms[1].Revisions) != 1 || ms[2].DeletedAt.IsZero() {
		t.Errorf("messages = %+v, want the greeting, the edited problem with its revision, and the revoked detail marked", ms)
	}
	if got := len(w.tickets("acme")); got != 1 {
		t.Errorf("tickets after the edit = %d, want 1", got)
	}
	var opened int
	for _, m := range w.phone.Sent() {
		if m.To == acmeContact && strings.Contains(m.Text, "Registramos tu") {
			opened++
		}
	}
	if opened != 1 {
		t.Errorf("«ticket opened» sent %d times to the contact, want once", opened)
	}
}
