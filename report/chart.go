package report

import "fmt"

// Chart geometry, in SVG user units. A six-month chart is 382 units wide:
// on a 390 px phone it scales to about 0.94, so its 13-unit labels stay
// above 12 px; the goal's label sits above the plot, not beside it, to
// keep the width down.
const (
	chartBarWidth = 36
	chartSlot     = 54
	chartLeft     = 50
	chartRight    = 8
	chartTop      = 40
	chartPlot     = 150
	chartHeight   = chartTop + chartPlot + 44
)

// chart is a compliance chart: one 100% bar per priority (or month), the
// share of decided tickets answered in target stacked under the share
// breached, against a goal line at FactorGoal. Colours are the Okabe–Ito
// blue and vermilion, which stay apart for colour-blind readers, the
// breach share is also hatched, and each bar says its percentage, so
// nothing relies on colour alone.
type chart struct {
	ID            string // unique on the page, for the hatch pattern
	Width, Height int
	Title         string
	Left, Right   int // the plot's x span
	Base, Top     int // the plot's y span
	GoalY         int
	Goal          string
	Bars          []bar
	Ticks         []tick
}

type bar struct {
	X, Mid      int
	Label, Sub  string
	LabelY      int
	SubY        int
	Value       string
	ValueY      int
	Met, Breach segment // H is zero when there is nothing to draw
	Description string
}

type segment struct {
	X, Y, W, H int
}

type tick struct {
	Y     int
	Label string
}

// barSpec is what one bar shows.
type barSpec struct {
	label, sub  string
	met, breach int
	description string
}

func newChart(w words, id, title string, specs []barSpec) chart {
	ch := chart{
		ID: id, Title: title, Height: chartHeight,
		Width: chartLeft + len(specs)*chartSlot + chartRight, Left: chartLeft,
		Base: chartTop + chartPlot, Top: chartTop,
		Goal: w.say("report.chart.goal", FactorGoal),
	}
	ch.Right = ch.Width - chartRight
	y := func(pct int) int { return ch.Base - pct*chartPlot/100 }
	ch.GoalY = y(FactorGoal)
	for pct := 0; pct <= 100; pct += 20 {
		ch.Ticks = append(ch.Ticks, tick{Y: y(pct), Label: fmt.Sprintf("%d %%", pct)})
	}
	for i, s := range specs {
		x := chartLeft + i*chartSlot + (chartSlot-chartBarWidth)/2
		b := bar{
			X: x, Mid: x + chartBarWidth/2, Label: s.label, Sub: s.sub,
			LabelY: ch.Base + 17, SubY: ch.Base + 33, Description: s.description,
		}
		decided := s.met + s.breach
		if pct, ok := Share(s.met, decided); ok {
			// The boundary is drawn at the exact share, the label says the
			// rounded-down one.
			top := ch.Base - s.met*chartPlot/decided
			b.Met = segment{X: x, Y: top, W: chartBarWidth, H: ch.Base - top}
			b.Breach = segment{X: x, Y: ch.Top, W: chartBarWidth, H: top - ch.Top}
			b.Value, b.ValueY = fmt.Sprintf("%d %%", pct), ch.Top-6
		} else {
			// A dash, as in the tables: "sin datos" would run into the
			// next bar's on a phone.
			b.Value, b.ValueY = "—", ch.Base-6
		}
		ch.Bars = append(ch.Bars, b)
	}
	return ch
}

// priorityChart is a client's compliance per priority.
func priorityChart(w words, i int, c ClientReport) chart {
	specs := make([]barSpec, len(c.Rows))
	for j, r := range c.Rows {
		specs[j] = rowSpec(w, priorityLabel(w, r.Priority), r)
	}
	return newChart(w, fmt.Sprintf("c%d", i), w.say("report.chart.priority", c.Client.Name, FactorGoal), specs)
}

// trendChart is the desk's compliance month by month.
func trendChart(w words, trend []TrendPoint) chart {
	specs := make([]barSpec, len(trend))
	for j, p := range trend {
		specs[j] = rowSpec(w, p.Month.ShortIn(w.l), p.Row)
		specs[j].sub = w.say("report.chart.breached", p.Row.Breaches)
	}
	return newChart(w, "trend", w.say("report.chart.trend", TrendMonths, FactorGoal), specs)
}

func rowSpec(w words, label string, r Row) barSpec {
	pct, ok := r.MetShare()
	return barSpec{
		label: label, sub: w.say("report.chart.of", r.Met, r.Met+r.Breaches), met: r.Met, breach: r.Breaches,
		description: w.say("report.chart.bar", label, pctText(pct, ok), r.Met, r.Breaches, r.Pending, r.ClosedNoResponse),
	}
}
