package bot

import (
	"context"

	"supportbot/channels"
	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// Files cross between a client who talks apart and the desk through the
// outbox: each is an item carrying the file's reference, and the adapter of
// the receiving side fetches the bytes from the side that holds them.

// relayToDesk queues a contact's files into the ticket's desk thread, the
// first one with text as its comment. It reports whether text went with a
// file; a file the desk cannot take is named in the thread instead.
func (b *Bot) relayToDesk(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, files []ticketing.Attachment, text string) (bool, error) {
	if t.Desk.IsZero() {
		return false, nil
	}
	carried := false
	for _, f := range files {
		if channels.DeliveryOn(t.Desk.Platform, f).Kind == "" {
			if err := b.toTriage(ctx, tx, t, b.tell("file.too_big_desk", fileLabel(b.deskLang, f), channels.SizeText(f.Size))); err != nil {
				return carried, err
			}
			continue
		}
		f := f
		item := ticketing.OutboxItem{To: t.Desk, Mode: ticketing.ModePost, InDeskThread: t.Desk.Thread == "", TicketID: t.ID, File: &f}
		if !carried {
			item.Text, carried = text, true
		}
		if err := b.enqueue(ctx, tx, item); err != nil {
			return carried, err
		}
	}
	return carried, nil
}

// relayToContact queues a staff member's files to the ticket's contact,
// with caption on the first one that can carry it (an audio cannot). It
// reports whether caption went with a file. A file the contact's platform
// does not take is not sent: the contact gets a note and so does the
// thread, so staff share it some other way.
func (b *Bot) relayToContact(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket, files []ticketing.Attachment, caption string) (bool, error) {
	carried := false
	for _, f := range files {
		d := channels.DeliveryOn(t.Client.Platform, f)
		if d.Kind == "" {
			c := b.clientOf(t)
			if err := b.post(ctx, tx, t.ID, t.Client, say(c, "file.too_big_in",
				fileLabel(langOf(c), f), channels.SizeText(f.Size), channels.SizeText(d.Limit))); err != nil {
				return carried, err
			}
			if err := b.toTriage(ctx, tx, t, b.tell("file.not_sent", fileLabel(b.deskLang, f), channels.SizeText(f.Size), channels.SizeText(d.Limit))); err != nil {
				return carried, err
			}
			continue
		}
		f := f
		item := ticketing.OutboxItem{To: t.Client, Mode: ticketing.ModePost, TicketID: t.ID, File: &f}
		if !carried && d.Kind != ticketing.FileAudio {
			item.Text, carried = caption, true
		}
		if err := b.enqueue(ctx, tx, item); err != nil {
			return carried, err
		}
	}
	return carried, nil
}

// fileLabel names a file in the bot's own words, in l; its name is the
// sender's.
func fileLabel(l wording.Language, f ticketing.Attachment) string {
	return l.Say("file.label", clientText(f.Name))
}

// spokenOnly reports whether a message is only a voice note or an audio:
// the contact said something, which staff listen to, rather than something
// to type again.
func spokenOnly(text string, files []ticketing.Attachment) bool {
	if text != "" || len(files) == 0 {
		return false
	}
	for _, f := range files {
		if f.Kind != ticketing.FileVoice && f.Kind != ticketing.FileAudio {
			return false
		}
	}
	return true
}
