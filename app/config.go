package app

import (
	"errors"
	"fmt"
	"io"
	"os"

	"supportbot/config"
)

// LoadConfig reads the configuration at path; with no path, config.yaml,
// or else the example file beside it, saying so on note. ${NAME} values come
// from lookup (os.LookupEnv when nil). A bad file is a ConfigError.
func LoadConfig(path string, lookup func(string) (string, bool), note io.Writer) (*config.Config, error) {
	if path == "" {
		path = "config.yaml"
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			path = "config.example.yaml"
			fmt.Fprintln(note, "note: config.yaml not found, using config.example.yaml")
		}
	}
	cfg, err := config.Load(path, lookup)
	if err != nil {
		return nil, &ConfigError{Err: err}
	}
	return cfg, nil
}
