package config

import (
	"errors"
	"slices"
	"testing"
)

func TestWhatsAppCloudKeysAreCheckedAndNamed(t *testing.T) {
	env := map[string]string{"WA_TOKEN": "EAAG-token", "WA_SECRET": "s3cret"}
	const good = "whatsapp:\n  enabled: true\n  transport: cloud\n  cloud:\n    phone_number_id: '1234567890'\n" +
		"    access_token: ${WA_TOKEN}\n    app_secret: ${WA_SECRET}\n    verify_token: v\n" +
		"    templates: {reopen: {name: ticket_update, language: es_AR}}\n"
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"default transport is linked", base + "whatsapp: {enabled: true}\n", nil},
		{"complete cloud", base + good, nil},
		{"unknown transport", base + "whatsapp: {transport: api}\n",
			[]string{`whatsapp.transport: must be linked or cloud, got "api"`}},
		{"cloud off is not checked", base + "whatsapp: {enabled: false, transport: cloud}\n", nil},
		{"every cloud key missing", base + "whatsapp:\n  enabled: true\n  transport: cloud\n  cloud: {api_url: 'ftp://x'}\n",
			[]string{
				`whatsapp.cloud.phone_number_id: whatsapp.transport cloud needs the number's id from the Meta app (digits), got ""`,
				`whatsapp.cloud.access_token: whatsapp.transport cloud needs a (system user) access token, e.g. ${WHATSAPP_ACCESS_TOKEN}`,
				`whatsapp.cloud.app_secret: whatsapp.transport cloud needs the Meta app's secret to check webhook signatures, e.g. ${WHATSAPP_APP_SECRET}`,
				`whatsapp.cloud.verify_token: whatsapp.transport cloud needs the verify token typed into the Meta app's webhook settings`,
				`whatsapp.cloud.api_url: want an http(s) URL such as https://graph.facebook.com/v21.0, got "ftp://x"`,
				`whatsapp.cloud.templates.reopen.name: needed to reach a contact outside WhatsApp's 24-hour window: an approved template's name`,
				`whatsapp.cloud.templates.reopen.language: the approved template's language code, e.g. es_AR or en_US`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse("test.yaml", []byte(tt.yaml), func(k string) (string, bool) { v, ok := env[k]; return v, ok })
			var got []string
			var cerr *Error
			if errors.As(err, &cerr) {
				got = cerr.Problems
			} else if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\ngot  %q\nwant %q", got, tt.want)
			}
			if err == nil && cfg.WhatsApp.Cloud.APIURL != DefaultGraphAPIURL {
				t.Errorf("api_url = %q, want the default %q", cfg.WhatsApp.Cloud.APIURL, DefaultGraphAPIURL)
			}
		})
	}
}
