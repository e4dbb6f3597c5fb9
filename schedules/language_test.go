package schedules

import (
	"strings"
	"testing"
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// What the scheduler tells a client reads in the client's language, dates
// included.
func TestClientNoticesInTheClientsLanguage(t *testing.T) {
	santiago, _ := time.LoadLocation("America/Santiago")
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, santiago) // a Friday
	closeAt := time.Date(2026, 11, 30, 12, 0, 0, 0, santiago)
	slack := ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1", Thread: "1.1"}
	wa := ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: "+56911111111"}
	resolved := &ticketing.Ticket{ID: 7, Status: ticketing.StatusResuelto, Desk: slack}
	apart := &ticketing.Ticket{ID: 8, Status: ticketing.StatusResuelto, Client: wa, Desk: slack}
	waiting := &ticketing.Ticket{ID: 9, Status: ticketing.StatusEsperandoCliente, Desk: slack}
	for _, tt := range []struct {
		l    wording.Language
		want []string
	}{
		{wording.SpanishAR, []string{"confirmalo con `/soporte conforme #7`", "respondé *conforme 8*", "el lunes 30/11 a las 12:00", "escribí un mensaje nuevo"}},
		{wording.SpanishCL, []string{"confírmalo con `/soporte conforme #7`", "responde *conforme 8*", "el lunes 30/11 a las 12:00", "escribe un mensaje nuevo", "cuéntanos"}},
		{wording.English, []string{"confirm with `/soporte conforme #7`", "reply *conforme 8*", "Monday 30/11 at 12:00", "write a new message", "ends Monday 30/11"}},
	} {
		c := &ticketing.Client{ID: "andes", Location: santiago, Language: tt.l}
		texts := []string{
			noticeText(resolved, c, closeAt, now), noticeText(apart, c, closeAt, now), noticeText(waiting, c, closeAt, now),
			autoClosedText(waiting, c), testingReminderText(waiting, c, closeAt, now), testingAcceptedText(waiting, c),
		}
		all := strings.Join(texts, "\n")
		for _, w := range tt.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: no %q in\n%s", tt.l, w, all)
			}
		}
		for _, s := range texts {
			if bad := wording.Voice(tt.l, s); len(bad) > 0 {
				t.Errorf("%s: %v in %q", tt.l, bad, s)
			}
		}
	}
}

// What the scheduler tells staff reads in desk.language.
func TestStaffTextsInTheDesksLanguage(t *testing.T) {
	ba, _ := time.LoadLocation("America/Argentina/Buenos_Aires")
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, ba)
	c := &ticketing.Client{ID: "acme", Name: "ACME", Location: ba, FocalPoint: "UF", Language: wording.SpanishCL}
	tk := &ticketing.Ticket{ID: 3, Kind: ticketing.KindIncidente, Priority: ticketing.PriorityAlta, DueAt: now.Add(2 * time.Hour)}
	tests := []struct {
		l    wording.Language
		got  string
		want string
	}{
		{wording.SpanishAR, firstResponseTexts.pingText(wording.SpanishAR, tk, c, tk.DueAt, 2*time.Hour, now), "⏰ quedan 2 h para responder #3 de ACME (ALTA): vence hoy a las 12:00 (hora de Buenos Aires)."},
		{wording.SpanishAR, firstResponseTexts.pingText(wording.SpanishAR, tk, c, tk.DueAt, time.Hour, now), "⏰ queda 1 h para responder #3 de ACME (ALTA): vence hoy a las 12:00 (hora de Buenos Aires)."},
		{wording.English, firstResponseTexts.pingText(wording.English, tk, c, tk.DueAt, 2*time.Hour, now), "⏰ 2 h left to answer #3 of ACME (HIGH): due today at 12:00 (Buenos Aires time)."},
		{wording.SpanishAR, firstResponseTexts.breachDMText(wording.SpanishAR, tk, c, 20*time.Minute), "🔴 #3 de ACME (ALTA) venció hace 20 min sin primera respuesta. Respondé en su hilo: cualquier agente de soporte puede tomarlo."},
		{wording.SpanishCL, firstResponseTexts.breachDMText(wording.SpanishCL, tk, c, 20*time.Minute), "🔴 #3 de ACME (ALTA) venció hace 20 min sin primera respuesta. Responde en su hilo: cualquier agente de soporte puede tomarlo."},
		{wording.English, firstResponseTexts.breachDMText(wording.English, tk, c, 49*time.Hour), "🔴 #3 of ACME (HIGH) went overdue 2 days 1 h ago with no first response. Answer in its thread: any support agent can take it."},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.l, tt.got, tt.want)
		}
	}
}
