package schedules

import (
	"context"
	"errors"
	"fmt"
	"time"

	"supportbot/ticketing"
)

// digestGroup is one daily digest: a focal point's clients that share a
// time zone. The digest goes out at DigestAt on their clock, so a focal
// point with clients in two zones gets one digest on each zone's morning.
type digestGroup struct {
	focal   string
	loc     *time.Location
	clients []ticketing.Client
	at      time.Duration
	// calendars are the clients' commercial calendars: the digest goes out
	// on a day that is a working day for at least one of them.
	calendars []*Calendar
}

func (g *digestGroup) key() string { return g.focal + "|" + g.loc.String() }

// digestGroups groups the clients by (focal point, zone), in config order.
func digestGroups(clients []ticketing.Client, at time.Duration) []*digestGroup {
	var out []*digestGroup
	byKey := map[string]*digestGroup{}
	for _, c := range clients {
		if c.FocalPoint == "" {
			continue
		}
		loc := c.Location
		if loc == nil {
			loc = time.UTC
		}
		k := c.FocalPoint + "|" + loc.String()
		g, ok := byKey[k]
		if !ok {
			g = &digestGroup{focal: c.FocalPoint, loc: loc, at: at}
			byKey[k] = g
			out = append(out, g)
		}
		g.clients = append(g.clients, c)
		g.calendars = append(g.calendars, NewCalendar(CoverageCommercial, loc, c.Country, c.ExtraHolidays))
	}
	return out
}

func (g *digestGroup) workingDay(d ticketing.Date) bool {
	for _, c := range g.calendars {
		if c.IsWorkingDay(d) {
			return true
		}
	}
	return false
}

// previousWorkingDay is the last working day before d, so Monday's digest
// reports Friday's breaches; at most a week back.
func (g *digestGroup) previousWorkingDay(d ticketing.Date) ticketing.Date {
	for i := 1; i <= 7; i++ {
		if p := addDays(d, -i); g.workingDay(p) {
			return p
		}
	}
	return addDays(d, -1)
}

// digestLate is how long after DigestAt a digest the bot missed (it was
// down) still goes out: a morning summary read at 18:40 is noise.
const digestLate = 2 * time.Hour

// runDigests sends each group's digest of the day once: the first tick
// at or after DigestAt on a working day, up to digestLate after it, queues
// it and records it; a restart later that day finds the record, a restart
// the next day sends only that day's. A digest that would list nothing is
// recorded and not sent, unless SendEmptyDigests.
func (j *Jobs) runDigests(ctx context.Context, now time.Time) error {
	var errs []error
	for _, g := range j.digests {
		if err := j.digest(ctx, g, now); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			j.log.Error("daily digest failed; retrying at the next tick", "staff", g.focal, "zone", g.loc.String(), "err", err)
			errs = append(errs, fmt.Errorf("digest of %s: %w", g.focal, err))
		}
	}
	return errors.Join(errs...)
}

func (j *Jobs) digest(ctx context.Context, g *digestGroup, now time.Time) error {
	local := now.In(g.loc)
	day := ticketing.DateOf(local)
	if j.digestKnown(g, day) {
		return nil
	}
	// Sent in the morning only: a digest found missing later waits for the
	// next morning's, which replaces it.
	if clock := sinceMidnight(local); clock < g.at || clock >= g.at+digestLate || !g.workingDay(day) {
		return nil
	}
	var queued, done bool
	err := j.store.Update(ctx, func(tx ticketing.Tx) error {
		queued, done = false, false
		st, err := tx.Staff(ctx, g.focal)
		if err != nil && !errors.Is(err, ticketing.ErrNotFound) {
			return err
		}
		if err != nil || st.Absent {
			// Nobody to read it; should they come back today, they get it then.
			return nil
		}
		first, err := tx.RecordDigest(ctx, g.focal, g.loc.String(), day, now)
		if err != nil {
			return err
		}
		done = true
		if !first {
			return nil
		}
		text, empty, err := j.digestText(ctx, tx, g, day, now)
		if err != nil {
			return err
		}
		if empty && !j.sendEmpty {
			return nil
		}
		item := ticketing.OutboxItem{To: ticketing.Conversation{Platform: j.desk.Platform, Address: g.focal}, Mode: ticketing.ModeDirect, Text: text,
			DedupeKey: fmt.Sprintf("sched:digest:%s:%s:%s", g.focal, g.loc.String(), day), CreatedAt: now, NextAttemptAt: now}
		if err := tx.Enqueue(ctx, &item); err != nil && !errors.Is(err, ticketing.ErrDuplicate) {
			return fmt.Errorf("queue digest: %w", err)
		}
		queued = true
		return nil
	})
	if err != nil {
		return err
	}
	if done {
		j.markDigest(g, day)
	}
	if queued {
		j.log.Info("daily digest queued", "staff", g.focal, "zone", g.loc.String(), "date", day.String())
		j.onQueued()
		j.observer.DigestSent(g.focal)
	}
	return nil
}

func (j *Jobs) digestKnown(g *digestGroup, d ticketing.Date) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.digestDone[g.key()] == d
}

func (j *Jobs) markDigest(g *digestGroup, d ticketing.Date) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.digestDone[g.key()] = d
}
