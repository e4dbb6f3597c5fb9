package graphfake

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"supportbot/channels/whatsapp/cloud"
)

// What Meta's webhook sends the bot, built in-process and signed with the
// app secret, for tests and the demo to post to the real endpoint.

// Value is one change's value: messages and statuses, and the senders'
// profile names by number.
type Value struct {
	Names    map[string]string
	Messages []map[string]any
	Statuses []map[string]any
}

// Body is a webhook delivery: one entry per list of values, one change per
// value.
func Body(phoneNumberID string, entries ...[]Value) []byte {
	var es []any
	for i, changes := range entries {
		var cs []any
		for _, v := range changes {
			val := map[string]any{"messaging_product": "whatsapp",
				"metadata": map[string]any{"display_phone_number": "5491155550000", "phone_number_id": phoneNumberID}}
			var contacts []any
			for num, name := range v.Names {
				contacts = append(contacts, map[string]any{"profile": map[string]any{"name": name}, "wa_id": digits(num)})
			}
			if contacts != nil {
				val["contacts"] = contacts
			}
			if v.Messages != nil {
				val["messages"] = v.Messages
			}
			if v.Statuses != nil {
				val["statuses"] = v.Statuses
			}
			cs = append(cs, map[string]any{"field": "messages", "value": val})
		}
		es = append(es, map[string]any{"id": fmt.Sprintf("WABA%d", i+1), "changes": cs})
	}
	b, _ := json.Marshal(map[string]any{"object": "whatsapp_business_account", "entry": es})
	return b
}

func digits(phone string) string { return strings.TrimPrefix(phone, "+") }

// Text is a text message from a number.
func Text(id, from, text string, at int64) map[string]any {
	return map[string]any{"from": digits(from), "id": id, "timestamp": fmt.Sprint(at), "type": "text",
		"text": map[string]any{"body": text}}
}

// Media is a media message (image, document, audio, video, sticker).
func Media(id, from, kind, mediaID, sha, mimeType, caption, filename string, at int64) map[string]any {
	m := map[string]any{"id": mediaID, "mime_type": mimeType, "sha256": sha}
	if caption != "" {
		m["caption"] = caption
	}
	if filename != "" {
		m["filename"] = filename
	}
	return map[string]any{"from": digits(from), "id": id, "timestamp": fmt.Sprint(at), "type": kind, kind: m}
}

// Replying makes a message quote an earlier one.
func Replying(m map[string]any, quotedID string) map[string]any {
	m["context"] = map[string]any{"from": "5491155550000", "id": quotedID}
	return m
}

// Reaction is an emoji reaction to an earlier message.
func Reaction(id, from, to, emoji string, at int64) map[string]any {
	return map[string]any{"from": digits(from), "id": id, "timestamp": fmt.Sprint(at), "type": "reaction",
		"reaction": map[string]any{"message_id": to, "emoji": emoji}}
}

// Unsupported is a message type the Cloud API does not pass on.
func Unsupported(id, from string, at int64) map[string]any {
	return map[string]any{"from": digits(from), "id": id, "timestamp": fmt.Sprint(at), "type": "unsupported",
		"errors": []any{map[string]any{"code": 131051, "title": "Message type unknown"}}}
}

// Status is a status of a message the bot sent (the fake's Sent.ID and
// Sent.Callback); code, when not 0, is a failure's error.
func Status(s Sent, status string, at int64, code int) map[string]any {
	m := map[string]any{"id": s.ID, "status": status, "timestamp": fmt.Sprint(at), "recipient_id": s.To}
	if s.Callback != "" {
		m["biz_opaque_callback_data"] = s.Callback
	}
	if code != 0 {
		m["errors"] = []any{map[string]any{"code": code, "title": "Message undeliverable",
			"error_data": map[string]any{"details": "Message could not be delivered"}}}
	}
	return m
}

// Post delivers a body to the webhook at url, signed with secret (unsigned
// when secret is empty), and returns the status code.
func Post(url, secret string, body []byte) (int, error) {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set(cloud.SignatureHeader, cloud.Sign(secret, body))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}
