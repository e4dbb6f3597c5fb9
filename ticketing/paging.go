package ticketing

import (
	"context"
	"errors"
	"slices"
)

// StaffReader reads a member of staff as stored now; absence changes at run
// time (/soporte ausente), so who to page is read at each use, not cached.
type StaffReader interface {
	Staff(ctx context.Context, id string) (Staff, error)
}

// AgentIDs lists the ids of staff with the agent role, sorted so a page
// names the same people in the same order on every run.
func AgentIDs(staff []Staff) []string {
	var out []string
	for _, s := range staff {
		if s.Role == RoleAgent {
			out = append(out, s.ID)
		}
	}
	slices.Sort(out)
	return out
}

// Available reports whether a member of staff may be paged: known to the
// store and not marked absent. A store failure is an error, not an absence,
// so an outage does not silently page someone else.
func Available(ctx context.Context, r StaffReader, id string) (bool, error) {
	if id == "" {
		return false, nil
	}
	st, err := r.Staff(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return !st.Absent, nil
}

// present keeps the available ones of ids, in order, once each, without skip.
func present(ctx context.Context, r StaffReader, ids []string, skip string) ([]string, error) {
	var out []string
	for _, id := range ids {
		if id == skip || slices.Contains(out, id) {
			continue
		}
		ok, err := Available(ctx, r, id)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, id)
		}
	}
	return out, nil
}

// StandIns is who takes a client's urgent work instead of the focal point:
// its backups who are present, or failing those every agent who is (the
// seed: when the focal point is away, any support agent may take over).
func StandIns(ctx context.Context, r StaffReader, c *Client, agents []string) ([]string, error) {
	out, err := present(ctx, r, c.Backups, c.FocalPoint)
	if err != nil || len(out) > 0 {
		return out, err
	}
	return present(ctx, r, agents, c.FocalPoint)
}

// PageList is who is paged about a client's ticket: the focal point, or when
// it is absent its stand-ins. focalAway says the focal point was skipped.
func PageList(ctx context.Context, r StaffReader, c *Client, agents []string) (who []string, focalAway bool, err error) {
	ok, err := Available(ctx, r, c.FocalPoint)
	if err != nil {
		return nil, false, err
	}
	if ok {
		return []string{c.FocalPoint}, false, nil
	}
	who, err = StandIns(ctx, r, c, agents)
	return who, true, err
}
