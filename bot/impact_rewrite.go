package bot

import (
	"context"
	"slices"

	"supportbot/channels"
	"supportbot/ticketing"
)

// rewriteImpactAnswer takes the pressed button off the answer once the
// press took effect, so the client does not read an offer that no longer
// stands: "the whole operation has stopped" leaves neither button (the
// ticket is the Service Desk's now), "it stops us from working" leaves the
// way to the Service Desk. The answer keeps its text and other buttons,
// plus a line saying what the press did. Only a message the bot wrote for
// this very ticket is rewritten.
func (b *Bot) rewriteImpactAnswer(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, in channels.Inbound) error {
	if in.Platform != channels.Slack || in.MessageID == "" || in.Channel == "" {
		return nil
	}
	last, err := tx.LastVersion(ctx, in.Channel, in.MessageID)
	if isNotFound(err) {
		b.log.Info("impact press on a message the bot has no copy of: left as it is", "ticket", t.ID, "message", in.MessageID)
		return nil
	}
	if err != nil {
		return err
	}
	if last.TicketID != t.ID || last.Text == "" || !slices.ContainsFunc(last.Buttons, func(btn ticketing.Button) bool { return btn.ActionID == in.ActionID }) {
		return nil
	}
	drop := map[string]bool{actionImpactCritical: true, actionImpactAlta: true}
	done := "impact.critical.done"
	if in.ActionID == actionImpactAlta {
		drop, done = map[string]bool{actionImpactAlta: true}, "impact.alta.done"
	}
	var kept []ticketing.Button
	for _, btn := range last.Buttons {
		if !drop[btn.ActionID] {
			kept = append(kept, btn)
		}
	}
	return b.enqueue(ctx, tx, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: in.Channel},
		Mode: ticketing.ModeUpdate, EditRef: in.MessageID, TicketID: t.ID,
		Text: last.Text + "\n\n" + say(b.clientOf(t), done), Buttons: kept})
}
