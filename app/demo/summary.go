package demo

import (
	"context"

	"supportbot/report"
)

// summary prints the SLA report of the month the scenario started in, as
// `supportbot report` would.
func (p *demoPlayer) summary(ctx context.Context) error {
	p.tr.narrate("Resumen de SLA")
	month := report.MonthOf(p.script.Start.In(p.tr.loc))
	r, err := p.a.Report(ctx, month)
	if err != nil {
		return err
	}
	return report.WriteText(p.tr.w, r)
}
