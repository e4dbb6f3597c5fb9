package report_test

import (
	"slices"
	"testing"
	"time"

	"supportbot/report"
	"supportbot/ticketing"
)

func TestSeededBreaches(t *testing.T) {
	r := report.Build(seeded())
	local := func(day, hour, min int) time.Time { return time.Date(2026, 11, day, hour, min, 0, 0, ar) }
	want := []report.Breach{
		{
			TicketID: 2, Kind: ticketing.KindIncidente, Priority: ticketing.PriorityAlta, Source: ticketing.SourceSlack, Subject: "caso 2",
			Opened: local(3, 10, 0), Due: local(3, 14, 0), FirstResponse: local(3, 16, 0),
			Late:       time.Hour, // two wall-clock hours, half of them attended
			FocalPoint: "UANA", FocalName: "Ana Pérez", FirstResponder: "UBETO", ResponderName: "Beto Gómez",
			Link: "https://slack.com/archives/CACME/p1700000002000100",
		},
		{
			TicketID: 9, Kind: ticketing.KindIncidente, Priority: ticketing.PriorityMedia, Source: ticketing.SourceSlack, Subject: "caso 9",
			Opened: local(20, 10, 0), Due: local(21, 10, 0),
			// Never answered: late until the report, 1 Dec 12:00 UTC, 239 hours.
			Late:       119*time.Hour + 30*time.Minute,
			FocalPoint: "UANA", FocalName: "Ana Pérez",
			Link: "https://slack.com/archives/CACME/p1700000009000100",
		},
	}
	got := r.Clients[0].Breaches
	if len(got) != len(want) {
		t.Fatalf("acme breaches = %+v, want %d", got, len(want))
	}
	for i := range want {
		if !breachEqual(got[i], want[i]) {
			t.Errorf("breach %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if n := len(r.Clients[1].Breaches); n != 0 {
		t.Errorf("andes has %d breaches, want none", n)
	}
	if c := r.Clients[0].Total; len(got) != c.Breaches {
		t.Errorf("%d listed, %d counted", len(got), c.Breaches)
	}
}

func breachEqual(a, b report.Breach) bool {
	return a.TicketID == b.TicketID && a.Kind == b.Kind && a.Priority == b.Priority && a.Source == b.Source && a.Subject == b.Subject &&
		a.Opened.Equal(b.Opened) && a.Opened.Location() == b.Opened.Location() && a.Due.Equal(b.Due) && a.FirstResponse.Equal(b.FirstResponse) &&
		a.Late == b.Late && a.FocalPoint == b.FocalPoint && a.FocalName == b.FocalName &&
		a.FirstResponder == b.FirstResponder && a.ResponderName == b.ResponderName && a.Link == b.Link
}

func TestBreachesMostUrgentFirstAndLinkBase(t *testing.T) {
	in := seeded()
	in.SlackURL = "https://acme-soporte.slack.com/"
	in.Now = utc(12, 3, 0) // ticket 5 (media, 1 Dec 02:00 UTC) is now late too
	got := report.Build(in).Clients[0].Breaches
	var ids []int64
	for _, b := range got {
		ids = append(ids, b.TicketID)
	}
	if want := []int64{2, 9, 5}; !slices.Equal(ids, want) {
		t.Errorf("breach order = %v, want %v (alta, then media by opening)", ids, want)
	}
	if want := "https://acme-soporte.slack.com/archives/CACME/p1700000002000100"; got[0].Link != want {
		t.Errorf("link = %q, want %q", got[0].Link, want)
	}
}

func TestThreadLinkNeedsSlackIDs(t *testing.T) {
	tests := []struct {
		channel, ts string
		wantLink    bool
	}{
		{"C0ACME", "1700000001.000100", true},
		{"", "1700000001.000100", false},            // a WhatsApp ticket without a mirror thread
		{"C0ACME", "", false},                       // no root message yet
		{"C0ACME/../x", "1700000001.000100", false}, // not an id: never part of a path
		{"C0ACME", "17000\"00001", false},
	}
	for _, tt := range tests {
		in := report.Input{Month: november, Clients: clients()[:1], Now: reportNow}
		tick := tk{id: 1, client: "acme", prio: ticketing.PriorityAlta, received: utc(11, 2, 13), target: time.Hour}.ticket()
		tick.Desk.Address, tick.Desk.Thread = tt.channel, tt.ts
		in.Tickets = []*ticketing.Ticket{tick}
		bs := report.Build(in).Clients[0].Breaches
		if len(bs) != 1 || (bs[0].Link != "") != tt.wantLink {
			t.Errorf("%q %q: breaches %+v, want a link: %v", tt.channel, tt.ts, bs, tt.wantLink)
		}
	}
}

func TestCheckSlackURL(t *testing.T) {
	for _, tt := range []struct {
		in string
		ok bool
	}{
		{"https://slack.com", true}, {"https://acme.slack.com/", true}, {"http://localhost:8080", true},
		{"javascript:alert(1)", false}, {"slack.com", false}, {"https://slack.com/?a=1", false}, {"", false},
	} {
		if err := report.CheckSlackURL(tt.in); (err == nil) != tt.ok {
			t.Errorf("CheckSlackURL(%q) = %v, want ok %v", tt.in, err, tt.ok)
		}
	}
}

func TestSeededGroups(t *testing.T) {
	r := report.Build(seeded())
	m := time.Minute
	type want struct {
		key, label string
		row        report.Row
		byOthers   int
	}
	check := func(name string, got []report.Group, wants []want) {
		t.Helper()
		if len(got) != len(wants) {
			t.Fatalf("%s: %d groups %+v, want %d", name, len(got), got, len(wants))
		}
		for i, w := range wants {
			g := got[i]
			if g.Key != w.key || g.Label != w.label || g.Row != w.row || g.ByOthers != w.byOthers {
				t.Errorf("%s %d:\n got %+v\nwant %+v", name, i, g, w)
			}
		}
	}
	check("focal points", r.FocalPoints, []want{
		{"UANA", "Ana Pérez", report.Row{Tickets: 8, Met: 4, Breaches: 2, Pending: 1, ClosedNoResponse: 1, Responded: 5, Median: 30 * m, P90: 180 * m, AutoClosed: 1}, 1},
		{"UCARLA", "UCARLA", report.Row{Tickets: 1, Met: 1, Responded: 1, Median: 10 * m, P90: 10 * m}, 0},
	})
	check("kinds", r.Kinds, []want{
		{"consulta", "Consulta", report.Row{Tickets: 1, Met: 1, Responded: 1, Median: 30 * m, P90: 30 * m, AutoClosed: 1}, 0},
		{"incidente", "Incidente", report.Row{Tickets: 8, Met: 4, Breaches: 2, Pending: 1, ClosedNoResponse: 1, Responded: 5, Median: 30 * m, P90: 180 * m}, 0},
		{"incidente_critico", "Incidente crítico", report.Row{}, 0},
		{"requerimiento", "Nuevo requerimiento", report.Row{}, 0},
		{"funcionalidad", "Nueva funcionalidad", report.Row{}, 0},
	})
	check("channels", r.Channels, []want{
		{"slack", "Slack", report.Row{Tickets: 7, Met: 3, Breaches: 2, Pending: 1, ClosedNoResponse: 1, Responded: 4, Median: 30 * m, P90: 180 * m, AutoClosed: 1}, 0},
		{"whatsapp", "WhatsApp", report.Row{Tickets: 1, Met: 1, Responded: 1, Median: 60 * m, P90: 60 * m}, 0},
		{"service_desk", "Mesa de Ayuda", report.Row{Tickets: 1, Met: 1, Responded: 1, Median: 15 * m, P90: 15 * m}, 0},
	})
}

func TestSeededDeskAndTrend(t *testing.T) {
	r := report.Build(seeded())
	m := time.Minute
	if want := (report.Row{Tickets: 9, Met: 5, Breaches: 2, Pending: 1, ClosedNoResponse: 1, Responded: 6, Median: 30 * m, P90: 180 * m, CriticalRefusals: 2, AutoClosed: 1}); r.Desk.Total != want {
		t.Errorf("desk total:\n got %+v\nwant %+v", r.Desk.Total, want)
	}
	if want := (report.Factor{Within: 6, Total: 8}); r.Desk.Bot != want {
		t.Errorf("desk bot = %+v, want %+v", r.Desk.Bot, want)
	}
	if want := (report.Factor{Within: 5, Total: 7}); r.Desk.People != want {
		t.Errorf("desk people = %+v, want %+v", r.Desk.People, want)
	}
	var months []string
	for _, p := range r.Desk.Trend {
		months = append(months, p.Month.String())
	}
	if want := []string{"2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"}; !slices.Equal(months, want) {
		t.Fatalf("trend months = %v, want %v", months, want)
	}
	// October in Buenos Aires: ticket 8 and a refusal, both on the 31st.
	if got, want := r.Desk.Trend[4].Row, (report.Row{Tickets: 1, Met: 1, Responded: 1, Median: 30 * m, P90: 30 * m, CriticalRefusals: 1}); got != want {
		t.Errorf("October:\n got %+v\nwant %+v", got, want)
	}
	if r.Desk.Trend[5].Row != r.Desk.Total {
		t.Errorf("the trend's last month %+v is not the month's total %+v", r.Desk.Trend[5].Row, r.Desk.Total)
	}
	for i, c := range r.Clients {
		if c.Trend[5].Row != c.Total {
			t.Errorf("client %d: trend's last month differs from its total", i)
		}
	}
	for _, p := range r.Desk.Trend[:4] {
		if p.Row != (report.Row{}) {
			t.Errorf("%s: %+v, want an empty month", p.Month, p.Row)
		}
	}
}

func TestMonthArithmetic(t *testing.T) {
	tests := []struct {
		m    report.Month
		n    int
		want string
	}{
		{november, 1, "2026-12"}, {november, 2, "2027-01"}, {november, -11, "2025-12"}, {report.Month{Year: 2026, Month: time.March}, -5, "2025-10"},
	}
	for _, tt := range tests {
		if got := tt.m.Add(tt.n).String(); got != tt.want {
			t.Errorf("%s + %d = %s, want %s", tt.m, tt.n, got, tt.want)
		}
	}
	from, to := november.TrendWindow()
	if want := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC).Add(-14 * time.Hour); !from.Equal(want) {
		t.Errorf("trend window from %v, want %v", from, want)
	}
	if want := time.Date(2026, 12, 1, 14, 0, 0, 0, time.UTC); !to.Equal(want) {
		t.Errorf("trend window to %v, want %v", to, want)
	}
	if got := november.Short(); got != "nov 26" {
		t.Errorf("Short = %q", got)
	}
}
