package store

import (
	"database/sql"
	"errors"
	"strings"

	"github.com/mattn/go-sqlite3"

	"supportbot/ticketing"
)

var _ ticketing.Tx = (*Tx)(nil)

// Tx is one transaction; it is only valid inside Update or View.
type Tx struct {
	tx *sql.Tx
}

func isUniqueViolation(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrConstraint &&
		(se.ExtendedCode == sqlite3.ErrConstraintUnique || se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey)
}

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ticketing.ErrNotFound
	}
	return err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// splitCues and joinCues keep the classifier's cues in one column; cues are
// short lexicon labels that never contain a newline.
func joinCues(cues []string) string { return strings.Join(cues, "\n") }

func splitCues(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func isNotFound(err error) bool { return errors.Is(err, ticketing.ErrNotFound) }
