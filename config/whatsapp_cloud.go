package config

import (
	"net/url"
	"strings"
)

// WhatsApp transports.
const (
	TransportLinked = "linked"
	TransportCloud  = "cloud"
)

// DefaultGraphAPIURL is Meta's Graph API with the version the Cloud
// transport was written against.
const DefaultGraphAPIURL = "https://graph.facebook.com/v21.0"

// WhatsAppCloud is Meta's WhatsApp Cloud API: the business number the bot
// answers from, the credentials of the Meta app, and the message templates
// it may send outside the 24-hour window.
type WhatsAppCloud struct {
	PhoneNumberID string `yaml:"phone_number_id"`
	AccessToken   string `yaml:"access_token"`
	AppSecret     string `yaml:"app_secret"`
	VerifyToken   string `yaml:"verify_token"`
	APIURL        string `yaml:"api_url"`
	Templates     struct {
		Reopen Template `yaml:"reopen"`
	} `yaml:"templates"`
}

// Template is an approved WhatsApp message template.
type Template struct {
	Name     string `yaml:"name"`
	Language string `yaml:"language"`
}

// UsesCloud reports whether WhatsApp runs through the Cloud API.
func (w *WhatsApp) UsesCloud() bool { return w.Enabled && w.Transport == TransportCloud }

func (c *Config) validateWhatsAppTransport(v *validator) {
	w := &c.WhatsApp
	if w.Transport == "" {
		w.Transport = TransportLinked
	}
	if w.Cloud.APIURL == "" {
		w.Cloud.APIURL = DefaultGraphAPIURL
	}
	switch w.Transport {
	case TransportLinked:
		return
	case TransportCloud:
	default:
		v.add("whatsapp.transport", "must be %s or %s, got %q", TransportLinked, TransportCloud, w.Transport)
		return
	}
	if !w.Enabled {
		return
	}
	cl := &w.Cloud
	if !digitsOnly(cl.PhoneNumberID) {
		v.add("whatsapp.cloud.phone_number_id", "whatsapp.transport cloud needs the number's id from the Meta app (digits), got %q", cl.PhoneNumberID)
	}
	if strings.TrimSpace(cl.AccessToken) == "" {
		v.add("whatsapp.cloud.access_token", "whatsapp.transport cloud needs a (system user) access token, e.g. ${WHATSAPP_ACCESS_TOKEN}")
	}
	if strings.TrimSpace(cl.AppSecret) == "" {
		v.add("whatsapp.cloud.app_secret", "whatsapp.transport cloud needs the Meta app's secret to check webhook signatures, e.g. ${WHATSAPP_APP_SECRET}")
	}
	if strings.TrimSpace(cl.VerifyToken) == "" {
		v.add("whatsapp.cloud.verify_token", "whatsapp.transport cloud needs the verify token typed into the Meta app's webhook settings")
	}
	if u, err := url.Parse(cl.APIURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		v.add("whatsapp.cloud.api_url", "want an http(s) URL such as %s, got %q", DefaultGraphAPIURL, cl.APIURL)
	}
	cl.APIURL = strings.TrimRight(cl.APIURL, "/")
	t := cl.Templates.Reopen
	if strings.TrimSpace(t.Name) == "" {
		v.add("whatsapp.cloud.templates.reopen.name", "needed to reach a contact outside WhatsApp's 24-hour window: an approved template's name")
	}
	if strings.TrimSpace(t.Language) == "" {
		v.add("whatsapp.cloud.templates.reopen.language", "the approved template's language code, e.g. es_AR or en_US")
	}
}

func digitsOnly(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
