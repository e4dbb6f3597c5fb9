package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	whatsappchannel "supportbot/channels/whatsapp"
	"supportbot/ticketing"
)

// linkStates are the WhatsApp link states exposed as metrics.
var linkStates = []whatsappchannel.Status{
	whatsappchannel.StatusConnecting, whatsappchannel.StatusConnected, whatsappchannel.StatusDisconnected,
	whatsappchannel.StatusLoggedOut, whatsappchannel.StatusStreamReplaced, whatsappchannel.StatusTemporaryBan,
	whatsappchannel.StatusClientOutdated, whatsappchannel.StatusNotPaired,
}

// watchWhatsAppLink exposes the link's state and the phone's last sighting
// as metrics; called once the adapter exists.
func (a *App) watchWhatsAppLink() {
	states := make([]string, len(linkStates))
	for i, s := range linkStates {
		states[i] = string(s)
	}
	wa := a.whatsapp
	a.metrics.WatchWhatsAppLink(states, func() string { return string(wa.Status().Current()) }, wa.Health().LastSeen)
}

// checkWhatsAppLink runs the phone's offline timeline on the scheduler's
// tick: a keep-alive to the phone after 10 days offline, and after 12 an
// alert to the service desk channel that the link will drop.
func (a *App) checkWhatsAppLink(ctx context.Context) error {
	if a.whatsapp == nil || !a.whatsapp.Paired() {
		return nil
	}
	health := a.whatsapp.Health()
	keepAlive, alert := health.Due(a.clock.Now())
	if err := a.keepPhoneHealth(ctx, health); err != nil {
		return err
	}
	since := health.LastSeen().In(time.UTC).Format("2006-01-02 15:04 MST")
	if keepAlive {
		err := a.whatsapp.SendKeepAlive(ctx)
		a.log.Warn("whatsapp phone offline: keep-alive sent", "last_seen", since, "err", err)
		detail := "keep-alive sent; phone last seen " + since
		if err != nil {
			detail = "keep-alive failed: " + err.Error()
		}
		if err := a.db.Update(ctx, func(tx ticketing.Tx) error {
			return tx.Audit(ctx, ticketing.AuditEntry{At: a.clock.Now(), Actor: "supportbot", Action: ticketing.AuditChatLinkAlert, Detail: detail})
		}); err != nil {
			return fmt.Errorf("whatsapp link: %w", err)
		}
	}
	if alert {
		text := a.currentBot().DeskLanguage().Say("alert.phone_offline", since)
		if err := a.currentBot().AlertDesk(ctx, ticketing.AuditChatLinkAlert, text); err != nil {
			return fmt.Errorf("whatsapp link: %w", err)
		}
	}
	return nil
}

// restorePhoneHealth carries on the phone's offline timeline from before
// the restart, so a bot restarted every few days still warns in time.
func (a *App) restorePhoneHealth(ctx context.Context) error {
	var kept ticketing.PhoneHealth
	err := a.db.View(ctx, func(tx ticketing.Tx) error {
		var err error
		kept, err = tx.PhoneHealth(ctx)
		return err
	})
	if errors.Is(err, ticketing.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("whatsapp link: %w", err)
	}
	a.whatsapp.Health().Restore(kept.LastSeen, kept.KeptAlive, kept.Alerted)
	return nil
}

// keepPhoneHealth stores the timeline when it changed since last kept.
// Recorded before the keep-alive and the alert are sent: a crash between
// the two loses one of them rather than repeating it at every restart.
func (a *App) keepPhoneHealth(ctx context.Context, health *whatsappchannel.LinkHealth) error {
	seen, keptAlive, alerted := health.State()
	now := ticketing.PhoneHealth{LastSeen: seen, KeptAlive: keptAlive, Alerted: alerted}
	if was := a.phoneKept; was.LastSeen.Equal(now.LastSeen) && was.KeptAlive == now.KeptAlive && was.Alerted == now.Alerted {
		return nil
	}
	if err := a.db.Update(ctx, func(tx ticketing.Tx) error { return tx.SavePhoneHealth(ctx, now) }); err != nil {
		return fmt.Errorf("whatsapp link: %w", err)
	}
	a.phoneKept = now
	return nil
}
