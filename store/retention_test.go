package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"supportbot/store"
	"supportbot/ticketing"
)

// TestRetentionKeepsTheReport empties old texts and checks the report's
// rows read the same, while a message newer than the cut keeps its text.
func TestRetentionKeepsTheReport(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	populate(t, db)
	newer := t0.AddDate(0, 1, 0)
	err := db.Update(ctx, func(tx ticketing.Tx) error {
		return tx.AddMessage(ctx, &ticketing.Message{TicketID: 1, ExternalID: "slack:new", AuthorID: "UC", AuthorKind: ticketing.AuthorClient,
			Channel: ticketing.SourceSlack, Text: "sigue sin andar", Media: "image/png captura.png", At: newer})
	})
	if err != nil {
		t.Fatal(err)
	}
	from, to := t0.AddDate(0, -1, 0), t0.AddDate(0, 2, 0)
	want, err := db.ReportRows(ctx, from, to, "")
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.PurgeMessages(ctx, newer.Add(-time.Hour), newer.Add(time.Hour), "retention")
	if err != nil {
		t.Fatal(err)
	}
	if res.Messages != 4 || res.Outbox == 0 {
		t.Errorf("purged %+v, want populate's 4 messages and its delivered replies", res)
	}
	got, err := db.ReportRows(ctx, from, to, "")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Tickets, want.Tickets) || !reflect.DeepEqual(got.FirstBotReply, want.FirstBotReply) {
		t.Errorf("report rows changed by retention:\n got %+v\nwant %+v", got, want)
	}
	type msg struct{ text, media string }
	var texts []msg
	rows, err := db.SQL().QueryContext(ctx, `SELECT text, media FROM ticket_messages ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var m msg
		if err := rows.Scan(&m.text, &m.media); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, m)
	}
	rows.Close()
	wantTexts := []msg{{}, {}, {}, {}, {"sigue sin andar", "image/png captura.png"}}
	if !reflect.DeepEqual(texts, wantTexts) {
		t.Errorf("messages after retention = %q, want %q", texts, wantTexts)
	}
	var audits int
	if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = ?`, string(ticketing.AuditRetentionRun)).Scan(&audits); err != nil {
		t.Fatal(err)
	}
	if audits != 1 {
		t.Errorf("retention audit lines = %d, want 1", audits)
	}
	// A second run finds nothing more and still says it ran.
	if res, err := db.PurgeMessages(ctx, newer.Add(-time.Hour), newer.Add(2*time.Hour), "retention"); err != nil || res != (store.RetentionResult{}) {
		t.Errorf("second run = %+v, %v", res, err)
	}
}
