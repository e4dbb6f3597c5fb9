package main

import (
	"context"
	"encoding/json"
	"testing"
)

// A small bench run prints every figure tools read, each measured.
func TestBenchJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("bench run")
	}
	m, out, errb := testMain()
	err := m.Run(context.Background(), []string{"bench", "-n", "300", "-clients", "5", "-rate", "500",
		"-tick-small", "100", "-tick-large", "1000", "-json", "-dir", t.TempDir()})
	if err != nil {
		t.Fatalf("bench: %v\n%s", err, errb)
	}
	var got map[string]float64
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("bench -json printed %q: %v", out, err)
	}
	for _, field := range []string{"ingest_per_s", "raw_insert_per_s", "ingest_ratio", "ack_p50_ms", "ack_p99_ms",
		"tick_1k_ms", "tick_100k_ms", "tick_ratio", "rss_100k_mb", "deadlines_per_s"} {
		v, ok := got[field]
		if !ok {
			t.Errorf("bench -json lacks %s", field)
		} else if v <= 0 {
			t.Errorf("%s = %v, want a measured positive figure", field, v)
		}
	}
}

func TestBenchRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{{"bench", "-n", "0"}, {"bench", "-clients", "0"}, {"bench", "-rate", "-1"}, {"bench", "-tick-small", "10", "-tick-large", "5"},
		{"bench", "-replicas", "2"}, {"bench", "-replicas", "3", "-store", "postgres://h/db"}, {"bench", "-store", "mysql://h/db"}} {
		m, _, _ := testMain()
		if got := exitCode(m.Run(context.Background(), args)); got != 2 {
			t.Errorf("%v: exit %d, want 2", args, got)
		}
	}
}
