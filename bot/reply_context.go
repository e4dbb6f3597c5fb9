package bot

import (
	"context"
	"strings"

	"supportbot/channels"
	"supportbot/ticketing"
)

// A reply to a contact answers their latest message. When that message
// quoted an earlier one, the contact pointed at something, so the answer
// is shown as a reply to their message (OutboxItem.ReplyTo): the bot's own
// answers to it, and the desk's answers relayed while it is still the
// contact's latest. Reminders and pings answer nothing and carry none.

// answeringTx marks what is queued to one chat as answering one message.
type answeringTx struct {
	ticketing.Tx
	chat ticketing.Conversation
	ref  string
}

func (a *answeringTx) Enqueue(ctx context.Context, it *ticketing.OutboxItem) error {
	if it.ReplyTo == "" && it.Mode == ticketing.ModePost && it.To == a.chat {
		it.ReplyTo = a.ref
	}
	return a.Tx.Enqueue(ctx, it)
}

// answeringInbound is tx for handling a contact's message: what the bot
// answers them meanwhile replies to it when it quoted an earlier one.
func answeringInbound(tx ticketing.Tx, in channels.Inbound) ticketing.Tx {
	if in.Quote == "" || in.MessageID == "" {
		return tx
	}
	return &answeringTx{Tx: tx, chat: chatWith(in.UserID), ref: in.MessageID}
}

// answeringLatest is tx for relaying the desk's answer on t to its
// contact: it replies to the contact's latest message when that one quoted
// an earlier one.
func answeringLatest(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket) (ticketing.Tx, error) {
	if t.Client.Platform != ticketing.PlatformWhatsApp {
		return tx, nil
	}
	msgs, err := tx.Messages(ctx, t.ID)
	if err != nil {
		return nil, err
	}
	for i := len(msgs) - 1; i >= 0; i-- {
		m := msgs[i]
		if m.AuthorKind != ticketing.AuthorClient {
			continue
		}
		ref, ok := strings.CutPrefix(m.ExternalID, "whatsapp:")
		if !m.Quoted || !ok || ref == "" {
			return tx, nil
		}
		return &answeringTx{Tx: tx, chat: t.Client, ref: ref}, nil
	}
	return tx, nil
}
