package store

import (
	"context"
	"testing"
	"time"

	"supportbot/ticketing"
)

// closeCodesVersion turns close reasons into codes and adds unknown_contacts.
const closeCodesVersion = 7

// A file written before 0007 holds close reasons as sentences and the
// unknown-number answers in the audit log: each known sentence becomes its
// code, an unknown one stays, and the last answer of each number carries
// over so the once-a-day limit holds across the upgrade.
func TestMigrationCloseReasonCodesAndUnknownContacts(t *testing.T) {
	ctx := context.Background()
	sqldb, d, path := fileBefore(t, closeCodesVersion)
	const ts = "2026-11-24T13:00:00.000Z"
	reasons := []struct {
		stored string
		want   ticketing.CloseReason
	}{
		{"sin respuesta del cliente tras aviso previo", ticketing.CloseReasonNoReply},
		{"desarrollo aceptado: terminó el período de prueba de 30 días", ticketing.CloseReasonTestingAccepted},
		{"desarrollo aceptado por el cliente", ticketing.CloseReasonDeliveryAccepted},
		{"conformidad del cliente", ticketing.CloseReasonClientConformity},
		{"cerrado por soporte", ticketing.CloseReasonStaff},
		{"duplicado: el contacto tenía otro ticket abierto más reciente", ticketing.CloseReasonDuplicate},
		{"motivo escrito a mano", "motivo escrito a mano"},
		{"", ""},
	}
	for _, r := range reasons {
		if _, err := sqldb.ExecContext(ctx, `INSERT INTO tickets (client_id, kind, priority, status, source,
			opened_by, subject, received_at, clock_start, due_at, created_at, updated_at, close_reason)
			VALUES ('acme', 'incidente', 'alta', 'cerrado', 'slack', 'x', 'x', ?, ?, ?, ?, ?, ?)`,
			ts, ts, ts, ts, ts, r.stored); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []struct{ at, action, detail string }{
		{"2026-11-23T10:00:00.000Z", "whatsapp_unknown", "+5491199"},
		{"2026-11-24T09:00:00.000Z", "whatsapp_unknown", "+5491199"}, // the last answer counts
		{"2026-11-24T12:00:00.000Z", "whatsapp_invited", "+5691111"}, // not an answer
	} {
		if _, err := sqldb.ExecContext(ctx, `INSERT INTO audit_log (at, actor, client_id, action, detail) VALUES (?, 'x', '', ?, ?)`,
			a.at, a.action, a.detail); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}

	for i, r := range reasons {
		var got string
		if err := sqldb.QueryRowContext(ctx, `SELECT close_reason FROM tickets WHERE id = ?`, i+1).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if ticketing.CloseReason(got) != r.want {
			t.Errorf("close reason %q became %q, want %q", r.stored, got, r.want)
		}
		if text := ticketing.CloseReason(got).Text(); text != r.stored {
			t.Errorf("close reason %q reads back as %q", r.stored, text)
		}
	}

	sqldb.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	answered := func(phone string, at time.Time) bool {
		var first bool
		if err := db.Update(ctx, func(tx ticketing.Tx) error {
			var err error
			first, err = tx.AnswerUnknown(ctx, phone, at, at.Add(-24*time.Hour))
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return !first
	}
	noon := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	if !answered("+5491199", noon) {
		t.Errorf("+5491199 was answered at 09:00 before the upgrade; answered again at noon")
	}
	if answered("+5691111", noon) {
		t.Errorf("+5691111 was never answered as unknown; the upgrade must not hold back its answer")
	}
}
