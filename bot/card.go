package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// CardSuggestion is a knowledge article or known fix shown to staff on a
// ticket's card.
type CardSuggestion struct {
	ID    string
	Title string
	URL   string
	// StaffOnly: a known fix not yet published, which clients are never
	// offered.
	StaffOnly bool
}

// CardView is everything a ticket's staff card shows. The card renders
// from it alone, in one place, so what other parts learn about a ticket
// (the policy's exclusions, knowledge suggestions) is a field filled here
// and nothing else changes.
type CardView struct {
	Ticket *ticketing.Ticket
	Client *ticketing.Client
	// Now is when the card is drawn: a deadline passed by then shows.
	Now time.Time
	// Link is the client's thread (or, for a client apart, its mirror).
	Link string
	// Exclusions are the policy's exclusions the case may fall under; a
	// cue for staff, never a refusal.
	Exclusions []Exclusion
	// Suggestions are articles or known fixes that may answer the case.
	Suggestions []CardSuggestion
}

// render is the card's text and its staff buttons, in l. The deadline is
// given as a date, not "today": the card is rewritten only when the ticket
// changes, and must not go stale by the calendar alone.
func (v CardView) render(l wording.Language, buttons func(*ticketing.Ticket) []ticketing.Button) (string, []ticketing.Button) {
	t, c := v.Ticket, v.Client
	kind := kindPriority(l, t)
	if t.AwaitingChoice {
		kind = l.Say("card.kind_pending")
	}
	lines := []string{l.Say("card.head", t.ID, clientText(c.Name), kind, statusLabel(l, t.Status))}
	zone := zoneIn(l, c)
	switch {
	case !t.Status.Open():
	case t.Status == ticketing.StatusEntregado && !t.DeliveredAt.IsZero():
		lines = append(lines, l.Say("card.testing", dateIn(l, testingEnd(t, locOf(c)), c)))
	case t.Responded():
		lines = append(lines, l.Say("card.answered", dateIn(l, t.FirstResponseAt, c), zone))
		if t.AwaitingAnswer() && !t.NextDueAt.IsZero() {
			lines = append(lines, l.Say("card.next_due", dateIn(l, t.NextDueAt, c)))
		}
	case !t.DueAt.IsZero() && v.overdue():
		lines = append(lines, l.Say("card.due.overdue", dateIn(l, t.DueAt, c), zone))
	case !t.DueAt.IsZero():
		lines = append(lines, l.Say("card.due", dateIn(l, t.DueAt, c), zone))
	}
	who := l.Say("card.unassigned")
	if t.Assignee != "" {
		who = mention(t.Assignee)
	}
	focal := l.Say("support.team")
	if c.FocalPoint != "" {
		focal = mention(c.FocalPoint)
	}
	lines = append(lines, l.Say("card.assignee", who, focal))
	if t.Escalation != "" {
		lines = append(lines, l.Say("card.escalated", l.Say("escalation."+string(t.Escalation))))
	}
	if where := v.where(l); where != "" {
		lines = append(lines, where)
	}
	if t.Subject != "" {
		lines = append(lines, l.Say("card.subject", clientText(t.Subject)))
	}
	if len(t.Cues) > 0 {
		lines = append(lines, l.Say("card.cues", clientText(strings.Join(t.Cues, ", ")), t.Confidence*100))
	}
	if len(v.Exclusions) > 0 {
		var reasons []string
		for _, x := range v.Exclusions {
			reasons = append(reasons, l.ExclusionLabel(x.Code)+" ("+clientText(x.Reason)+")")
		}
		lines = append(lines, "⚖️ "+l.Say("exclusion.notice", strings.Join(reasons, "; ")))
	}
	if len(v.Suggestions) > 0 {
		var s []string
		for _, g := range v.Suggestions {
			extra := g.URL
			if g.StaffOnly {
				extra = l.Say("knowledge.staff.staff_only")
			}
			s = append(s, strings.TrimSpace(clientText(g.Title)+" `"+g.ID+"` "+extra))
		}
		lines = append(lines, l.Say("card.suggestions", strings.Join(s, " · ")))
	}
	lines = append(lines, l.Say("card.footer"))
	var bs []ticketing.Button
	if t.Status.Open() {
		bs = buttons(t)
	}
	return strings.Join(lines, "\n"), bs
}

// overdue is whether the first response's deadline passed unanswered
// when the card was drawn (the scheduler redraws it at the breach).
func (v CardView) overdue() bool {
	t := v.Ticket
	return !t.Responded() && !v.Now.Before(t.DueAt)
}

// where says where the client talks, with a way to get there.
func (v CardView) where(l wording.Language) string {
	t := v.Ticket
	link := v.Link
	if link == "" && t.Desk.Address != "" {
		link = "<#" + t.Desk.Address + ">"
	}
	if t.ClientApart() {
		return l.Say("card.where.apart", t.Client.Platform.Label(), clientText(t.Client.Address), link)
	}
	return l.Say("card.where.slack", link)
}

// dateIn is an instant as a date and time on c's clock, never "today".
func dateIn(l wording.Language, at time.Time, c *ticketing.Client) string {
	at = at.In(locOf(c))
	return l.Say("when.day", l.Say(fmt.Sprintf("weekday.%d", at.Weekday())), at.Format("02/01"), at.Format("15:04"))
}

// cardView gathers what t's card shows: the client's question is read
// again for the policy's exclusions and the knowledge that may answer it,
// so the card needs nothing stored beyond the ticket and its messages.
func (b *Bot) cardView(ctx context.Context, tx ticketing.Tx, t *ticketing.Ticket) (CardView, error) {
	c := b.clientOf(t)
	v := CardView{Ticket: t, Client: c, Now: b.clock.Now(), Link: b.threadLink(t.Desk)}
	question, _, err := clientQuestion(ctx, tx, t)
	if err != nil || strings.TrimSpace(question) == "" {
		return v, err
	}
	e, err := b.extrasFor(ctx, tx, t, c, question)
	if err != nil {
		return v, err
	}
	v.Exclusions, v.Suggestions = e.exclusions, e.suggestions
	return v, nil
}

// triageChannel is where cards go; empty when there is none.
func (b *Bot) triageChannel() string {
	if b.triage != "" {
		return b.triage
	}
	return b.desk.Channel
}

// RefreshCard queues the ticket's staff card, or its rewrite when what it
// shows changed, in tx. The router calls it for every ticket a transaction
// touched; the scheduled jobs call it for theirs.
func (b *Bot) RefreshCard(ctx context.Context, tx ticketing.Tx, ticketID int64) error {
	channel := b.triageChannel()
	if channel == "" || ticketID == 0 {
		return nil
	}
	t, err := tx.Ticket(ctx, "", ticketID)
	if err != nil {
		return fmt.Errorf("card of ticket %d: %w", ticketID, err)
	}
	view, err := b.cardView(ctx, tx, t)
	if err != nil {
		return fmt.Errorf("card of ticket %d: %w", ticketID, err)
	}
	text, buttons := view.render(b.deskLang, b.staffButtons)
	card, err := tx.TicketCard(ctx, t.ID)
	switch {
	case isNotFound(err):
		if err := tx.SaveCard(ctx, ticketing.Card{TicketID: t.ID, Channel: channel, Shown: text}); err != nil {
			return err
		}
		return b.enqueue(ctx, tx, ticketing.OutboxItem{To: onDesk(channel, ""), Mode: ticketing.ModePost, Card: ticketing.CardPost,
			TicketID: t.ID, Text: text, Buttons: buttons})
	case err != nil:
		return err
	case card.Shown == text:
		return nil
	}
	card.Shown = text
	if err := tx.SaveCard(ctx, card); err != nil {
		return err
	}
	return b.enqueue(ctx, tx, ticketing.OutboxItem{To: onDesk(card.Channel, ""), Mode: ticketing.ModeUpdate, Card: ticketing.CardEdit,
		TicketID: t.ID, Text: text, Buttons: buttons})
}

// cardWatch is a transaction that notes the tickets it created or changed,
// so their cards are brought up to date before it commits.
type cardWatch struct {
	ticketing.Tx
	touched []int64
}

func (w *cardWatch) note(id int64) {
	for _, seen := range w.touched {
		if seen == id {
			return
		}
	}
	w.touched = append(w.touched, id)
}

func (w *cardWatch) CreateTicket(ctx context.Context, t *ticketing.Ticket) error {
	if err := w.Tx.CreateTicket(ctx, t); err != nil {
		return err
	}
	w.note(t.ID)
	return nil
}

func (w *cardWatch) UpdateTicket(ctx context.Context, t *ticketing.Ticket) error {
	if err := w.Tx.UpdateTicket(ctx, t); err != nil {
		return err
	}
	w.note(t.ID)
	return nil
}

// refreshCards brings the cards of the tickets w saw up to date.
func (b *Bot) refreshCards(ctx context.Context, w *cardWatch) error {
	for _, id := range w.touched {
		if err := b.RefreshCard(ctx, w.Tx, id); err != nil {
			return err
		}
	}
	return nil
}
