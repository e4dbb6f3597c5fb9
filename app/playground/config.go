package playground

import (
	"bytes"
	"fmt"
	"os"
	"slices"

	"gopkg.in/yaml.v3"

	"supportbot/app/demo"
	"supportbot/config"
)

// playedSections are the parts of a configuration the playground plays
// itself: the store is a temporary file, Slack and WhatsApp are in-process,
// and there is one process. A user's file keeps the rest (clients, staff,
// plans, languages, SLA).
var playedSections = []string{"store", "http", "slack", "whatsapp", "ha"}

// keptWhatsApp are the whatsapp keys that shape the desk rather than the
// transport, so they survive from a user's file.
var keptWhatsApp = []string{"mirror_channel", "min_gap"}

// playConfig builds the configuration the playground runs: the demo's
// without a user file, else the user's with the played sections replaced by
// the demo's. ignored names what of the user's file was left out, to be
// said. env fills the demo's ${DEMO_*} values; lookup serves the user's own
// ${NAME} references in the sections kept.
func playConfig(path string, env map[string]string, lookup func(string) (string, bool)) (cfg *config.Config, ignored []string, err error) {
	both := func(k string) (string, bool) {
		if v, ok := env[k]; ok {
			return v, true
		}
		if lookup != nil {
			return lookup(k)
		}
		return "", false
	}
	if path == "" {
		cfg, err := config.Parse("demo_config.yaml", demo.Config(), both)
		if err != nil {
			return nil, nil, fmt.Errorf("playground config: %w", err)
		}
		return cfg, nil, nil
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("playground config: %w", err)
	}
	var user, base yaml.Node
	if err := yaml.Unmarshal(raw, &user); err != nil {
		return nil, nil, fmt.Errorf("playground config %s: %w", path, err)
	}
	if err := yaml.Unmarshal(demo.Config(), &base); err != nil {
		return nil, nil, fmt.Errorf("playground base config: %w", err)
	}
	if len(user.Content) == 0 || user.Content[0].Kind != yaml.MappingNode {
		return nil, nil, fmt.Errorf("playground config %s: not a YAML mapping", path)
	}
	root, played := user.Content[0], base.Content[0]
	kept := map[string]*yaml.Node{}
	var out []*yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		if !slices.Contains(playedSections, key.Value) {
			out = append(out, key, val)
			continue
		}
		ignored = append(ignored, key.Value)
		if key.Value == "whatsapp" && val.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(val.Content); j += 2 {
				if slices.Contains(keptWhatsApp, val.Content[j].Value) {
					kept[val.Content[j].Value] = val.Content[j+1]
				}
			}
		}
	}
	for i := 0; i+1 < len(played.Content); i += 2 {
		key, val := played.Content[i], played.Content[i+1]
		if !slices.Contains(playedSections, key.Value) {
			continue
		}
		if key.Value == "whatsapp" {
			val = withKeys(val, kept)
		}
		out = append(out, key, val)
	}
	root.Content = out
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	if err := enc.Encode(&user); err != nil {
		return nil, nil, fmt.Errorf("playground config %s: %w", path, err)
	}
	cfg, err = config.Parse(path, buf.Bytes(), both)
	if err != nil {
		return nil, nil, fmt.Errorf("playground config: %w", err)
	}
	return cfg, ignored, nil
}

// withKeys is mapping m with the keys in set replaced or added.
func withKeys(m *yaml.Node, set map[string]*yaml.Node) *yaml.Node {
	out := *m
	out.Content = nil
	for i := 0; i+1 < len(m.Content); i += 2 {
		if _, ok := set[m.Content[i].Value]; !ok {
			out.Content = append(out.Content, m.Content[i], m.Content[i+1])
		}
	}
	for _, k := range keptWhatsApp {
		if v, ok := set[k]; ok {
			out.Content = append(out.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, v)
		}
	}
	return &out
}
