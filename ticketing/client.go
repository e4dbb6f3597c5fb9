package ticketing

import (
	"fmt"
	"slices"
	"time"

	"supportbot/ticketing/wording"
)

// Country selects the built-in public holiday set.
type Country string

const (
	CountryAR Country = "AR"
	CountryCL Country = "CL"
)

// Countries lists the countries with a built-in holiday set.
var Countries = []Country{CountryAR, CountryCL}

// ParseCountry accepts a country code as configured ("AR").
func ParseCountry(s string) (Country, error) {
	if c := Country(s); slices.Contains(Countries, c) {
		return c, nil
	}
	return "", fmt.Errorf("unknown country %q (want AR or CL)", s)
}

// Language is the language a country's clients read when their client
// names none: voseo in Argentina, tú in Chile.
func (c Country) Language() wording.Language {
	if c == CountryCL {
		return wording.SpanishCL
	}
	return wording.SpanishAR
}

// Plan is the coverage the client contracted (seed: "Coberturas de soporte").
type Plan string

const (
	PlanEstandar  Plan = "estandar"
	PlanExtendido Plan = "extendido"
	Plan7x24      Plan = "7x24"
)

// Plans lists every plan.
var Plans = []Plan{PlanEstandar, PlanExtendido, Plan7x24}

// ParsePlan accepts a plan as configured; none is the standard plan, the
// coverage every contract includes.
func ParsePlan(s string) (Plan, error) {
	if s == "" {
		return PlanEstandar, nil
	}
	if p := Plan(s); slices.Contains(Plans, p) {
		return p, nil
	}
	return "", fmt.Errorf("unknown plan %q (want estandar, extendido or 7x24)", s)
}

// Contract is the state of the client's support contract; only active
// contracts get tickets (seed: "Exclusiones").
type Contract string

const (
	ContractActive    Contract = "active"
	ContractSuspended Contract = "suspended"
	ContractExpired   Contract = "expired"
)

// Date is a civil date with no time zone, as holidays are decreed.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf is the civil date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, err
	}
	return DateOf(t), nil
}

func (d Date) String() string {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// In is midnight of the date in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// Client is one customer of the support desk.
type Client struct {
	ID            string
	Name          string
	Country       Country
	Location      *time.Location
	Plan          Plan
	Contract      Contract
	Channel       string
	FocalPoint    string
	Backups       []string
	ExtraHolidays []Date
	Contacts      []string
	// Language is what the client's people read from the bot.
	Language wording.Language
}

// TimeZone is the IANA name of the client's zone.
func (c Client) TimeZone() string {
	if c.Location == nil {
		return "UTC"
	}
	return c.Location.String()
}

// HasExtraHoliday reports whether d is one of the client's own closed days.
func (c Client) HasExtraHoliday(d Date) bool { return slices.Contains(c.ExtraHolidays, d) }

// Role is what a member of the support team does.
type Role string

const (
	RoleFocal       Role = "focal"
	RoleAgent       Role = "agent"
	RoleLevel2      Role = "level2"
	RoleLevel3      Role = "level3"
	RoleProduct     Role = "product"
	RoleServiceDesk Role = "service_desk"
)

// Roles lists every valid role.
var Roles = []Role{RoleFocal, RoleAgent, RoleLevel2, RoleLevel3, RoleProduct, RoleServiceDesk}

// Staff is a member of the vendor's support team, identified by Slack user id.
type Staff struct {
	ID     string
	Name   string
	Role   Role
	Absent bool
}
