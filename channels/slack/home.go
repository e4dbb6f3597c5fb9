package slackchannel

import (
	"context"
	"fmt"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"supportbot/channels"
)

// Block Kit limits of a Home tab view.
const (
	maxViewBlocks = 100
	maxHeaderText = 150
)

// fromHomeOpened reads app_home_opened. Only the Home tab owes a view: the
// Messages and About tabs send the event too.
func fromHomeOpened(e slackevents.AppHomeOpenedEvent, eventID string, eventTime int) (channels.Inbound, bool) {
	if e.User == "" || (e.Tab != "" && e.Tab != "home") {
		return channels.Inbound{}, false
	}
	return channels.Inbound{
		Platform: channels.Slack, Kind: channels.KindHomeOpened, EventID: eventID,
		UserID: e.User, At: eventAt(e.EventTimeStamp, eventTime),
	}, true
}

// HomePublisher publishes Home views with views.publish.
type HomePublisher struct{ client *slack.Client }

var _ channels.HomePublisher = (*HomePublisher)(nil)

// NewHomePublisher wraps a Web API client built with the bot token.
func NewHomePublisher(client *slack.Client) *HomePublisher { return &HomePublisher{client: client} }

// PublishHome replaces userID's Home tab with view.
func (p *HomePublisher) PublishHome(ctx context.Context, userID string, view channels.HomeView) error {
	_, err := p.client.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: userID, View: HomeViewRequest(view)})
	if err != nil {
		return classify("views.publish", err)
	}
	return nil
}

// HomeViewRequest draws a Home view as Block Kit, within Slack's limits: a
// view that breaks one is refused whole.
func HomeViewRequest(view channels.HomeView) slack.HomeTabViewRequest {
	var blocks []slack.Block
	for _, b := range view.Blocks {
		blocks = append(blocks, homeBlocks(b)...)
	}
	if len(blocks) > maxViewBlocks {
		blocks = blocks[:maxViewBlocks]
	}
	return slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}
}

func homeBlocks(b channels.HomeBlock) []slack.Block {
	switch b.Kind {
	case channels.HomeDivider:
		return []slack.Block{slack.NewDividerBlock()}
	case channels.HomeHeader:
		text := capRunes(cleanText(b.Text), maxHeaderText)
		return []slack.Block{slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, text, true, false))}
	case channels.HomeContext:
		text := capRunes(RenderText(cleanText(b.Text)), maxSectionText)
		return []slack.Block{slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, text, false, false))}
	}
	text := RenderText(cleanText(b.Text))
	if b.Link != "" {
		// The link is the bot's own (a permalink it built from stored ids);
		// its label is the bot's words.
		text += fmt.Sprintf(" · <%s|%s>", b.Link, escapeText(b.LinkLabel))
	}
	if len(b.Buttons) > 0 {
		return buttonBlocks(text, b.Buttons)
	}
	var out []slack.Block
	for _, part := range splitText(text, maxSectionText) {
		out = append(out, slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, part, false, false), nil, nil))
	}
	return out
}
