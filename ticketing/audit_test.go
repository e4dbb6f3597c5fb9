package ticketing

import "testing"

// The spellings are in existing databases and read by the report; a
// renamed constant must not change what is stored.
func TestAuditActionSpellings(t *testing.T) {
	for got, want := range map[AuditAction]string{
		AuditCriticalRefused: "critical_refused", AuditTicketOpened: "ticket_opened", AuditUnknownContact: "whatsapp_unknown",
		AuditAbsent: "ausente", AuditPresent: "presente", AuditAutoClosed: "auto_closed", AuditSLABreached: "sla_breached",
	} {
		if string(got) != want {
			t.Errorf("action %q, want %q", got, want)
		}
	}
}
