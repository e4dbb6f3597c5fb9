package slackchannel

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"supportbot/channels"
	"supportbot/ticketing"
)

const botUser = "UBOT"

// callback wraps an inner event the way slackevents.ParseEvent does.
func callback(eventID string, inner any) slackevents.EventsAPIEvent {
	typ := ""
	switch inner.(type) {
	case *slackevents.MessageEvent, slackevents.MessageEvent:
		typ = "message"
	case *slackevents.AppMentionEvent:
		typ = "app_mention"
	case *slackevents.ReactionAddedEvent:
		typ = "reaction_added"
	}
	return slackevents.EventsAPIEvent{
		Type:       slackevents.CallbackEvent,
		Data:       &slackevents.EventsAPICallbackEvent{Type: slackevents.CallbackEvent, EventID: eventID, EventTime: 1712345000},
		InnerEvent: slackevents.EventsAPIInnerEvent{Type: typ, Data: inner},
	}
}

func msg(mod func(*slackevents.MessageEvent)) *slackevents.MessageEvent {
	m := &slackevents.MessageEvent{
		Type: "message", User: "UCLIENT", Text: "el discador no levanta",
		TimeStamp: "1712345678.123456", Channel: "CACME", ChannelType: "channel",
	}
	if mod != nil {
		mod(m)
	}
	return m
}

var tsTime = time.Unix(1712345678, 123456000).UTC()

func TestFromEvent(t *testing.T) {
	base := channels.Inbound{
		Platform: channels.Slack, Kind: channels.KindMessage, EventID: "Ev1",
		MessageID: "1712345678.123456", Channel: "CACME", UserID: "UCLIENT",
		Text: "el discador no levanta", At: tsTime,
	}
	with := func(mod func(*channels.Inbound)) channels.Inbound {
		in := base
		mod(&in)
		return in
	}
	accented := strings.Repeat("é", 30_000)    // 60 000 bytes, well within Slack's 40 000 characters
	tooLong := strings.Repeat("ñandú ", 7_500) // 45 000 characters

	tests := []struct {
		name   string
		ev     slackevents.EventsAPIEvent
		want   channels.Inbound
		wantOK bool
	}{
		{"top-level message", callback("Ev1", msg(nil)), base, true},
		{"message by value", callback("Ev1", *msg(nil)), base, true},
		{"thread reply", callback("Ev1", msg(func(m *slackevents.MessageEvent) { m.ThreadTimeStamp = "1712340000.000100" })),
			with(func(in *channels.Inbound) { in.ThreadTS = "1712340000.000100" }), true},
		{"thread broadcast", callback("Ev1", msg(func(m *slackevents.MessageEvent) {
			m.SubType = "thread_broadcast"
			m.ThreadTimeStamp = "1712340000.000100"
		})), with(func(in *channels.Inbound) { in.ThreadTS = "1712340000.000100" }), true},
		{"file share keeps text", callback("Ev1", msg(func(m *slackevents.MessageEvent) {
			m.SubType = "file_share"
			m.Text = "captura del error"
		})), with(func(in *channels.Inbound) { in.Media = "file"; in.Text = "captura del error" }), true},
		{"direct message still converted", callback("Ev1", msg(func(m *slackevents.MessageEvent) {
			m.Channel = "DUSER"
			m.ChannelType = "im"
		})), with(func(in *channels.Inbound) { in.Channel = "DUSER" }), true},
		{"invalid utf-8 repaired", callback("Ev1", msg(func(m *slackevents.MessageEvent) { m.Text = "caída\xff\xfe total" })),
			with(func(in *channels.Inbound) { in.Text = "caída\uFFFD total" }), true},
		{"accented 30 000 characters kept whole", callback("Ev1", msg(func(m *slackevents.MessageEvent) { m.Text = accented })),
			with(func(in *channels.Inbound) { in.Text = accented }), true},
		{"45 000 characters cut at 40 000 and marked", callback("Ev1", msg(func(m *slackevents.MessageEvent) { m.Text = tooLong })),
			with(func(in *channels.Inbound) { in.Text, in.Truncated = string([]rune(tooLong)[:40_000]), true }), true},
		{"unparsable ts falls back to event time", callback("Ev1", msg(func(m *slackevents.MessageEvent) { m.TimeStamp = "garbage" })),
			with(func(in *channels.Inbound) { in.MessageID = "garbage"; in.At = time.Unix(1712345000, 0).UTC() }), true},
		{"app mention shares the message ts", callback("EvM", &slackevents.AppMentionEvent{
			Type: "app_mention", User: "UCLIENT", Text: "<@UBOT> ayuda", TimeStamp: "1712345678.123456",
			ThreadTimeStamp: "1712340000.000100", Channel: "CACME",
		}), with(func(in *channels.Inbound) {
			in.EventID = "EvM"
			in.Text = "<@UBOT> ayuda"
			in.ThreadTS = "1712340000.000100"
		}), true},
		{"reaction added", callback("EvR", &slackevents.ReactionAddedEvent{
			Type: "reaction_added", User: "UCLIENT", Reaction: "white_check_mark",
			Item:           slackevents.Item{Type: "message", Channel: "CACME", Timestamp: "1712340000.000100"},
			EventTimestamp: "1712345678.123456",
		}), channels.Inbound{
			Platform: channels.Slack, Kind: channels.KindReaction, EventID: "EvR", MessageID: "1712340000.000100",
			Channel: "CACME", ThreadTS: "1712340000.000100", UserID: "UCLIENT", Reaction: "white_check_mark", At: tsTime,
		}, true},

		{"own message by user id", callback("Ev1", msg(func(m *slackevents.MessageEvent) { m.User = botUser })), channels.Inbound{}, false},
		{"message with bot id", callback("Ev1", msg(func(m *slackevents.MessageEvent) { m.BotID = "BOTHER" })), channels.Inbound{}, false},
		{"bot_message subtype", callback("Ev1", msg(func(m *slackevents.MessageEvent) { m.SubType = "bot_message"; m.User = "" })), channels.Inbound{}, false},
		{"change that is no edit", callback("Ev1", msg(func(m *slackevents.MessageEvent) { m.SubType = "message_changed" })), channels.Inbound{}, false},
		{"delete without the message", callback("Ev1", msg(func(m *slackevents.MessageEvent) { m.SubType = "message_deleted" })), channels.Inbound{}, false},
		{"join", callback("Ev1", msg(func(m *slackevents.MessageEvent) { m.SubType = "channel_join" })), channels.Inbound{}, false},
		{"leave", callback("Ev1", msg(func(m *slackevents.MessageEvent) { m.SubType = "channel_leave" })), channels.Inbound{}, false},
		{"topic", callback("Ev1", msg(func(m *slackevents.MessageEvent) { m.SubType = "channel_topic" })), channels.Inbound{}, false},
		{"purpose", callback("Ev1", msg(func(m *slackevents.MessageEvent) { m.SubType = "channel_purpose" })), channels.Inbound{}, false},
		{"unknown subtype", callback("Ev1", msg(func(m *slackevents.MessageEvent) { m.SubType = "huddle_thread" })), channels.Inbound{}, false},
		{"message without user", callback("Ev1", msg(func(m *slackevents.MessageEvent) { m.User = "" })), channels.Inbound{}, false},
		{"own mention", callback("EvM", &slackevents.AppMentionEvent{User: botUser, TimeStamp: "1712345678.123456", Channel: "CACME"}), channels.Inbound{}, false},
		{"edited mention", callback("EvM", &slackevents.AppMentionEvent{User: "UCLIENT", TimeStamp: "1712345678.123456", Channel: "CACME",
			Edited: &slackevents.Edited{User: "UCLIENT", TimeStamp: "1712345999.000000"}}), channels.Inbound{}, false},
		{"reaction to a file", callback("EvR", &slackevents.ReactionAddedEvent{User: "UCLIENT", Reaction: "eyes",
			Item: slackevents.Item{Type: "file"}}), channels.Inbound{}, false},
		{"own reaction", callback("EvR", &slackevents.ReactionAddedEvent{User: botUser, Reaction: "eyes",
			Item: slackevents.Item{Type: "message", Channel: "CACME", Timestamp: "1712340000.000100"}}), channels.Inbound{}, false},
		{"other event type", callback("EvX", &slackevents.ChannelCreatedEvent{Type: "channel_created"}), channels.Inbound{}, false},
		{"nil inner event", callback("EvX", (*slackevents.MessageEvent)(nil)), channels.Inbound{}, false},
		{"url verification", slackevents.EventsAPIEvent{Type: slackevents.URLVerification,
			Data: &slackevents.EventsAPIURLVerificationEvent{Challenge: "x"}}, channels.Inbound{}, false},
		{"zero value", slackevents.EventsAPIEvent{}, channels.Inbound{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := FromEvent(tc.ev, botUser)
			if ok != tc.wantOK {
				t.Fatalf("ok = %v, want %v", ok, tc.wantOK)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
			if n := utf8.RuneCountInString(got.Text); !utf8.ValidString(got.Text) || n > channels.MaxTextChars {
				t.Errorf("text not clean: %d characters, valid %v", n, utf8.ValidString(got.Text))
			}
		})
	}
}

// TestFromEventParsed runs real payloads through slackevents.ParseEvent, so
// the types FromEvent switches on are the ones slack-go really produces.
func TestFromEventParsed(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		want   channels.Inbound
		wantOK bool
	}{
		{"file share", `{"type":"event_callback","event_id":"Ev9","event_time":1712345000,"event":{
			"type":"message","subtype":"file_share","user":"UCLIENT","text":"mirá","ts":"1712345678.123456",
			"channel":"CACME","files":[{"id":"F1","name":"error.png","mimetype":"image/png","size":2048,
			"permalink":"https://acme.slack.com/files/UCLIENT/F1/error.png"}]}}`,
			channels.Inbound{Platform: channels.Slack, Kind: channels.KindMessage, EventID: "Ev9",
				MessageID: "1712345678.123456", Channel: "CACME", UserID: "UCLIENT", Text: "mirá", Media: "file", At: tsTime,
				Files: []ticketing.Attachment{{Name: "error.png", MIME: "image/png", Kind: ticketing.FileImage, Size: 2048,
					Source: ticketing.PlatformSlack, Ref: "F1", Link: "https://acme.slack.com/files/UCLIENT/F1/error.png"}}}, true},
		{"changed without an edit (a thread reply, a preview)", `{"type":"event_callback","event_id":"Ev10","event":{"type":"message","subtype":"message_changed",
			"channel":"CACME","ts":"1712345679.000001","message":{"type":"message","user":"UCLIENT","text":"nuevo","ts":"1712345678.123456"}}}`,
			channels.Inbound{}, false},
		{"edit", `{"type":"event_callback","event_id":"Ev12","event_time":1712345000,"event":{"type":"message","subtype":"message_changed","hidden":true,
			"channel":"CACME","ts":"1712345999.000002","message":{"type":"message","user":"UCLIENT","text":"no marca, cola ventas","ts":"1712345678.123456",
			"edited":{"user":"UCLIENT","ts":"1712345999.000000"}},"previous_message":{"type":"message","user":"UCLIENT","text":"no marca","ts":"1712345678.123456"}}}`,
			channels.Inbound{Platform: channels.Slack, Kind: channels.KindEdit, EventID: "Ev12", MessageID: "1712345678.123456",
				Channel: "CACME", UserID: "UCLIENT", Text: "no marca, cola ventas", At: time.Unix(1712345999, 0).UTC()}, true},
		{"edit of a thread reply", `{"type":"event_callback","event_id":"Ev13","event":{"type":"message","subtype":"message_changed",
			"channel":"CACME","ts":"1712345999.000002","message":{"type":"message","user":"UCLIENT","text":"b","ts":"1712345678.123456","thread_ts":"1712340000.000100",
			"edited":{"user":"UCLIENT","ts":"1712345999.000000"}},"previous_message":{"type":"message","user":"UCLIENT","text":"a","ts":"1712345678.123456"}}}`,
			channels.Inbound{Platform: channels.Slack, Kind: channels.KindEdit, EventID: "Ev13", MessageID: "1712345678.123456",
				Channel: "CACME", ThreadTS: "1712340000.000100", UserID: "UCLIENT", Text: "b", At: time.Unix(1712345999, 0).UTC()}, true},
		{"edit keeping the text", `{"type":"event_callback","event_id":"Ev14","event":{"type":"message","subtype":"message_changed",
			"channel":"CACME","ts":"1712345999.000002","message":{"type":"message","user":"UCLIENT","text":"a","ts":"1712345678.123456",
			"edited":{"user":"UCLIENT","ts":"1712345999.000000"}},"previous_message":{"type":"message","user":"UCLIENT","text":"a","ts":"1712345678.123456"}}}`,
			channels.Inbound{}, false},
		{"edit of the bot's own message", `{"type":"event_callback","event_id":"Ev15","event":{"type":"message","subtype":"message_changed",
			"channel":"CACME","ts":"1712345999.000002","message":{"type":"message","user":"` + botUser + `","text":"b","ts":"1712345678.123456",
			"edited":{"user":"` + botUser + `","ts":"1712345999.000000"}},"previous_message":{"type":"message","user":"` + botUser + `","text":"a"}}}`,
			channels.Inbound{}, false},
		{"delete", `{"type":"event_callback","event_id":"Ev16","event":{"type":"message","subtype":"message_deleted","hidden":true,
			"channel":"CACME","ts":"1712345999.000002","deleted_ts":"1712345678.123456",
			"previous_message":{"type":"message","user":"UCLIENT","text":"canal equivocado","ts":"1712345678.123456"}}}`,
			channels.Inbound{Platform: channels.Slack, Kind: channels.KindDelete, EventID: "Ev16", MessageID: "1712345678.123456",
				Channel: "CACME", UserID: "UCLIENT", At: time.Unix(1712345999, 2000).UTC()}, true},
		{"delete of a bot post", `{"type":"event_callback","event_id":"Ev17","event":{"type":"message","subtype":"message_deleted",
			"channel":"CACME","ts":"1712345999.000002","deleted_ts":"1712345678.123456",
			"previous_message":{"type":"message","bot_id":"B1","text":"hola","ts":"1712345678.123456"}}}`,
			channels.Inbound{}, false},
		{"reaction", `{"type":"event_callback","event_id":"Ev11","event":{"type":"reaction_added","user":"UCLIENT",
			"reaction":"+1","item":{"type":"message","channel":"CACME","ts":"1712340000.000100"},"event_ts":"1712345678.123456"}}`,
			channels.Inbound{Platform: channels.Slack, Kind: channels.KindReaction, EventID: "Ev11", MessageID: "1712340000.000100",
				Channel: "CACME", ThreadTS: "1712340000.000100", UserID: "UCLIENT", Reaction: "+1", At: tsTime}, true},
		{"home tab opened", `{"type":"event_callback","event_id":"Ev18","event":{"type":"app_home_opened","user":"UFOCAL",
			"channel":"DFOCAL","tab":"home","event_ts":"1712345678.123456"}}`,
			channels.Inbound{Platform: channels.Slack, Kind: channels.KindHomeOpened, EventID: "Ev18", UserID: "UFOCAL", At: tsTime}, true},
		{"messages tab opened", `{"type":"event_callback","event_id":"Ev19","event":{"type":"app_home_opened","user":"UFOCAL",
			"channel":"DFOCAL","tab":"messages","event_ts":"1712345678.123456"}}`,
			channels.Inbound{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ev, err := slackevents.ParseEvent(json.RawMessage(tc.body), slackevents.OptionNoVerifyToken())
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			got, ok := FromEvent(ev, botUser)
			if ok != tc.wantOK || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v, %v\nwant %+v, %v", got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

func TestFromSlashCommand(t *testing.T) {
	at := time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		cmd  slack.SlashCommand
		want channels.Inbound
	}{
		{"command", slack.SlashCommand{Command: "/soporte", Text: "estado 42", UserID: "UAGENT", UserName: "ana",
			ChannelID: "CACME", ResponseURL: "https://hooks.slack.com/commands/1", TriggerID: "123.456.abc"},
			channels.Inbound{Platform: channels.Slack, Kind: channels.KindCommand, EventID: "cmd:123.456.abc",
				Channel: "CACME", UserID: "UAGENT", UserName: "ana", Command: "/soporte", Text: "estado 42",
				ResponseURL: "https://hooks.slack.com/commands/1", At: at}},
		{"no trigger id leaves the event id empty", slack.SlashCommand{Command: "/soporte", UserID: "UAGENT", ChannelID: "CACME", Text: "\xffhola"},
			channels.Inbound{Platform: channels.Slack, Kind: channels.KindCommand, Channel: "CACME", UserID: "UAGENT",
				Command: "/soporte", Text: "\uFFFDhola", At: at}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := FromSlashCommand(tc.cmd, at); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func blockActions(mod func(*slack.InteractionCallback)) slack.InteractionCallback {
	cb := slack.InteractionCallback{
		Type:        slack.InteractionTypeBlockActions,
		TriggerID:   "999.888.xyz",
		ResponseURL: "https://hooks.slack.com/actions/1",
		User:        slack.User{ID: "UCLIENT", Name: "cliente"},
		Container:   slack.Container{Type: "message", MessageTs: "1712345700.000200", ChannelID: "CACME"},
		ActionCallback: slack.ActionCallbacks{BlockActions: []*slack.BlockAction{
			{ActionID: "ticket_kind", BlockID: "b1", Value: "42:incidente", ActionTs: "1712345701.000000"},
			{ActionID: "ticket_kind#2", BlockID: "b1", Value: "42:consulta"},
		}},
	}
	cb.Channel.ID = "CACME"
	cb.Message.Timestamp = "1712345700.000200"
	cb.Message.ThreadTimestamp = "1712340000.000100"
	if mod != nil {
		mod(&cb)
	}
	return cb
}

func TestFromInteraction(t *testing.T) {
	at := time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC)
	base := channels.Inbound{
		Platform: channels.Slack, Kind: channels.KindAction, EventID: "act:999.888.xyz",
		MessageID: "1712345700.000200", Channel: "CACME", ThreadTS: "1712340000.000100",
		UserID: "UCLIENT", UserName: "cliente", ResponseURL: "https://hooks.slack.com/actions/1",
		ActionID: "ticket_kind", ActionValue: "42:incidente", At: at,
	}
	with := func(mod func(*channels.Inbound)) channels.Inbound {
		in := base
		mod(&in)
		return in
	}
	tests := []struct {
		name   string
		cb     slack.InteractionCallback
		want   channels.Inbound
		wantOK bool
	}{
		{"button press", blockActions(nil), base, true},
		{"repeated action id suffix dropped", blockActions(func(cb *slack.InteractionCallback) {
			cb.ActionCallback.BlockActions = cb.ActionCallback.BlockActions[1:]
		}), with(func(in *channels.Inbound) { in.ActionValue = "42:consulta" }), true},
		{"no trigger id uses action ts", blockActions(func(cb *slack.InteractionCallback) { cb.TriggerID = "" }),
			with(func(in *channels.Inbound) { in.EventID = "act:1712345701.000000" }), true},
		{"ephemeral message: container only", blockActions(func(cb *slack.InteractionCallback) {
			cb.Message = slack.Message{}
			cb.Channel = slack.Channel{}
			cb.Container.ThreadTs = "1712340000.000100"
		}), base, true},
		{"view submission ignored", blockActions(func(cb *slack.InteractionCallback) { cb.Type = slack.InteractionTypeViewSubmission }),
			channels.Inbound{}, false},
		{"no actions", blockActions(func(cb *slack.InteractionCallback) { cb.ActionCallback = slack.ActionCallbacks{} }),
			channels.Inbound{}, false},
		{"nil action", blockActions(func(cb *slack.InteractionCallback) {
			cb.ActionCallback = slack.ActionCallbacks{BlockActions: []*slack.BlockAction{nil}}
		}), channels.Inbound{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := FromInteraction(tc.cb, at)
			if ok != tc.wantOK || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v, %v\nwant %+v, %v", got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

func TestMessageOptionsValues(t *testing.T) {
	tests := []struct {
		name       string
		item       ticketing.OutboxItem
		wantText   string
		wantThread string
	}{
		{"post in thread", ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CACME", Thread: "1.2"}, Mode: ticketing.ModePost, Text: "Ticket #42 <@UFOCAL>"},
			"Ticket #42 <@UFOCAL>", "1.2"},
		{"top-level post", ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CACME"}, Mode: ticketing.ModePost, Text: "hola"}, "hola", ""},
		{"update ignores thread", ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CACME", Thread: "1.2"}, Mode: ticketing.ModeUpdate, EditRef: "3.4", Text: "listo"},
			"listo", ""},
		{"invalid utf-8 repaired", ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "CACME"}, Mode: ticketing.ModePost, Text: "a\xffb"}, "a\uFFFDb", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, values, err := slack.UnsafeApplyMsgOptions("xoxb", tc.item.To.Address, "http://slack.invalid/", MessageOptions(tc.item)...)
			if err != nil {
				t.Fatal(err)
			}
			if got := values.Get("text"); got != tc.wantText {
				t.Errorf("text = %q, want %q", got, tc.wantText)
			}
			if got := values.Get("thread_ts"); got != tc.wantThread {
				t.Errorf("thread_ts = %q, want %q", got, tc.wantThread)
			}
		})
	}
}

// wireBlock is the JSON Slack receives, decoded loosely so the test reads
// what goes on the wire rather than slack-go's types.
type wireBlock struct {
	Type string `json:"type"`
	Text *struct {
		Type string `json:"type"`
		Text string `json:"text"`
	} `json:"text"`
	Elements []struct {
		Type     string `json:"type"`
		ActionID string `json:"action_id"`
		Value    string `json:"value"`
		Style    string `json:"style"`
		Text     struct {
			Type string `json:"type"`
			Text string `json:"text"`
		} `json:"text"`
	} `json:"elements"`
}

func decodeBlocks(t *testing.T, blocks []slack.Block) []wireBlock {
	t.Helper()
	b, err := json.Marshal(blocks)
	if err != nil {
		t.Fatal(err)
	}
	var out []wireBlock
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestButtonBlocks(t *testing.T) {
	buttons := []ticketing.Button{
		{ActionID: "ticket_kind", Label: "Incidente", Value: "42:incidente", Style: "primary"},
		{ActionID: "ticket_kind", Label: "Consulta", Value: "42:consulta"},
		{ActionID: "ticket_kind", Label: "Crítico", Value: "42:incidente_critico", Style: "danger"},
		{ActionID: "ticket_take", Label: strings.Repeat("x", 100), Value: "42"},
	}
	got := decodeBlocks(t, buttonBlocks("¿Qué es?", buttons))
	if len(got) != 2 {
		t.Fatalf("got %d blocks, want section + actions", len(got))
	}
	if got[0].Type != "section" || got[0].Text == nil || got[0].Text.Type != "mrkdwn" || got[0].Text.Text != "¿Qué es?" {
		t.Errorf("section = %+v", got[0])
	}
	if got[1].Type != "actions" || len(got[1].Elements) != 4 {
		t.Fatalf("actions = %+v", got[1])
	}
	wantIDs := []string{"ticket_kind", "ticket_kind#2", "ticket_kind#3", "ticket_take"}
	wantStyles := []string{"primary", "", "danger", ""}
	for i, e := range got[1].Elements {
		if e.Type != "button" || e.ActionID != wantIDs[i] || e.Style != wantStyles[i] || e.Value != buttons[i].Value || e.Text.Type != "plain_text" {
			t.Errorf("button %d = %+v", i, e)
		}
		if baseActionID(e.ActionID) != buttons[i].ActionID {
			t.Errorf("button %d: %q does not map back to %q", i, e.ActionID, buttons[i].ActionID)
		}
	}
	if n := utf8.RuneCountInString(got[1].Elements[3].Text.Text); n != maxButtonLabel {
		t.Errorf("long label has %d characters, want %d", n, maxButtonLabel)
	}

	// A text longer than a section allows is spread over several sections.
	long := strings.Repeat("línea de texto\n", 400) // 6000 characters
	got = decodeBlocks(t, buttonBlocks(long, buttons[:1]))
	var joined strings.Builder
	for _, b := range got[:len(got)-1] {
		if n := utf8.RuneCountInString(b.Text.Text); n > maxSectionText {
			t.Errorf("section of %d characters", n)
		}
		joined.WriteString(b.Text.Text)
	}
	if joined.String() != long {
		t.Error("split text does not add up to the original")
	}
}

func TestBaseActionID(t *testing.T) {
	for in, want := range map[string]string{
		"ticket_kind": "ticket_kind", "ticket_kind#2": "ticket_kind", "ticket_kind#x": "ticket_kind#x",
		"#2": "#2", "a#": "a#", "": "",
	} {
		if got := baseActionID(in); got != want {
			t.Errorf("baseActionID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseTS(t *testing.T) {
	tests := []struct {
		ts     string
		want   time.Time
		wantOK bool
	}{
		{"1712345678.123456", tsTime, true},
		{"1712345678", time.Unix(1712345678, 0).UTC(), true},
		{"1712345678.5", time.Unix(1712345678, 500000000).UTC(), true},
		{"", time.Time{}, false},
		{"abc.def", time.Time{}, false},
		{"1712345678.-1", time.Time{}, false},
		{"-5.0", time.Time{}, false},
		{"99999999999999999999.1", time.Time{}, false},
	}
	for _, tc := range tests {
		got, ok := parseTS(tc.ts)
		if ok != tc.wantOK || !got.Equal(tc.want) {
			t.Errorf("parseTS(%q) = %v, %v; want %v, %v", tc.ts, got, ok, tc.want, tc.wantOK)
		}
	}
}
