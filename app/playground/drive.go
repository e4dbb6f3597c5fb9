package playground

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"supportbot/channels/slack/slackfake"
	whatsappchannel "supportbot/channels/whatsapp"
)

// tick is the scheduler's resolution while the clock runs, as in the demo.
const tick = time.Minute

// maxHomeWait is the longest settle lets the clock run for a Home owed.
const maxHomeWait = 10 * time.Second

// maxAdvance bounds one move of the clock, which runs minute by minute
// while the page waits.
const maxAdvance = 31 * 24 * time.Hour

// maxNextWait bounds "until the next event": a quiet desk stops there.
const maxNextWait = 7 * 24 * time.Hour

// ErrInput marks a request the playground refuses: an unknown person or
// place, a button that is not there. The API answers it 400.
var ErrInput = errors.New("bad input")

func inputErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInput, fmt.Sprintf(format, args...))
}

// Say is a message as someone: a Slack user in a channel (or a thread of
// it; a text starting with "/" is a slash command), or a WhatsApp number to
// the bot.
type Say struct {
	As     string `json:"as"`
	Where  string `json:"where"`
	Thread string `json:"thread,omitempty"`
	Text   string `json:"text"`
}

// Say delivers a message the way Slack or WhatsApp would, then lets the
// bot answer: what it owes is delivered before Say returns.
func (p *Playground) Say(ctx context.Context, s Say) error {
	s.Text = strings.TrimSpace(s.Text)
	if s.Text == "" {
		return inputErr("text is empty")
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	var err error
	if strings.HasPrefix(s.As, "+") || strings.HasPrefix(s.Where, "+") {
		err = p.sayWhatsApp(s)
	} else {
		err = p.saySlack(s)
	}
	if err != nil {
		return err
	}
	return p.settle(ctx)
}

func (p *Playground) sayWhatsApp(s Say) error {
	if s.As != s.Where {
		return inputErr("a WhatsApp number writes to the bot: as and where must be the same number (got %q and %q)", s.As, s.Where)
	}
	if !p.world.isPhone(s.As) {
		return inputErr("unknown WhatsApp number %q: use an approved contact or %s", s.As, p.world.Unknown)
	}
	p.seq++
	id := fmt.Sprintf("3EB0PLAY%06d", p.seq)
	p.feed.add(Post{Time: p.clock.Now(), Where: s.As, Who: s.As, Text: s.Text, Kind: "message", TS: id})
	if !p.app.WhatsApp().HandleEvent(whatsappchannel.TextMessage(id, s.As, "", s.Text, p.clock.Now())) {
		return fmt.Errorf("whatsapp message from %s not handled", s.As)
	}
	return nil
}

func (p *Playground) saySlack(s Say) error {
	who, client, ok := p.world.person(s.As)
	if !ok {
		return inputErr("unknown user %q: use a staff member's or a client user's id", s.As)
	}
	if strings.HasPrefix(s.Where, "D") {
		return inputErr("%s is a DM from the bot: the page shows it, nobody writes in it", s.Where)
	}
	if _, isClient := p.world.clientOfChannel(s.Where); !isClient && !p.world.isDesk(s.Where) && !p.seen(s.Where) {
		return inputErr("unknown channel %q", s.Where)
	}
	if client != nil && client.Channel != s.Where {
		return inputErr("%s is a user of %s and writes in %s only", who.ID, client.Name, client.Channel)
	}
	if s.Thread != "" {
		if _, ok := p.feed.find(func(q *Post) bool { return q.Where == s.Where && q.TS == s.Thread }); !ok {
			return inputErr("no message %q in %s to answer in its thread", s.Thread, s.Where)
		}
	}
	if strings.HasPrefix(s.Text, "/") {
		return p.command(s)
	}
	ts := p.nextTS()
	p.feed.add(Post{Time: p.clock.Now(), Where: s.Where, Thread: s.Thread, TS: ts, Who: s.As, Text: s.Text, Kind: "message"})
	p.seq++
	body := slackfake.EventBody(fmt.Sprintf("EvPlay%06d", p.seq), p.clock.Now().Unix(),
		slackfake.Message{Channel: s.Where, User: s.As, TS: ts, ThreadTS: s.Thread, Text: s.Text}.Event())
	if status, out := p.signed("/slack/events", "application/json", body); status != http.StatusOK {
		return fmt.Errorf("slack event answered %d: %s", status, out)
	}
	return nil
}

// seen tells a channel the bot posted in (a triage channel, say), where the
// desk may write too.
func (p *Playground) seen(channel string) bool {
	if channel == "" || strings.HasPrefix(channel, "+") || strings.HasPrefix(channel, "home:") {
		return false
	}
	_, ok := p.feed.find(func(q *Post) bool { return q.Where == channel })
	return ok
}

// command sends "/soporte …" as Slack sends a slash command; the answer in
// the response body is shown to whoever typed it, or to the channel.
func (p *Playground) command(s Say) error {
	name, text, _ := strings.Cut(s.Text, " ")
	p.seq++
	form := url.Values{"command": {name}, "text": {strings.TrimSpace(text)}, "user_id": {s.As}, "channel_id": {s.Where},
		"team_id": {slackfake.Team}, "api_app_id": {slackfake.App}, "trigger_id": {fmt.Sprintf("play.%06d", p.seq)}}
	p.feed.add(Post{Time: p.clock.Now(), Where: s.Where, Thread: s.Thread, Who: s.As, Text: s.Text, Kind: "ephemeral", For: s.As})
	status, body := p.signed("/slack/commands", "application/x-www-form-urlencoded", []byte(form.Encode()))
	if status != http.StatusOK {
		return fmt.Errorf("%s answered %d: %s", name, status, body)
	}
	var reply struct {
		ResponseType string `json:"response_type"`
		Text         string `json:"text"`
	}
	if json.Unmarshal(body, &reply) == nil && reply.Text != "" {
		post := Post{Time: p.clock.Now(), Where: s.Where, Thread: s.Thread, Who: botWho, Text: reply.Text, Kind: "ephemeral", For: s.As}
		if reply.ResponseType == "in_channel" {
			post.Kind, post.For = "message", ""
		}
		p.feed.add(post)
	}
	return nil
}

// Press is a button pressed by someone, on the post (where, ts) or on a
// person's Home (where "home:U…").
type Press struct {
	As       string `json:"as"`
	Where    string `json:"where"`
	TS       string `json:"ts,omitempty"`
	ActionID string `json:"action_id"`
	Value    string `json:"value,omitempty"`
}

// Press sends the block_actions payload Slack would for the button, through
// the app's interactivity endpoint.
func (p *Playground) Press(ctx context.Context, b Press) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, _, ok := p.world.person(b.As); !ok {
		return inputErr("unknown user %q: use a staff member's or a client user's id", b.As)
	}
	if b.ActionID == "" {
		return inputErr("action_id is empty")
	}
	home := strings.HasPrefix(b.Where, "home:")
	if home && b.Where != "home:"+b.As {
		return inputErr("%s can press buttons on their own Home only (home:%s)", b.As, b.As)
	}
	post, ok := p.feed.find(func(q *Post) bool { return q.Where == b.Where && (home || q.TS == b.TS) })
	if !ok {
		return inputErr("no post %q in %q", b.TS, b.Where)
	}
	var btn *Button
	for i, x := range post.Buttons {
		base, _, _ := strings.Cut(x.ActionID, "#")
		if (x.ActionID == b.ActionID || base == b.ActionID) && (b.Value == "" || x.Value == b.Value) {
			btn = &post.Buttons[i]
			break
		}
	}
	if btn == nil {
		return inputErr("no button %q (value %q) on that post", b.ActionID, b.Value)
	}
	p.seq++
	actionTS := fmt.Sprintf("%d.%06d", p.clock.Now().Unix(), p.seq)
	payload := map[string]any{
		"type": "block_actions", "trigger_id": fmt.Sprintf("play.%06d", p.seq),
		"user": map[string]any{"id": b.As, "username": b.As, "name": b.As},
		"team": map[string]any{"id": slackfake.Team}, "api_app_id": slackfake.App,
		"actions": []map[string]any{{"action_id": btn.ActionID, "block_id": btn.BlockID, "value": btn.Value, "type": "button",
			"text": map[string]any{"type": "plain_text", "text": btn.Label}, "action_ts": actionTS}},
	}
	if home {
		view := map[string]any{"id": "V" + b.As, "type": "home"}
		payload["container"] = map[string]any{"type": "view", "view_id": "V" + b.As}
		payload["view"] = view
	} else {
		payload["container"] = map[string]any{"type": "message", "message_ts": post.TS, "channel_id": post.Where}
		payload["channel"] = map[string]any{"id": post.Where}
		payload["message"] = map[string]any{"type": "message", "user": slackfake.BotUser, "ts": post.TS, "thread_ts": post.Thread, "text": post.Text}
	}
	raw, err := json.Marshal(payload)
	if err != nil {
		return fmt.Errorf("press: %w", err)
	}
	status, out := p.signed("/slack/interactivity", "application/x-www-form-urlencoded", []byte(url.Values{"payload": {string(raw)}}.Encode()))
	if status != http.StatusOK {
		return fmt.Errorf("button answered %d: %s", status, out)
	}
	return p.settle(ctx)
}

// Advance runs the clock forward by d, minute by minute, running the
// scheduled jobs and delivering what they owe at each step, as the real
// process would.
func (p *Playground) Advance(ctx context.Context, d time.Duration) error {
	if d <= 0 || d > maxAdvance {
		return inputErr("advance by %s: want more than 0 and at most 31 days", d)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.runTo(ctx, p.clock.Now().Add(d), false)
}

// AdvanceTo runs the clock forward to t.
func (p *Playground) AdvanceTo(ctx context.Context, t time.Time) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.clock.Now()
	if !t.After(now) {
		return inputErr("%s is not after now (%s): the clock only goes forward", t.In(p.loc).Format(time.RFC3339), now.In(p.loc).Format(time.RFC3339))
	}
	if t.Sub(now) > maxAdvance {
		return inputErr("%s is more than 31 days ahead", t.In(p.loc).Format(time.RFC3339))
	}
	return p.runTo(ctx, t, false)
}

// AdvanceToNext runs the clock until the bot posts something, or a week.
func (p *Playground) AdvanceToNext(ctx context.Context) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.runTo(ctx, p.clock.Now().Add(maxNextWait), true)
}

func (p *Playground) runTo(ctx context.Context, t time.Time, untilPost bool) error {
	defer p.feed.publish(Event{Type: "clock", Now: p.Now()})
	posts := p.feed.len()
	for now := p.clock.Now(); now.Before(t); now = p.clock.Now() {
		if err := ctx.Err(); err != nil {
			return err
		}
		next := now.Add(tick)
		if next.After(t) {
			next = t
		}
		p.clock.Set(next)
		if err := p.app.Tick(ctx); err != nil {
			return fmt.Errorf("scheduled jobs at %s: %w", next.In(p.loc).Format(time.RFC3339), err)
		}
		if err := p.settle(ctx); err != nil {
			return err
		}
		if untilPost && p.feed.len() > posts {
			return nil
		}
	}
	return nil
}

// settle delivers everything the outbox owes and publishes the Homes owed,
// letting the per-number WhatsApp pacing and the per-person spacing of Home
// publishes pass on the simulated clock, as seconds would in Slack.
func (p *Playground) settle(ctx context.Context) error {
	for range 30 {
		n, err := p.app.DeliverDue(ctx)
		if err != nil {
			return fmt.Errorf("deliver: %w", err)
		}
		if n > 0 {
			continue
		}
		backlog, err := p.app.OutboxBacklog(ctx)
		if err != nil {
			return fmt.Errorf("deliver: %w", err)
		}
		wait := p.app.FlushHomes(ctx)
		switch {
		case backlog > 0:
			p.clock.Advance(2 * time.Second)
		case wait > 0 && wait <= maxHomeWait:
			p.clock.Advance(wait)
		default:
			return nil
		}
	}
	return nil
}

func (p *Playground) openHome(user string) error {
	p.seq++
	body := slackfake.HomeOpened(fmt.Sprintf("EvPlay%06d", p.seq), user, p.clock.Now())
	if status, out := p.signed("/slack/events", "application/json", body); status != http.StatusOK {
		return fmt.Errorf("app_home_opened for %s answered %d: %s", user, status, out)
	}
	return nil
}

// nextTS is a Slack ts at the simulated now, apart from the fake Web API's.
func (p *Playground) nextTS() string {
	p.seq++
	return fmt.Sprintf("%d.9%05d", p.clock.Now().Unix(), p.seq%100000)
}

// signed sends a request signed as Slack would to the app's own handler.
func (p *Playground) signed(path, contentType string, body []byte) (int, []byte) {
	return slackfake.ServeSigned(p.http, path, contentType, body, p.secret)
}
