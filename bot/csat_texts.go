package bot

import (
	"fmt"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// The satisfaction question's texts: the client's in their language, the
// focal point's in desk.language.

// csatQuestionText asks a Slack client, above the 1–5 buttons.
func csatQuestionText(c *ticketing.Client, t *ticketing.Ticket) string {
	return say(c, "csat.question", t.ID)
}

// csatQuestionChat asks a client who answers in words (WhatsApp).
func csatQuestionChat(c *ticketing.Client, t *ticketing.Ticket) string {
	return say(c, "csat.question.chat", t.ID)
}

// csatButtonLabel is the label of the button for one rating.
func csatButtonLabel(rating int) string { return fmt.Sprint(rating) }

// csatRatedText replaces the Slack question once answered, and invites a
// comment in the thread.
func csatRatedText(c *ticketing.Client, t *ticketing.Ticket, rating int) string {
	return say(c, "csat.rated", t.ID, rating, int(csatCommentWindow.Minutes()))
}

// csatRatedChat thanks a WhatsApp client for the rating.
func csatRatedChat(c *ticketing.Client, rating int) string {
	return say(c, "csat.rated.chat", rating, int(csatCommentWindow.Minutes()))
}

// csatAlreadyText answers a second rating of the same ticket.
func csatAlreadyText(c *ticketing.Client, t *ticketing.Ticket) string {
	return say(c, "csat.already", t.ID)
}

// csatNotYoursText answers someone who is not the ticket's client.
func csatNotYoursText(l wording.Language) string { return l.Say("csat.not_yours") }

// csatCommentThanksText thanks the client for the comment.
func csatCommentThanksText(c *ticketing.Client) string { return say(c, "csat.comment.thanks") }

// Staff-facing notices to the focal point.

func (b *Bot) csatRatedNotice(c *ticketing.Client, t *ticketing.Ticket, rating int) string {
	return b.tell("csat.notice.rated", c.Name, t.ID, rating)
}

func (b *Bot) csatCommentNotice(c *ticketing.Client, t *ticketing.Ticket, comment string) string {
	return b.tell("csat.notice.comment", c.Name, t.ID, quote(comment))
}
