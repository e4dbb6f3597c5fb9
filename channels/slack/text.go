package slackchannel

import (
	"strings"

	"supportbot/ticketing"
)

// RenderText writes the bot's message model as Slack mrkdwn. The bot's
// plain words go as they are (its *bold* and `code` are Slack's), a
// mention becomes <@U…>, and quoted text, which someone outside the bot
// wrote, is escaped so it shows as the literal text it is.
func RenderText(s string) string {
	return ticketing.Render(s, func(id, _ string) string { return "<@" + id + ">" }, escapeText)
}

// escapeText makes outside text safe in a message sent as markup (the bot's
// own mentions must work): <, > and & become entities, so <!channel>,
// <@U…> and <https://…|label> show as the literal text they are. Text that
// came from Slack already carries its literal <, > and & as entities; those
// are kept, not escaped twice.
func escapeText(s string) string {
	if !strings.ContainsAny(s, "<>&") {
		return s
	}
	var out strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '<':
			out.WriteString("&lt;")
		case c == '>':
			out.WriteString("&gt;")
		case c == '&' && !isEntity(s[i:]):
			out.WriteString("&amp;")
		default:
			out.WriteByte(c)
		}
	}
	return out.String()
}

func isEntity(s string) bool {
	return strings.HasPrefix(s, "&amp;") || strings.HasPrefix(s, "&lt;") || strings.HasPrefix(s, "&gt;")
}
