package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

//go:embed page.html.tmpl
var htmlTemplate string

// The page carries its own CSS and SVG: it is mailed and archived as one
// file, and must look the same with no network. html/template escapes
// every value, so a client's subject or name stays text. The texts come
// from the catalog in the report's language: htmlFuncs binds them when the
// page is written; these stand-ins only let the template parse.
var htmlPage = template.Must(template.New("page").Funcs(htmlFuncs(words{})).Parse(htmlTemplate))

func htmlFuncs(w words) template.FuncMap {
	return template.FuncMap{
		"t":          w.say,
		"col":        w.col,
		"colsOf":     w.cols,
		"priority":   func(p ticketing.Priority) string { return priorityLabel(w, p) },
		"kind":       func(k ticketing.Kind) string { return kindLabel(w, k) },
		"channel":    func(s ticketing.Source) string { return channelLabel(w, s) },
		"zoneTime":   w.zoneTime,
		"clock":      w.clockLabel,
		"monthShort": func(m Month) string { return m.ShortIn(w.l) },
		"monthLabel": func(m Month) string { return m.LabelIn(w.l) },
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
		"botLine":     func(f Factor) string { return botLineBare(w, f) },
		"peopleLine":  func(f Factor) string { return peopleLineBare(w, f) },
		"corrected":   func(c ClientReport) string { return correctedLine(w, c) },
		"selfServed":  func(c ClientReport) string { return selfServedLine(w, c) },
		"csatLine":    func(c CSAT) string { return csatLine(w, c) },
		"csatPct":     csatPctText,
		"csatAvg":     func(c CSAT) string { return averageText(w, c) },
		"verdict":     func(f Factor) string { return verdict(w, f) },
		"goal":        func() int { return FactorGoal },
		"window":      func() string { return botWindowSeconds },
		"trendMonths": func() int { return TrendMonths },
		"method":      func() []string { return method(w) },
		"plus":        func(a, b int) int { return b + a },
		"minus":       func(a, b int) int { return b - a },
		"groups": func(title, column string, gs []Group, others bool) htmlGroups {
			return htmlGroups{Title: title, Column: column, Groups: gs, Others: others}
		},
	}
}

type htmlView struct {
	Report
	Lang, Label, Generated, GeneratedISO string
	TrendChart                           chart
	Clients                              []htmlClient
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
// threads of breached tickets. It fits a phone (tables become cards) and a
// laptop without sideways scrolling, and prints on A4.
func WriteHTML(w io.Writer, r Report) error {
	wd := words{r.Language}
	page, err := htmlPage.Clone()
	if err != nil {
		return fmt.Errorf("write html report: %w", err)
	}
	page.Funcs(htmlFuncs(wd))
	v := htmlView{Report: r, Lang: htmlLang(r.Language), Label: r.Month.LabelIn(wd.l), Generated: generatedText(wd, r),
		GeneratedISO: r.Generated.UTC().Format(time.RFC3339), TrendChart: trendChart(wd, r.Desk.Trend)}
	for i, c := range r.Clients {
		v.Clients = append(v.Clients, htmlClient{ClientReport: c, Anchor: fmt.Sprintf("cliente-%d", i+1), Chart: priorityChart(wd, i, c)})
	}
	if err := page.Execute(w, v); err != nil {
		return fmt.Errorf("write html report: %w", err)
	}
	return nil
}

// htmlLang is the page's lang attribute: the report's language, es-AR when
// unset.
func htmlLang(l wording.Language) string {
	if _, err := wording.ParseLanguage(string(l)); err != nil {
		return string(wording.SpanishAR)
	}
	return string(l)
}
