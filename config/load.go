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

// Load reads, substitutes and validates the file at path.
func Load(path string, getenv func(string) string) (*Config, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return Parse(path, raw, getenv)
}

// Parse is Load on bytes already read; path only names the source in errors.
func Parse(path string, raw []byte, getenv func(string) string) (*Config, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, &Error{Path: path, Problems: []string{yamlProblem(err)}}
	}
	var problems []string
	if len(doc.Content) > 0 {
		root := doc.Content[0]
		problems = append(problems, expandEnv(root, "", getenv)...)
		problems = append(problems, unknownKeys(root, reflect.TypeOf(Config{}), "")...)
	}
	if len(problems) > 0 {
		return nil, &Error{Path: path, Problems: problems}
	}
	var cfg Config
	if len(doc.Content) > 0 {
		if err := doc.Content[0].Decode(&cfg); err != nil {
			return nil, &Error{Path: path, Problems: []string{yamlProblem(err)}}
		}
	}
	if problems := cfg.validate(); len(problems) > 0 {
		return nil, &Error{Path: path, Problems: problems}
	}
	return &cfg, nil
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
// file. An unset variable is an error naming the key that needs it.
func expandEnv(n *yaml.Node, path string, getenv func(string) string) []string {
	var problems []string
	switch n.Kind {
	case yaml.ScalarNode:
		if !strings.Contains(n.Value, "${") {
			return nil
		}
		n.Value = envRef.ReplaceAllStringFunc(n.Value, func(ref string) string {
			name := envRef.FindStringSubmatch(ref)[1]
			v := getenv(name)
			if v == "" {
				problems = append(problems, fmt.Sprintf("%s: environment variable %s is not set", path, name))
			}
			return v
		})
		// A substituted value is always a string, never YAML syntax.
		n.Tag = "!!str"
		n.Style = 0
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			problems = append(problems, expandEnv(n.Content[i+1], join(path, n.Content[i].Value), getenv)...)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			problems = append(problems, expandEnv(c, fmt.Sprintf("%s[%d]", path, i), getenv)...)
		}
	}
	return problems
}

// unknownKeys walks the document beside the Go type so a misspelt key is
// reported with its full path instead of being silently ignored.
func unknownKeys(n *yaml.Node, t reflect.Type, path string) []string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var problems []string
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return nil // the decoder reports the type mismatch
		}
		fields := map[string]reflect.Type{}
		for i := range t.NumField() {
			f := t.Field(i)
			if tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); tag != "" && tag != "-" {
				fields[tag] = f.Type
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i].Value
			ft, ok := fields[key]
			if !ok {
				problems = append(problems, fmt.Sprintf("%s: unknown key (line %d)%s", join(path, key), n.Content[i].Line, suggestion(key, fields)))
				continue
			}
			problems = append(problems, unknownKeys(n.Content[i+1], ft, join(path, key))...)
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return nil
		}
		for i, c := range n.Content {
			problems = append(problems, unknownKeys(c, t.Elem(), fmt.Sprintf("%s[%d]", path, i))...)
		}
	}
	return problems
}

func suggestion(key string, fields map[string]reflect.Type) string {
	best, bestDist := "", 3
	for f := range fields {
		if d := editDistance(key, f); d < bestDist {
			best, bestDist = f, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
