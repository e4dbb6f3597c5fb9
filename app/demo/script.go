package demo

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"supportbot/config"
)

//go:embed demo_script.yaml
var defaultDemoScript []byte

// Script is a scenario the demo plays. The format is documented in
// demo_script.yaml, which is also the default scenario.
type Script struct {
	Start time.Time `yaml:"start"`
	// WhatsAppTransport is linked (the default: a linked device) or cloud
	// (Meta's Cloud API, played by an in-process fake Graph API).
	WhatsAppTransport string            `yaml:"whatsapp_transport"`
	People            map[string]string `yaml:"people"`
	Steps             []demoStep        `yaml:"steps"`
}

// demoStep does exactly one thing.
type demoStep struct {
	Say      string        `yaml:"say"`
	At       *time.Time    `yaml:"at"`
	Wait     string        `yaml:"wait"`
	Slack    *demoSlack    `yaml:"slack"`
	Reply    *demoReply    `yaml:"reply"`
	Note     *demoReply    `yaml:"note"`
	WhatsApp *demoWhatsApp `yaml:"whatsapp"`
	Command  *demoCommand  `yaml:"command"`
	React    *demoReact    `yaml:"react"`
	Home     *demoHome     `yaml:"home"`
	Summary  bool          `yaml:"summary"`

	wait time.Duration
}

type demoSlack struct {
	Client string `yaml:"client"`
	User   string `yaml:"user"`
	Text   string `yaml:"text"`
}

type demoReply struct {
	Ticket int64     `yaml:"ticket"`
	User   string    `yaml:"user"`
	Text   string    `yaml:"text"`
	File   *demoFile `yaml:"file"`
}

type demoWhatsApp struct {
	From string    `yaml:"from"`
	Name string    `yaml:"name"`
	Text string    `yaml:"text"`
	File *demoFile `yaml:"file"`
}

// demoFile is an attachment the demo makes up: its name, MIME type and
// size in bytes (its content is filler).
type demoFile struct {
	Name string `yaml:"name"`
	Type string `yaml:"type"`
	Size int    `yaml:"size"`
}

type demoCommand struct {
	// Client names the channel the command is typed in; empty means the
	// service desk channel.
	Client string `yaml:"client"`
	User   string `yaml:"user"`
	Text   string `yaml:"text"`
}

// demoHome is a person opening the bot's Home tab.
type demoHome struct {
	User string `yaml:"user"`
}

type demoReact struct {
	Ticket int64  `yaml:"ticket"`
	User   string `yaml:"user"`
	Emoji  string `yaml:"emoji"`
}

// ParseScript reads and checks a scenario; errors name the step.
// LoadScript reads the scenario at path, or the built-in one when path is
// empty.
func LoadScript(path string) (*Script, error) {
	raw := DefaultScript()
	if path != "" {
		var err error
		if raw, err = os.ReadFile(path); err != nil {
			return nil, fmt.Errorf("demo script: %w", err)
		}
	}
	return ParseScript(raw)
}

func ParseScript(raw []byte) (*Script, error) {
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	var s Script
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("demo script: %w", err)
	}
	if s.Start.IsZero() {
		return nil, errors.New("demo script: start: want a time like 2026-11-26T09:00:00-03:00")
	}
	if len(s.Steps) == 0 {
		return nil, errors.New("demo script: steps: nothing to play")
	}
	if err := s.UseTransport(s.WhatsAppTransport); err != nil {
		return nil, fmt.Errorf("demo script: whatsapp_transport: %w", err)
	}
	var problems []string
	for i := range s.Steps {
		if err := s.Steps[i].check(); err != nil {
			problems = append(problems, fmt.Sprintf("steps[%d]: %v", i, err))
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("demo script:\n  %s", strings.Join(problems, "\n  "))
	}
	return &s, nil
}

func (st *demoStep) check() error {
	n := 0
	for _, set := range []bool{st.Say != "", st.At != nil, st.Wait != "", st.Slack != nil, st.Reply != nil, st.Note != nil,
		st.WhatsApp != nil, st.Command != nil, st.React != nil, st.Home != nil, st.Summary} {
		if set {
			n++
		}
	}
	if n != 1 {
		return fmt.Errorf("want exactly one of say, at, wait, slack, reply, note, whatsapp, command, react, home, summary; got %d", n)
	}
	switch {
	case st.Wait != "":
		d, err := time.ParseDuration(st.Wait)
		if err != nil || d <= 0 {
			return fmt.Errorf("wait: want a positive duration like 90m or 2h, got %q", st.Wait)
		}
		st.wait = d
	case st.Slack != nil && (st.Slack.Client == "" || st.Slack.User == "" || st.Slack.Text == ""):
		return errors.New("slack: needs client, user and text")
	case st.Reply != nil && (st.Reply.Ticket <= 0 || st.Reply.User == "" || st.Reply.Text == "" && st.Reply.File == nil):
		return errors.New("reply: needs ticket, user and text or file")
	case st.Note != nil && (st.Note.Ticket <= 0 || st.Note.User == "" || st.Note.Text == "" && st.Note.File == nil):
		return errors.New("note: needs ticket, user and text or file")
	case st.WhatsApp != nil && (st.WhatsApp.From == "" || st.WhatsApp.Text == "" && st.WhatsApp.File == nil):
		return errors.New("whatsapp: needs from and text or file")
	case st.Reply != nil && st.Reply.File.invalid(), st.Note != nil && st.Note.File.invalid(), st.WhatsApp != nil && st.WhatsApp.File.invalid():
		return errors.New("file: needs name, type (a MIME type) and a positive size")
	case st.Command != nil && (st.Command.User == "" || st.Command.Text == ""):
		return errors.New("command: needs user and text")
	case st.React != nil && (st.React.Ticket <= 0 || st.React.User == ""):
		return errors.New("react: needs ticket and user")
	case st.Home != nil && st.Home.User == "":
		return errors.New("home: needs user")
	}
	return nil
}

func (f *demoFile) invalid() bool {
	return f != nil && (f.Name == "" || !strings.Contains(f.Type, "/") || f.Size <= 0)
}

// content is the file's filler bytes.
func (f *demoFile) content() []byte { return bytes.Repeat([]byte{'.'}, f.Size) }

// UseTransport plays WhatsApp through t: linked, cloud, or empty for linked.
func (s *Script) UseTransport(t string) error {
	if t != "" && t != config.TransportLinked && t != config.TransportCloud {
		return fmt.Errorf("want %s or %s, got %q", config.TransportLinked, config.TransportCloud, t)
	}
	s.WhatsAppTransport = t
	return nil
}
