package schedules

import (
	"errors"
	"slices"

	"supportbot/ticketing"
)

// available reports whether a member of staff may be notified now: known
// to the store and not marked absent. Absence is read at each tick, since
// /soporte ausente changes it at run time.
func (s *step) available(id string) (bool, error) {
	if id == "" {
		return false, nil
	}
	st, err := s.tx.Staff(s.ctx, id)
	if errors.Is(err, ticketing.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return !st.Absent, nil
}

// present keeps the available ones of ids, in order, without the skipped.
func (s *step) present(ids []string, skip string) ([]string, error) {
	var out []string
	for _, id := range ids {
		if id == skip || slices.Contains(out, id) {
			continue
		}
		ok, err := s.available(id)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, id)
		}
	}
	return out, nil
}

// standIns is who takes a client's urgent work instead of the focal point:
// its backups who are present, or failing those every agent who is (the
// seed: when the focal point is away, any support agent may take over).
func (s *step) standIns() ([]string, error) {
	out, err := s.present(s.c.Backups, s.c.FocalPoint)
	if err != nil || len(out) > 0 {
		return out, err
	}
	return s.present(s.j.agents, s.c.FocalPoint)
}

// pageList is who is pinged about a ticket: the focal point, or when it is
// absent its stand-ins. focalAway says the focal point was skipped.
func (s *step) pageList() (who []string, focalAway bool, err error) {
	ok, err := s.available(s.c.FocalPoint)
	if err != nil {
		return nil, false, err
	}
	if ok {
		return []string{s.c.FocalPoint}, false, nil
	}
	who, err = s.standIns()
	return who, true, err
}
