package config

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// Error lists every problem found in a configuration file, one per key.
type Error struct {
	Path     string
	Problems []string
}

func (e *Error) Error() string {
	return fmt.Sprintf("config %s:\n  %s", e.Path, strings.Join(e.Problems, "\n  "))
}

// Load reads, substitutes and validates the file at path. lookupEnv is
// os.LookupEnv or a stand-in; nil means the process's environment.
func Load(path string, lookupEnv func(string) (string, bool)) (*Config, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return Parse(path, raw, lookupEnv)
}

// Parse is Load on bytes already read; path only names the source in errors.
// Every problem in the file is reported at once: unset variables, unknown
// keys, values of the wrong type and values that fail validation.
func Parse(path string, raw []byte, lookupEnv func(string) (string, bool)) (*Config, error) {
	if lookupEnv == nil {
		lookupEnv = os.LookupEnv
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, &Error{Path: path, Problems: []string{yamlProblem(err)}}
	}
	var cfg Config
	if len(doc.Content) == 0 {
		return validated(path, &cfg, nil, &shape{})
	}
	root := doc.Content[0]
	problems := expandEnv(root, "", lookupEnv)
	var sh shape
	for _, p := range problems {
		key, _, _ := strings.Cut(p, ": ")
		sh.bad = append(sh.bad, key)
	}
	sh.check(root, reflect.TypeOf(cfg), "")
	problems = append(problems, sh.problems...)
	// The decoder skips what it cannot read and fills the rest, so the rest
	// is still validated; what it refused was reported by the walk above.
	if err := root.Decode(&cfg); err != nil && len(sh.problems) == 0 {
		problems = append(problems, yamlProblem(err))
		sh.bad = append(sh.bad, "")
	}
	return validated(path, &cfg, problems, &sh)
}

// validated adds the validation problems not already explained by a value
// that could not be read.
func validated(path string, cfg *Config, problems []string, sh *shape) (*Config, error) {
	for _, p := range cfg.validate() {
		if !sh.covers(p) {
			problems = append(problems, p)
		}
	}
	if len(problems) > 0 {
		return nil, &Error{Path: path, Problems: problems}
	}
	return cfg, nil
}

func yamlProblem(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return strings.Join(te.Errors, "; ")
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// expandEnv replaces ${VAR} in every scalar value so secrets stay out of the
// file. An unset or empty variable is an error naming the key that needs it;
// the two are told apart because their fixes differ.
func expandEnv(n *yaml.Node, path string, lookupEnv func(string) (string, bool)) []string {
	var problems []string
	switch n.Kind {
	case yaml.ScalarNode:
		if !strings.Contains(n.Value, "${") {
			return nil
		}
		n.Value = envRef.ReplaceAllStringFunc(n.Value, func(ref string) string {
			name := envRef.FindStringSubmatch(ref)[1]
			v, set := lookupEnv(name)
			switch {
			case !set:
				problems = append(problems, fmt.Sprintf("%s: environment variable %s is not set", path, name))
			case v == "":
				problems = append(problems, fmt.Sprintf("%s: environment variable ${%s} is set but empty", path, name))
			}
			return v
		})
		// A substituted value is always a string, never YAML syntax.
		n.Tag = "!!str"
		n.Style = 0
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			problems = append(problems, expandEnv(n.Content[i+1], join(path, n.Content[i].Value), lookupEnv)...)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			problems = append(problems, expandEnv(c, fmt.Sprintf("%s[%d]", path, i), lookupEnv)...)
		}
	}
	return problems
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
