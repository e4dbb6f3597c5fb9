package config

import (
	"fmt"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"
)

// shape walks the document beside the Go type before anything is decoded, so
// a misspelt key, a repeated key or a value of the wrong type is reported
// with its full path (the decoder names only a line), and every such problem
// in the file is reported at once.
type shape struct {
	problems []string
	// bad are the paths whose value could not be read: validating what the
	// decoder left there would only repeat the problem in other words.
	bad []string
}

func (s *shape) add(path string, line int, format string, args ...any) {
	if path == "" {
		path = "(top level)"
	}
	s.problems = append(s.problems, fmt.Sprintf("%s: %s (line %d)", path, fmt.Sprintf(format, args...), line))
}

// covers reports whether a validation problem is about a value shape
// already reported.
func (s *shape) covers(problem string) bool {
	key, _, _ := strings.Cut(problem, ": ")
	for _, b := range s.bad {
		if b == "" || key == b || strings.HasPrefix(key, b+".") || strings.HasPrefix(key, b+"[") {
			return true
		}
	}
	return false
}

func (s *shape) check(n *yaml.Node, t reflect.Type, path string) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return // the zero value: a default applies
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	// A type that reads itself (a key with more than one form) is the judge
	// of its own shape.
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		if err := n.Decode(reflect.New(t).Interface()); err != nil {
			s.bad = append(s.bad, path)
			s.add(path, n.Line, "%v", err)
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if !s.want(n, yaml.MappingNode, t, path) {
			return
		}
		fields := map[string]reflect.Type{}
		for i := range t.NumField() {
			f := t.Field(i)
			if tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); tag != "" && tag != "-" {
				fields[tag] = f.Type
			}
		}
		s.mapping(n, path, func(key *yaml.Node, val *yaml.Node) {
			ft, ok := fields[key.Value]
			if !ok {
				s.problems = append(s.problems, fmt.Sprintf("%s: unknown key (line %d)%s", join(path, key.Value), key.Line, suggestion(key.Value, fields)))
				return
			}
			s.check(val, ft, join(path, key.Value))
		})
	case reflect.Map:
		if !s.want(n, yaml.MappingNode, t, path) {
			return
		}
		s.mapping(n, path, func(key *yaml.Node, val *yaml.Node) {
			s.check(val, t.Elem(), join(path, key.Value))
		})
	case reflect.Slice:
		if !s.want(n, yaml.SequenceNode, t, path) {
			return
		}
		for i, c := range n.Content {
			s.check(c, t.Elem(), fmt.Sprintf("%s[%d]", path, i))
		}
	default:
		// A scalar: the decoder itself is the judge of what it accepts
		// (quoted numbers, yes/no…), so ask it on this one value.
		if n.Kind != yaml.ScalarNode || n.Decode(reflect.New(t).Interface()) != nil {
			s.bad = append(s.bad, path)
			s.add(path, n.Line, "cannot read %s as %s", nodeText(n), typeText(t))
		}
	}
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

// want reports whether n is of the kind t is read from, else records why not.
func (s *shape) want(n *yaml.Node, kind yaml.Kind, t reflect.Type, path string) bool {
	if n.Kind == kind {
		return true
	}
	s.bad = append(s.bad, path)
	s.add(path, n.Line, "cannot read %s as %s", nodeText(n), typeText(t))
	return false
}

// mapping calls f on each key of n. A repeated key makes the decoder drop
// the whole mapping, so it is reported and nothing under it is validated.
func (s *shape) mapping(n *yaml.Node, path string, f func(key, val *yaml.Node)) {
	first := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := n.Content[i]
		if line, dup := first[key.Value]; dup {
			s.bad = append(s.bad, path)
			s.add(join(path, key.Value), key.Line, "key given twice, first on line %d", line)
			continue
		}
		first[key.Value] = key.Line
		f(key, n.Content[i+1])
	}
}

// nodeText names a value the way its author wrote it.
func nodeText(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of keys"
	case yaml.SequenceNode:
		return "a list"
	}
	return fmt.Sprintf("%q", n.Value)
}

// typeText names what a Go type is read from, in the file's terms.
func typeText(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice:
		return "a list of " + pluralText(t.Elem())
	case reflect.Struct, reflect.Map:
		return "a set of keys (key: value)"
	}
	return t.String()
}

func pluralText(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "texts"
	case reflect.Bool:
		return "true/false values"
	case reflect.Float32, reflect.Float64:
		return "numbers"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "whole numbers"
	case reflect.Struct, reflect.Map:
		return "entries (key: value)"
	}
	return t.String() + " values"
}

func suggestion(key string, fields map[string]reflect.Type) string {
	best, bestDist := "", 3
	for f := range fields {
		// Ties go to the first in order, so the hint is the same every run.
		if d := editDistance(key, f); d < bestDist || (d == bestDist && best != "" && f < best) {
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
