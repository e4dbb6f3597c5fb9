package schedules

import "supportbot/ticketing"

// standIns and pageList read absence at each tick, since /soporte ausente
// changes it at run time; the rule itself is ticketing's, shared with the
// router's critical-incident page.
func (s *step) standIns() ([]string, error) {
	return ticketing.StandIns(s.ctx, s.tx, s.c, s.j.agents)
}

func (s *step) pageList() (who []string, focalAway bool, err error) {
	return ticketing.PageList(s.ctx, s.tx, s.c, s.j.agents)
}
