package main

import (
	"os"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"
)

// The manifest is what an administrator installs: it must grant what the
// bot uses, or the bot fails at the first private channel or DM.
func TestSlackAppManifest(t *testing.T) {
	raw, err := os.ReadFile("../../slack-app-manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Features struct {
			AppHome struct {
				HomeTab bool `yaml:"home_tab_enabled"`
			} `yaml:"app_home"`
			SlashCommands []struct {
				Command string `yaml:"command"`
			} `yaml:"slash_commands"`
		} `yaml:"features"`
		OAuth struct {
			Scopes struct {
				Bot []string `yaml:"bot"`
			} `yaml:"scopes"`
		} `yaml:"oauth_config"`
		Settings struct {
			Events struct {
				BotEvents []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
			Interactivity struct {
				Enabled bool `yaml:"is_enabled"`
			} `yaml:"interactivity"`
			SocketMode bool `yaml:"socket_mode_enabled"`
		} `yaml:"settings"`
	}
	if err := yaml.Unmarshal(raw, &m); err != nil {
		t.Fatalf("manifest is not YAML: %v", err)
	}
	for _, scope := range []string{"chat:write", "commands", "groups:history", "im:write", "im:history", "users:read", "reactions:read", "app_mentions:read"} {
		if !slices.Contains(m.OAuth.Scopes.Bot, scope) {
			t.Errorf("manifest lacks bot scope %s", scope)
		}
	}
	for _, ev := range []string{"message.groups", "app_mention", "reaction_added", "app_home_opened"} {
		if !slices.Contains(m.Settings.Events.BotEvents, ev) {
			t.Errorf("manifest lacks event %s", ev)
		}
	}
	if !m.Features.AppHome.HomeTab {
		t.Error("manifest leaves the Home tab off; the bot publishes views there")
	}
	if len(m.Features.SlashCommands) != 1 || m.Features.SlashCommands[0].Command != "/soporte" {
		t.Errorf("slash commands = %+v, want /soporte", m.Features.SlashCommands)
	}
	if !m.Settings.Interactivity.Enabled || !m.Settings.SocketMode {
		t.Errorf("interactivity=%v socket mode=%v, want both on", m.Settings.Interactivity.Enabled, m.Settings.SocketMode)
	}
}
