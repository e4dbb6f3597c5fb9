package slackchannel

import (
	"context"
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

// BotIdentity asks Slack who the bot token belongs to: the bot's user id
// (to ignore its own messages and mentions) and its bot id.
func BotIdentity(ctx context.Context, client *slack.Client) (userID, botID string, err error) {
	resp, err := client.AuthTestContext(ctx)
	if err != nil {
		return "", "", fmt.Errorf("slack auth.test: %w", err)
	}
	return resp.UserID, resp.BotID, nil
}
