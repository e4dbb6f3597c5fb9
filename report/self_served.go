package report

// selfServedLine counts the month's tickets a suggested knowledge article
// resolved, beside all of the client's tickets.
func selfServedLine(w words, c ClientReport) string {
	return w.say("report.self_served", c.Total.SelfServed, w.say("report.n_tickets", c.Total.Tickets))
}
