package schedules

import (
	"testing"

	"supportbot/ticketing"
)

func TestCoverageFor(t *testing.T) {
	want := map[ticketing.Plan]Coverage{
		ticketing.PlanEstandar:  CoverageCommercial,
		ticketing.PlanExtendido: CoverageExtended,
		ticketing.Plan7x24:      CoverageAlways,
		"":                      CoverageCommercial,
		"oro":                   CoverageCommercial,
	}
	for plan, critical := range want {
		for _, kind := range ticketing.Kinds {
			wantCov := CoverageCommercial
			if kind == ticketing.KindIncidenteCritico {
				wantCov = critical
			}
			if got := CoverageFor(plan, kind); got != wantCov {
				t.Errorf("CoverageFor(%q, %s) = %s, want %s", plan, kind, got, wantCov)
			}
		}
	}
}
