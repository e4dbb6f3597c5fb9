package schedules

import (
	"errors"
	"fmt"
	"time"

	"supportbot/ticketing"
)

const kindTestingReminder = "testing_reminder"

// testingPeriod tracks a delivered requerimiento's testing: the reminder,
// then the close as accepted when the 30 days end without the ticket going
// back to development. Both are keyed by the delivery, so a redelivery
// starts a fresh period.
func (s *step) testingPeriod() (time.Time, error) {
	delivered := s.t.DeliveredAt
	if delivered.IsZero() {
		s.j.log.Warn("delivered requerimiento without a delivery time; testing period not tracked", "ticket", s.t.ID)
		return time.Time{}, nil
	}
	remindAt, end := ticketing.TestingPeriod(delivered, s.c.Location)
	if s.now.Before(remindAt) {
		return remindAt, nil
	}
	if s.now.Before(end) {
		return s.remindTesting(fmt.Sprintf("%s:%d", kindTestingReminder, delivered.UnixMilli()), end)
	}
	if !s.attended() {
		return s.deferred(), nil
	}
	return s.autoClose(fmt.Sprintf("accepted:%d", delivered.UnixMilli()), ticketing.CloseReasonTestingAccepted, testingAcceptedText(s.t, s.c))
}

func (s *step) remindTesting(kind string, end time.Time) (time.Time, error) {
	_, err := s.tx.Notification(s.ctx, s.t.ID, kind, 0)
	switch {
	case err == nil:
		return end, nil
	case !errors.Is(err, ticketing.ErrNotFound):
		return time.Time{}, err
	case !s.attended():
		return s.deferred(), nil
	}
	if _, err := s.record(kind, 0); err != nil {
		return time.Time{}, err
	}
	if err := s.toClient(kind, testingReminderText(s.t, s.c, end, s.now)); err != nil {
		return time.Time{}, err
	}
	if err := s.audit(ticketing.AuditTestingReminder, "testing ends "+end.UTC().Format("2006-01-02T15:04Z")); err != nil {
		return time.Time{}, err
	}
	return end, nil
}
