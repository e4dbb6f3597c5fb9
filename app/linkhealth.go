package app

import (
	"context"
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
