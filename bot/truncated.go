package bot

import (
	"context"

	"supportbot/channels"
	"supportbot/ticketing"
)

// truncatedText tells a client the end of their message did not arrive, so
// they do not assume support read all of it.
func truncatedText(c *ticketing.Client) string {
	return say(c, "truncated", channels.MaxTextChars/1000, channels.MaxTextChars%1000)
}

// tellTruncated answers a client whose message was cut, where they wrote: in
// the message's thread or their chat. It is called once per
// message, after the duplicate check. A client without an active contract
// was told no ticket opens, so asking for the rest would mislead.
func (b *Bot) tellTruncated(ctx context.Context, tx ticketing.Tx, c *ticketing.Client, in channels.Inbound, ticketID int64) error {
	if !in.Truncated || c.Contract != ticketing.ContractActive {
		return nil
	}
	to := ticketing.Conversation{Platform: in.Platform, Address: in.Channel, Thread: in.ThreadTS}
	if in.Platform == deskPlatform && to.Thread == "" {
		// On the desk's platform a message is answered in its own thread.
		to.Thread = in.MessageID
	}
	return b.post(ctx, tx, ticketID, to, truncatedText(c))
}
