package bot

import (
	"context"
	"regexp"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// MonthlyReport renders a client's SLA summary for a month ("2026-11";
// empty means the client's current month) in lang. cmd wires it to the
// report package, which reads the store beyond what Tx offers.
type MonthlyReport func(ctx context.Context, clientID, month string, lang wording.Language) (string, error)

var monthArg = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)

// cmdReport posts a client's monthly summary in the channel the command was
// typed in, so the team can discuss it there: in the language asked for,
// else the client's when typed in the client's channel (its people read
// it there), else desk.language.
func (b *Bot) cmdReport(ctx context.Context, cmd command) (string, error) {
	usage := b.tell("report.usage")
	if b.report == nil {
		return "", b.staffErr("report.unavailable")
	}
	if len(cmd.args) == 0 {
		return "", b.staffErr("report.which", usage)
	}
	c, ok := b.dir.client(cmd.args[0])
	if !ok || (cmd.scope != nil && c.ID != cmd.scope.ID) {
		return "", b.staffErr("staff.unknown_client", cmd.args[0])
	}
	month, lang := "", b.deskLang
	if cmd.scope != nil {
		lang = cmd.scope.Language
	}
	for _, arg := range cmd.args[1:] {
		if l, err := wording.ParseLanguage(arg); err == nil {
			lang = l
			continue
		}
		if month != "" || !monthArg.MatchString(arg) {
			return "", b.staffErr("report.bad_month", arg, usage)
		}
		month = arg
	}
	text, err := b.report(ctx, c.ID, month, lang)
	if err != nil {
		return "", err
	}
	err = b.update(ctx, func(tx ticketing.Tx, _ *effects) error {
		return b.post(ctx, tx, 0, onDesk(cmd.in.Channel, ""), text)
	})
	if err != nil {
		return "", err
	}
	return b.tell("report.posted", c.Name), nil
}
