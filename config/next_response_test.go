package config

import (
	"errors"
	"maps"
	"slices"
	"testing"
	"time"

	"supportbot/ticketing"
)

func TestNextResponseForms(t *testing.T) {
	h := func(n int) ticketing.Target { return ticketing.Target{OpenTime: time.Duration(n) * time.Hour} }
	tests := []struct {
		name    string
		yaml    string
		off     bool
		targets map[ticketing.Priority]ticketing.Target
	}{
		{"unset uses the response targets", "", false, nil},
		{"off", "sla:\n  next_response: off\n", true, nil},
		{"one duration for every priority", "sla:\n  next_response: 2h\n", false, map[ticketing.Priority]ticketing.Target{
			ticketing.PriorityCritica: h(2), ticketing.PriorityAlta: h(2), ticketing.PriorityMedia: h(2), ticketing.PriorityBaja: h(2)}},
		{"by priority", "sla:\n  next_response: {critica: 1h, baja: 2d}\n", false, map[ticketing.Priority]ticketing.Target{
			ticketing.PriorityCritica: h(1), ticketing.PriorityBaja: {BusinessDays: 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse("test.yaml", []byte(base+tt.yaml), noEnv)
			if err != nil {
				t.Fatal(err)
			}
			off, targets := cfg.SLA.NextResponsePolicy()
			if off != tt.off || !maps.Equal(targets, tt.targets) {
				t.Errorf("NextResponsePolicy() = %v, %v; want %v, %v", off, targets, tt.off, tt.targets)
			}
		})
	}
}

func TestResolutionTargets(t *testing.T) {
	cfg, err := Parse("test.yaml", []byte(base+"sla:\n  resolution_targets: {critica: 8h, media: 90m}\n"), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	want := map[ticketing.Priority]time.Duration{ticketing.PriorityCritica: 8 * time.Hour, ticketing.PriorityMedia: 90 * time.Minute}
	if got := cfg.SLA.ResolutionTargetMap(); !maps.Equal(got, want) {
		t.Errorf("ResolutionTargetMap() = %v, want %v", got, want)
	}
	cfg, err = Parse("test.yaml", []byte(base), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.SLA.ResolutionTargetMap(); len(got) != 0 {
		t.Errorf("default ResolutionTargetMap() = %v, want none", got)
	}
}

func TestNextResponseAndResolutionProblems(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"bad single value", "sla:\n  next_response: soon\n",
			[]string{`sla.next_response: bad duration "soon": want hours such as 4h or business days such as 1d, or off`}},
		{"a list", "sla:\n  next_response: [2h]\n",
			[]string{`sla.next_response: want off, one duration such as 2h, or a duration per priority (critica: 1h, alta: 2h …) (line 22)`}},
		{"bad priority and duration", "sla:\n  next_response: {urgente: 1h, alta: x}\n", []string{
			`sla.next_response.alta: bad duration "x": want hours such as 4h or business days such as 1d`,
			`sla.next_response.urgente: unknown priority (want critica, alta, media or baja)`}},
		{"resolution target in days", "sla:\n  resolution_targets: {alta: 2d, nada: 1h}\n", []string{
			`sla.resolution_targets.alta: bad duration "2d": want attended hours such as 8h or 90m`,
			`sla.resolution_targets.nada: unknown priority (want critica, alta, media or baja)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("test.yaml", []byte(base+tt.yaml), noEnv)
			var cerr *Error
			if !errors.As(err, &cerr) {
				t.Fatalf("Parse = %v, want a *config.Error", err)
			}
			if !slices.Equal(cerr.Problems, tt.want) {
				t.Errorf("problems:\ngot  %q\nwant %q", cerr.Problems, tt.want)
			}
		})
	}
}
