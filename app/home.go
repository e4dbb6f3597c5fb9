package app

import (
	"context"

	"supportbot/channels"
	slackchannel "supportbot/channels/slack"
	"supportbot/report"
	"supportbot/ticketing"
)

// slackHome publishes Home views through the Slack client, which exists
// only once the bot token is checked, after the bot is built.
type slackHome struct{ a *App }

var _ channels.HomePublisher = slackHome{}

func (s slackHome) PublishHome(ctx context.Context, userID string, view channels.HomeView) error {
	if s.a.slackClient == nil {
		return channels.ErrNotConnected
	}
	return slackchannel.NewHomePublisher(s.a.slackClient).PublishHome(ctx, userID, view)
}

// threadLink is a Slack thread's permalink in the workspace's own address,
// the form the monthly report links with.
func (a *App) threadLink(c ticketing.Conversation) string {
	base := a.slackURL
	if base == "" || report.CheckSlackURL(base) != nil {
		base = report.DefaultSlackURL
	}
	return report.ThreadLink(base, c.Address, c.Thread)
}
