package bot

import (
	"context"
	"fmt"
	"strings"

	"supportbot/ticketing"
)

// cmdCritical is the Service Desk path: the only way a critical incident
// becomes a ticket. It gets its plan's 2 h clock and pages the focal point.
func (b *Bot) cmdCritical(ctx context.Context, cmd command) (string, error) {
	me := cmd.in.UserID
	if s, _ := b.dir.staffMember(me); s.Role != ticketing.RoleServiceDesk {
		return "", b.staffErr("critical.staff_only", b.phonesText(b.deskLang))
	}
	if len(cmd.args) > 0 && strings.HasPrefix(cmd.args[0], "#") {
		return b.refileCritical(ctx, cmd)
	}
	if len(cmd.args) < 2 {
		return "", b.staffErr("critical.usage")
	}
	c, ok := b.dir.client(cmd.args[0])
	if !ok || (cmd.scope != nil && cmd.scope.ID != c.ID) {
		return "", b.staffErr("staff.unknown_client", cmd.args[0])
	}
	text := strings.Join(cmd.args[1:], " ")
	now := b.clock.Now()
	var t *ticketing.Ticket
	err := b.update(ctx, func(tx ticketing.Tx, fx *effects) error {
		start, due := b.calendar.Deadline(*c, ticketing.KindIncidenteCritico, ticketing.PriorityCritica, now)
		t = &ticketing.Ticket{
			ClientID: c.ID, Kind: ticketing.KindIncidenteCritico, Priority: ticketing.PriorityCritica, Status: ticketing.StatusNuevo,
			Source: ticketing.SourceServiceDesk, Desk: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: c.Channel}, OpenedBy: me, Subject: subjectOf(text),
			Confidence: 1, Cues: []string{"service_desk"}, ReceivedAt: now, ClockStart: start, DueAt: due, NextActionAt: start,
			CreatedAt: now, UpdatedAt: now,
		}
		if err := tx.CreateTicket(ctx, t); err != nil {
			return err
		}
		if err := tx.AddMessage(ctx, &ticketing.Message{TicketID: t.ID, ExternalID: fmt.Sprintf("servicedesk:%d", t.ID), AuthorID: me,
			AuthorKind: ticketing.AuthorStaff, Channel: ticketing.SourceServiceDesk, Text: text, At: now}); err != nil {
			return err
		}
		dueWords := b.deskLang.When(t.DueAt, now, c.Location)
		root := say(c, "critical.opened", t.ID, quote(text), when(c, t.DueAt, now), zoneName(c), b.named(c.FocalPoint))
		if c.Channel != "" {
			if err := b.enqueue(ctx, tx, ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: c.Channel}, Mode: ticketing.ModePost, Text: root,
				TicketID: t.ID, SetsThread: true}); err != nil {
				return err
			}
		}
		page := b.tell("critical.page", t.ID, c.Name, mention(me), quote(text), dueWords)
		if err := b.pageCritical(ctx, tx, c, t, page); err != nil {
			return err
		}
		fx.Then(func() { b.observer.TicketOpened(t) })
		return b.audit(ctx, tx, me, c.ID, t.ID, ticketing.AuditCriticalOpened, subjectOf(text))
	})
	if err != nil {
		return "", err
	}
	return b.tell("critical.opened.reply", t.ID, c.Name, b.deskLang.When(t.DueAt, now, c.Location)), nil
}

// pageCritical tells whoever answers for the client (the focal point, or
// the backups and agents when away) and the service desk channel.
func (b *Bot) pageCritical(ctx context.Context, tx ticketing.Tx, c *ticketing.Client, t *ticketing.Ticket, page string) error {
	paged, _, err := ticketing.PageList(ctx, tx, c, b.dir.agents)
	if err != nil {
		return err
	}
	for _, who := range paged {
		if err := b.dm(ctx, tx, t.ID, who, page); err != nil {
			return err
		}
	}
	if err := b.toTriage(ctx, tx, t, page); err != nil {
		return err
	}
	return b.alertDesk(ctx, tx, t.ID, page)
}
