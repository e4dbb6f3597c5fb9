package demo

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"time"

	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// ANSI styles for the transcript on a terminal.
const (
	styleReset    = "\x1b[0m"
	styleDim      = "\x1b[2m"
	styleBold     = "\x1b[1m"
	styleClient   = "\x1b[36m"
	styleBot      = "\x1b[32m"
	styleStaff    = "\x1b[33m"
	styleAlert    = "\x1b[31m"
	styleNarrator = "\x1b[35;1m"
)

var weekdayShort = [...]string{"dom", "lun", "mar", "mié", "jue", "vie", "sáb"}

// transcript prints what happens in the demo, stamped with the simulated
// local time, one readable line (and indented continuation lines) each.
type transcript struct {
	w     io.Writer
	color bool
	loc   *time.Location
	clock ticketing.Clock
	// names shows ids as people and channels ("U0FOCALAR" → "Lucía Fernández").
	names map[string]string
	// desk is the service desk channel, whose alerts stand out.
	desk string

	mu      sync.Mutex
	lastDay string
}

var slackUserMention = regexp.MustCompile(`<@([A-Z0-9]+)>`)

func (t *transcript) paint(style, s string) string {
	if !t.color || style == "" {
		return s
	}
	return style + s + styleReset
}

func (t *transcript) name(id string) string {
	if n, ok := t.names[id]; ok {
		return n
	}
	return id
}

// readable turns Slack markup into what a person would see.
func (t *transcript) readable(text string) string {
	return slackUserMention.ReplaceAllStringFunc(text, func(m string) string {
		return "@" + t.name(m[2:len(m)-1])
	})
}

// line prints who said what, under a day header when the day changed.
func (t *transcript) line(style, who, text string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.clock.Now().In(t.loc)
	day := fmt.Sprintf("%s %s", weekdayShort[now.Weekday()], now.Format("02/01/2006"))
	if day != t.lastDay {
		t.lastDay = day
		fmt.Fprintf(t.w, "\n%s\n", t.paint(styleBold, "── "+day+" ──"))
	}
	lines := strings.Split(strings.TrimRight(t.readable(text), "\n"), "\n")
	fmt.Fprintf(t.w, "%s %s %s\n", t.paint(styleDim, now.Format("15:04")), t.paint(style, who), lines[0])
	for _, l := range lines[1:] {
		fmt.Fprintf(t.w, "      %s\n", l)
	}
}

func (t *transcript) narrate(text string) {
	t.mu.Lock()
	fmt.Fprintf(t.w, "\n%s\n", t.paint(styleNarrator, "» "+text))
	t.mu.Unlock()
}

// slackCall shows a Web API call the bot made.
func (t *transcript) slackCall(c slackfake.Call) {
	ch := c.Form.Get("channel")
	if c.Method == "files.completeUploadExternal" {
		ch = c.Form.Get("channel_id")
	}
	where := t.name(ch)
	if strings.HasPrefix(ch, "D") {
		where = "DM a " + t.name(strings.TrimPrefix(ch, "D"))
	}
	if c.Form.Get("thread_ts") != "" {
		where += " (hilo)"
	}
	style := styleBot
	if ch == t.desk {
		style = styleAlert
	}
	text := c.Form.Get("text") + buttonLabels(c.Form.Get("blocks"))
	switch c.Method {
	case "chat.postMessage":
		t.line(style, "🤖 → "+where+":", text)
	case "chat.postEphemeral":
		t.line(style, "🤖 → "+where+", solo para "+t.name(c.Form.Get("user"))+":", text)
	case "chat.update":
		t.line(style, "🤖 ✎ "+where+":", text)
	case "files.completeUploadExternal":
		t.line(style, "🤖 📎 → "+where+":", strings.TrimSpace(c.Form.Get("initial_comment")+"\n"+slackfake.UploadedNames(c)))
	case "views.publish":
		t.line(styleBot, "🤖 🏠 Inicio de "+t.name(c.Form.Get("user_id"))+":", homeText(c.Form.Get("view")))
	}
}

var slackLink = regexp.MustCompile(`<(https?://[^|>]+)\|([^>]+)>`)

// homeText renders a published Home view as lines: titles in bold, a rule
// between sections, links by their label and buttons as "[Tomar]".
func homeText(view string) string {
	var v struct {
		Blocks []struct {
			Type string `json:"type"`
			Text *struct {
				Text string `json:"text"`
			} `json:"text"`
			Elements []struct {
				Type string          `json:"type"`
				Text json.RawMessage `json:"text"`
			} `json:"elements"`
		} `json:"blocks"`
	}
	if json.Unmarshal([]byte(view), &v) != nil {
		return view
	}
	var out []string
	for _, b := range v.Blocks {
		switch b.Type {
		case "header":
			out = append(out, "*"+b.Text.Text+"*")
		case "divider":
			out = append(out, "──")
		case "section":
			out = append(out, slackLink.ReplaceAllString(b.Text.Text, "[$2]"))
		case "context", "actions":
			var parts []string
			for _, e := range b.Elements {
				var text string
				var obj struct {
					Text string `json:"text"`
				}
				if json.Unmarshal(e.Text, &text) != nil && json.Unmarshal(e.Text, &obj) == nil {
					text = obj.Text
				}
				if e.Type == "button" {
					text = "[" + text + "]"
				}
				parts = append(parts, text)
			}
			out = append(out, strings.Join(parts, " "))
		}
	}
	return strings.Join(out, "\n")
}

// buttonLabels renders the buttons of a message's blocks as "[Tomar]".
func buttonLabels(blocks string) string {
	if blocks == "" {
		return ""
	}
	var bs []struct {
		Elements []struct {
			Type string `json:"type"`
			Text struct {
				Text string `json:"text"`
			} `json:"text"`
		} `json:"elements"`
	}
	if json.Unmarshal([]byte(blocks), &bs) != nil {
		return ""
	}
	var labels []string
	for _, b := range bs {
		for _, e := range b.Elements {
			if e.Type == "button" {
				labels = append(labels, "["+e.Text.Text+"]")
			}
		}
	}
	if len(labels) == 0 {
		return ""
	}
	return "\n" + strings.Join(labels, " ")
}
