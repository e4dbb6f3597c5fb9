// Package slackchannel connects the bot to Slack: it turns slack-go events,
// slash commands and button presses into channels.Inbound, turns owed
// replies back into Slack API calls, and carries bytes over the Events API
// (HTTP) or Socket Mode. It makes no decisions: which messages matter, and
// what to answer, is the bot's business.
package slackchannel

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"supportbot/channels"
	"supportbot/ticketing"
)

// Slack Block Kit limits: a message that breaks one is refused as a whole
// (invalid_blocks), so the reply would never be delivered.
const (
	maxSectionText = 3000
	maxButtons     = 25
	maxButtonLabel = 75
	maxButtonValue = 2000
	maxActionID    = 255
	maxBlocks      = 50
	actionIDSep    = "#"
)

// FromEvent converts an Events API callback into an Inbound. It reports false
// for anything the bot must not see: its own messages, joins and other
// housekeeping subtypes, and event types it does not use. A person's edit
// or deletion of their message is a KindEdit or KindDelete.
// Messages from DMs or channels of no client are converted all the same; the
// bot knows which channels are whose.
func FromEvent(ev slackevents.EventsAPIEvent, botUserID string) (channels.Inbound, bool) {
	if ev.Type != slackevents.CallbackEvent {
		return channels.Inbound{}, false
	}
	var eventID string
	var eventTime int
	switch cb := ev.Data.(type) {
	case *slackevents.EventsAPICallbackEvent:
		if cb != nil {
			eventID, eventTime = cb.EventID, cb.EventTime
		}
	case slackevents.EventsAPICallbackEvent:
		eventID, eventTime = cb.EventID, cb.EventTime
	}

	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.MessageEvent:
		if e == nil {
			return channels.Inbound{}, false
		}
		return fromMessage(*e, eventID, eventTime, botUserID)
	case slackevents.MessageEvent:
		return fromMessage(e, eventID, eventTime, botUserID)
	case *slackevents.AppMentionEvent:
		if e == nil {
			return channels.Inbound{}, false
		}
		return fromMention(*e, eventID, eventTime, botUserID)
	case slackevents.AppMentionEvent:
		return fromMention(e, eventID, eventTime, botUserID)
	case *slackevents.ReactionAddedEvent:
		if e == nil {
			return channels.Inbound{}, false
		}
		return fromReaction(*e, eventID, eventTime, botUserID)
	case slackevents.ReactionAddedEvent:
		return fromReaction(e, eventID, eventTime, botUserID)
	case *slackevents.AppHomeOpenedEvent:
		if e == nil {
			return channels.Inbound{}, false
		}
		return fromHomeOpened(*e, eventID, eventTime)
	case slackevents.AppHomeOpenedEvent:
		return fromHomeOpened(e, eventID, eventTime)
	}
	return channels.Inbound{}, false
}

func fromMessage(e slackevents.MessageEvent, eventID string, eventTime int, botUserID string) (channels.Inbound, bool) {
	switch e.SubType {
	case "", "thread_broadcast", "file_share":
	case "message_changed":
		return fromEdit(e, eventID, eventTime, botUserID)
	case "message_deleted":
		return fromDelete(e, eventID, eventTime, botUserID)
	default:
		// bot_message, message_changed, message_deleted, channel_join,
		// channel_topic…: none is something a person asked.
		return channels.Inbound{}, false
	}
	if e.User == "" || e.User == botUserID || e.BotID != "" {
		return channels.Inbound{}, false
	}
	in := channels.Inbound{
		Platform:  channels.Slack,
		Kind:      channels.KindMessage,
		EventID:   eventID,
		MessageID: e.TimeStamp,
		Channel:   e.Channel,
		ThreadTS:  e.ThreadTimeStamp,
		UserID:    e.User,
		At:        eventAt(e.TimeStamp, eventTime),
	}
	in.Text, in.Truncated = channels.CleanText(e.Text, channels.MaxTextChars)
	if e.SubType == "file_share" || (e.Message != nil && len(e.Message.Files) > 0) {
		in.Media = "file"
	}
	if e.Message != nil {
		in.Files = attachments(e.Message.Files)
	}
	return in, true
}

// fromEdit reads a message_changed. Slack sends one also when a message
// only gains a thread reply or a link preview; only a change the author
// made (edited set, text changed) is an edit.
func fromEdit(e slackevents.MessageEvent, eventID string, eventTime int, botUserID string) (channels.Inbound, bool) {
	m := e.Message
	if m == nil || m.Edited == nil || m.User == "" || m.User == botUserID || m.BotID != "" {
		return channels.Inbound{}, false
	}
	if prev := e.PreviousMessage; prev != nil && prev.Text == m.Text {
		return channels.Inbound{}, false
	}
	in := channels.Inbound{
		Platform: channels.Slack, Kind: channels.KindEdit, EventID: eventID,
		MessageID: m.Timestamp, Channel: e.Channel, ThreadTS: m.ThreadTimestamp, UserID: m.User,
		At: eventAt(firstNonEmpty(m.Edited.Timestamp, e.TimeStamp), eventTime),
	}
	in.Text, in.Truncated = channels.CleanText(m.Text, channels.MaxTextChars)
	return in, true
}

// fromDelete reads a message_deleted: which message, and whose it was.
func fromDelete(e slackevents.MessageEvent, eventID string, eventTime int, botUserID string) (channels.Inbound, bool) {
	prev := e.PreviousMessage
	if e.DeletedTimeStamp == "" || prev == nil || prev.User == "" || prev.User == botUserID || prev.BotID != "" {
		return channels.Inbound{}, false
	}
	return channels.Inbound{
		Platform: channels.Slack, Kind: channels.KindDelete, EventID: eventID,
		MessageID: e.DeletedTimeStamp, Channel: e.Channel, ThreadTS: prev.ThreadTimestamp, UserID: prev.User,
		At: eventAt(e.TimeStamp, eventTime),
	}, true
}

func fromMention(e slackevents.AppMentionEvent, eventID string, eventTime int, botUserID string) (channels.Inbound, bool) {
	// An edited mention arrives as a new app_mention; the edit is not a new
	// message, like message_changed.
	if e.User == "" || e.User == botUserID || e.BotID != "" || e.Edited != nil {
		return channels.Inbound{}, false
	}
	in := channels.Inbound{
		Platform: channels.Slack,
		Kind:     channels.KindMessage,
		EventID:  eventID,
		// The same ts as the message event, so the bot sees the pair as one.
		MessageID: e.TimeStamp,
		Channel:   e.Channel,
		ThreadTS:  e.ThreadTimeStamp,
		UserID:    e.User,
		At:        eventAt(e.TimeStamp, eventTime),
	}
	in.Text, in.Truncated = channels.CleanText(e.Text, channels.MaxTextChars)
	if len(e.Files) > 0 {
		in.Media = "file"
	}
	in.Files = attachments(e.Files)
	return in, true
}

func fromReaction(e slackevents.ReactionAddedEvent, eventID string, eventTime int, botUserID string) (channels.Inbound, bool) {
	// Reactions to files or file comments point at nothing a ticket holds.
	if e.User == "" || e.User == botUserID || e.Item.Type != "message" || e.Item.Timestamp == "" {
		return channels.Inbound{}, false
	}
	return channels.Inbound{
		Platform:  channels.Slack,
		Kind:      channels.KindReaction,
		EventID:   eventID,
		MessageID: e.Item.Timestamp,
		Channel:   e.Item.Channel,
		ThreadTS:  e.Item.Timestamp,
		UserID:    e.User,
		Reaction:  e.Reaction,
		At:        eventAt(e.EventTimestamp, eventTime),
	}, true
}

// FromSlashCommand converts a slash command. at is when it arrived: the
// command carries no time of its own.
func FromSlashCommand(cmd slack.SlashCommand, at time.Time) channels.Inbound {
	in := channels.Inbound{
		Platform:    channels.Slack,
		Kind:        channels.KindCommand,
		Channel:     cmd.ChannelID,
		UserID:      cmd.UserID,
		UserName:    cleanText(cmd.UserName),
		Command:     cmd.Command,
		Text:        cleanText(cmd.Text),
		ResponseURL: cmd.ResponseURL,
		At:          at,
	}
	// An empty id would make every id-less command a duplicate of the first.
	if cmd.TriggerID != "" {
		in.EventID = "cmd:" + cmd.TriggerID
	}
	return in
}

// FromInteraction converts a button press (block_actions). Other
// interactions (modals, shortcuts, legacy attachments) report false.
func FromInteraction(cb slack.InteractionCallback, at time.Time) (channels.Inbound, bool) {
	if cb.Type != slack.InteractionTypeBlockActions || len(cb.ActionCallback.BlockActions) == 0 {
		return channels.Inbound{}, false
	}
	act := cb.ActionCallback.BlockActions[0]
	if act == nil {
		return channels.Inbound{}, false
	}
	in := channels.Inbound{
		Platform:    channels.Slack,
		Kind:        channels.KindAction,
		MessageID:   firstNonEmpty(cb.Container.MessageTs, cb.Message.Timestamp, cb.MessageTs),
		Channel:     firstNonEmpty(cb.Channel.ID, cb.Container.ChannelID),
		ThreadTS:    firstNonEmpty(cb.Message.ThreadTimestamp, cb.Container.ThreadTs),
		UserID:      cb.User.ID,
		UserName:    cleanText(cb.User.Name),
		ResponseURL: cb.ResponseURL,
		ActionID:    baseActionID(act.ActionID),
		ActionValue: cleanText(act.Value),
		At:          at,
	}
	switch {
	case cb.TriggerID != "":
		in.EventID = "act:" + cb.TriggerID
	case act.ActionTs != "":
		in.EventID = "act:" + act.ActionTs
	case cb.ActionTs != "":
		in.EventID = "act:" + cb.ActionTs
	}
	return in, true
}

// MessageOptions builds the chat.* options for an owed reply: the text, the
// thread, and its buttons as Block Kit. The text always goes as text too,
// because Slack shows it in notifications and where blocks cannot render.
func MessageOptions(item ticketing.OutboxItem) []slack.MsgOption {
	// Rendered, then sent unescaped: the mentions must work, and
	// RenderText escaped what others wrote.
	text := RenderText(cleanText(item.Text))
	opts := []slack.MsgOption{slack.MsgOptionText(text, false)}
	if item.To.Thread != "" && item.Mode != ticketing.ModeUpdate {
		opts = append(opts, slack.MsgOptionTS(item.To.Thread))
	}
	if item.ID != 0 && (item.Mode == ticketing.ModePost || item.Mode == ticketing.ModeDirect) {
		opts = append(opts, slack.MsgOptionMetadata(replyMetadata(item.ID)))
	}
	switch {
	case len(item.Buttons) > 0:
		opts = append(opts, slack.MsgOptionBlocks(buttonBlocks(text, item.Buttons)...))
	case item.Mode == ticketing.ModeUpdate:
		// chat.update keeps the old blocks unless told otherwise, and the
		// old message's buttons must go once the choice is made.
		opts = append(opts, slack.MsgOptionBlocks())
	}
	return opts
}

func buttonBlocks(text string, buttons []ticketing.Button) []slack.Block {
	var blocks []slack.Block
	// Leave room for the actions block.
	for _, part := range splitText(text, maxSectionText) {
		if len(blocks) == maxBlocks-1 {
			break
		}
		blocks = append(blocks, slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, part, false, false), nil, nil))
	}
	if len(buttons) > maxButtons {
		buttons = buttons[:maxButtons]
	}
	seen := map[string]int{}
	elems := make([]slack.BlockElement, 0, len(buttons))
	for _, b := range buttons {
		label := b.Label
		if label == "" {
			label = b.ActionID
		}
		id := capRunes(b.ActionID, maxActionID-4)
		// Slack refuses a block whose action_ids repeat, but the bot offers
		// several choices under one action (ticket_kind with different
		// values); a suffix keeps them apart and FromInteraction drops it.
		seen[id]++
		if n := seen[id]; n > 1 {
			id += actionIDSep + strconv.Itoa(n)
		}
		btn := slack.NewButtonBlockElement(id, capRunes(b.Value, maxButtonValue),
			slack.NewTextBlockObject(slack.PlainTextType, capRunes(label, maxButtonLabel), true, false))
		switch b.Style {
		case "primary":
			btn = btn.WithStyle(slack.StylePrimary)
		case "danger":
			btn = btn.WithStyle(slack.StyleDanger)
		}
		elems = append(elems, btn)
	}
	return append(blocks, slack.NewActionBlock("", elems...))
}

// baseActionID undoes the suffix buttonBlocks adds to repeated action ids.
func baseActionID(id string) string {
	i := strings.LastIndex(id, actionIDSep)
	if i <= 0 || i == len(id)-1 {
		return id
	}
	if _, err := strconv.Atoi(id[i+1:]); err != nil {
		return id
	}
	return id[:i]
}

// cleanText is channels.CleanText for the fields whose cut nobody is told of
// (names, button values, the bot's own posts).
func cleanText(s string) string {
	text, _ := channels.CleanText(s, channels.MaxTextChars)
	return text
}

// capBytes cuts s to at most n bytes without splitting a character, for
// limits Slack counts in bytes.
func capBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// capRunes cuts s to at most n characters: Block Kit counts characters.
func capRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n])
}

// splitText cuts text into pieces of at most n characters, at a line break
// when one is near so a paragraph is not split mid-word.
func splitText(text string, n int) []string {
	var parts []string
	r := []rune(text)
	for len(r) > 0 {
		if len(r) <= n {
			parts = append(parts, string(r))
			break
		}
		cut := n
		for i := n; i > n/2; i-- {
			if r[i-1] == '\n' {
				cut = i
				break
			}
		}
		parts = append(parts, string(r[:cut]))
		r = r[cut:]
	}
	return parts
}

// eventAt reads a Slack ts ("1712345678.123456") as a time; when it cannot,
// the callback's event_time stands in, and failing that the zero time lets
// the bot use its own clock.
func eventAt(ts string, eventTime int) time.Time {
	if t, ok := parseTS(ts); ok {
		return t
	}
	if eventTime > 0 {
		return time.Unix(int64(eventTime), 0).UTC()
	}
	return time.Time{}
}

func parseTS(ts string) (time.Time, bool) {
	secs, frac, _ := strings.Cut(ts, ".")
	sec, err := strconv.ParseInt(secs, 10, 64)
	if err != nil || sec <= 0 {
		return time.Time{}, false
	}
	var nsec int64
	if frac != "" {
		if len(frac) > 9 {
			frac = frac[:9]
		}
		f, err := strconv.ParseInt(frac, 10, 64)
		if err != nil || f < 0 {
			return time.Time{}, false
		}
		for i := len(frac); i < 9; i++ {
			f *= 10
		}
		nsec = f
	}
	return time.Unix(sec, nsec).UTC(), true
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
