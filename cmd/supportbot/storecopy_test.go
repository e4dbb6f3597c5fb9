package main

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"supportbot/store/pgtest"
)

// store copy moves a SQLite store into PostgreSQL: the monthly report reads
// the same from both, and a second copy into the now non-empty target is
// refused.
func TestStoreCopyRoundTrip(t *testing.T) {
	pg := pgtest.URL(t)
	sqliteCfg := writeConfig(t)
	seedReportStore(t, sqliteCfg)
	pgCfg := writeConfig(t, "driver: sqlite", "driver: postgres", `url: ""`, "url: "+pg)

	report := func(cfg string) string {
		t.Helper()
		m, out, _ := testMain()
		if err := m.Run(context.Background(), []string{"report", "-month", "2026-11", "-format", "csv", "-config", cfg}); err != nil {
			t.Fatalf("report on %s: %v", cfg, err)
		}
		return out.String()
	}
	before := report(sqliteCfg)

	from := "sqlite:" + filepath.Join(filepath.Dir(sqliteCfg), "state", "bot.db")
	m, out, _ := testMain()
	if err := m.Run(context.Background(), []string{"store", "copy", "-from", from, "-to", pg}); err != nil {
		t.Fatalf("store copy: %v", err)
	}
	for _, want := range []string{"tickets", "outbox", "counts verified"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("store copy said:\n%s\nwant %q in it", out, want)
		}
	}
	if after := report(pgCfg); after != before {
		t.Errorf("report after the copy:\n%s\nwant, as from SQLite:\n%s", after, before)
	}
	if strings.Count(before, "\n") < 2 {
		t.Fatalf("report has no rows to compare:\n%s", before)
	}

	m, _, _ = testMain()
	err := m.Run(context.Background(), []string{"store", "copy", "-from", from, "-to", pg})
	if err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("second copy into the filled target: %v, want a refusal", err)
	}
}

// Bad locations are usage errors, and nothing is created for a missing
// source.
func TestStoreCopyBadLocations(t *testing.T) {
	dir := t.TempDir()
	cases := []struct{ name, from, to, want string }{
		{"no -from", "", "sqlite:" + filepath.Join(dir, "b.db"), "-from is required"},
		{"missing source", "sqlite:" + filepath.Join(dir, "none.db"), "sqlite:" + filepath.Join(dir, "b.db"), "no store at"},
		{"bad scheme", "mysql://x", "sqlite:" + filepath.Join(dir, "b.db"), "want sqlite:PATH"},
		{"same store", "sqlite:" + filepath.Join(dir, "a.db"), "sqlite:" + filepath.Join(dir, "a.db"), "same store"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, _, _ := testMain()
			err := m.Run(context.Background(), []string{"store", "copy", "-from", c.from, "-to", c.to})
			var exit *ExitError
			if err == nil || !strings.Contains(err.Error(), c.want) || !errors.As(err, &exit) || exit.Code != 2 {
				t.Errorf("err = %v, want exit 2 with %q", err, c.want)
			}
		})
	}
}
