package config

import (
	"fmt"
	"maps"
	"net"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// validate fills defaults, checks every key and builds the domain values.
// It returns every problem, not just the first, each starting with its key.
func (c *Config) validate() []string {
	var v validator
	c.defaults()

	if c.HTTP.Listen != "" {
		if _, _, err := net.SplitHostPort(c.HTTP.Listen); err != nil {
			v.add("http.listen", "want host:port, got %q", c.HTTP.Listen)
		}
	}
	c.validateStore(&v)
	c.validateSlack(&v)
	c.validateWhatsApp(&v)
	c.validateIntake(&v)
	if c.CSAT.OnAutoClose != nil && *c.CSAT.OnAutoClose && !c.CSAT.Asks() {
		v.add("csat.on_autoclose", "needs csat.enabled: true (nothing is asked while csat is off)")
	}
	c.validateHA(&v)
	c.validateServiceDesk(&v)
	if l, err := wording.ParseLanguage(c.Desk.Language); err != nil {
		v.add("desk.language", "must be es-AR, es-CL or en, got %q", c.Desk.Language)
	} else {
		c.Desk.language = l
	}
	c.validateDeskTimezone(&v)
	staffByID := c.validateStaff(&v)
	c.validateClients(&v, staffByID)
	c.validateSLA(&v)
	c.validateRetention(&v)
	if t := c.Classifier.Threshold(); t < 0 || t > 1 {
		v.add("classifier.min_confidence", "must be between 0 and 1, got %v", t)
	}
	return v.problems
}

func (c *Config) defaults() {
	if c.Store.Driver == "" {
		c.Store.Driver = StoreSQLite
	}
	if c.Store.Path == "" {
		c.Store.Path = "data/supportbot.db"
	}
	if c.HTTP.Listen == "" {
		c.HTTP.Listen = "127.0.0.1:8080"
	}
	if c.Desk.Language == "" {
		c.Desk.Language = string(wording.SpanishAR)
	}
	if c.Slack.Mode == "" {
		c.Slack.Mode = SlackOff
	}
	if c.WhatsApp.StorePath == "" {
		c.WhatsApp.StorePath = "data/whatsapp.db"
	}
	if c.HA.Failover == "" {
		c.HA.Failover = "15s"
	}
	if c.WhatsApp.MinGap == "" {
		c.WhatsApp.MinGap = "2s"
	}
	if c.Intake.GroupWindow == "" {
		c.Intake.GroupWindow = "2m"
	}
	if c.SLA.DefaultPriority == "" {
		c.SLA.DefaultPriority = string(ticketing.PriorityMedia)
	}
	if c.SLA.WarnAt == nil {
		c.SLA.WarnAt = []float64{0.5, 0.75, 0.9}
	}
	if c.SLA.AutoClose.NoticeAfter == "" {
		c.SLA.AutoClose.NoticeAfter = ticketing.DefaultNoticeAfter.String()
	}
	if c.SLA.AutoClose.CloseAfter == "" {
		c.SLA.AutoClose.CloseAfter = ticketing.DefaultCloseAfter.String()
	}
}

type validator struct{ problems []string }

func (v *validator) add(key, format string, args ...any) {
	v.problems = append(v.problems, key+": "+fmt.Sprintf(format, args...))
}

// validateStore never quotes store.url: it may carry a password.
func (c *Config) validateStore(v *validator) {
	s := &c.Store
	switch s.Driver {
	case StoreSQLite:
		if s.URL != "" {
			v.add("store.url", "only read with store.driver: %s; SQLite keeps the store in store.path", StorePostgres)
		}
	case StorePostgres:
		if s.URL == "" {
			v.add("store.url", "store.driver %s needs a server URL: postgres://user:${PASSWORD}@host:5432/db", StorePostgres)
			return
		}
		u, err := url.Parse(s.URL)
		if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			v.add("store.url", "want a URL postgres://user:${PASSWORD}@host:5432/db")
		}
	default:
		v.add("store.driver", "must be %s or %s, got %q", StoreSQLite, StorePostgres, s.Driver)
	}
}

func (c *Config) validateSlack(v *validator) {
	s := &c.Slack
	switch s.Mode {
	case SlackOff:
	case SlackSocket:
		if !strings.HasPrefix(s.AppToken, "xapp-") {
			v.add("slack.app_token", "socket mode needs an app-level token starting with xapp-")
		}
		c.needBotToken(v)
	case SlackEvents:
		if s.SigningSecret == "" {
			v.add("slack.signing_secret", "events mode needs the app's signing secret")
		}
		c.needBotToken(v)
	default:
		v.add("slack.mode", "must be socket, events or off, got %q", s.Mode)
	}
	if s.APIURL != "" && !strings.HasPrefix(s.APIURL, "http://") && !strings.HasPrefix(s.APIURL, "https://") {
		v.add("slack.api_url", "want an http(s) URL, got %q", s.APIURL)
	}
	if s.TeamID != "" && !slackTeamID.MatchString(s.TeamID) {
		v.add("slack.team_id", "want a workspace id T… or an Enterprise Grid organization id E…, got %q", s.TeamID)
	}
	if s.AppID != "" && !slackAppID.MatchString(s.AppID) {
		v.add("slack.app_id", "want the app id A… from the app's Basic Information page, got %q", s.AppID)
	}
}

// Slack ids are a type letter followed by upper-case letters and digits.
var (
	slackTeamID = regexp.MustCompile(`^[TE][A-Z0-9]{2,}$`)
	slackAppID  = regexp.MustCompile(`^A[A-Z0-9]{2,}$`)
)

func (c *Config) needBotToken(v *validator) {
	if !strings.HasPrefix(c.Slack.BotToken, "xoxb-") {
		v.add("slack.bot_token", "slack.mode %s needs a bot token starting with xoxb-", c.Slack.Mode)
	}
}

func (c *Config) validateWhatsApp(v *validator) {
	d, err := time.ParseDuration(c.WhatsApp.MinGap)
	if err != nil || d < 0 {
		v.add("whatsapp.min_gap", "bad duration %q: want e.g. 2s", c.WhatsApp.MinGap)
	}
	c.WhatsApp.minGap = d
	c.validateWhatsAppTransport(v)
}

func (c *Config) validateIntake(v *validator) {
	d, err := time.ParseDuration(c.Intake.GroupWindow)
	if err != nil || d <= 0 {
		v.add("intake.group_window", "bad duration %q: want a positive one, e.g. 2m", c.Intake.GroupWindow)
	}
	c.Intake.groupWindow = d
}

// minFailover keeps the leader's liveness checks (a fraction of ha.failover)
// from flooding the server.
const minFailover = time.Second

func (c *Config) validateHA(v *validator) {
	d, err := time.ParseDuration(c.HA.Failover)
	if err != nil || d < minFailover {
		v.add("ha.failover", "bad duration %q: want %s or more, e.g. 15s", c.HA.Failover, minFailover)
	}
	c.HA.failover = d
}

func (c *Config) validateServiceDesk(v *validator) {
	if len(c.ServiceDesk.Phones) == 0 {
		v.add("service_desk.phones", "at least one Service Desk phone is required: critical incidents are sent there")
	}
	for i, p := range c.ServiceDesk.Phones {
		if strings.TrimSpace(p) == "" {
			v.add(fmt.Sprintf("service_desk.phones[%d]", i), "empty phone number")
		}
	}
}

func (c *Config) validateStaff(v *validator) map[string]ticketing.Staff {
	byID := map[string]ticketing.Staff{}
	c.staff = nil
	for i, s := range c.Staff {
		key := fmt.Sprintf("staff[%d]", i)
		if s.ID == "" {
			v.add(key+".id", "missing Slack user id")
			continue
		}
		if _, dup := byID[s.ID]; dup {
			v.add(key+".id", "duplicate staff id %q", s.ID)
			continue
		}
		role := ticketing.Role(s.Role)
		if !slices.Contains(ticketing.Roles, role) {
			v.add(key+".role", "must be one of %s, got %q", roleList(), s.Role)
		}
		name := s.Name
		if name == "" {
			name = s.ID
		}
		st := ticketing.Staff{ID: s.ID, Name: name, Role: role}
		byID[s.ID] = st
		c.staff = append(c.staff, st)
	}
	return byID
}

func roleList() string {
	names := make([]string, len(ticketing.Roles))
	for i, r := range ticketing.Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

func (c *Config) validateClients(v *validator, staff map[string]ticketing.Staff) {
	ids := map[string]int{}
	channels := map[string]int{}
	phones := map[string]string{}
	c.clients = nil
	for i, rc := range c.Clients {
		key := fmt.Sprintf("clients[%d]", i)
		cl := ticketing.Client{ID: rc.ID, Name: rc.Name, Channel: rc.SlackChannel, FocalPoint: rc.FocalPoint}
		switch {
		case rc.ID == "":
			v.add(key+".id", "missing client id")
		case strings.ContainsAny(rc.ID, " \t#"):
			v.add(key+".id", "client id %q must be one word (it is typed in /soporte commands)", rc.ID)
		default:
			if j, dup := ids[rc.ID]; dup {
				v.add(key+".id", "duplicate client id %q (also clients[%d])", rc.ID, j)
			}
			ids[rc.ID] = i
		}
		if cl.Name == "" {
			cl.Name = rc.ID
		}
		if country, err := ticketing.ParseCountry(rc.Country); err != nil {
			v.add(key+".country", "must be AR or CL, got %q", rc.Country)
		} else {
			cl.Country = country
		}
		cl.Language = cl.Country.Language()
		if rc.Language != "" {
			if l, err := wording.ParseLanguage(rc.Language); err != nil {
				v.add(key+".language", "must be es-AR, es-CL or en, got %q", rc.Language)
			} else {
				cl.Language = l
			}
		}
		if rc.Timezone == "" {
			v.add(key+".timezone", "missing IANA time zone, e.g. America/Argentina/Buenos_Aires")
		} else if loc, err := time.LoadLocation(rc.Timezone); err != nil {
			v.add(key+".timezone", "unknown time zone %q", rc.Timezone)
		} else {
			cl.Location = loc
		}
		if plan, err := ticketing.ParsePlan(rc.Plan); err != nil {
			v.add(key+".plan", "must be estandar, extendido or 7x24, got %q", rc.Plan)
		} else {
			cl.Plan = plan
		}
		cl.Contract = ticketing.Contract(rc.Contract)
		switch cl.Contract {
		case "":
			cl.Contract = ticketing.ContractActive
		case ticketing.ContractActive, ticketing.ContractSuspended, ticketing.ContractExpired:
		default:
			v.add(key+".contract", "must be active, suspended or expired, got %q", rc.Contract)
		}
		if rc.SlackChannel != "" {
			if j, dup := channels[rc.SlackChannel]; dup {
				v.add(key+".slack_channel", "channel %s is already clients[%d]'s: a channel belongs to one client", rc.SlackChannel, j)
			}
			channels[rc.SlackChannel] = i
		}
		if rc.FocalPoint == "" {
			v.add(key+".focal_point", "missing focal point (a staff id)")
		} else if _, ok := staff[rc.FocalPoint]; !ok {
			v.add(key+".focal_point", "%q is not in staff", rc.FocalPoint)
		}
		for j, b := range rc.Backups {
			if _, ok := staff[b]; !ok {
				v.add(fmt.Sprintf("%s.backups[%d]", key, j), "%q is not in staff", b)
			}
		}
		cl.Backups = slices.Clone(rc.Backups)
		for j, h := range rc.ExtraHolidays {
			d, err := ticketing.ParseDate(h)
			if err != nil {
				v.add(fmt.Sprintf("%s.extra_holidays[%d]", key, j), "want YYYY-MM-DD, got %q", h)
				continue
			}
			cl.ExtraHolidays = append(cl.ExtraHolidays, d)
		}
		for j, raw := range rc.WhatsAppContacts {
			pk := fmt.Sprintf("%s.whatsapp_contacts[%d]", key, j)
			p, err := ticketing.ParsePhone(raw)
			if err != nil {
				v.add(pk, "want an E.164 number such as +5491123456789, got %q", raw)
				continue
			}
			if owner, dup := phones[p]; dup && owner != rc.ID {
				v.add(pk, "%s already belongs to client %q: a number belongs to one client", p, owner)
				continue
			}
			phones[p] = rc.ID
			cl.Contacts = append(cl.Contacts, p)
		}
		c.clients = append(c.clients, cl)
	}
	if c.ServiceDesk.Channel != "" {
		if j, clash := channels[c.ServiceDesk.Channel]; clash {
			v.add("service_desk.channel", "%s is clients[%d]'s channel: internal alerts must not reach a client", c.ServiceDesk.Channel, j)
		}
	}
	if c.Desk.TriageChannel != "" {
		if j, clash := channels[c.Desk.TriageChannel]; clash {
			v.add("desk.triage_channel", "%s is clients[%d]'s channel: staff cards and internal notes must not reach a client", c.Desk.TriageChannel, j)
		}
	}
	if c.WhatsApp.MirrorChannel != "" {
		if _, clash := channels[c.WhatsApp.MirrorChannel]; clash {
			v.add("whatsapp.mirror_channel", "%s is a client's channel: one client's WhatsApp messages would show there", c.WhatsApp.MirrorChannel)
		}
	}
}

func (c *Config) validateSLA(v *validator) {
	s := &c.SLA
	s.targets = ticketing.DefaultTargets()
	// Sorted, so the problems come out in the same order every run.
	for _, key := range slices.Sorted(maps.Keys(s.Targets)) {
		val := s.Targets[key]
		p, err := ticketing.ParsePriority(key)
		if err != nil {
			v.add("sla.targets."+key, "unknown priority (want critica, alta, media or baja)")
			continue
		}
		t, err := ticketing.ParseTarget(val)
		if err != nil {
			v.add("sla.targets."+key, "%v", err)
			continue
		}
		s.targets[p] = t
	}
	p, err := ticketing.ParsePriority(s.DefaultPriority)
	if err != nil || p == ticketing.PriorityCritica {
		v.add("sla.default_priority", "must be alta, media or baja, got %q", s.DefaultPriority)
	}
	s.defaultPriority = p
	for i, w := range s.WarnAt {
		if w <= 0 || w >= 1 {
			v.add(fmt.Sprintf("sla.warn_at[%d]", i), "must be a fraction between 0 and 1 (exclusive), got %v", w)
		}
		if i > 0 && w <= s.WarnAt[i-1] {
			v.add(fmt.Sprintf("sla.warn_at[%d]", i), "thresholds must increase, %v follows %v", w, s.WarnAt[i-1])
		}
	}
	c.validateNextResponse(v)
	s.resolutionTargets = map[ticketing.Priority]time.Duration{}
	for _, key := range slices.Sorted(maps.Keys(s.ResolutionTargets)) {
		p, err := ticketing.ParsePriority(key)
		if err != nil {
			v.add("sla.resolution_targets."+key, "unknown priority (want critica, alta, media or baja)")
			continue
		}
		d, err := time.ParseDuration(strings.TrimSpace(s.ResolutionTargets[key]))
		if err != nil || d <= 0 {
			v.add("sla.resolution_targets."+key, "bad duration %q: want attended hours such as 8h or 90m", s.ResolutionTargets[key])
			continue
		}
		s.resolutionTargets[p] = d
	}
	var ok bool
	if s.AutoClose.noticeAfter, ok = calendarDuration(s.AutoClose.NoticeAfter); !ok {
		v.add("sla.autoclose.notice_after", "bad duration %q: want e.g. 72h or 3d", s.AutoClose.NoticeAfter)
	}
	if s.AutoClose.closeAfter, ok = calendarDuration(s.AutoClose.CloseAfter); !ok {
		v.add("sla.autoclose.close_after", "bad duration %q: want e.g. 48h or 2d", s.AutoClose.CloseAfter)
	}
}

// validateNextResponse reads sla.next_response's two forms.
func (c *Config) validateNextResponse(v *validator) {
	s := &c.SLA
	s.nextOff, s.nextTargets = false, nil
	n := s.NextResponse
	switch every := strings.TrimSpace(n.Every); {
	case every == "off":
		s.nextOff = true
	case every != "":
		t, err := ticketing.ParseTarget(every)
		if err != nil {
			v.add("sla.next_response", "%v, or off", err)
			return
		}
		s.nextTargets = map[ticketing.Priority]ticketing.Target{}
		for _, p := range ticketing.Priorities {
			s.nextTargets[p] = t
		}
	}
	for _, key := range slices.Sorted(maps.Keys(n.ByPriority)) {
		p, err := ticketing.ParsePriority(key)
		if err != nil {
			v.add("sla.next_response."+key, "unknown priority (want critica, alta, media or baja)")
			continue
		}
		t, err := ticketing.ParseTarget(n.ByPriority[key])
		if err != nil {
			v.add("sla.next_response."+key, "%v", err)
			continue
		}
		if s.nextTargets == nil {
			s.nextTargets = map[ticketing.Priority]ticketing.Target{}
		}
		s.nextTargets[p] = t
	}
}

// calendarDuration reads a Go duration or whole days ("3d" = 72h).
func calendarDuration(s string) (time.Duration, bool) {
	if n, isDays := strings.CutSuffix(s, "d"); isDays {
		days, err := strconv.Atoi(n)
		return time.Duration(days) * 24 * time.Hour, err == nil && days > 0
	}
	d, err := time.ParseDuration(s)
	return d, err == nil && d > 0
}
