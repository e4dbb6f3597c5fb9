package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"supportbot/app"
	"supportbot/channels"
	"supportbot/channels/slack/slackfake"
	whatsappchannel "supportbot/channels/whatsapp"
	"supportbot/channels/whatsapp/cloud/graphfake"
	"supportbot/ticketing"
)

// demoTick is the scheduler's resolution while the demo runs the clock.
const demoTick = time.Minute

// demoPlayer feeds a script to the app the way Slack and WhatsApp would,
// delivering the outbox synchronously so the transcript reads in order.
type demoPlayer struct {
	a      *app.App
	http   http.Handler
	clock  *ticketing.ManualClock
	tr     *transcript
	secret string
	script *Script
	seq    int
	// phone and api are the stand-ins, which hold the files people attach.
	phone *whatsappchannel.StandIn
	api   *slackfake.Server
	// graph is Meta's Graph API when the script plays the Cloud transport.
	graph *graphfake.Server
}

func (p *demoPlayer) play(ctx context.Context) error {
	for i, st := range p.script.Steps {
		if err := p.step(ctx, st); err != nil {
			return fmt.Errorf("demo step %d: %w", i, err)
		}
		if err := p.settle(ctx); err != nil {
			return fmt.Errorf("demo step %d: %w", i, err)
		}
	}
	return nil
}

func (p *demoPlayer) step(ctx context.Context, st demoStep) error {
	switch {
	case st.Say != "":
		p.tr.narrate(st.Say)
	case st.At != nil:
		return p.advanceTo(ctx, *st.At)
	case st.wait > 0:
		return p.advanceTo(ctx, p.clock.Now().Add(st.wait))
	case st.Slack != nil:
		return p.slackMessage(st.Slack)
	case st.Reply != nil:
		return p.threadReply(ctx, st.Reply)
	case st.Note != nil:
		return p.note(ctx, st.Note)
	case st.WhatsApp != nil:
		return p.whatsAppMessage(st.WhatsApp)
	case st.Command != nil:
		return p.command(st.Command)
	case st.React != nil:
		return p.react(ctx, st.React)
	case st.Home != nil:
		return p.home(ctx, st.Home)
	case st.Summary:
		return p.summary(ctx)
	}
	return nil
}

// advanceTo runs the clock minute by minute, running the scheduled jobs and
// delivering what they owe at each step, as the real process would.
func (p *demoPlayer) advanceTo(ctx context.Context, t time.Time) error {
	for now := p.clock.Now(); now.Before(t); now = p.clock.Now() {
		next := now.Add(demoTick)
		if next.After(t) {
			next = t
		}
		p.clock.Set(next)
		if wa := p.a.WhatsApp(); wa != nil {
			// The stand-in phone is online all along: a long script must
			// not raise the link-health alerts of a phone gone for days.
			wa.HandleEvent(whatsappchannel.OwnPhoneReceipt())
		}
		if err := p.tick(ctx); err != nil {
			return err
		}
		if _, err := p.a.DeliverDue(ctx); err != nil {
			return err
		}
	}
	return nil
}

func (p *demoPlayer) tick(ctx context.Context) error { return p.a.Tick(ctx) }

// settle delivers everything owed, letting the per-number WhatsApp pacing
// pass on the simulated clock.
func (p *demoPlayer) settle(ctx context.Context) error {
	for range 10 {
		n, err := p.a.DeliverDue(ctx)
		if err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		backlog, err := p.a.OutboxBacklog(ctx)
		if err != nil || backlog == 0 {
			return err
		}
		p.clock.Advance(2 * time.Second)
	}
	return nil
}

// nextTS is a Slack ts at the simulated now, unique within the demo.
func (p *demoPlayer) nextTS() string {
	p.seq++
	return fmt.Sprintf("%d.%06d", p.clock.Now().Unix(), p.seq)
}

func (p *demoPlayer) clientChannel(clientID string) (string, error) {
	for _, c := range p.a.Config().TicketingClients() {
		if c.ID == clientID {
			return c.Channel, nil
		}
	}
	return "", fmt.Errorf("unknown client %q", clientID)
}

func (p *demoPlayer) slackMessage(s *demoSlack) error {
	channel, err := p.clientChannel(s.Client)
	if err != nil {
		return err
	}
	p.tr.line(p.style(s.User), "💬 "+p.tr.name(channel)+" · "+p.tr.name(s.User)+":", s.Text)
	return p.postEvent(slackfake.Message{Channel: channel, User: s.User, TS: p.nextTS(), Text: s.Text}.Event())
}

func (p *demoPlayer) threadReply(ctx context.Context, r *demoReply) error {
	t, err := p.ticket(ctx, r.Ticket)
	if err != nil {
		return err
	}
	if t.Desk.Thread == "" {
		return fmt.Errorf("ticket #%d has no Slack thread yet", r.Ticket)
	}
	p.tr.line(p.style(r.User), "💬 "+p.tr.name(t.Desk.Address)+" (hilo #"+strconv.FormatInt(t.ID, 10)+") · "+p.tr.name(r.User)+":", r.Text+r.File.label())
	msg := slackfake.Message{Channel: t.Desk.Address, User: r.User, TS: p.nextTS(), ThreadTS: t.Desk.Thread, Text: r.Text}
	if r.File != nil {
		msg.Files = []slackfake.File{p.api.AddFileBytes(r.File.Name, r.File.Type, r.File.content())}
	}
	return p.postEvent(msg.Event())
}

// note is a member of staff writing in the thread of a ticket's card in
// the triage channel: an internal note, which the client never sees.
func (p *demoPlayer) note(ctx context.Context, r *demoReply) error {
	c, err := p.a.Card(ctx, r.Ticket)
	if err != nil {
		return err
	}
	if c.Ref == "" {
		return fmt.Errorf("ticket #%d's card is not posted yet", r.Ticket)
	}
	p.tr.line(p.style(r.User), "💬 "+p.tr.name(c.Channel)+" (tarjeta #"+strconv.FormatInt(r.Ticket, 10)+") · "+p.tr.name(r.User)+":", r.Text+r.File.label())
	msg := slackfake.Message{Channel: c.Channel, User: r.User, TS: p.nextTS(), ThreadTS: c.Ref, Text: r.Text}
	if r.File != nil {
		msg.Files = []slackfake.File{p.api.AddFileBytes(r.File.Name, r.File.Type, r.File.content())}
	}
	return p.postEvent(msg.Event())
}

func (p *demoPlayer) react(ctx context.Context, r *demoReact) error {
	t, err := p.ticket(ctx, r.Ticket)
	if err != nil {
		return err
	}
	emoji := r.Emoji
	if emoji == "" {
		emoji = "white_check_mark"
	}
	p.tr.line(p.style(r.User), "💬 "+p.tr.name(t.Desk.Address)+" (hilo #"+strconv.FormatInt(t.ID, 10)+") · "+p.tr.name(r.User)+":", ":"+emoji+":")
	return p.postEvent(map[string]any{"type": "reaction_added", "user": r.User, "reaction": emoji,
		"item": map[string]any{"type": "message", "channel": t.Desk.Address, "ts": t.Desk.Thread}, "event_ts": p.nextTS()})
}

// home opens a person's Home tab; the transcript shows the view published.
func (p *demoPlayer) home(ctx context.Context, h *demoHome) error {
	p.tr.line(p.style(h.User), "🏠 "+p.tr.name(h.User)+":", "abre la pestaña Inicio del bot")
	p.seq++
	body := slackfake.HomeOpened(fmt.Sprintf("EvDemo%06d", p.seq), h.User, p.clock.Now())
	if status, _ := p.signed("/slack/events", "application/json", body); status != http.StatusOK {
		return fmt.Errorf("app_home_opened answered %d", status)
	}
	p.a.PublishHomes(ctx)
	return nil
}

func (p *demoPlayer) ticket(ctx context.Context, id int64) (*ticketing.Ticket, error) {
	return p.a.Ticket(ctx, id)
}

func (p *demoPlayer) style(user string) string {
	for _, s := range p.a.Config().TicketingStaff() {
		if s.ID == user {
			return styleStaff
		}
	}
	return styleClient
}

// postEvent sends a signed Events API request to the real endpoint.
func (p *demoPlayer) postEvent(event map[string]any) error {
	p.seq++
	body := slackfake.EventBody(fmt.Sprintf("EvDemo%06d", p.seq), p.clock.Now().Unix(), event)
	status, _ := p.signed("/slack/events", "application/json", body)
	if status != http.StatusOK {
		return fmt.Errorf("slack event answered %d", status)
	}
	return nil
}

func (p *demoPlayer) command(c *demoCommand) error {
	channel := p.a.Config().ServiceDesk.Channel
	if c.Client != "" {
		var err error
		if channel, err = p.clientChannel(c.Client); err != nil {
			return err
		}
	}
	p.tr.line(p.style(c.User), "⌨  "+p.tr.name(channel)+" · "+p.tr.name(c.User)+":", "/soporte "+c.Text)
	// Slack gives every invocation its own trigger_id; the bot runs a
	// repeated one only once.
	p.seq++
	form := url.Values{"command": {"/soporte"}, "text": {c.Text}, "user_id": {c.User}, "channel_id": {channel},
		"team_id": {slackfake.Team}, "api_app_id": {slackfake.App}, "trigger_id": {fmt.Sprintf("demo.%06d", p.seq)}}
	status, body := p.signed("/slack/commands", "application/x-www-form-urlencoded", []byte(form.Encode()))
	if status != http.StatusOK {
		return fmt.Errorf("/soporte answered %d", status)
	}
	var reply struct {
		ResponseType string `json:"response_type"`
		Text         string `json:"text"`
	}
	if json.Unmarshal(body, &reply) == nil && reply.Text != "" {
		who := "🤖 → " + p.tr.name(channel) + ", solo para " + p.tr.name(c.User) + ":"
		if reply.ResponseType == "in_channel" {
			who = "🤖 → " + p.tr.name(channel) + ":"
		}
		p.tr.line(styleBot, who, reply.Text)
	}
	return nil
}

func (p *demoPlayer) signed(path, contentType string, body []byte) (int, []byte) {
	return slackfake.ServeSigned(p.http, path, contentType, body, p.secret)
}

func (p *demoPlayer) whatsAppMessage(w *demoWhatsApp) error {
	name := w.Name
	if name == "" {
		name = w.From
	}
	p.tr.line(styleClient, "📱 WhatsApp "+w.From+" · "+name+":", w.Text+w.File.label())
	p.seq++
	id := fmt.Sprintf("3EB0DEMO%06d", p.seq)
	if p.graph != nil {
		return p.cloudMessage(id, w)
	}
	evt := whatsappchannel.TextMessage(id, w.From, w.Name, w.Text, p.clock.Now())
	if f := w.File; f != nil {
		content := f.content()
		evt = p.phone.FileMessage(id, w.From, w.Name, whatsappchannel.IncomingFile{Kind: kindOf(f.Type), MIME: f.Type, Name: f.Name,
			Caption: w.Text, Size: int64(len(content)), Open: func() io.Reader { return bytes.NewReader(content) }}, p.clock.Now())
	}
	if !p.a.WhatsApp().HandleEvent(evt) {
		return fmt.Errorf("whatsapp message from %s not handled", w.From)
	}
	return nil
}

// kindOf is how a contact's phone sends a file of a MIME type: what it
// records is a voice note; a picture the script names (a screenshot) is
// attached as a file, the one way WhatsApp carries a picture's own name
// (a photo sent as such arrives nameless, and is named by its kind).
func kindOf(mime string) string {
	switch k := ticketing.FileKindOf(mime); k {
	case ticketing.FileAudio:
		return ticketing.FileVoice
	case ticketing.FileImage:
		return ticketing.FileDocument
	default:
		return k
	}
}

// label shows an attachment in the transcript.
func (f *demoFile) label() string {
	if f == nil {
		return ""
	}
	return fmt.Sprintf("\n📎 %s (%s, %s)", f.Name, f.Type, channels.SizeText(int64(f.Size)))
}
