package report

import (
	"fmt"
	"html/template"
	"io"
)

// The page carries its own CSS and SVG: it is mailed and archived as one
// file, and must look the same with no network.
var htmlPage = template.Must(template.New("page").Funcs(template.FuncMap{
	"priority": priorityLabel,
	"wait":     waitText,
	"metPct": func(r Row) string {
		pct, ok := r.MetShare()
		return pctText(pct, ok)
	},
	"share": func(f Factor) int {
		pct, _ := f.Share()
		return pct
	},
	"botForm": func(f Factor) string { return factorForm(f, botWindowSeconds) },
	"pct": func(f Factor) string {
		pct, ok := f.Share()
		return pctText(pct, ok)
	},
	"verdict": verdict,
	"goal":    func() int { return FactorGoal },
	"window":  func() string { return botWindowSeconds },
}).Parse(htmlTemplate))

const htmlTemplate = `<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Informe de SLA · {{.Month}}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:60rem;color:#1d2330;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}
h2{font-size:1.2rem;margin:2.5rem 0 .2rem;border-bottom:2px solid #dde2ea;padding-bottom:.3rem}
.muted{color:#66708a;font-size:.9rem;font-weight:normal}
table{border-collapse:collapse;margin:1rem 0;font-variant-numeric:tabular-nums;width:100%}
th,td{padding:.35rem .6rem;text-align:right;border-bottom:1px solid #e6e9ef}
th:first-child,td:first-child{text-align:left}
thead th{background:#f3f5f9;font-weight:600;font-size:.85rem}
tr.total td{font-weight:600;border-top:2px solid #c9d0dc}
.factors{display:flex;gap:2rem;flex-wrap:wrap;margin:.5rem 0 1rem}
.factor{flex:1 1 16rem}
.meter{position:relative;height:.8rem;background:#e6e9ef;border-radius:.4rem;overflow:hidden;margin:.3rem 0}
.meter span{display:block;height:100%;background:#2f7d4f}
.meter.low span{background:#c0392b}
.meter i{position:absolute;top:0;bottom:0;width:2px;background:#1d2330}
.ok{color:#2f7d4f;font-weight:600}.bad{color:#c0392b;font-weight:600}
svg{max-width:100%;height:auto}
svg text{font-size:12px;fill:#1d2330}
.met{fill:#2f7d4f;background:#2f7d4f}.breach{fill:#c0392b;background:#c0392b}
.pending{fill:#e0a800;background:#e0a800}.other{fill:#aab2c0;background:#aab2c0}
.axis{stroke:#66708a;stroke-width:1}
.key{font-size:.85rem;color:#44506a}
.key span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 1rem;vertical-align:middle}
.legend{font-size:.85rem;color:#44506a;margin-top:3rem}
</style>
</head>
<body>
<h1>Informe de SLA · {{.Label}}</h1>
<p class="muted">Generado {{.Generated}} · cada cliente en su propia zona horaria</p>
{{- if not .Clients}}
<p>Sin clientes para informar.</p>
{{- end}}
{{- range .Clients}}
<section>
<h2>{{.Client.Name}} <span class="muted">({{.Client.ID}} · {{.Client.TimeZone}})</span></h2>
<table>
<thead><tr><th>Prioridad</th><th>Tickets</th><th>En objetivo</th><th>%</th><th>Mediana</th><th>P90</th><th>Incumplidos</th><th>Pendientes</th><th>Críticos derivados</th><th>Autocierre</th></tr></thead>
<tbody>
{{- range .Rows}}
{{template "row" .}}
{{- end}}
{{- with .Total}}
<tr class="total"><td>Total</td>{{template "cells" .}}</tr>
{{- end}}
</tbody>
</table>
<div class="factors">
<div class="factor"><strong>Bot</strong>: {{.Bot.Within}} de {{.Bot.Total}} respondidos en {{window}} s → <strong>{{botForm .Bot}}</strong> (meta {{goal}}-{{window}}) {{template "verdict" .Bot}}
<div class="meter{{if not .Bot.Meets}} low{{end}}"><span style="width:{{share .Bot}}%"></span><i style="left:{{goal}}%"></i></div></div>
<div class="factor"><strong>Personas</strong>: {{.People.Within}} de {{.People.Total}} primeras respuestas en objetivo → <strong>{{pct .People}}</strong> (meta {{goal}}%) {{template "verdict" .People}}
<div class="meter{{if not .People.Meets}} low{{end}}"><span style="width:{{share .People}}%"></span><i style="left:{{goal}}%"></i></div></div>
</div>
{{template "chart" .Chart}}
<p class="key"><span class="met"></span>en objetivo<span class="breach"></span>incumplidos<span class="pending"></span>pendientes<span class="other"></span>cerrados antes del plazo sin respuesta</p>
</section>
{{- end}}
{{- if .Ignored}}
<p class="muted">{{.Ignored}} tickets de clientes que ya no están en la configuración no se incluyen.</p>
{{- end}}
<p class="legend">En objetivo: primeras respuestas de soporte dentro del plazo de su prioridad. Mediana y P90: horas de atención del calendario del ticket desde el mensaje del cliente hasta la primera respuesta. Incumplidos: plazos vencidos antes de la primera respuesta. Críticos derivados: incidentes críticos enviados a la Mesa de Ayuda (no abren ticket por chat). Factor de servicio {{goal}}-{{window}}: el {{goal}}% atendido dentro de los primeros {{window}} segundos.</p>
</body>
</html>
{{define "row"}}<tr><td>{{priority .Priority}}</td>{{template "cells" .}}</tr>{{end}}
{{define "cells"}}<td>{{.Tickets}}</td><td>{{.Met}}</td><td>{{metPct .}}</td><td>{{wait . .Median}}</td><td>{{wait . .P90}}</td><td>{{.Breaches}}</td><td>{{.Pending}}</td><td>{{.CriticalRefusals}}</td><td>{{.AutoClosed}}</td>{{end}}
{{define "verdict"}}{{with verdict .}}<span class="{{if eq . "cumple"}}ok{{else}}bad{{end}}">{{.}}</span>{{end}}{{end}}
{{define "chart"}}<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{.Width}} {{.Height}}" width="{{.Width}}" height="{{.Height}}" role="img" aria-label="{{.Title}}">
<title>{{.Title}}</title>
<line class="axis" x1="{{.Left}}" y1="{{.Base}}" x2="{{.Width}}" y2="{{.Base}}"/>
{{- range .Ticks}}
<text x="{{.X}}" y="{{.Y}}" text-anchor="end">{{.Label}}</text>
{{- end}}
{{- range .Bars}}
<g><title>{{.Description}}</title>
{{- range .Segments}}
<rect class="{{.Class}}" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}"/>
{{- end}}
<text x="{{.LabelX}}" y="{{.CountY}}" text-anchor="middle">{{.Count}}</text>
<text x="{{.LabelX}}" y="{{.LabelY}}" text-anchor="middle">{{.Label}}</text>
</g>
{{- end}}
</svg>{{end}}`

type htmlView struct {
	Month, Label, Generated string
	Clients                 []htmlClient
	Ignored                 int
}

type htmlClient struct {
	ClientReport
	Chart chart
}

// WriteHTML writes the report as one self-contained page: inline CSS and an
// inline SVG bar chart per client, no external assets.
func WriteHTML(w io.Writer, r Report) error {
	v := htmlView{Month: r.Month.String(), Label: r.Month.Label(), Generated: r.Generated.UTC().Format("2006-01-02 15:04 UTC"), Ignored: r.Ignored}
	for _, c := range r.Clients {
		v.Clients = append(v.Clients, htmlClient{ClientReport: c, Chart: newChart(c)})
	}
	if err := htmlPage.Execute(w, v); err != nil {
		return fmt.Errorf("write html report: %w", err)
	}
	return nil
}
