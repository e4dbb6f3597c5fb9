package slackchannel

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/slack-go/slack"
)

// NewClient builds the Web API client. apiURL replaces https://slack.com/api/
// (tests, proxies); appToken is needed only for Socket Mode.
func NewClient(botToken, appToken, apiURL string, opts ...slack.Option) *slack.Client {
	var all []slack.Option
	if apiURL != "" {
		// slack-go appends the method name to the URL as is.
		if !strings.HasSuffix(apiURL, "/") {
			apiURL += "/"
		}
		all = append(all, slack.OptionAPIURL(apiURL))
	}
	if appToken != "" {
		all = append(all, slack.OptionAppLevelToken(appToken))
	}
	// The caller's options come last so they can override ours.
	return slack.New(botToken, append(all, opts...)...)
}

// Identity is who the bot token belongs to.
type Identity struct {
	// UserID is the bot's user, whose own messages and mentions are ignored.
	UserID string
	BotID  string
	// TeamID and EnterpriseID are the workspace (and Enterprise Grid
	// organization, if any) the token is installed in.
	TeamID       string
	EnterpriseID string
	// URL is the workspace's address (https://acme.slack.com/), which
	// thread permalinks start with.
	URL string
}

// BotIdentity asks Slack (auth.test) who the bot token belongs to.
func BotIdentity(ctx context.Context, client *slack.Client) (Identity, error) {
	resp, err := client.AuthTestContext(ctx)
	if err != nil {
		return Identity{}, fmt.Errorf("slack auth.test: %w", err)
	}
	return Identity{UserID: resp.UserID, BotID: resp.BotID, TeamID: resp.TeamID, EnterpriseID: resp.EnterpriseID, URL: resp.URL}, nil
}

// AppOfBot asks Slack (bots.info) which app a bot belongs to.
func AppOfBot(ctx context.Context, client *slack.Client, botID string) (string, error) {
	bot, err := client.GetBotInfoContext(ctx, slack.GetBotInfoParameters{Bot: botID})
	if err != nil {
		return "", fmt.Errorf("slack bots.info: %w", err)
	}
	return bot.AppID, nil
}

// refusedToken are Slack's answers to a token that no retry will make work.
var refusedToken = map[string]bool{
	"invalid_auth": true, "not_authed": true, "account_inactive": true, "token_revoked": true,
	"token_expired": true, "not_allowed_token_type": true, "missing_scope": true,
}

// TokenRefused reports whether err is Slack refusing the token itself, as
// opposed to Slack or the network failing for now.
func TokenRefused(err error) bool {
	se, ok := errors.AsType[slack.SlackErrorResponse](err)
	return ok && refusedToken[se.Err]
}
