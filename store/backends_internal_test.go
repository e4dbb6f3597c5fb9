package store

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
)

// A number names the same schema change on every backend: a SQLite
// migration without its PostgreSQL counterpart (or the reverse) would leave
// the backends apart, and Copy refuses stores at different versions.
func TestMigrationsMatchAcrossBackends(t *testing.T) {
	names := map[dialect]map[int]string{}
	for _, d := range []dialect{sqliteDialect, postgresDialect} {
		ms, err := migrations(d.migrationDir())
		if err != nil {
			t.Fatal(err)
		}
		names[d] = map[int]string{}
		for _, m := range ms {
			names[d][m.version] = m.name
		}
	}
	for v, name := range names[sqliteDialect] {
		if _, ok := names[postgresDialect][v]; !ok {
			t.Errorf("SQLite migration %s has no PostgreSQL counterpart in store/%s", name, postgresDialect.migrationDir())
		}
	}
	for v, name := range names[postgresDialect] {
		if _, ok := names[sqliteDialect][v]; !ok {
			t.Errorf("PostgreSQL migration %s has no SQLite counterpart in store/%s", name, sqliteDialect.migrationDir())
		}
	}
}

// Copy moves the tables it lists: every table of the schema but the
// migrations' own record.
func TestCopyTablesAreEveryTable(t *testing.T) {
	ctx := context.Background()
	d, err := Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	rows, err := d.rdb.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		got = append(got, name)
	}
	want := slices.Sorted(slices.Values(copyTables))
	if !slices.Equal(got, want) {
		t.Errorf("schema tables %v, copyTables %v: add a new table to copyTables in copy.go", got, want)
	}
}

func TestRebind(t *testing.T) {
	tests := []struct {
		d    dialect
		q    string
		want string
	}{
		{sqliteDialect, `SELECT 1 WHERE a = ? AND b = ?`, `SELECT 1 WHERE a = ? AND b = ?`},
		{postgresDialect, `SELECT 1 WHERE a = ? AND b = ?`, `SELECT 1 WHERE a = $1 AND b = $2`},
		{postgresDialect, `SELECT 'ñ' || ?`, `SELECT 'ñ' || $1`},
		{postgresDialect, `SELECT 1`, `SELECT 1`},
	}
	for _, tt := range tests {
		if got := tt.d.rebind(tt.q); got != tt.want {
			t.Errorf("%s rebind(%q) = %q, want %q", tt.d, tt.q, got, tt.want)
		}
	}
}
