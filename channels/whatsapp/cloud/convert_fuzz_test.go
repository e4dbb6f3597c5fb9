package cloud_test

import (
	"encoding/json"
	"testing"
	"time"
	"unicode/utf8"

	"supportbot/channels/whatsapp/cloud"
	"supportbot/channels/whatsapp/cloud/graphfake"
)

// Whatever JSON Meta (or anyone who got past the signature) posts, the
// conversion never panics and never hands on text that is not UTF-8.
func FuzzConvert(f *testing.F) {
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	seeds := [][]byte{
		graphfake.Body("109876543210", []graphfake.Value{{Names: map[string]string{"+5491155550101": "Ana"},
			Messages: []map[string]any{graphfake.Text("wamid.A", "+5491155550101", "hola", now.Unix())}}}),
		[]byte(`{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"metadata":{"phone_number_id":"109876543210"},"messages":[{"from":"549","id":"x","type":"image","image":{"id":"m","sha256":"zz"}}],"statuses":[{"id":"s","status":"failed","errors":[{"code":131047}]}]}}]}]}`),
		[]byte(`{"entry":[{"changes":[{"value":{"messages":[{"type":"reaction","reaction":{"message_id":"","emoji":"\u00ff"}},{"type":"unsupported"},{"context":{"id":"q"},"type":"text","text":{"body":"\xff"}}]}}]}]}`),
		[]byte(`{}`), []byte(`[]`), []byte(`{"entry":null}`),
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var p cloud.Payload
		if json.Unmarshal(body, &p) != nil {
			return
		}
		conv := cloud.Convert(p, "109876543210", now)
		for _, in := range conv.Inbounds {
			if !utf8.ValidString(in.Text) {
				t.Errorf("text is not UTF-8: %q", in.Text)
			}
		}
	})
}
