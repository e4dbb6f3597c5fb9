package app

import (
	"context"
	"strings"

	slackchannel "supportbot/channels/slack"
)

// slackOrigin is the installation Slack requests must come from: the bot
// token's own workspace, plus slack.team_id (a workspace T…, or an Enterprise
// Grid organization E… whose every workspace counts), and the app of
// slack.app_id or, failing that, the one Slack reports for the bot.
func (a *App) slackOrigin(ctx context.Context, id slackchannel.Identity) slackchannel.Origin {
	var o slackchannel.Origin
	switch {
	case id.TeamID != "":
		o.Teams = append(o.Teams, id.TeamID)
	case id.EnterpriseID != "":
		// An org-wide install belongs to the organization, not a workspace.
		o.Enterprises = append(o.Enterprises, id.EnterpriseID)
	}
	switch extra := a.cfg.Slack.TeamID; {
	case strings.HasPrefix(extra, "E"):
		o.Enterprises = append(o.Enterprises, extra)
	case extra != "":
		o.Teams = append(o.Teams, extra)
	}
	if len(o.Teams) == 0 && len(o.Enterprises) == 0 {
		a.log.Warn("slack auth.test named no workspace: requests from any workspace are accepted; set slack.team_id")
	}
	o.AppID = a.cfg.Slack.AppID
	if o.AppID == "" && id.BotID != "" {
		app, err := slackchannel.AppOfBot(ctx, a.slackClient, id.BotID)
		if err != nil {
			a.log.Warn("slack app id unknown: api_app_id of requests is not checked; set slack.app_id", "err", err)
		}
		o.AppID = app
	}
	return o
}
