package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"supportbot/ticketing"
)

// Person is whom a personal-data request is about: a WhatsApp number in
// E.164 or a Slack user id. Exactly one is set.
type Person struct {
	Phone     string
	SlackUser string
}

// ids are the spellings under which the person may be stored: the number
// as stored (+549…) and its bare digits (a WhatsApp JID's user part), or
// the Slack id. Longest first, so a replacement never leaves a stray "+".
func (p Person) ids() ([]string, error) {
	switch {
	case p.Phone != "" && p.SlackUser != "":
		return nil, errors.New("privacy: name a contact or a Slack user, not both")
	case p.Phone != "":
		if !ticketing.IsPhone(p.Phone) {
			return nil, fmt.Errorf("privacy: %q: %w", p.Phone, ticketing.ErrBadPhone)
		}
		return []string{p.Phone, strings.TrimPrefix(p.Phone, "+")}, nil
	case p.SlackUser != "":
		if !isSlackUserID(p.SlackUser) {
			return nil, fmt.Errorf("privacy: %q is not a Slack user id (U… or W…)", p.SlackUser)
		}
		return []string{p.SlackUser}, nil
	}
	return nil, errors.New("privacy: name a contact or a Slack user")
}

// isSlackUserID is deliberately strict: an erase replaces the id wherever
// it occurs, so a short or loose one could match other people's data.
func isSlackUserID(s string) bool {
	if len(s) < 8 || len(s) > 20 || (s[0] != 'U' && s[0] != 'W') {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// PersonalData is everything the store holds that names a person: per
// table, every row in which any text column contains one of their ids,
// plus every message of the tickets they opened or wrote from.
type PersonalData struct {
	Subject    string                      `json:"subject"`
	ExportedAt time.Time                   `json:"exported_at"`
	Tables     map[string][]map[string]any `json:"tables"`
}

// ExportPerson collects a person's data in one read snapshot.
func (d *DB) ExportPerson(ctx context.Context, p Person, now time.Time) (PersonalData, error) {
	ids, err := p.ids()
	if err != nil {
		return PersonalData{}, err
	}
	out := PersonalData{Subject: ids[0], ExportedAt: now.UTC(), Tables: map[string][]map[string]any{}}
	err = d.View(ctx, func(ttx ticketing.Tx) error {
		t := ttx.(*Tx)
		for _, table := range copyTables {
			cols, err := t.textColumns(ctx, table)
			if err != nil {
				return err
			}
			where, args := mentions(cols, ids[len(ids)-1])
			for _, sc := range personScopes {
				if sc.table == table {
					w, a := scoped(sc.where, ids[0], ids[len(ids)-1])
					where = strings.TrimPrefix(where+` OR `+w, ` OR `)
					args = append(args, a...)
				}
			}
			if where == "" {
				continue
			}
			rows, err := t.rowsAsMaps(ctx, `SELECT * FROM `+table+` WHERE `+where, args...)
			if err != nil {
				return fmt.Errorf("privacy export %s: %w", table, err)
			}
			if len(rows) > 0 {
				out.Tables[table] = rows
			}
		}
		return nil
	})
	return out, err
}

// ErasedPlaceholder starts what stands in for an erased person; a random
// part keeps two erased people apart (one open ticket per contact).
const ErasedPlaceholder = "borrado-"

// ErasureReport is what Erase changed.
type ErasureReport struct {
	Placeholder string
	// Rows is how many rows each table had changed or removed.
	Rows map[string]int64
	// Checkpointed is false when a reader held the write-ahead log, so
	// old pages may remain in the -wal file until the next checkpoint.
	Checkpointed bool
}

// ErasePerson removes a person's personal data: the texts and files of
// their messages (rows stay, so counts do), their contact, invitations and
// unknown-number rows, the texts of what was sent to them, and every other
// mention, replaced with a placeholder in tickets, outbox and audit. The
// tickets they opened keep their figures; their subject (the client's
// words) goes too. On SQLite the file is then vacuumed and the write-ahead
// log truncated, so no freed page still holds the old rows.
func (d *DB) ErasePerson(ctx context.Context, p Person, actor string, now time.Time) (ErasureReport, error) {
	ids, err := p.ids()
	if err != nil {
		return ErasureReport{}, err
	}
	var salt [4]byte
	if _, err := rand.Read(salt[:]); err != nil {
		return ErasureReport{}, fmt.Errorf("privacy erase: %w", err)
	}
	rep := ErasureReport{Placeholder: ErasedPlaceholder + hex.EncodeToString(salt[:]), Rows: map[string]int64{}}
	err = d.Update(ctx, func(ttx ticketing.Tx) error {
		t := ttx.(*Tx)
		id := ids[0]
		var steps []eraseStep
		for _, sc := range personScopes {
			w, a := scoped(sc.where, id, ids[len(ids)-1])
			steps = append(steps, eraseStep{sc.table, sc.erase + ` WHERE ` + w, a})
		}
		steps = append(steps, []eraseStep{
			{"tickets", `UPDATE tickets SET subject = ? WHERE whatsapp_contact = ? OR opened_by = ?`, []any{"[" + rep.Placeholder + "]", id, id}},
			// What was still owed to them can no longer be delivered.
			{"outbox", `UPDATE outbox SET dead_at = ?, last_error = 'erased' WHERE (target = ? OR user_id = ?) AND sent_at IS NULL AND dead_at IS NULL`, []any{stampOf(now), id, id}},
			{"whatsapp_contacts", `DELETE FROM whatsapp_contacts WHERE phone = ?`, []any{id}},
			{"whatsapp_invitations", `DELETE FROM whatsapp_invitations WHERE phone = ?`, []any{id}},
			{"unknown_contacts", `DELETE FROM unknown_contacts WHERE phone = ?`, []any{id}},
			{"whatsapp_windows", `DELETE FROM whatsapp_windows WHERE phone = ?`, []any{id}},
			// A ticket's card showed their subject: drawn again from the
			// erased ticket at its next change, its sent copies emptied.
			{"ticket_cards", `UPDATE ticket_cards SET shown = '' WHERE ticket_id IN (SELECT id FROM tickets WHERE whatsapp_contact = ? OR opened_by = ?)`, []any{id, id}},
			{"outbox", `UPDATE outbox SET text = '', buttons = '' WHERE card <> '' AND (sent_at IS NOT NULL OR dead_at IS NOT NULL)
				AND ticket_id IN (SELECT id FROM tickets WHERE whatsapp_contact = ? OR opened_by = ?)`, []any{id, id}},
		}...)
		for _, s := range steps {
			res, err := t.exec(ctx, s.q, s.args...)
			if err != nil {
				return fmt.Errorf("privacy erase %s: %w", s.table, err)
			}
			n, _ := res.RowsAffected()
			rep.Rows[s.table] += n
		}
		n, err := t.eraseDeskArticles(ctx, id, rep.Placeholder, now)
		if err != nil {
			return err
		}
		rep.Rows["desk_articles"] += n
		// Then every other mention, in any text column of any table.
		for _, table := range copyTables {
			cols, err := t.textColumns(ctx, table)
			if err != nil {
				return err
			}
			for _, col := range cols {
				for _, spelling := range ids {
					res, err := t.exec(ctx, `UPDATE `+table+` SET `+col+` = REPLACE(`+col+`, ?, ?) WHERE `+col+` LIKE ?`,
						spelling, rep.Placeholder, likeAny(spelling))
					if err != nil {
						return fmt.Errorf("privacy erase %s.%s: %w", table, col, err)
					}
					n, _ := res.RowsAffected()
					rep.Rows[table] += n
				}
			}
		}
		if err := t.repairHeads(ctx); err != nil {
			return fmt.Errorf("privacy erase: %w", err)
		}
		return t.Audit(ctx, ticketing.AuditEntry{At: now, Actor: actor, Action: ticketing.AuditPrivacyErased, Detail: rep.Placeholder})
	})
	if err != nil {
		return ErasureReport{}, err
	}
	if d.dialect == sqliteDialect {
		if rep.Checkpointed, err = d.compact(ctx); err != nil {
			return rep, err
		}
	} else {
		rep.Checkpointed = true
	}
	return rep, nil
}

// eraseStep is one statement of an erasure, counted under table.
type eraseStep struct {
	table, q string
	args     []any
}

// compact rewrites the SQLite file without free pages and empties the
// write-ahead log, where the erased rows' old pages would otherwise stay.
func (d *DB) compact(ctx context.Context) (bool, error) {
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return false, fmt.Errorf("compact store: %w", err)
	}
	defer conn.Close()
	for _, q := range []string{`PRAGMA wal_checkpoint(TRUNCATE)`, `VACUUM`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return false, fmt.Errorf("compact store: %s: %w", q, err)
		}
	}
	// A checkpoint under way on another connection (the running bot's
	// checkpointer) makes this one give up at once, whatever the busy
	// timeout; those are short, so it is tried again a few times.
	for try := 0; ; try++ {
		var busy, logFrames, done int
		if err := conn.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logFrames, &done); err != nil {
			return false, fmt.Errorf("compact store: checkpoint: %w", err)
		}
		if busy == 0 || try == compactTries {
			return busy == 0, nil
		}
		select {
		case <-ctx.Done():
			return false, fmt.Errorf("compact store: checkpoint: %w", ctx.Err())
		case <-time.After(compactRetry):
		}
	}
}

// compactTries and compactRetry bound the wait for other checkpoints.
const (
	compactTries = 50
	compactRetry = 20 * time.Millisecond
)

// textColumns lists a table's text columns.
func (t *Tx) textColumns(ctx context.Context, table string) ([]string, error) {
	q := `SELECT name FROM pragma_table_info(?) WHERE upper(type) = 'TEXT'`
	if t.d == postgresDialect {
		q = `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? AND data_type = 'text' ORDER BY ordinal_position`
	}
	rows, err := t.query(ctx, q, table)
	if err != nil {
		return nil, fmt.Errorf("columns of %s: %w", table, err)
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		cols = append(cols, c)
	}
	return cols, rows.Err()
}

// mentions is a WHERE clause matching rows where any of cols contains s.
func mentions(cols []string, s string) (string, []any) {
	var parts []string
	var args []any
	for _, c := range cols {
		parts = append(parts, c+` LIKE ?`)
		args = append(args, likeAny(s))
	}
	return strings.Join(parts, ` OR `), args
}

// likeAny is a LIKE pattern for text containing s; ids hold no % or _
// wildcard (digits, + and capitals only).
func likeAny(s string) string { return "%" + s + "%" }

// rowsAsMaps reads a query's rows as column → value.
func (t *Tx) rowsAsMaps(ctx context.Context, q string, args ...any) ([]map[string]any, error) {
	rows, err := t.query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []map[string]any
	for rows.Next() {
		vals, err := scanValues(rows, len(cols))
		if err != nil {
			return nil, err
		}
		row := make(map[string]any, len(cols))
		for i, c := range cols {
			if b, ok := vals[i].([]byte); ok {
				vals[i] = string(b)
			}
			row[c] = vals[i]
		}
		out = append(out, row)
	}
	return out, rows.Err()
}
