package config

import (
	"errors"
	"strings"
	"testing"
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

const base = `
service_desk:
  phones: ["+54 9 5276-9999"]
  channel: CSD
staff:
  - {id: UF, name: Focal, role: focal}
  - {id: UA, name: Agent, role: agent}
clients:
  - id: acme
    country: AR
    timezone: America/Argentina/Buenos_Aires
    slack_channel: C1
    focal_point: UF
  - id: andes
    country: CL
    timezone: America/Santiago
    plan: extendido
    slack_channel: C2
    focal_point: UF
    backups: [UA]
`

func noEnv(string) (string, bool) { return "", false }

func TestExampleConfigLoads(t *testing.T) {
	cfg, err := Load("../config.example.yaml", noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(cfg.TicketingClients()), 2; got != want {
		t.Errorf("clients = %d, want %d", got, want)
	}
	if got := cfg.ServiceDesk.Phones; len(got) != 2 || got[0] != "+54 9 5276-9999" || got[1] != "+56 2-2928-8900" {
		t.Errorf("service desk phones = %v, want the seed's two numbers", got)
	}
	if cfg.Slack.Mode != SlackOff || cfg.WhatsApp.Enabled {
		t.Errorf("example must start with Slack and WhatsApp off, got slack=%s whatsapp=%v", cfg.Slack.Mode, cfg.WhatsApp.Enabled)
	}
}

func TestDefaults(t *testing.T) {
	cfg, err := Parse("test.yaml", []byte(base), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"store.driver", cfg.Store.Driver, StoreSQLite},
		{"store.path", cfg.Store.Path, "data/supportbot.db"},
		{"http.listen", cfg.HTTP.Listen, "127.0.0.1:8080"},
		{"slack.mode", cfg.Slack.Mode, SlackOff},
		{"plan", cfg.TicketingClients()[0].Plan, ticketing.PlanEstandar},
		{"contract", cfg.TicketingClients()[0].Contract, ticketing.ContractActive},
		{"sla.targets.alta", cfg.SLA.TargetMap()[ticketing.PriorityAlta], ticketing.Target{OpenTime: 4 * time.Hour}},
		{"sla.targets.baja", cfg.SLA.TargetMap()[ticketing.PriorityBaja], ticketing.Target{BusinessDays: 4}},
		{"sla.default_priority", cfg.SLA.Default(), ticketing.PriorityMedia},
		{"sla.warn_at", len(cfg.SLA.WarnAt), 3},
		{"notice_after", cfg.SLA.AutoClose.NoticeDelay(), 72 * time.Hour},
		{"close_after", cfg.SLA.AutoClose.CloseDelay(), 48 * time.Hour},
		{"min_gap", cfg.WhatsApp.Gap(), 2 * time.Second},
		{"intake.group_window", cfg.Intake.Window(), 2 * time.Minute},
		{"ha.failover", cfg.HA.FailoverAfter(), 15 * time.Second},
		{"digest.skip_empty", cfg.Digest.SkipsEmpty(), true},
		{"csat.enabled", cfg.CSAT.Asks(), true},
		{"csat.on_autoclose", cfg.CSAT.AsksOnAutoClose(), false},
		{"min_confidence", cfg.Classifier.Threshold(), DefaultMinConfidence},
		{"desk.language", cfg.Desk.Lang(), wording.SpanishAR},
		{"clients[0].language (AR)", cfg.TicketingClients()[0].Language, wording.SpanishAR},
		{"clients[1].language (CL)", cfg.TicketingClients()[1].Language, wording.SpanishCL},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

// A client's own language wins over its country's; the desk's is its own.
func TestLanguagesAsConfigured(t *testing.T) {
	yaml := strings.Replace(base, "plan: extendido", "plan: extendido\n    language: en", 1) + "desk: {language: es-CL}\n"
	cfg, err := Parse("test.yaml", []byte(yaml), noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.TicketingClients()[1].Language; got != wording.English {
		t.Errorf("clients[1].language = %q, want en", got)
	}
	if got := cfg.Desk.Lang(); got != wording.SpanishCL {
		t.Errorf("desk.language = %q, want es-CL", got)
	}
}

func TestBadConfigNamesTheKey(t *testing.T) {
	tests := []struct {
		name    string
		yaml    string
		wantKey string
		wantMsg string
	}{
		{"misspelt top-level key", base + "servce_desk: {}\n", "servce_desk", "unknown key"},
		{"misspelt nested key", strings.Replace(base, "timezone: America/Santiago", "timezon: America/Santiago", 1), "clients[1].timezon", "unknown key"},
		{"unknown time zone", strings.Replace(base, "America/Santiago", "America/Santigo", 1), "clients[1].timezone", `unknown time zone "America/Santigo"`},
		{"focal point not in staff", strings.Replace(base, "focal_point: UF\n    backups", "focal_point: UX\n    backups", 1), "clients[1].focal_point", `"UX" is not in staff`},
		{"backup not in staff", strings.Replace(base, "backups: [UA]", "backups: [UZ]", 1), "clients[1].backups[0]", "not in staff"},
		{"duplicate client id", strings.Replace(base, "id: andes", "id: acme", 1), "clients[1].id", `duplicate client id "acme"`},
		{"bad target duration", base + "sla:\n  targets:\n    alta: 4x\n", "sla.targets.alta", "bad duration"},
		{"bad autoclose duration", base + "sla:\n  autoclose:\n    notice_after: soon\n", "sla.autoclose.notice_after", "bad duration"},
		{"unknown priority target", base + "sla:\n  targets:\n    urgente: 1h\n", "sla.targets.urgente", "unknown priority"},
		{"bad plan", strings.Replace(base, "plan: extendido", "plan: premium", 1), "clients[1].plan", "premium"},
		{"bad country", strings.Replace(base, "country: CL", "country: UY", 1), "clients[1].country", "AR or CL"},
		{"bad client language", strings.Replace(base, "plan: extendido", "plan: extendido\n    language: es", 1), "clients[1].language", `"es"`},
		{"bad desk language", base + "desk: {language: pt-BR}\n", "desk.language", "es-AR, es-CL or en"},
		{"misspelt desk key", base + "desk: {lang: en}\n", "desk.lang", "unknown key"},
		{"bad role", strings.Replace(base, "role: agent", "role: boss", 1), "staff[1].role", "boss"},
		{"bad slack mode", base + "slack: {mode: rtm}\n", "slack.mode", "rtm"},
		{"csat on auto-close while off", base + "csat: {enabled: false, on_autoclose: true}\n", "csat.on_autoclose", "needs csat.enabled"},
		{"csat not a bool", base + "csat: {enabled: maybe}\n", "csat.enabled", ""},
		{"socket without tokens", base + "slack: {mode: socket}\n", "slack.app_token", "xapp-"},
		{"events without secret", base + "slack: {mode: events, bot_token: xoxb-1}\n", "slack.signing_secret", "signing secret"},
		{"no service desk phone", strings.Replace(base, `phones: ["+54 9 5276-9999"]`, "phones: []", 1), "service_desk.phones", "at least one"},
		{"bad extra holiday", strings.Replace(base, "backups: [UA]", "backups: [UA]\n    extra_holidays: [2026-13-01]", 1), "clients[1].extra_holidays[0]", "YYYY-MM-DD"},
		{"bad whatsapp number", strings.Replace(base, "backups: [UA]", "backups: [UA]\n    whatsapp_contacts: ['11 5555 0101']", 1), "clients[1].whatsapp_contacts[0]", "E.164"},
		{"number in two clients", strings.Replace(strings.Replace(base, "focal_point: UF\n  - id", "focal_point: UF\n    whatsapp_contacts: ['+5491155550101']\n  - id", 1), "backups: [UA]", "backups: [UA]\n    whatsapp_contacts: ['+5491155550101']", 1), "clients[1].whatsapp_contacts[0]", "one client"},
		{"channel shared by clients", strings.Replace(base, "slack_channel: C2", "slack_channel: C1", 1), "clients[1].slack_channel", "one client"},
		{"alerts in a client channel", strings.Replace(base, "channel: CSD", "channel: C1", 1), "service_desk.channel", "must not reach a client"},
		{"warn_at out of order", base + "sla:\n  warn_at: [0.75, 0.5]\n", "sla.warn_at[1]", "increase"},
		{"confidence out of range", base + "classifier:\n  min_confidence: 1.5\n", "classifier.min_confidence", "between 0 and 1"},
		{"channel id as team id", base + "slack: {team_id: C0ACME}\n", "slack.team_id", "T…"},
		{"bot id as app id", base + "slack: {app_id: B0BOT}\n", "slack.app_id", "A…"},
		{"failover too short", base + "ha: {failover: 100ms}\n", "ha.failover", "1s or more"},
		{"bad listen", base + "http: {listen: 8080}\n", "http.listen", "host:port"},
		{"unknown store driver", base + "store: {driver: mysql}\n", "store.driver", `"mysql"`},
		{"postgres without url", base + "store: {driver: postgres}\n", "store.url", "needs a server URL"},
		{"postgres with a path for url", base + "store: {driver: postgres, url: data/supportbot.db}\n", "store.url", "postgres://"},
		{"url without postgres", base + "store: {url: 'postgres://bot@db/supportbot'}\n", "store.url", "only read with store.driver: postgres"},
		{"unset env var", base + "slack: {mode: events, bot_token: '${NOPE_TOKEN}', signing_secret: x}\n", "slack.bot_token", "NOPE_TOKEN is not set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("test.yaml", []byte(tt.yaml), noEnv)
			var cerr *Error
			if !errors.As(err, &cerr) {
				t.Fatalf("Parse = %v, want a *config.Error", err)
			}
			found := false
			for _, p := range cerr.Problems {
				if strings.HasPrefix(p, tt.wantKey+":") && strings.Contains(p, tt.wantMsg) {
					found = true
				}
			}
			if !found {
				t.Errorf("problems = %q, want one starting %q containing %q", cerr.Problems, tt.wantKey+":", tt.wantMsg)
			}
		})
	}
}

func TestMisspeltKeySuggestsTheRightOne(t *testing.T) {
	_, err := Parse("test.yaml", []byte(base+"sla:\n  warn_al: [0.5]\n"), noEnv)
	if err == nil || !strings.Contains(err.Error(), `did you mean "warn_at"?`) {
		t.Errorf("err = %v, want a suggestion of warn_at", err)
	}
}

func TestEnvSubstitution(t *testing.T) {
	env := map[string]string{"BOT": "xoxb-secret", "SIGN": "s3cret: with colon"}
	yaml := base + "slack:\n  mode: events\n  bot_token: ${BOT}\n  signing_secret: \"${SIGN}\"\n"
	cfg, err := Parse("test.yaml", []byte(yaml), func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Slack.BotToken != "xoxb-secret" || cfg.Slack.SigningSecret != "s3cret: with colon" {
		t.Errorf("tokens = %q, %q; want the environment's values", cfg.Slack.BotToken, cfg.Slack.SigningSecret)
	}
}

func TestInvalidYAMLIsAnError(t *testing.T) {
	for _, in := range []string{"clients: [", "staff: 3\n", "\x00\xff"} {
		if _, err := Parse("t.yaml", []byte(in), noEnv); err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", in)
		}
	}
}

// The PostgreSQL password comes from the environment and no problem with
// store.url ever quotes it.
func TestStoreURL(t *testing.T) {
	env := func(k string) (string, bool) { return "hunter2", k == "PGPASS" }
	cfg, err := Parse("test.yaml", []byte(base+"store:\n  driver: postgres\n  url: postgres://bot:${PGPASS}@db:5432/supportbot\n"), env)
	if err != nil {
		t.Fatal(err)
	}
	if want := "postgres://bot:hunter2@db:5432/supportbot"; cfg.Store.Driver != StorePostgres || cfg.Store.URL != want {
		t.Errorf("store = %+v, want driver postgres and url %s", cfg.Store, want)
	}
	_, err = Parse("test.yaml", []byte(base+"store:\n  driver: postgres\n  url: mysql://bot:${PGPASS}@db/supportbot\n"), env)
	if err == nil || !strings.Contains(err.Error(), "store.url") || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("err = %v, want a store.url problem that does not show the password", err)
	}
}
