package main

import (
	"context"
	"errors"
)

// runClassify is filled in by the classifier work.
func (m *Main) runClassify(ctx context.Context, args []string) error {
	return errors.New("classify: not implemented yet")
}
