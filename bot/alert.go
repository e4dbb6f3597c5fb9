package bot

import (
	"context"

	"supportbot/ticketing"
)

// AlertDesk queues a message for the service desk channel and logs it as an
// audit line, for trouble outside any conversation (a WhatsApp link lost).
func (b *Bot) AlertDesk(ctx context.Context, action ticketing.AuditAction, text string) error {
	return b.update(ctx, func(tx ticketing.Tx, _ *effects) error {
		if err := b.audit(ctx, tx, "supportbot", "", 0, action, text); err != nil {
			return err
		}
		return b.alertDesk(ctx, tx, 0, text)
	})
}
