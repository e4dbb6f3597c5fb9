package whatsappchannel

import (
	"context"
	"errors"
	"testing"
	"time"

	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"

	"supportbot/ticketing"
)

// TestPhoneOfflineTimeline walks 25 days on an injected clock: the keep-alive
// falls due once at day 10 and the alert once at day 12; the phone coming
// back starts the count again.
func TestPhoneOfflineTimeline(t *testing.T) {
	start := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	h := NewLinkHealth(start)
	day := 24 * time.Hour
	steps := []struct {
		at               time.Duration
		seen             bool
		keepAlive, alert bool
	}{
		{at: 9 * day},
		{at: 10*day - time.Minute},
		{at: 10 * day, keepAlive: true},
		{at: 10*day + time.Minute},
		{at: 11 * day},
		{at: 12 * day, alert: true},
		{at: 12*day + time.Hour},
		{at: 13 * day},
		{at: 13*day + time.Hour, seen: true},
		{at: 22 * day},
		{at: 23*day + time.Hour, keepAlive: true},
		{at: 25*day + time.Hour, alert: true},
		{at: 26 * day},
	}
	var keepAlives, alerts int
	for _, s := range steps {
		now := start.Add(s.at)
		if s.seen {
			h.Seen(now)
		}
		keepAlive, alert := h.Due(now)
		if keepAlive != s.keepAlive || alert != s.alert {
			t.Errorf("day %.2f: keep-alive %v, alert %v; want %v, %v", s.at.Hours()/24, keepAlive, alert, s.keepAlive, s.alert)
		}
		if keepAlive {
			keepAlives++
		}
		if alert {
			alerts++
		}
	}
	if keepAlives != 2 || alerts != 2 {
		t.Errorf("over two offline stretches: %d keep-alives and %d alerts, want 2 and 2", keepAlives, alerts)
	}
}

// ownNumber is a fake messenger that knows the bot's number.
type ownNumber struct {
	*fakeMessenger
	jid types.JID
}

func (o ownNumber) OwnJID() types.JID { return o.jid }

// The phone shows up through what it sends from the primary device; the
// keep-alive goes to the bot's own chat.
func TestAdapterTracksThePhone(t *testing.T) {
	c := ticketing.NewManualClock(time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC))
	own := types.NewJID("5491155550000", types.DefaultUserServer)
	f := &fakeMessenger{paired: true}
	a := NewAdapter(ownNumber{f, own}, &recorder{}, Options{Log: quiet, Now: c.Now})
	start := c.Now()

	c.Advance(time.Hour)
	companion := &events.Receipt{MessageSource: types.MessageSource{IsFromMe: true, Sender: types.JID{User: own.User, Device: 3, Server: types.DefaultUserServer}}}
	a.HandleEvent(companion)
	if got := a.Health().LastSeen(); !got.Equal(start) {
		t.Errorf("a receipt from another companion moved last seen to %v", got)
	}
	phone := &events.Receipt{MessageSource: types.MessageSource{IsFromMe: true, Sender: own}}
	a.HandleEvent(phone)
	if got := a.Health().LastSeen(); !got.Equal(c.Now()) {
		t.Errorf("last seen = %v, want %v after the phone's receipt", got, c.Now())
	}

	if err := a.SendKeepAlive(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(f.sent) != 1 || f.sent[0].to != own {
		t.Errorf("keep-alive sent %+v, want one message to %s", f.sent, own)
	}
	plain := NewAdapter(&fakeMessenger{paired: true}, &recorder{}, Options{Log: quiet})
	if err := plain.SendKeepAlive(context.Background()); !errors.Is(err, ErrNoOwnNumber) {
		t.Errorf("keep-alive without a number: %v, want ErrNoOwnNumber", err)
	}
}

// A timeline kept from before a restart carries on, unless the phone was
// seen since the start (then the newer sighting stands).
func TestLinkHealthRestore(t *testing.T) {
	start := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	before := start.Add(-9 * 24 * time.Hour)
	tests := []struct {
		name          string
		seenAfter     bool // the phone shows up after the start, before Restore
		kept          time.Time
		keptAlive     bool
		wantLastSeen  time.Time
		wantKeepAlive bool // due one day after the start
	}{
		{"nothing kept: counts from the start", false, time.Time{}, false, start, false},
		{"kept 9 days before: the keep-alive is due a day later", false, before, false, before, true},
		{"kept, keep-alive already sent: not again", false, before, true, before, false},
		{"seen since the start: the sighting stands", true, before, false, start.Add(time.Minute), false},
		{"kept in the future: ignored", false, start.Add(time.Hour), false, start, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := NewLinkHealth(start)
			if tt.seenAfter {
				h.Seen(start.Add(time.Minute))
			}
			h.Restore(tt.kept, tt.keptAlive, false)
			if seen, _, _ := h.State(); !seen.Equal(tt.wantLastSeen) {
				t.Errorf("last seen %v, want %v", seen, tt.wantLastSeen)
			}
			if keepAlive, _ := h.Due(start.Add(24*time.Hour + time.Minute)); keepAlive != tt.wantKeepAlive {
				t.Errorf("keep-alive due a day after the start = %v, want %v", keepAlive, tt.wantKeepAlive)
			}
		})
	}
}
