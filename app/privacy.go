package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"

	"supportbot/config"
	"supportbot/store"
	"supportbot/ticketing"
)

// PrivacyRequest is `supportbot privacy export|erase`: whom it is about.
type PrivacyRequest struct {
	Contact   string // a WhatsApp number, as people write it
	SlackUser string
	// Erase removes the data; else it is exported.
	Erase bool
	Now   time.Time
}

// Privacy runs an export or an erase.
func Privacy(ctx context.Context, cfg *config.Config, req PrivacyRequest, out io.Writer) error {
	if req.Erase {
		return PrivacyErase(ctx, cfg, req, out)
	}
	return PrivacyExport(ctx, cfg, req, out)
}

func (r PrivacyRequest) person() (store.Person, error) {
	p := store.Person{SlackUser: r.SlackUser}
	if r.Contact != "" {
		phone, err := ticketing.ParsePhone(r.Contact)
		if err != nil {
			return store.Person{}, &ConfigError{Err: fmt.Errorf("-contact: %w", err)}
		}
		p.Phone = phone
	}
	if (p.Phone == "") == (p.SlackUser == "") {
		return store.Person{}, &ConfigError{Err: fmt.Errorf("privacy: give exactly one of -contact or -slack-user")}
	}
	return p, nil
}

// PrivacyExport writes as JSON everything the store holds about a person.
func PrivacyExport(ctx context.Context, cfg *config.Config, req PrivacyRequest, out io.Writer) error {
	p, err := req.person()
	if err != nil {
		return err
	}
	db, err := openExistingStore(ctx, cfg, "privacy export")
	if err != nil {
		return err
	}
	defer db.Close()
	data, err := db.ExportPerson(ctx, p, req.Now)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(data)
}

// PrivacyErase removes a person's data from the store (see
// store.ErasePerson). A person the configuration still names is refused:
// the next start would write them back.
func PrivacyErase(ctx context.Context, cfg *config.Config, req PrivacyRequest, out io.Writer) error {
	p, err := req.person()
	if err != nil {
		return err
	}
	for _, c := range cfg.Clients {
		if p.Phone != "" && slices.Contains(c.WhatsAppContacts, p.Phone) {
			return &ConfigError{Err: fmt.Errorf("privacy erase: %s is in clients[%s].whatsapp_contacts; remove it from the configuration first", p.Phone, c.ID)}
		}
	}
	for _, s := range cfg.Staff {
		if p.SlackUser != "" && s.ID == p.SlackUser {
			return &ConfigError{Err: fmt.Errorf("privacy erase: %s is configured staff; remove it from the configuration first", p.SlackUser)}
		}
	}
	db, err := openExistingStore(ctx, cfg, "privacy erase")
	if err != nil {
		return err
	}
	defer db.Close()
	rep, err := db.ErasePerson(ctx, p, "supportbot privacy", req.Now)
	if err != nil {
		return err
	}
	var n int64
	for _, c := range rep.Rows {
		n += c
	}
	fmt.Fprintf(out, "erased: %d rows changed; tickets and counts kept under %s\n", n, rep.Placeholder)
	if !rep.Checkpointed {
		fmt.Fprintln(out, "warning: the running bot held the write-ahead log; run the erase again, or with the bot stopped, so no old page stays in the -wal file")
	}
	return nil
}
