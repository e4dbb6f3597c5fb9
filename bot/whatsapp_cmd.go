package bot

import (
	"context"
	"fmt"
	"strings"

	"supportbot/ticketing"
)

// cmdWhatsApp manages the allowlist: only invited numbers may write.
func (b *Bot) cmdWhatsApp(ctx context.Context, cmd command) (string, error) {
	const usage = "`/soporte whatsapp invitar <cliente> +549…` · `/soporte whatsapp revocar +549…` · `/soporte whatsapp lista <cliente>`"
	if len(cmd.args) == 0 {
		return "", userErr("Uso: %s", usage)
	}
	me := cmd.in.UserID
	sub, rest := fold(cmd.args[0]), cmd.args[1:]
	clientArg := func() (*ticketing.Client, error) {
		if len(rest) == 0 {
			return nil, userErr("Falta el cliente. Uso: %s", usage)
		}
		c, ok := b.dir.client(rest[0])
		if !ok || (cmd.scope != nil && cmd.scope.ID != c.ID) {
			return nil, userErr("No conocemos el cliente %q.", rest[0])
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
			return "", userErr("Falta el número. Uso: %s", usage)
		}
		phone, err := ticketing.ParsePhone(strings.Join(rest[1:], ""))
		if err != nil {
			return "", userErr("%q no es un número válido; escribilo con código de país, por ejemplo +5491155550101.", strings.Join(rest[1:], " "))
		}
		err = b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
			err := tx.UpsertContact(ctx, ticketing.Contact{Phone: phone, ClientID: c.ID, InvitedBy: me, InvitedAt: b.clock.Now()})
			if isDuplicate(err) {
				return userErr("El número %s ya está habilitado para otro cliente: un número pertenece a un solo cliente. Revocalo primero.", phone)
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
		return fmt.Sprintf("Habilitaste %s para %s por WhatsApp; le enviamos la bienvenida.", phone, c.Name), nil
	case "revocar":
		if len(rest) == 0 {
			return "", userErr("Falta el número. Uso: %s", usage)
		}
		phone, err := ticketing.ParsePhone(strings.Join(rest, ""))
		if err != nil {
			return "", userErr("%q no es un número válido.", strings.Join(rest, " "))
		}
		err = b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
			ct, err := tx.Contact(ctx, phone)
			if isNotFound(err) || (err == nil && cmd.scope != nil && ct.ClientID != cmd.scope.ID) {
				return userErr("El número %s no está habilitado.", phone)
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
		return fmt.Sprintf("Revocaste el acceso de %s por WhatsApp.", phone), nil
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
			return fmt.Sprintf("%s no tiene contactos de WhatsApp habilitados.", c.Name), nil
		}
		var s strings.Builder
		fmt.Fprintf(&s, "Contactos de WhatsApp de %s:\n", c.Name)
		for _, ct := range contacts {
			state := fmt.Sprintf("habilitado por %s el %s", b.dir.staffName(ct.InvitedBy), ct.InvitedAt.In(locOf(c)).Format("02/01/2006"))
			if !ct.Active() {
				state = fmt.Sprintf("revocado por %s el %s", b.dir.staffName(ct.RevokedBy), ct.RevokedAt.In(locOf(c)).Format("02/01/2006"))
			}
			fmt.Fprintf(&s, "• %s %s — %s\n", ct.Phone, clientText(ct.Name), state)
		}
		return s.String(), nil
	}
	return "", userErr("Uso: %s", usage)
}
