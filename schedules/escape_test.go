package schedules

import (
	"strings"
	"testing"
	"time"

	"supportbot/ticketing"
)

// Pings, breach alerts and digests name tickets by number and client, never
// by the subject the client wrote: nothing a client typed becomes a mention
// or a link in what the scheduler posts.
func TestScheduledPostsCarryNoClientMarkup(t *testing.T) {
	const evil = "<!channel> <!here> <https://evil.example/login|Reingresá acá tu clave> & <@U123>"
	r := newRig(t, mon("07:55"))
	tk := r.open("acme", ticketing.KindIncidente, ticketing.PriorityAlta, mon("09:00"))
	r.change(tk.ID, func(t *ticketing.Ticket) { t.Subject = evil })
	r.tickEvery(mon("07:55"), tue("08:05"), 5*time.Minute)

	items := r.outbox()
	var pings, digests int
	for _, it := range items {
		if it.TicketID != 0 {
			pings++
		} else {
			digests++
		}
		for _, bad := range []string{"<!", "<http", "<@U123>", "evil.example", "Reingresá"} {
			if strings.Contains(it.Text, bad) {
				t.Errorf("%s to %s carries %q from the client:\n%s", it.Route(), it.To.Address, bad, it.Text)
			}
		}
	}
	if pings == 0 || digests == 0 {
		t.Fatalf("want pings and digests to check, got %d and %d:\n%s", pings, digests, texts(items))
	}
}
