package slackchannel

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"supportbot/channels"
	"supportbot/ticketing"
)

// A Home view drawn as Block Kit: client text escaped, the bot's link and
// buttons kept, and within Slack's limits however long the view.
func TestHomeViewRequest(t *testing.T) {
	view := channels.HomeView{Blocks: []channels.HomeBlock{
		{Kind: channels.HomeHeader, Text: strings.Repeat("título ", 40)},
		{Kind: channels.HomeSection, Text: "*#7* · " + ticketing.Quoted("<!channel> caído <https://x.test|acá>"),
			Link: "https://acme.slack.com/archives/C1/p1712345678123456", LinkLabel: "ver hilo",
			Buttons: []ticketing.Button{{ActionID: "ticket_take", Label: "Tomar", Value: "7", Style: "primary"}}},
		{Kind: channels.HomeDivider},
		{Kind: channels.HomeContext, Text: "nada más"},
	}}
	for range 120 {
		view.Blocks = append(view.Blocks, channels.HomeBlock{Kind: channels.HomeSection, Text: "línea"})
	}
	req := HomeViewRequest(view)
	if got := len(req.Blocks.BlockSet); got != maxViewBlocks {
		t.Errorf("blocks = %d, want Slack's cap %d", got, maxViewBlocks)
	}
	b, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	var decoded struct {
		Type   string `json:"type"`
		Blocks []struct {
			Type string `json:"type"`
			Text *struct {
				Text string `json:"text"`
			} `json:"text"`
			Elements []struct {
				ActionID string `json:"action_id"`
				Value    string `json:"value"`
			} `json:"elements"`
		} `json:"blocks"`
	}
	if err := json.Unmarshal(b, &decoded); err != nil {
		t.Fatal(err)
	}
	bl := decoded.Blocks
	tests := []struct{ name, got, want string }{
		{"view type", decoded.Type, "home"},
		{"header", bl[0].Type, "header"},
		{"header length", fmt.Sprint(len([]rune(bl[0].Text.Text))), fmt.Sprint(maxHeaderText)},
		{"section", bl[1].Text.Text, "*#7* · &lt;!channel&gt; caído &lt;https://x.test|acá&gt; · <https://acme.slack.com/archives/C1/p1712345678123456|ver hilo>"},
		{"buttons", bl[2].Type + " " + bl[2].Elements[0].ActionID + " " + bl[2].Elements[0].Value, "actions ticket_take 7"},
		{"divider", bl[3].Type, "divider"},
		{"context", bl[4].Type, "context"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}
