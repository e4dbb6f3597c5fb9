// Package pgtest gives each test its own schema on the PostgreSQL server
// SUPPORTBOT_TEST_POSTGRES names, so tests run in parallel against one
// throwaway cluster (.ci/postgres.sh starts one) and leave nothing behind.
package pgtest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// Env names the server: a postgres:// URL whose user may create schemas.
const Env = "SUPPORTBOT_TEST_POSTGRES"

// URL returns a URL of the server whose search_path is a new, empty schema,
// dropped with everything in it when t ends; close what uses it in a
// Cleanup registered after URL. Without Env the test is skipped, except
// under CI=true, where PostgreSQL must be there.
func URL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(Env)
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal(Env + " is unset, and CI runs the PostgreSQL tests: source .ci/postgres.sh first")
		}
		t.Skip("PostgreSQL tests skipped: set " + Env + "=postgres://… (see .ci/postgres.sh)")
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("%s: want a postgres:// URL", Env)
	}
	b := make([]byte, 8)
	rand.Read(b)
	schema := "test_" + hex.EncodeToString(b)

	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	if _, err := admin.ExecContext(t.Context(), `CREATE SCHEMA `+schema); err != nil {
		admin.Close()
		t.Fatalf("create test schema on %s: %v", Env, err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		// t.Context is done by now.
		if _, err := admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Errorf("drop test schema %s: %v", schema, err)
		}
	})
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
