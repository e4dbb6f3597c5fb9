package store

import (
	"fmt"
	"net/url"
	"strings"
)

// ParseLocation reads a store named on a command line, as `store copy
// -from sqlite:PATH -to postgres://…` takes them: sqlite:PATH, or a
// postgres:// (postgresql://) URL. Errors never quote a URL, which may
// hold a password.
func ParseLocation(s string) (Options, error) {
	if path, ok := strings.CutPrefix(s, DriverSQLite+":"); ok {
		if path == "" {
			return Options{}, fmt.Errorf("store location sqlite: needs a file: sqlite:PATH")
		}
		return Options{Driver: DriverSQLite, Path: path}, nil
	}
	u, err := url.Parse(s)
	if err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		return Options{Driver: DriverPostgres, URL: s}, nil
	}
	scheme, _, _ := strings.Cut(s, ":")
	return Options{}, fmt.Errorf("store location %q…: want sqlite:PATH or postgres://user:pass@host/db", scheme)
}
