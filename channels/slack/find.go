package slackchannel

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/slack-go/slack"

	"supportbot/channels"
	"supportbot/ticketing"
)

// replyEventType tags the bot's posts with the outbox item they deliver
// (Slack message metadata), so a post can be found again after a crash.
const replyEventType = "supportbot_reply"

func replyMetadata(outboxID int64) slack.SlackMetadata {
	return slack.SlackMetadata{EventType: replyEventType, EventPayload: map[string]any{"outbox_id": strconv.FormatInt(outboxID, 10)}}
}

// outboxIDOf reads the outbox id back from a message's metadata.
func outboxIDOf(m slack.Message) (int64, bool) {
	if m.Metadata.EventType != replyEventType {
		return 0, false
	}
	raw, ok := m.Metadata.EventPayload["outbox_id"].(string)
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	return id, err == nil
}

var _ channels.Finder = (*Sender)(nil)

// findWindow is how far before an interrupted attempt the search starts.
const findWindow = time.Minute

// FindSent looks for a post of item that an interrupted attempt may have
// made: in its thread, or in the channel's (or DM's) recent history. Only
// posts carry the metadata; edits and ephemeral messages are never found,
// and sending those again is harmless or invisible to others.
func (s *Sender) FindSent(ctx context.Context, item ticketing.OutboxItem) (string, bool, error) {
	channel := item.To.Address
	switch item.Mode {
	case ticketing.ModePost:
	case ticketing.ModeDirect:
		ch, _, _, err := s.client.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{item.To.Address}, ReturnIM: true})
		if err != nil {
			return "", false, classify("conversations.open", err)
		}
		if ch == nil || ch.ID == "" {
			return "", false, fmt.Errorf("slack conversations.open for %s: no channel in answer", item.To.Address)
		}
		channel = ch.ID
	default:
		return "", false, nil
	}
	oldest := item.InFlightAt.Add(-findWindow)
	var msgs []slack.Message
	if item.To.Thread != "" && item.Mode == ticketing.ModePost {
		replies, _, _, err := s.client.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{
			ChannelID: channel, Timestamp: item.To.Thread, Limit: 200, IncludeAllMetadata: true,
		})
		if err != nil {
			return "", false, classify("conversations.replies", err)
		}
		msgs = replies
	} else {
		hist, err := s.client.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
			ChannelID: channel, Oldest: fmt.Sprintf("%d.000000", oldest.Unix()), Limit: 200, IncludeAllMetadata: true,
		})
		if err != nil {
			return "", false, classify("conversations.history", err)
		}
		msgs = hist.Messages
	}
	for _, m := range msgs {
		if item.File != nil {
			if id, ok := uploadedFile(m, *item.File, oldest); ok {
				return id, true, nil
			}
			continue
		}
		if id, ok := outboxIDOf(m); ok && id == item.ID {
			return m.Timestamp, true, nil
		}
	}
	return "", false, nil
}

// uploadedFile finds f among a message's files: a file upload carries no
// metadata, so an interrupted one is recognised by its name and size in a
// message posted since the attempt started.
func uploadedFile(m slack.Message, f ticketing.Attachment, since time.Time) (string, bool) {
	if at, ok := parseTS(m.Timestamp); ok && at.Before(since) {
		return "", false
	}
	for _, sf := range m.Files {
		if sf.Name == f.Name && (f.Size == 0 || sf.Size == 0 || int64(sf.Size) == f.Size) {
			return sf.ID, true
		}
	}
	return "", false
}
