package store

import "strings"

// A person's rows beyond the ones that name them: what they wrote, what
// was written on their tickets, and the files, revisions and labelled
// examples of it. Each scope is a WHERE clause over one table: every ? is
// the person's stored id, every {like} a pattern for text that names them.

// theirTickets are the tickets a person opened or talks on as a contact.
const theirTickets = `SELECT id FROM tickets WHERE whatsapp_contact = ? OR opened_by = ?`

// theirMessages are what the person wrote anywhere, and every message of
// their tickets (staff answers and esperando requests quote them).
const theirMessages = `SELECT id FROM ticket_messages WHERE author_id = ? OR ticket_id IN (` + theirTickets + `)`

// personScopes lists, per table, the rows about the person that may not
// name them; erase says what each loses.
var personScopes = []struct {
	table, where string
	// erase empties or removes the person's words and file metadata.
	erase string
}{
	{"ticket_messages", `id IN (` + theirMessages + `)`, `UPDATE ticket_messages SET text = '', media = ''`},
	{"message_revisions", `message_id IN (` + theirMessages + `)`, `UPDATE message_revisions SET text = ''`},
	{"ticket_files", `message_id IN (` + theirMessages + `)`, `UPDATE ticket_files SET name = '', mime = '', sha256 = '', ref = '', link = ''`},
	{"pending_edits", `author_id = ?`, `DELETE FROM pending_edits`},
	// A burst is one person's: its key ends with their id.
	{"bursts", `key LIKE '%:' || ?`, `DELETE FROM bursts`},
	{"critical_questions", `author = ?`, `UPDATE critical_questions SET text = '', media = '', author_name = '', files = ''`},
	{"corrections", `ticket_id IN (` + theirTickets + `)`, `UPDATE corrections SET text = ''`},
	{"csat", `rated_by = ? OR ticket_id IN (` + theirTickets + `)`, `UPDATE csat SET comment = ''`},
	// Audit lines keep their action and ids; the detail may quote them.
	{"audit_log", `actor = ? OR ticket_id IN (` + theirTickets + `) OR detail LIKE {like}`, `UPDATE audit_log SET detail = ''`},
	// What was sent to them, about their tickets, or naming them (a desk
	// alert quoting a message no ticket holds).
	{"outbox", `target = ? OR user_id = ? OR ticket_id IN (` + theirTickets + `) OR text LIKE {like}`, `UPDATE outbox SET text = '', buttons = '', file = ''`},
}

// scoped is a scope's clause ready to run for a person stored as id and
// written in text as spelling.
func scoped(where, id, spelling string) (string, []any) {
	var args []any
	var out strings.Builder
	for {
		q, l := strings.Index(where, "?"), strings.Index(where, "{like}")
		switch {
		case q < 0 && l < 0:
			out.WriteString(where)
			return out.String(), args
		case l < 0 || (q >= 0 && q < l):
			out.WriteString(where[:q+1])
			args, where = append(args, id), where[q+1:]
		default:
			out.WriteString(where[:l] + "?")
			args, where = append(args, likeAny(spelling)), where[l+len("{like}"):]
		}
	}
}
