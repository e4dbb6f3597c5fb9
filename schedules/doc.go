// Package schedules answers the service-level questions of the support
// policy: which hours count for a ticket, when its clock starts and when its
// first response is due. Deadlines run on coverage calendars in the client's
// own time zone, closed on Argentina's and Chile's public holidays and the
// client's extra closed days.
//
// Wall-clock arithmetic is done on civil dates and then turned into instants
// in the client's location, so it survives DST: America/Santiago changes
// offset at midnight twice a year. The package imports no network library.
//
// Jobs are the cron jobs built on those answers: the deadline watch (pings
// at each warning threshold, escalation on breach), the notice-then-close
// of tickets waiting on the client, the end of a requerimiento's testing
// period and the focal points' daily digest. They keep no timers: each tick
// reads what is due from the store (a ticket's NextActionAt, through its
// index) and records every notification in the transaction that queues it.
package schedules
