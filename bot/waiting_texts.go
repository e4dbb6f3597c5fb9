package bot

import (
	"supportbot/ticketing"
)

// waitingForClientText tells the client what the desk needs to go on;
// what is quoted already (clientText), so it reads as written and never
// as markup.
func waitingForClientText(c *ticketing.Client, t *ticketing.Ticket, what string) string {
	if what == "" {
		return say(c, "waiting.ask", t.ID)
	}
	return say(c, "waiting.ask.what", t.ID, what)
}

// waitingConfirmText answers the member of staff who ran the command.
func (b *Bot) waitingConfirmText(t *ticketing.Ticket) string {
	return b.tell("waiting.confirm", t.ID)
}
