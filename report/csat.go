package report

import (
	"strconv"
	"strings"

	"supportbot/ticketing"
)

// CSAT is the satisfaction of a row's tickets: Answers ratings (1–5), of
// which Satisfied were 4 or 5, adding up to Sum. The CSAT score is the
// share of satisfied answers, the usual definition; the average and the
// count go beside it, as a share of two answers says little.
type CSAT struct {
	Answers, Satisfied, Sum int
}

func (c *CSAT) add(rating int) {
	if !ticketing.ValidRating(rating) {
		return
	}
	c.Answers++
	c.Sum += rating
	if rating >= ticketing.CSATSatisfied {
		c.Satisfied++
	}
}

// Share is the CSAT score, a whole percentage rounded down; ok is false
// with no answers.
func (c CSAT) Share() (int, bool) { return Share(c.Satisfied, c.Answers) }

// Average is the mean rating; ok is false with no answers.
func (c CSAT) Average() (float64, bool) {
	if c.Answers == 0 {
		return 0, false
	}
	return float64(c.Sum) / float64(c.Answers), true
}

// averageText is the mean with one decimal, a comma as Spanish readers
// write it, a dot for English ones.
func averageText(w words, c CSAT) string {
	avg, ok := c.Average()
	if !ok {
		return "—"
	}
	s := strconv.FormatFloat(avg, 'f', 1, 64)
	if w.l.Spanish() {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func csatPctText(c CSAT) string {
	pct, ok := c.Share()
	return pctText(pct, ok)
}

// CSATLine says a row's satisfaction in one line, in the desk's Spanish.
func CSATLine(c CSAT) string { return csatLine(words{}, c) }

func csatLine(w words, c CSAT) string {
	if c.Answers == 0 {
		return w.say("report.csat_none")
	}
	return w.say("report.csat_line", csatPctText(c), c.Satisfied, w.say("report.n_ratings", c.Answers), averageText(w, c))
}
