package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"time"
)

//go:embed page.html.tmpl
var htmlTemplate string

// The page carries its own CSS and SVG: it is mailed and archived as one
// file, and must look the same with no network. html/template escapes
// every value, so a client's subject or name stays text.
var htmlPage = template.Must(template.New("page").Funcs(template.FuncMap{
	"priority":   priorityLabel,
	"kind":       kindLabel,
	"channel":    channelLabel,
	"wait":       waitText,
	"resolution": resolutionText,
	"nextPct": func(r Row) string {
		pct, ok := r.NextMetShare()
		return pctText(pct, ok)
	},
	"hm":   hoursMinutes,
	"when": func(t time.Time) string { return t.Format("2006-01-02 15:04") },
	"metPct": func(r Row) string {
		pct, ok := r.MetShare()
		return pctText(pct, ok)
	},
	"share": func(f Factor) int {
		pct, _ := f.Share()
		return pct
	},
	"botForm":    func(f Factor) string { return factorForm(f, botWindowSeconds) },
	"corrected":  CorrectedLine,
	"selfServed": SelfServedLine,
	"csatLine":   CSATLine,
	"csatPct":    csatPctText,
	"csatAvg":    averageText,
	"pct": func(f Factor) string {
		pct, ok := f.Share()
		return pctText(pct, ok)
	},
	"verdict":     verdict,
	"goal":        func() int { return FactorGoal },
	"window":      func() string { return botWindowSeconds },
	"trendMonths": func() int { return TrendMonths },
	"method":      func() []string { return method },
	"plus":        func(a, b int) int { return b + a },
	"minus":       func(a, b int) int { return b - a },
	"groups": func(title, column string, gs []Group, others bool) htmlGroups {
		return htmlGroups{Title: title, Column: column, Groups: gs, Others: others}
	},
}).Parse(htmlTemplate))

type htmlView struct {
	Report
	Label, Generated, GeneratedISO string
	TrendChart                     chart
	Clients                        []htmlClient
}

type htmlClient struct {
	ClientReport
	Anchor string
	Chart  chart
}

type htmlGroups struct {
	Title, Column string
	Groups        []Group
	Others        bool
}

// WriteHTML writes the report as one self-contained page: inline CSS and
// inline SVG charts, no external assets; the only links are to Slack
// threads of breached tickets.
func WriteHTML(w io.Writer, r Report) error {
	v := htmlView{Report: r, Label: r.Month.Label(), Generated: generatedText(r),
		GeneratedISO: r.Generated.UTC().Format(time.RFC3339), TrendChart: trendChart(r.Desk.Trend)}
	for i, c := range r.Clients {
		v.Clients = append(v.Clients, htmlClient{ClientReport: c, Anchor: fmt.Sprintf("cliente-%d", i+1), Chart: priorityChart(i, c)})
	}
	if err := htmlPage.Execute(w, v); err != nil {
		return fmt.Errorf("write html report: %w", err)
	}
	return nil
}
