package main

import (
	"context"
	"errors"
)

// runWhatsApp is filled in by the WhatsApp adapter work.
func (m *Main) runWhatsApp(ctx context.Context, args []string) error {
	return errors.New("whatsapp: not implemented yet")
}
