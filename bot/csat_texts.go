package bot

import (
	"fmt"

	"supportbot/ticketing"
)

// The satisfaction question's texts, one function each so they can move
// to the message catalogs as they are.

// csatQuestionText asks a Slack client, above the 1–5 buttons.
func csatQuestionText(t *ticketing.Ticket) string {
	return fmt.Sprintf("⭐ ¿Cómo calificarías la ayuda que recibiste en el ticket #%d? Elegí de 1 (mala) a 5 (excelente).", t.ID)
}

// csatQuestionChat asks a client who answers in words (WhatsApp).
func csatQuestionChat(t *ticketing.Ticket) string {
	return fmt.Sprintf("⭐ ¿Cómo calificarías la ayuda que recibiste en el ticket #%d? Respondé con un número del 1 al 5 (1 = mala, 5 = excelente).", t.ID)
}

// csatButtonLabel is the label of the button for one rating.
func csatButtonLabel(rating int) string { return fmt.Sprint(rating) }

// csatRatedText replaces the Slack question once answered, and invites a
// comment in the thread.
func csatRatedText(t *ticketing.Ticket, rating int) string {
	return fmt.Sprintf("⭐ Ticket #%d: calificaste la ayuda con %d de 5. ¡Gracias! Si querés, dejá un comentario en este hilo en los próximos 30 minutos.", t.ID, rating)
}

// csatRatedChat thanks a WhatsApp client for the rating.
func csatRatedChat(rating int) string {
	return fmt.Sprintf("¡Gracias! Registramos tu calificación: %d de 5. Si querés, escribí un comentario en tu próximo mensaje (en los próximos 30 minutos).", rating)
}

// csatAlreadyText answers a second rating of the same ticket.
func csatAlreadyText(t *ticketing.Ticket) string {
	return fmt.Sprintf("Ya registramos una calificación para el ticket #%d. ¡Gracias!", t.ID)
}

// csatNotYoursText answers someone who is not the ticket's client.
func csatNotYoursText() string {
	return "Solo el cliente del ticket puede calificar la ayuda. ¡Gracias!"
}

// csatCommentThanksText thanks the client for the comment.
func csatCommentThanksText() string {
	return "¡Gracias por tu comentario! Se lo pasamos a tu focal point."
}

// Staff-facing notices to the focal point.

func csatRatedNotice(c *ticketing.Client, t *ticketing.Ticket, rating int) string {
	return fmt.Sprintf("⭐ *%s* calificó la ayuda del *ticket #%d* con *%d de 5*.", c.Name, t.ID, rating)
}

func csatCommentNotice(c *ticketing.Client, t *ticketing.Ticket, comment string) string {
	return fmt.Sprintf("💬 Comentario de *%s* sobre el *ticket #%d*:\n%s", c.Name, t.ID, quote(comment))
}
