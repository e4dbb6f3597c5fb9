// Package config reads supportbot's YAML configuration once, substitutes
// ${ENV_VAR} references and validates every key, so a typo or a bad value
// stops the process with a message naming the key.
package config

import (
	"path/filepath"
	"time"

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
	Retention   Retention   `yaml:"retention"`
	HA          HA          `yaml:"ha"`

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

	language wording.Language
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

	targets         map[ticketing.Priority]ticketing.Target
	defaultPriority ticketing.Priority
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
