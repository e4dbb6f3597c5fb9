// Package config reads supportbot's YAML configuration once, substitutes
// ${ENV_VAR} references and validates every key, so a typo or a bad value
// stops the process with a message naming the key.
package config

import (
	"errors"
	"path/filepath"
	"time"

	"gopkg.in/yaml.v3"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// Config is the whole file. Field tags are the documented key names; tools
// outside the project rely on them.
type Config struct {
	Store       Store       `yaml:"store"`
	HTTP        HTTP        `yaml:"http"`
	Slack       Slack       `yaml:"slack"`
	WhatsApp    WhatsApp    `yaml:"whatsapp"`
	ServiceDesk ServiceDesk `yaml:"service_desk"`
	Desk        Desk        `yaml:"desk"`
	Staff       []Staff     `yaml:"staff"`
	Clients     []Client    `yaml:"clients"`
	SLA         SLA         `yaml:"sla"`
	Classifier  Classifier  `yaml:"classifier"`
	Digest      Digest      `yaml:"digest"`
	Intake      Intake      `yaml:"intake"`
	CSAT        CSAT        `yaml:"csat"`
	Retention   Retention   `yaml:"retention"`
	HA          HA          `yaml:"ha"`
	Knowledge   Knowledge   `yaml:"knowledge"`

	// Filled by validation from the raw fields above.
	clients []ticketing.Client
	staff   []ticketing.Staff
}

// Store drivers.
const (
	StoreSQLite   = "sqlite"
	StorePostgres = "postgres"
)

type Store struct {
	// Driver is StoreSQLite (the default, one file at Path) or
	// StorePostgres (a server at URL).
	Driver string `yaml:"driver"`
	Path   string `yaml:"path"`
	// URL is a PostgreSQL connection URL; its password belongs in ${ENV}.
	URL string `yaml:"url"`
}

// HA is how replicas on one PostgreSQL share the work.
type HA struct {
	// Failover bounds how long the replicas go without a leader after the
	// old one dies (default 15s).
	Failover string `yaml:"failover"`

	failover time.Duration
}

// FailoverAfter is the validated ha.failover.
func (h *HA) FailoverAfter() time.Duration { return h.failover }

type HTTP struct {
	Listen string `yaml:"listen"`
}

// Slack modes.
const (
	SlackSocket = "socket"
	SlackEvents = "events"
	SlackOff    = "off"
)

type Slack struct {
	Mode          string `yaml:"mode"`
	BotToken      string `yaml:"bot_token"`
	AppToken      string `yaml:"app_token"`
	SigningSecret string `yaml:"signing_secret"`
	APIURL        string `yaml:"api_url"`
	// TeamID is a workspace (T…) or Enterprise Grid organization (E…)
	// accepted besides the bot token's own workspace.
	TeamID string `yaml:"team_id"`
	// AppID is the api_app_id every request must carry; empty: the app id
	// Slack reports for the bot user.
	AppID string `yaml:"app_id"`
}

type WhatsApp struct {
	Enabled       bool   `yaml:"enabled"`
	StorePath     string `yaml:"store_path"`
	MirrorChannel string `yaml:"mirror_channel"`
	// MinGap paces messages to one recipient, to stay clear of spam limits.
	MinGap string `yaml:"min_gap"`
	// Transport is linked (a linked device, whatsmeow) or cloud (Meta's
	// Cloud API); see whatsapp_cloud.go.
	Transport string        `yaml:"transport"`
	Cloud     WhatsAppCloud `yaml:"cloud"`

	minGap time.Duration
}

type ServiceDesk struct {
	Phones       []string `yaml:"phones"`
	Website      string   `yaml:"website"`
	ELearningURL string   `yaml:"elearning_url"`
	Channel      string   `yaml:"channel"`
}

// Desk is how the bot speaks to staff.
type Desk struct {
	// Language of staff-facing texts: es-AR (the default), es-CL or en.
	Language string `yaml:"language"`
	// Timezone is the IANA zone the report's "Generado" time is written
	// in; empty: the first client's zone.
	Timezone string `yaml:"timezone"`
	// TriageChannel is the Slack channel id of the desk's side: one staff
	// card per ticket, its thread the ticket's internal notes, pings and
	// breaches. Empty: service_desk.channel.
	TriageChannel string `yaml:"triage_channel"`

	language wording.Language
	location *time.Location
}

// Triage is desk.triage_channel, or service_desk.channel when unset.
func (c *Config) Triage() string {
	if c.Desk.TriageChannel != "" {
		return c.Desk.TriageChannel
	}
	return c.ServiceDesk.Channel
}

// Lang is the validated desk.language.
func (d *Desk) Lang() wording.Language { return d.language }

type Staff struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	Role string `yaml:"role"`
}

type Client struct {
	ID               string   `yaml:"id"`
	Name             string   `yaml:"name"`
	Country          string   `yaml:"country"`
	Timezone         string   `yaml:"timezone"`
	Plan             string   `yaml:"plan"`
	Contract         string   `yaml:"contract"`
	SlackChannel     string   `yaml:"slack_channel"`
	FocalPoint       string   `yaml:"focal_point"`
	Backups          []string `yaml:"backups"`
	ExtraHolidays    []string `yaml:"extra_holidays"`
	WhatsAppContacts []string `yaml:"whatsapp_contacts"`
	// Language the client's people read: es-AR, es-CL or en; empty: the
	// country's (AR es-AR, CL es-CL).
	Language string `yaml:"language"`
}

type SLA struct {
	Targets         map[string]string `yaml:"targets"`
	DefaultPriority string            `yaml:"default_priority"`
	WarnAt          []float64         `yaml:"warn_at"`
	AutoClose       AutoClose         `yaml:"autoclose"`
	// NextResponse times a client message after the first response: unset
	// uses Targets, "off" times none, one duration applies to every
	// priority, durations by priority override Targets for those named.
	NextResponse NextResponse `yaml:"next_response"`
	// ResolutionTargets are optional attended-time goals to resolution by
	// priority (time waiting on the client excluded); none by default.
	ResolutionTargets map[string]string `yaml:"resolution_targets"`

	targets           map[ticketing.Priority]ticketing.Target
	defaultPriority   ticketing.Priority
	nextOff           bool
	nextTargets       map[ticketing.Priority]ticketing.Target
	resolutionTargets map[ticketing.Priority]time.Duration
}

// NextResponse is sla.next_response as written: one value ("off", "2h")
// or a duration per priority.
type NextResponse struct {
	Every      string
	ByPriority map[string]string
}

// UnmarshalYAML reads either form; the config's shape check reports its
// error under the key.
func (n *NextResponse) UnmarshalYAML(node *yaml.Node) error {
	switch node.Kind {
	case yaml.ScalarNode:
		return node.Decode(&n.Every)
	case yaml.MappingNode:
		return node.Decode(&n.ByPriority)
	}
	return errors.New("want off, one duration such as 2h, or a duration per priority (critica: 1h, alta: 2h …)")
}

// AutoClose: a ticket waiting on the client gets a notice after NoticeAfter
// of silence, and is closed CloseAfter after the notice.
type AutoClose struct {
	NoticeAfter string `yaml:"notice_after"`
	CloseAfter  string `yaml:"close_after"`

	noticeAfter, closeAfter time.Duration
}

// Intake: how client messages become cases.
type Intake struct {
	// GroupWindow: a person's top-level messages closer together than this
	// are one case.
	GroupWindow string `yaml:"group_window"`

	groupWindow time.Duration
}

// Window is the validated intake.group_window.
func (i *Intake) Window() time.Duration { return i.groupWindow }

// Digest is the focal points' morning digest.
type Digest struct {
	// SkipEmpty, unset or true, sends no digest to a focal point with
	// nothing open, due or breached.
	SkipEmpty *bool `yaml:"skip_empty"`
}

// SkipsEmpty reports whether empty digests are left unsent.
func (d Digest) SkipsEmpty() bool { return d.SkipEmpty == nil || *d.SkipEmpty }

// CSAT is the satisfaction question asked when a ticket closes.
type CSAT struct {
	// Enabled, unset or true, asks the client to rate the help (1–5) when
	// they confirm a ticket is solved.
	Enabled *bool `yaml:"enabled"`
	// OnAutoClose also asks when the scheduler closes a ticket after
	// notice; off by default, as the client did not take part in the close.
	OnAutoClose *bool `yaml:"on_autoclose"`
}

// Asks reports whether csat.enabled is on.
func (c CSAT) Asks() bool { return c.Enabled == nil || *c.Enabled }

// AsksOnAutoClose reports whether csat.on_autoclose is on.
func (c CSAT) AsksOnAutoClose() bool { return c.Asks() && c.OnAutoClose != nil && *c.OnAutoClose }

type Classifier struct {
	// MinConfidence: below it the bot asks the client what kind of case it is.
	MinConfidence *float64 `yaml:"min_confidence"`
	// ModelPath is the retrained model `supportbot intents train` writes and
	// run loads when present; empty means intent-model.bin beside the store.
	ModelPath string `yaml:"model_path"`
}

// DefaultMinConfidence is used when classifier.min_confidence is not set.
const DefaultMinConfidence = 0.5

// TicketingClients are the validated clients as domain values.
func (c *Config) TicketingClients() []ticketing.Client { return c.clients }

// TicketingStaff are the validated staff as domain values.
func (c *Config) TicketingStaff() []ticketing.Staff { return c.staff }

// Targets are the validated response targets by priority.
func (s *SLA) TargetMap() map[ticketing.Priority]ticketing.Target { return s.targets }

// NextResponsePolicy is the validated sla.next_response: off, or the
// targets by priority that override the response targets (none: use them).
func (s *SLA) NextResponsePolicy() (off bool, targets map[ticketing.Priority]ticketing.Target) {
	return s.nextOff, s.nextTargets
}

// ResolutionTargetMap is the validated sla.resolution_targets; empty when
// none is set.
func (s *SLA) ResolutionTargetMap() map[ticketing.Priority]time.Duration { return s.resolutionTargets }

// Default is the priority given to kinds that carry none of their own.
func (s *SLA) Default() ticketing.Priority { return s.defaultPriority }

// NoticeDelay and CloseDelay are the validated auto-close durations.
func (a *AutoClose) NoticeDelay() time.Duration { return a.noticeAfter }
func (a *AutoClose) CloseDelay() time.Duration  { return a.closeAfter }

// Gap is the validated minimum pause between two WhatsApp messages to one number.
func (w *WhatsApp) Gap() time.Duration { return w.minGap }

// IntentModelPath is where the retrained classifier model lives.
func (c *Config) IntentModelPath() string {
	if c.Classifier.ModelPath != "" {
		return c.Classifier.ModelPath
	}
	return filepath.Join(filepath.Dir(c.Store.Path), "intent-model.bin")
}

// Threshold is the effective classifier confidence threshold.
func (c Classifier) Threshold() float64 {
	if c.MinConfidence == nil {
		return DefaultMinConfidence
	}
	return *c.MinConfidence
}
