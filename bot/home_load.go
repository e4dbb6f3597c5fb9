package bot

import (
	"context"
	"slices"
	"time"

	"supportbot/channels"
	"supportbot/ticketing"
)

// homeLoad bounds the tickets read per list and client, most urgent first.
const homeLoad = 200

// homeOpened owes the person a fresh Home view. Nothing is stored: the
// view is built from what the store holds when it is published.
func (b *Bot) homeOpened(in channels.Inbound) {
	b.home.opened(in.UserID, b.renderHome)
}

// renderHome builds userID's Home view from the store as it is now.
func (b *Bot) renderHome(ctx context.Context, userID string) (channels.HomeView, error) {
	in := homeInput{now: b.clock.Now(), viewer: userID, clients: b.dir.client, link: b.threadLink, buttons: b.staffButtons}
	if err := b.store.View(ctx, func(tx ticketing.Tx) error { return b.loadHome(ctx, tx, &in) }); err != nil {
		return channels.HomeView{}, err
	}
	in.phones = b.phonesText(in.lang)
	return homeView(in), nil
}

// loadHome fills in what userID's view shows; it starts afresh, as a store
// may run a transaction's function more than once.
func (b *Bot) loadHome(ctx context.Context, tx ticketing.Tx, in *homeInput) error {
	*in = homeInput{now: in.now, viewer: in.viewer, clients: in.clients, link: in.link, buttons: in.buttons, lang: b.deskLang}
	if s, ok := b.dir.staffMember(in.viewer); ok {
		return b.loadStaffHome(ctx, tx, s, in)
	}
	c, err := b.clientOfUser(ctx, tx, in.viewer)
	if err != nil || c == nil {
		return err
	}
	in.kind, in.client, in.lang = homeClientStaff, c, langOf(c)
	in.open, err = tx.FindTickets(ctx, ticketing.TicketFilter{ClientID: c.ID, OnlyOpen: true, Limit: homeLoad})
	return err
}

func (b *Bot) loadStaffHome(ctx context.Context, tx ticketing.Tx, s ticketing.Staff, in *homeInput) error {
	in.kind = homeStaff
	var err error
	in.mine, err = tx.FindTickets(ctx, ticketing.TicketFilter{Assignee: s.ID, OnlyOpen: true, Limit: homeLoad})
	if err != nil {
		return err
	}
	// The service desk answers for every client: its queue is the whole
	// desk's unassigned and at-risk tickets.
	everyone := s.Role == ticketing.RoleServiceDesk
	for i := range b.dir.clients {
		c := &b.dir.clients[i]
		if !everyone && c.FocalPoint != s.ID && !slices.Contains(c.Backups, s.ID) {
			continue
		}
		ts, err := tx.FindTickets(ctx, ticketing.TicketFilter{ClientID: c.ID, OnlyOpen: true, Limit: homeLoad})
		if err != nil {
			return err
		}
		for _, t := range ts {
			if t.Assignee != s.ID && (t.Assignee == "" || atRisk(t, in.now)) {
				in.queue = append(in.queue, t)
			}
		}
	}
	if err := b.loadNotes(ctx, tx, in); err != nil {
		return err
	}
	if s.Role != ticketing.RoleServiceDesk {
		return nil
	}
	in.desk = true
	for i := range b.dir.clients {
		c := &b.dir.clients[i]
		n, err := b.homeCount(ctx, tx, c, in.now)
		if err != nil {
			return err
		}
		in.counts = append(in.counts, n)
	}
	return nil
}

// homeCount is a client's open tickets and the month's breaches so far (in
// the client's month): tickets due this month whose first response came
// late or has not come by its deadline.
func (b *Bot) homeCount(ctx context.Context, tx ticketing.Tx, c *ticketing.Client, now time.Time) (homeCount, error) {
	open, err := tx.CountTickets(ctx, ticketing.TicketFilter{ClientID: c.ID, OnlyOpen: true})
	if err != nil {
		return homeCount{}, err
	}
	local := now.In(locOf(c))
	monthStart := time.Date(local.Year(), local.Month(), 1, 0, 0, 0, 0, locOf(c))
	ts, err := tx.FindTickets(ctx, ticketing.TicketFilter{ClientID: c.ID, DueFrom: monthStart, DueTo: now, Limit: homeLoad + 1})
	if err != nil {
		return homeCount{}, err
	}
	n := homeCount{client: c, open: open, capped: len(ts) > homeLoad}
	for _, t := range ts[:min(len(ts), homeLoad)] {
		if !t.SLAMet() {
			n.breached++
		}
	}
	return n, nil
}

// clientOfUser is the client a person who is not staff works for: the one
// whose channel they opened tickets in. Someone who opened none, or opened
// them for more than one client, is of no known client and sees no ticket.
func (b *Bot) clientOfUser(ctx context.Context, tx ticketing.Tx, userID string) (*ticketing.Client, error) {
	ts, err := tx.FindTickets(ctx, ticketing.TicketFilter{OpenedBy: userID, Limit: homeLoad})
	if err != nil {
		return nil, err
	}
	var found *ticketing.Client
	for _, t := range ts {
		c, ok := b.dir.client(t.ClientID)
		if !ok || t.Desk.Address != c.Channel {
			// Opened elsewhere (by phone, mirrored from WhatsApp): it says
			// nothing of whose channel the person is in.
			continue
		}
		if found != nil && found.ID != c.ID {
			return nil, nil
		}
		found = c
	}
	return found, nil
}

// threadLink is a thread's permalink, or "" when none can be given.
func (b *Bot) threadLink(c ticketing.Conversation) string {
	if b.links == nil || c.Platform != ticketing.PlatformSlack || c.Thread == "" {
		return ""
	}
	return b.links(c)
}

// homeWatch is a transaction that notes whose Home a ticket change
// touches: its assignee, its client's focal point and whoever opened it.
type homeWatch struct {
	ticketing.Tx
	dir    *directory
	owners []string
}

func (w *homeWatch) note(t *ticketing.Ticket) {
	w.owners = append(w.owners, t.Assignee, t.OpenedBy)
	if c, ok := w.dir.client(t.ClientID); ok {
		w.owners = append(w.owners, c.FocalPoint)
	}
}

func (w *homeWatch) CreateTicket(ctx context.Context, t *ticketing.Ticket) error {
	if err := w.Tx.CreateTicket(ctx, t); err != nil {
		return err
	}
	w.note(t)
	return nil
}

func (w *homeWatch) UpdateTicket(ctx context.Context, t *ticketing.Ticket) error {
	if err := w.Tx.UpdateTicket(ctx, t); err != nil {
		return err
	}
	w.note(t)
	return nil
}

// TicketChangedElsewhere owes a fresh Home to whoever a change made outside
// the router (the scheduled jobs' breaches and auto-closes) touches.
func (b *Bot) TicketChangedElsewhere(t *ticketing.Ticket) {
	w := &homeWatch{dir: b.dir}
	w.note(t)
	b.home.touch(b.renderHome, w.owners...)
}

// loadNotes finds the latest internal note of the tickets a staff Home
// shows: each list's first homeLines, by time to breach.
func (b *Bot) loadNotes(ctx context.Context, tx ticketing.Tx, in *homeInput) error {
	in.notes = map[int64]ticketing.Message{}
	for _, list := range [][]*ticketing.Ticket{in.mine, in.queue} {
		shown := slices.Clone(list)
		slices.SortStableFunc(shown, byNextDeadline)
		for _, t := range shown[:min(len(shown), homeLines)] {
			ms, err := tx.Messages(ctx, t.ID)
			if err != nil {
				return err
			}
			for _, m := range ms {
				if m.AuthorKind == ticketing.AuthorNote && m.DeletedAt.IsZero() && m.Text != "" {
					in.notes[t.ID] = m
				}
			}
		}
	}
	return nil
}
