package store_test

import (
	"strings"
	"testing"

	"supportbot/store"
)

func TestParseLocation(t *testing.T) {
	tests := []struct {
		in      string
		want    store.Options
		wantErr string
	}{
		{in: "sqlite:data/supportbot.db", want: store.Options{Driver: store.DriverSQLite, Path: "data/supportbot.db"}},
		{in: "sqlite:/var/lib/supportbot/supportbot.db", want: store.Options{Driver: store.DriverSQLite, Path: "/var/lib/supportbot/supportbot.db"}},
		{in: "postgres://bot:s3cret@db:5432/supportbot?sslmode=disable", want: store.Options{Driver: store.DriverPostgres, URL: "postgres://bot:s3cret@db:5432/supportbot?sslmode=disable"}},
		{in: "postgresql://db/supportbot", want: store.Options{Driver: store.DriverPostgres, URL: "postgresql://db/supportbot"}},
		{in: "sqlite:", wantErr: "sqlite:PATH"},
		{in: "data/supportbot.db", wantErr: "want sqlite:PATH"},
		{in: "mysql://bot:s3cret@db/x", wantErr: "want sqlite:PATH"},
		{in: "postgres:///supportbot?host=/run/postgresql", want: store.Options{Driver: store.DriverPostgres, URL: "postgres:///supportbot?host=/run/postgresql"}},
	}
	for _, tt := range tests {
		got, err := store.ParseLocation(tt.in)
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || strings.Contains(err.Error(), "s3cret") {
				t.Errorf("ParseLocation(%q) = %+v, %v; want an error with %q and no password", tt.in, got, err, tt.wantErr)
			}
		case err != nil || got != tt.want:
			t.Errorf("ParseLocation(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}
