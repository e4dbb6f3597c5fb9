package playground

import (
	"encoding/json"
	"fmt"
	"strings"

	"supportbot/channels"
	"supportbot/channels/slack/slackfake"
	whatsappchannel "supportbot/channels/whatsapp"
)

// The transcript is what the fake Web API recorded and what the stand-in
// phone received: the page shows the bot's own calls, not a copy of them.

// slackPost keeps a message the workspace accepted, with its ts.
func (p *Playground) slackPost(c slackfake.Call) {
	p.feed.add(Post{Time: p.clock.Now(), Where: c.Form.Get("channel"), Thread: c.Form.Get("thread_ts"), TS: c.TS,
		Who: botWho, Text: c.Form.Get("text"), Buttons: blockButtons(c.Form.Get("blocks")), Kind: "message"})
}

// slackCall keeps the other Web API calls people would see.
func (p *Playground) slackCall(c slackfake.Call) {
	switch c.Method {
	case "chat.update":
		channel, ts := c.Form.Get("channel"), c.Form.Get("ts")
		p.feed.change(func(q *Post) bool { return q.Where == channel && q.TS == ts }, func(q *Post) {
			q.Text, q.Buttons = c.Form.Get("text"), blockButtons(c.Form.Get("blocks"))
		})
	case "chat.postEphemeral":
		p.feed.add(Post{Time: p.clock.Now(), Where: c.Form.Get("channel"), Thread: c.Form.Get("thread_ts"), Who: botWho,
			Text: c.Form.Get("text"), Buttons: blockButtons(c.Form.Get("blocks")), Kind: "ephemeral", For: c.Form.Get("user")})
	case "files.completeUploadExternal":
		text := strings.TrimSpace(c.Form.Get("initial_comment") + "\n" + slackfake.UploadedNames(c))
		p.feed.add(Post{Time: p.clock.Now(), Where: c.Form.Get("channel_id"), Thread: c.Form.Get("thread_ts"), Who: botWho,
			Text: text, Kind: "file"})
	case "views.publish":
		p.publishHome(c.Form.Get("user_id"), c.Form.Get("view"))
	}
}

// publishHome keeps one Home per person: the latest view replaces it.
func (p *Playground) publishHome(user, view string) {
	where := "home:" + user
	text, buttons := homeBlocks(view)
	edit := func(q *Post) { q.Time, q.Text, q.Buttons = p.clock.Now(), text, buttons }
	if !p.feed.change(func(q *Post) bool { return q.Where == where }, edit) {
		p.feed.add(Post{Time: p.clock.Now(), Where: where, Who: botWho, Text: text, Buttons: buttons, Kind: "home"})
	}
}

// phoneReceived keeps what the stand-in phone delivered to a contact.
func (p *Playground) phoneReceived(m whatsappchannel.SentMessage) {
	text := m.Text
	kind := "message"
	if m.Kind != "" {
		kind = "file"
		text = strings.TrimSpace(text + fmt.Sprintf("\n📎 %s (%s, %s)", m.FileName, m.MIME, channels.SizeText(m.Size)))
	}
	p.feed.add(Post{Time: p.clock.Now(), Where: m.To, Who: botWho, Text: text, Kind: kind})
}

// block is the part of Block Kit the page shows.
type block struct {
	Type string `json:"type"`
	Text *struct {
		Text string `json:"text"`
	} `json:"text"`
	BlockID  string `json:"block_id"`
	Elements []struct {
		Type     string          `json:"type"`
		ActionID string          `json:"action_id"`
		Value    string          `json:"value"`
		Text     json.RawMessage `json:"text"`
	} `json:"elements"`
}

// elementText reads an element's text, a string or a text object.
func elementText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var obj struct {
		Text string `json:"text"`
	}
	_ = json.Unmarshal(raw, &obj)
	return obj.Text
}

func buttonsOf(bs []block) []Button {
	var out []Button
	for _, b := range bs {
		for _, e := range b.Elements {
			if e.Type == "button" {
				out = append(out, Button{ActionID: e.ActionID, BlockID: b.BlockID, Value: e.Value, Label: elementText(e.Text)})
			}
		}
	}
	return out
}

// blockButtons are the buttons of a message's blocks.
func blockButtons(blocks string) []Button {
	var bs []block
	if blocks == "" || json.Unmarshal([]byte(blocks), &bs) != nil {
		return nil
	}
	return buttonsOf(bs)
}

// homeBlocks renders a Home view as mrkdwn lines (titles in bold, a rule
// between sections) and its buttons.
func homeBlocks(view string) (string, []Button) {
	var v struct {
		Blocks []block `json:"blocks"`
	}
	if json.Unmarshal([]byte(view), &v) != nil {
		return "", nil
	}
	var lines []string
	var buttons []Button
	for _, b := range v.Blocks {
		// A Home offers buttons per ticket: each keeps its place under the
		// lines it acts on.
		for _, btn := range buttonsOf([]block{b}) {
			btn.Line = lineCount(lines)
			buttons = append(buttons, btn)
		}
		switch b.Type {
		case "header":
			if b.Text != nil {
				lines = append(lines, "*"+b.Text.Text+"*")
			}
		case "divider":
			lines = append(lines, "──────")
		case "section":
			if b.Text != nil {
				lines = append(lines, b.Text.Text)
			}
		case "context":
			var parts []string
			for _, e := range b.Elements {
				parts = append(parts, elementText(e.Text))
			}
			lines = append(lines, strings.Join(parts, " "))
		}
	}
	return strings.Join(lines, "\n"), buttons
}

// lineCount is how many text lines lines make once joined.
func lineCount(lines []string) int {
	if len(lines) == 0 {
		return 0
	}
	return strings.Count(strings.Join(lines, "\n"), "\n") + 1
}
