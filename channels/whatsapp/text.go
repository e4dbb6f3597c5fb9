package whatsappchannel

import (
	"strings"

	"supportbot/ticketing"
)

// RenderText writes the bot's message model as WhatsApp text: WhatsApp has
// no mentions of the support team, so a mention is the person's name, and
// quoted text is shown as written. Text quoted from a chat that writes its
// literal <, > and & as entities (Slack) is shown with the characters.
func RenderText(s string) string {
	return ticketing.Render(s, func(id, name string) string {
		if name == "" {
			return id
		}
		return name
	}, entities.Replace)
}

var entities = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")
