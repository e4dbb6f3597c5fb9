package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"supportbot/store"
	"supportbot/ticketing"
)

func TestPostgresMigrationsApplyOnce(t *testing.T) {
	ctx := context.Background()
	db := openPostgres(t)
	sq, _ := openTemp(t)
	got, err := db.Versions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want, err := sq.Versions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("PostgreSQL versions %v, SQLite's %v", got, want)
	}
	if applied, err := db.Apply(ctx); err != nil || len(applied) != 0 {
		t.Errorf("second apply ran %v, %v; want nothing", applied, err)
	}
	for i := range 2 {
		if err := db.Ping(ctx, t0); err != nil {
			t.Errorf("ping %d: %v", i, err)
		}
	}
}

// conflicting runs fn's Update against a second Update that changes the
// same ticket between fn's read and its write, on the first `conflicts`
// runs of fn; it returns how many times fn ran and Update's error.
func conflicting(t *testing.T, db *store.DB, id int64, conflicts int) (int, error) {
	t.Helper()
	ctx := context.Background()
	runs := 0
	err := db.Update(ctx, func(tx ticketing.Tx) error {
		runs++
		tk, err := tx.Ticket(ctx, "", id)
		if err != nil {
			return err
		}
		if runs <= conflicts {
			other := db.Update(ctx, func(tx ticketing.Tx) error {
				tk, err := tx.Ticket(ctx, "", id)
				if err != nil {
					return err
				}
				tk.Subject += " (editado)"
				return tx.UpdateTicket(ctx, tk)
			})
			if other != nil {
				t.Errorf("the conflicting update: %v", other)
			}
		}
		tk.Assignee = "UF"
		return tx.UpdateTicket(ctx, tk)
	})
	return runs, err
}

// An Update that loses a serialization conflict runs again on what the
// winner committed, so neither change is lost.
func TestPostgresUpdateRunsAgainAfterAConflict(t *testing.T) {
	db := openPostgres(t)
	seedClients(t, db)
	tk := newTicket("acme")
	if err := db.Update(context.Background(), func(tx ticketing.Tx) error { return tx.CreateTicket(context.Background(), tk) }); err != nil {
		t.Fatal(err)
	}
	runs, err := conflicting(t, db, tk.ID, 1)
	if err != nil || runs != 2 {
		t.Fatalf("Update after one conflict: ran %d times, %v; want 2 runs and success", runs, err)
	}
	var got *ticketing.Ticket
	db.View(context.Background(), func(tx ticketing.Tx) error {
		got, err = tx.Ticket(context.Background(), "", tk.ID)
		return err
	})
	if got.Subject != tk.Subject+" (editado)" || got.Assignee != "UF" {
		t.Errorf("ticket = %q assigned to %q, want both changes", got.Subject, got.Assignee)
	}
}

// The retries are bounded: an Update that keeps losing returns the
// serialization failure.
func TestPostgresUpdateGivesUp(t *testing.T) {
	db := openPostgres(t)
	seedClients(t, db)
	tk := newTicket("acme")
	if err := db.Update(context.Background(), func(tx ticketing.Tx) error { return tx.CreateTicket(context.Background(), tk) }); err != nil {
		t.Fatal(err)
	}
	runs, err := conflicting(t, db, tk.ID, 100)
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "40001" {
		t.Errorf("Update that always conflicts: err = %v, want the serialization failure", err)
	}
	if runs != 20 {
		t.Errorf("Update that always conflicts ran %d times, want 20", runs)
	}
}
