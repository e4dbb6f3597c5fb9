package bot

import (
	"context"
	"fmt"
	"strings"

	"supportbot/ticketing"
)

// cmdWhatsApp manages the allowlist: only invited numbers may write.
func (b *Bot) cmdWhatsApp(ctx context.Context, cmd command) (string, error) {
	usage := b.tell("wa.usage")
	if len(cmd.args) == 0 {
		return "", b.staffErr("wa.usage_is", usage)
	}
	me := cmd.in.UserID
	sub, rest := fold(cmd.args[0]), cmd.args[1:]
	clientArg := func() (*ticketing.Client, error) {
		if len(rest) == 0 {
			return nil, b.staffErr("wa.missing_client", usage)
		}
		c, ok := b.dir.client(rest[0])
		if !ok || (cmd.scope != nil && cmd.scope.ID != c.ID) {
			return nil, b.staffErr("staff.unknown_client", rest[0])
		}
		return c, nil
	}
	switch sub {
	case "invitar":
		c, err := clientArg()
		if err != nil {
			return "", err
		}
		if len(rest) < 2 {
			return "", b.staffErr("wa.missing_number", usage)
		}
		phone, err := ticketing.ParsePhone(strings.Join(rest[1:], ""))
		if err != nil {
			return "", b.staffErr("wa.bad_number_hint", strings.Join(rest[1:], " "))
		}
		err = b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
			err := tx.UpsertContact(ctx, ticketing.Contact{Phone: phone, ClientID: c.ID, InvitedBy: me, InvitedAt: b.clock.Now()})
			if isDuplicate(err) {
				return b.staffErr("wa.number_taken", phone)
			}
			if err != nil {
				return err
			}
			if err := b.post(ctx, tx, 0, chatWith(phone), b.whatsAppWelcome(c)); err != nil {
				return err
			}
			return b.audit(ctx, tx, me, c.ID, 0, ticketing.AuditContactInvited, phone)
		})
		if err != nil {
			return "", err
		}
		return b.tell("wa.invited", phone, c.Name), nil
	case "revocar":
		if len(rest) == 0 {
			return "", b.staffErr("wa.missing_number", usage)
		}
		phone, err := ticketing.ParsePhone(strings.Join(rest, ""))
		if err != nil {
			return "", b.staffErr("wa.bad_number", strings.Join(rest, " "))
		}
		err = b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
			ct, err := tx.Contact(ctx, phone)
			if isNotFound(err) || (err == nil && cmd.scope != nil && ct.ClientID != cmd.scope.ID) {
				return b.staffErr("wa.not_enabled", phone)
			}
			if err != nil {
				return err
			}
			if err := tx.RevokeContact(ctx, phone, me, b.clock.Now()); err != nil {
				return err
			}
			return b.audit(ctx, tx, me, ct.ClientID, 0, ticketing.AuditContactRevoked, phone)
		})
		if err != nil {
			return "", err
		}
		return b.tell("wa.revoked", phone), nil
	case "lista":
		c, err := clientArg()
		if err != nil {
			return "", err
		}
		var contacts []ticketing.Contact
		err = b.store.View(ctx, func(tx ticketing.Tx) error {
			var err error
			contacts, err = tx.Contacts(ctx, c.ID)
			return err
		})
		if err != nil {
			return "", err
		}
		if len(contacts) == 0 {
			return b.tell("wa.none", c.Name), nil
		}
		var s strings.Builder
		s.WriteString(b.tell("wa.list", c.Name) + "\n")
		for _, ct := range contacts {
			state := b.tell("wa.enabled_by", b.dir.staffName(ct.InvitedBy), ct.InvitedAt.In(locOf(c)).Format("02/01/2006"))
			if !ct.Active() {
				state = b.tell("wa.revoked_by", b.dir.staffName(ct.RevokedBy), ct.RevokedAt.In(locOf(c)).Format("02/01/2006"))
			}
			fmt.Fprintf(&s, "• %s %s — %s\n", ct.Phone, clientText(ct.Name), state)
		}
		return s.String(), nil
	}
	return "", b.staffErr("wa.usage_is", usage)
}
