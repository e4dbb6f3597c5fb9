package report

import "fmt"

// Chart geometry, in SVG user units.
const (
	chartBarWidth = 44
	chartSlot     = 84
	chartLeft     = 46
	chartRight    = 74 // room for the goal's label
	chartTop      = 24
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

func newChart(id, title string, specs []barSpec) chart {
	ch := chart{
		ID: id, Title: title, Height: chartHeight,
		Width: chartLeft + len(specs)*chartSlot + chartRight, Left: chartLeft,
		Base: chartTop + chartPlot, Top: chartTop,
		Goal: fmt.Sprintf("meta %d %%", FactorGoal),
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
			b.Value, b.ValueY = "sin datos", ch.Base-6
		}
		ch.Bars = append(ch.Bars, b)
	}
	return ch
}

// priorityChart is a client's compliance per priority.
func priorityChart(i int, c ClientReport) chart {
	specs := make([]barSpec, len(c.Rows))
	for j, r := range c.Rows {
		specs[j] = rowSpec(priorityLabel(r.Priority), r)
	}
	return newChart(fmt.Sprintf("c%d", i), fmt.Sprintf("%s: %% de primeras respuestas en objetivo por prioridad, meta %d %%", c.Client.Name, FactorGoal), specs)
}

// trendChart is the desk's compliance month by month.
func trendChart(trend []TrendPoint) chart {
	specs := make([]barSpec, len(trend))
	for j, p := range trend {
		specs[j] = rowSpec(p.Month.Short(), p.Row)
		specs[j].sub = fmt.Sprintf("%d inc.", p.Row.Breaches)
	}
	return newChart("trend", fmt.Sprintf("Toda la mesa: %% en objetivo e incumplidos de los últimos %d meses, meta %d %%", TrendMonths, FactorGoal), specs)
}

func rowSpec(label string, r Row) barSpec {
	pct, ok := r.MetShare()
	return barSpec{
		label: label, sub: fmt.Sprintf("%d de %d", r.Met, r.Met+r.Breaches), met: r.Met, breach: r.Breaches,
		description: fmt.Sprintf("%s: %s en objetivo, %d en objetivo, %d incumplidos, %d pendientes, %d cerrados sin respuesta",
			label, pctText(pct, ok), r.Met, r.Breaches, r.Pending, r.ClosedNoResponse),
	}
}
