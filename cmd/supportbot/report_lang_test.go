package main

import (
	"context"
	"strings"
	"testing"
)

// TestReportLanguageAndZone runs `supportbot report` as a lead would: in
// the language asked for, with "Generado" on desk.timezone's clock (the
// first client's when unset), never on the process's own zone.
func TestReportLanguageAndZone(t *testing.T) {
	const deskZone = "\n  timezone: America/Argentina/Buenos_Aires\n"
	tests := []struct {
		name    string
		replace []string
		args    []string
		want    []string
		wantNot []string
	}{
		{"desk.language by default", nil, nil,
			[]string{"Informe de SLA · noviembre 2026\nGenerado 2026-11-24 ", " hora de Buenos Aires (2026-11-24 ", "Incumplimientos de toda la mesa (1)",
				"  #2 primera respuesta · MEDIA · Incidente · Andes Contact Center", "Toda la mesa · 2 clientes", "Andes Contact Center (andes) · hora de Santiago"},
			[]string{"Local", "America/"}},
		{"-lang en", nil, []string{"-lang", "en"},
			[]string{"SLA report · November 2026\nGenerated 2026-11-24 ", " Buenos Aires time (", "Breaches across the desk (1)",
				"  #2 first response · MEDIUM · Incident · Andes Contact Center", "Whole desk · 2 clients", "People: 0 of 1 within target"},
			[]string{"Informe", "incumplid", "Local"}},
		{"-lang es-CL", nil, []string{"-lang", "es-CL"}, []string{"Informe de SLA · noviembre 2026"}, nil},
		{"desk.timezone set", []string{deskZone, "\n  timezone: America/Santiago\n"}, nil, []string{" hora de Santiago (2026-11-24 "}, nil},
		{"desk.timezone unset: the first client's", []string{deskZone, "\n"}, nil, []string{" hora de Buenos Aires (2026-11-24 "}, []string{"Local"}},
		{"html in English", nil, []string{"-lang", "en", "-format", "html"},
			[]string{`<html lang="en">`, "<h2 id=\"incumplidos-h\">Breaches across the desk", `data-clock="first"`, "Buenos Aires time"}, []string{"Informe"}},
		{"breaches CSV has the clock", nil, []string{"-format", "csv", "-breaches", "-lang", "en"},
			[]string{",thread_url,clock\n", "Andes Contact Center,2,incidente,media", ",first\n"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, tt.replace...)
			seedReportStore(t, path)
			m, out, _ := testMain()
			if err := m.runReport(context.Background(), append([]string{"-month", "2026-11", "-config", path}, tt.args...)); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(out.String(), w) {
					t.Errorf("output has %q", w)
				}
			}
		})
	}
	path := writeConfig(t)
	m, out, _ := testMain()
	err := m.runReport(context.Background(), []string{"-lang", "fr", "-config", path})
	if exitCode(err) != 2 || err == nil || !strings.Contains(err.Error(), `-lang: unknown language "fr"`) || out.Len() != 0 {
		t.Errorf("-lang fr: exit %d, error %v, output %q; want a usage error naming -lang", exitCode(err), err, out)
	}
}
