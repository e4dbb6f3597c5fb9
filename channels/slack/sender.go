package slackchannel

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/slack-go/slack"

	"supportbot/channels"
	"supportbot/ticketing"
)

// permanentErrors are Slack error codes no retry can fix: the outbox should
// give the reply up at once instead of trying for hours.
var permanentErrors = map[string]bool{
	"channel_not_found":   true,
	"not_in_channel":      true,
	"is_archived":         true,
	"msg_too_long":        true,
	"user_not_found":      true,
	"cant_update_message": true,
	"message_not_found":   true,
	"edit_window_closed":  true,
	"user_not_in_channel": true,
	"cannot_dm_bot":       true,
	"user_disabled":       true,
	"invalid_blocks":      true,
	"no_text":             true,
}

// Sender delivers the outbox's Slack replies through the Web API.
type Sender struct {
	client *slack.Client
	// files fetch what a file item carries; tempDir holds it meanwhile.
	files   channels.FileSources
	tempDir string
}

var _ channels.Sender = (*Sender)(nil)

// NewSender wraps a Web API client built with the bot token.
func NewSender(client *slack.Client) *Sender {
	return &Sender{client: client}
}

// WithFiles lets the sender deliver file items, fetching their bytes from
// sources through temporary files in dir (the system's when empty).
func (s *Sender) WithFiles(sources channels.FileSources, dir string) *Sender {
	s.files, s.tempDir = sources, dir
	return s
}

// Send delivers one item and returns the ts of the message it posted or
// updated. Errors are typed for the outbox: *channels.RateLimitError when
// Slack asks to wait, *channels.PermanentError when retrying cannot help.
func (s *Sender) Send(ctx context.Context, item ticketing.OutboxItem) (string, error) {
	if item.To.Platform != ticketing.PlatformSlack {
		return "", &channels.PermanentError{Err: fmt.Errorf("slack sender: item %d is for %q", item.ID, item.To.Platform)}
	}
	if item.To.Address == "" {
		return "", &channels.PermanentError{Err: fmt.Errorf("slack %s item %d: no target", item.Mode, item.ID)}
	}
	if item.File != nil {
		return s.sendFile(ctx, item)
	}
	opts := MessageOptions(item)
	switch item.Mode {
	case ticketing.ModePost:
		_, ts, err := s.client.PostMessageContext(ctx, item.To.Address, opts...)
		if err != nil {
			return "", classify("chat.postMessage", err)
		}
		return ts, nil

	case ticketing.ModeUpdate:
		if item.EditRef == "" {
			return "", &channels.PermanentError{Err: fmt.Errorf("slack update item %d: no message to edit", item.ID)}
		}
		_, ts, _, err := s.client.UpdateMessageContext(ctx, item.To.Address, item.EditRef, opts...)
		if err != nil {
			return "", classify("chat.update", err)
		}
		if ts == "" {
			ts = item.EditRef
		}
		return ts, nil

	case ticketing.ModeEphemeral:
		if item.UserID == "" {
			return "", &channels.PermanentError{Err: fmt.Errorf("slack ephemeral item %d: no user", item.ID)}
		}
		ts, err := s.client.PostEphemeralContext(ctx, item.To.Address, item.UserID, opts...)
		if err != nil {
			return "", classify("chat.postEphemeral", err)
		}
		return ts, nil

	case ticketing.ModeDirect:
		ch, _, _, err := s.client.OpenConversationContext(ctx, &slack.OpenConversationParameters{
			Users: []string{item.To.Address}, ReturnIM: true,
		})
		if err != nil {
			return "", classify("conversations.open", err)
		}
		if ch == nil || ch.ID == "" {
			return "", fmt.Errorf("slack conversations.open for %s: no channel in answer", item.To.Address)
		}
		_, ts, err := s.client.PostMessageContext(ctx, ch.ID, opts...)
		if err != nil {
			return "", classify("chat.postMessage", err)
		}
		return ts, nil
	}
	return "", &channels.PermanentError{Err: fmt.Errorf("slack sender: unknown mode %q for item %d", item.Mode, item.ID)}
}

// classify turns a slack-go error into what the outbox understands.
func classify(method string, err error) error {
	wrapped := fmt.Errorf("slack %s: %w", method, err)
	if rl, ok := errors.AsType[*slack.RateLimitedError](err); ok {
		return &channels.RateLimitError{RetryAfter: rl.RetryAfter, Err: wrapped}
	}
	// A 429 without Retry-After: still a rate limit, the outbox picks the wait.
	if sc, ok := errors.AsType[slack.StatusCodeError](err); ok && sc.Code == http.StatusTooManyRequests {
		return &channels.RateLimitError{Err: wrapped}
	}
	if se, ok := errors.AsType[slack.SlackErrorResponse](err); ok && permanentErrors[se.Err] {
		return &channels.PermanentError{Err: wrapped}
	}
	return wrapped
}
