package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"supportbot/channels"
	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// errUser is an error whose text is meant for the person who typed the
// command; it is answered, not logged as a failure.
type errUser struct{ msg string }

func (e *errUser) Error() string { return e.msg }

func userErr(format string, args ...any) error { return &errUser{fmt.Sprintf(format, args...)} }

// command is one parsed /soporte invocation.
type command struct {
	in   channels.Inbound
	verb string
	args []string
	// scope is the client whose channel the command was typed in; nil in
	// internal channels and DMs. Ticket numbers are looked up inside it.
	scope *ticketing.Client
}

func (b *Bot) handleCommand(ctx context.Context, in channels.Inbound) (channels.Reply, error) {
	// A replayed command (the same trigger_id) must not run again: some
	// open tickets and page people. Marked before running, in a transaction
	// of its own, because a command spans several; one that then fails is
	// typed again by its author, with a new trigger_id.
	first := true
	if err := b.store.Update(ctx, func(tx ticketing.Tx) error {
		var err error
		first, err = firstTime(ctx, tx, in.EventID, in.At)
		return err
	}); err != nil {
		return channels.Reply{}, err
	}
	if !first {
		b.log.Info("repeated slack command ignored", "event_id", in.EventID, "user", in.UserID)
		return channels.Reply{}, nil
	}
	fields := strings.Fields(in.Text)
	cmd := command{in: in, verb: "ayuda"}
	if len(fields) > 0 {
		cmd.verb, cmd.args = fold(fields[0]), fields[1:]
	}
	if c, ok := b.dir.clientOfChannel(in.Channel); ok {
		cmd.scope = c
	}
	var reply string
	var err error
	reader := b.deskLang
	if !b.dir.isStaff(in.UserID) && cmd.scope != nil {
		reader = cmd.scope.Language
	}
	if b.dir.isStaff(in.UserID) {
		reply, err = b.staffCommand(ctx, cmd)
	} else {
		reply, err = b.clientCommand(ctx, cmd)
	}
	var ue *errUser
	if errors.As(err, &ue) {
		return channels.Reply{Text: ue.msg}, nil
	}
	if err != nil {
		b.log.Error("command failed", "verb", cmd.verb, "user", in.UserID, "err", err)
		return channels.Reply{Text: reader.Say("command.failed")}, err
	}
	return channels.Reply{Text: reply}, nil
}

// ticketNumber reads "#123" or "123"; l is the language of who typed it.
func ticketNumber(l wording.Language, args []string, usage string) (int64, error) {
	if len(args) == 0 {
		return 0, userErr("%s", l.Say("ticket.number.missing", usage))
	}
	n, err := strconv.ParseInt(strings.TrimPrefix(args[0], "#"), 10, 64)
	if err != nil || n <= 0 {
		return 0, userErr("%s", l.Say("ticket.number.bad", clientText(args[0]), usage))
	}
	return n, nil
}

// loadTicket finds a ticket within the command's client scope; another
// client's ticket is reported exactly like a missing one.
func (b *Bot) loadTicket(ctx context.Context, tx ticketing.Tx, scope *ticketing.Client, n int64) (*ticketing.Ticket, error) {
	clientID := ""
	if scope != nil {
		clientID = scope.ID
	}
	t, err := tx.Ticket(ctx, clientID, n)
	if isNotFound(err) {
		l := b.deskLang
		if scope != nil {
			l = scope.Language
		}
		return nil, userErr("%s", l.Say("ticket.not_found", n))
	}
	return t, err
}

// listTickets renders open tickets, soonest due first.
// l is the reader's language: the client's for their own listing, the
// desk's for staff.
func (b *Bot) listTickets(ctx context.Context, clientID string, l wording.Language) (string, error) {
	return b.listFor(ctx, clientID, l, true)
}

// listFor is listTickets for staff or for the client's own people, who
// read their tickets' client-facing states.
func (b *Bot) listFor(ctx context.Context, clientID string, l wording.Language, staff bool) (string, error) {
	var list string
	err := b.store.View(ctx, func(tx ticketing.Tx) error {
		var err error
		list, err = b.listTicketsFor(ctx, tx, clientID, l, staff)
		return err
	})
	return list, err
}

// listLines bounds a ticket listing; the rest is only counted.
const listLines = 50

func (b *Bot) listTicketsTx(ctx context.Context, tx ticketing.Tx, clientID string, l wording.Language) (string, error) {
	return b.listTicketsFor(ctx, tx, clientID, l, true)
}

func (b *Bot) listTicketsFor(ctx context.Context, tx ticketing.Tx, clientID string, l wording.Language, staff bool) (string, error) {
	f := ticketing.TicketFilter{ClientID: clientID, OnlyOpen: true, Limit: listLines}
	ts, err := tx.FindTickets(ctx, f)
	if err != nil {
		return "", err
	}
	if len(ts) == 0 {
		return l.Say("list.none"), nil
	}
	total := len(ts)
	if total == listLines {
		if total, err = tx.CountTickets(ctx, f); err != nil {
			return "", err
		}
	}
	now := b.clock.Now()
	var s strings.Builder
	s.WriteString(l.Say("list.head", total) + "\n")
	for _, t := range ts {
		c, _ := b.dir.client(t.ClientID)
		loc, name := (*ticketing.Client)(nil), t.ClientID
		if c != nil {
			loc, name = c, c.Name
		}
		due := l.Say("list.answered")
		switch {
		case t.Status == ticketing.StatusEntregado && !t.DeliveredAt.IsZero():
			due = l.Say("list.testing", l.When(testingEnd(t, locOf(loc)), now, locOf(loc)))
		case !t.Responded() && !t.DueAt.After(now):
			due = l.Say("list.overdue", l.When(t.DueAt, now, locOf(loc)))
		case !t.Responded():
			due = l.Say("list.due", l.When(t.DueAt, now, locOf(loc)))
		}
		fmt.Fprintf(&s, "• #%d %s · %s · %s · %s — %s\n", t.ID, name, kindPriority(l, t), stateFor(l, t.Status, staff), due, clientText(t.Subject))
	}
	if more := total - len(ts); more > 0 {
		s.WriteString(l.Say("list.more", more) + "\n")
	}
	return s.String(), nil
}

func asUserErr(err error, target **errUser) bool { return errors.As(err, target) }
