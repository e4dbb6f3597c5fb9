package report

import "fmt"

// Chart geometry, in SVG user units.
const (
	chartBarWidth = 44
	chartSlot     = 80
	chartLeft     = 36
	chartTop      = 22
	chartPlot     = 140
	chartHeight   = chartTop + chartPlot + 34
)

// chart is one client's stacked bar chart: one bar per priority, split into
// met, breached, pending and the rest (closed before the deadline).
type chart struct {
	Width, Height int
	Title         string
	Left, Base    int // where the axis starts, and its y
	Bars          []bar
	Ticks         []tick
}

type bar struct {
	LabelX, LabelY int
	Label          string
	Count          string
	CountY         int
	Segments       []segment
	Description    string
}

type segment struct {
	Class      string
	X, Y, W, H int
}

type tick struct {
	X, Y  int
	Label string
}

func newChart(c ClientReport) chart {
	ch := chart{
		Width: chartLeft + len(c.Rows)*chartSlot + 8, Height: chartHeight, Left: chartLeft, Base: chartTop + chartPlot,
		Title: fmt.Sprintf("Tickets de %s por prioridad", c.Client.Name),
	}
	top := 1
	for _, r := range c.Rows {
		top = max(top, r.Tickets)
	}
	scale := func(n int) int { return n * chartPlot / top }
	ch.Ticks = []tick{{X: chartLeft - 6, Y: ch.Base + 4, Label: "0"}, {X: chartLeft - 6, Y: ch.Base - chartPlot + 4, Label: fmt.Sprint(top)}}
	for i, r := range c.Rows {
		x := chartLeft + i*chartSlot + (chartSlot-chartBarWidth)/2
		b := bar{
			LabelX: x + chartBarWidth/2, LabelY: ch.Base + 18, Label: priorityLabel(r.Priority), Count: fmt.Sprint(r.Tickets),
			CountY:      ch.Base - scale(r.Tickets) - 5,
			Description: fmt.Sprintf("%s: %d tickets, %d en objetivo, %d incumplidos, %d pendientes", priorityLabel(r.Priority), r.Tickets, r.Met, r.Breaches, r.Pending),
		}
		// Stack from the axis up, so each segment's top is the running sum;
		// scaling the running sum keeps the bar's total height exact.
		sum := 0
		for _, s := range []struct {
			class string
			n     int
		}{{"met", r.Met}, {"breach", r.Breaches}, {"pending", r.Pending}, {"other", r.Tickets - r.Met - r.Breaches - r.Pending}} {
			if s.n <= 0 {
				continue
			}
			y0, y1 := ch.Base-scale(sum), ch.Base-scale(sum+s.n)
			b.Segments = append(b.Segments, segment{Class: s.class, X: x, Y: y1, W: chartBarWidth, H: y0 - y1})
			sum += s.n
		}
		ch.Bars = append(ch.Bars, b)
	}
	return ch
}
