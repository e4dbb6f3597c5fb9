// Package schedules answers the service-level questions of the support
// policy: which hours count for a ticket, when its clock starts and when its
// first response is due. Deadlines run on coverage calendars in the client's
// own time zone, closed on Argentina's and Chile's public holidays and the
// client's extra closed days.
//
// Wall-clock arithmetic is done on civil dates and then turned into instants
// in the client's location, so it survives DST: America/Santiago changes
// offset at midnight twice a year. The package imports no network library.
package schedules
