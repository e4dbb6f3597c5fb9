package ticketing

import "time"

// The seed gives the client 30 days after delivery to test a requerimiento;
// a reminder goes out 5 days before they end.
const (
	TestingDays         = 30
	TestingReminderDays = 5
)

// TestingPeriod is when a requerimiento delivered at delivered has its
// testing reminder and when its testing ends. Days are counted on the
// client's calendar (loc), so both keep their clock time across a DST change.
func TestingPeriod(delivered time.Time, loc *time.Location) (remindAt, end time.Time) {
	if loc == nil {
		loc = time.UTC
	}
	end = delivered.In(loc).AddDate(0, 0, TestingDays)
	return end.AddDate(0, 0, -TestingReminderDays), end
}
