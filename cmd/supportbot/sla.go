package main

import (
	"context"
	"errors"
)

// runSLA is filled in by the SLA engine work.
func (m *Main) runSLA(ctx context.Context, args []string) error {
	return errors.New("sla: not implemented yet")
}
