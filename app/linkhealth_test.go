package app

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.mau.fi/whatsmeow/types"

	"supportbot/bot"
	"supportbot/channels"
	whatsappchannel "supportbot/channels/whatsapp"
	"supportbot/schedules"
	"supportbot/store"
	"supportbot/ticketing"
	"supportbot/ticketing/intent"
)

// ownStandIn is the in-process WhatsApp knowing the bot's own number.
type ownStandIn struct {
	*whatsappchannel.StandIn
	jid types.JID
}

func (o ownStandIn) OwnJID() types.JID { return o.jid }

// TestPhoneOfflineKeepAliveAndAlertOnce runs the scheduler's link check
// every hour of 14 days with the phone offline, on an injected clock: one
// keep-alive to the bot's own chat at day 10, one desk alert at day 12.
func TestPhoneOfflineKeepAliveAndAlertOnce(t *testing.T) {
	ctx := context.Background()
	start := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	db, b, clock := linkRig(t, start)
	quiet := slog.New(slog.DiscardHandler)
	phone, adapter := ownPhone(clock)
	a := &App{db: db, clock: clock, log: quiet, bot: b, whatsapp: adapter}

	var keepAliveAt time.Time
	for range 14 * 24 {
		clock.Advance(time.Hour)
		if err := a.checkWhatsAppLink(ctx); err != nil {
			t.Fatal(err)
		}
		if keepAliveAt.IsZero() && len(phone.Sent()) > 0 {
			keepAliveAt = clock.Now()
		}
	}
	if sent := phone.Sent(); len(sent) != 1 || sent[0].To != "+5491155550000" {
		t.Errorf("keep-alives = %+v, want one to the bot's own number", sent)
	}
	if want := start.Add(whatsappchannel.KeepAliveAfter); !keepAliveAt.Equal(want) {
		t.Errorf("keep-alive at %v, want %v", keepAliveAt, want)
	}
	var lines []ticketing.AuditEntry
	var desk int
	err := db.View(ctx, func(tx ticketing.Tx) error {
		all, err := tx.AuditLog(ctx, "", time.Time{})
		for _, l := range all {
			if l.Action == ticketing.AuditChatLinkAlert {
				lines = append(lines, l)
			}
		}
		if err != nil {
			return err
		}
		items, err := tx.PendingOutbox(ctx, clock.Now(), 100)
		for _, it := range items {
			if it.To.Address == "C0DESK" && strings.Contains(it.Text, "14 días") {
				desk++
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 2 || !lines[1].At.Equal(start.Add(whatsappchannel.AlertAfter)) {
		t.Errorf("link audit lines = %+v, want the keep-alive and the alert at day 12", lines)
	}
	if desk != 1 {
		t.Errorf("desk alerts = %d, want 1", desk)
	}
}

// A bot restarted every three days still counts the phone's 14 days from
// its last sighting: one keep-alive at day 10, one alert at day 12, none
// repeated by a later restart.
func TestPhoneOfflineCountSurvivesRestarts(t *testing.T) {
	ctx := context.Background()
	start := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	db, b, clock := linkRig(t, start)
	quiet := slog.New(slog.DiscardHandler)
	var keepAlives []time.Time
	var a *App
	var phone *whatsappchannel.StandIn
	boot := func() {
		if phone != nil {
			for range phone.Sent() {
				keepAlives = append(keepAlives, clock.Now())
			}
		}
		var adapter *whatsappchannel.Adapter
		phone, adapter = ownPhone(clock)
		a = &App{db: db, clock: clock, log: quiet, bot: b, whatsapp: adapter}
		if err := a.restorePhoneHealth(ctx); err != nil {
			t.Fatal(err)
		}
	}
	boot()
	var sentAt time.Time
	for hour := 1; hour <= 14*24; hour++ {
		clock.Advance(time.Hour)
		if hour%(3*24) == 0 {
			boot()
		}
		if err := a.checkWhatsAppLink(ctx); err != nil {
			t.Fatal(err)
		}
		if sentAt.IsZero() && len(phone.Sent()) > 0 {
			sentAt = clock.Now()
		}
	}
	boot()
	if len(keepAlives) != 1 || !sentAt.Equal(start.Add(whatsappchannel.KeepAliveAfter)) {
		t.Errorf("keep-alives %d, the first at %v; want 1 at %v", len(keepAlives), sentAt, start.Add(whatsappchannel.KeepAliveAfter))
	}
	var desk int
	if err := db.View(ctx, func(tx ticketing.Tx) error {
		items, err := tx.PendingOutbox(ctx, clock.Now(), 100)
		for _, it := range items {
			if it.To.Address == "C0DESK" {
				desk++
			}
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if desk != 1 {
		t.Errorf("desk alerts = %d, want 1", desk)
	}
}

// linkRig is a store and a router on an injected clock, for the scheduler's
// link check.
func linkRig(t *testing.T, start time.Time) (*store.DB, *bot.Bot, *ticketing.ManualClock) {
	t.Helper()
	clock := ticketing.NewManualClock(start)
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "bot.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	b, err := bot.New(bot.Config{Store: db, Classifier: classifierAdapter{intent.New(0.5)}, Calendar: schedules.NewEngine(nil),
		Clock: clock, Log: slog.New(slog.DiscardHandler), ServiceDesk: bot.ServiceDesk{Channel: "C0DESK"}})
	if err != nil {
		t.Fatal(err)
	}
	return db, b, clock
}

// ownPhone is an in-process WhatsApp that knows the bot's own number,
// behind an adapter on clock.
func ownPhone(clock ticketing.Clock) (*whatsappchannel.StandIn, *whatsappchannel.Adapter) {
	phone := whatsappchannel.NewStandIn()
	own := types.NewJID("5491155550000", types.DefaultUserServer)
	adapter := whatsappchannel.NewAdapter(ownStandIn{phone, own}, channels.HandlerFunc(func(context.Context, channels.Inbound) (channels.Reply, error) {
		return channels.Reply{}, nil
	}), whatsappchannel.Options{Log: slog.New(slog.DiscardHandler), Now: clock.Now})
	return phone, adapter
}
