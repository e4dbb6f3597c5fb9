package cloud_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"supportbot/channels"
	"supportbot/channels/whatsapp/cloud"
	"supportbot/channels/whatsapp/cloud/graphfake"
	"supportbot/ticketing"
)

func TestValidSignature(t *testing.T) {
	body := []byte(`{"object":"whatsapp_business_account"}`)
	good := cloud.Sign("secret", body)
	tests := []struct {
		name, secret, header string
		want                 bool
	}{
		{"correct", "secret", good, true},
		{"missing", "secret", "", false},
		{"no prefix", "secret", strings.TrimPrefix(good, "sha256="), false},
		{"other secret", "other", good, false},
		{"not hex", "secret", "sha256=zz", false},
		{"short", "secret", good[:20], false},
		{"empty secret never validates", "", cloud.Sign("", body), false},
	}
	for _, tt := range tests {
		if got := cloud.ValidSignature(tt.secret, body, tt.header); got != tt.want {
			t.Errorf("%s: ValidSignature = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func decode(t *testing.T, body []byte) cloud.Payload {
	t.Helper()
	var p cloud.Payload
	if err := json.Unmarshal(body, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestConvertReadsEveryEntryChangeMessageAndStatus(t *testing.T) {
	const at = 1795000000
	now := time.Date(2026, 11, 24, 13, 0, 0, 0, time.UTC)
	body := graphfake.Body("111",
		[]graphfake.Value{
			{Names: map[string]string{"+5491155550101": "Ana"}, Messages: []map[string]any{graphfake.Text("wamid.A", "+5491155550101", "hola", at)}},
			{Messages: []map[string]any{graphfake.Text("wamid.B", "+5491155550101", "se cayó", at+1)}},
		},
		[]graphfake.Value{{
			Messages: []map[string]any{
				graphfake.Replying(graphfake.Media("wamid.C", "+56229288900", "document", "m1", strings.Repeat("ab", 32), "application/pdf", "log", "error.pdf", at+2), "wamid.X"),
				graphfake.Reaction("wamid.D", "+56229288900", "wamid.X", "👍", at+3),
				graphfake.Unsupported("wamid.E", "+56229288900", at+4),
				{"from": "not-a-number", "id": "wamid.F", "type": "text"},
			},
			Statuses: []map[string]any{graphfake.Status(graphfake.Sent{ID: "wamid.S", To: "5491155550101", Callback: "outbox:42"}, "failed", at+5, 131026)},
		}},
	)
	got := cloud.Convert(decode(t, body), "111", now)
	if other := cloud.Convert(decode(t, body), "222", now); len(other.Inbounds)+len(other.Statuses) != 0 || len(other.Skipped) != 3 {
		t.Errorf("another number's payload converted to %+v, want its three changes skipped", other)
	}
	type row struct {
		kind         channels.InboundKind
		id, from     string
		text, media  string
		quote, react string
		file         string
	}
	var rows []row
	for _, in := range got.Inbounds {
		r := row{kind: in.Kind, id: in.MessageID, from: in.UserID, text: in.Text, media: in.Media, react: in.Reaction}
		if in.Quote != "" {
			r.quote = "quoted"
		}
		if len(in.Files) == 1 {
			f := in.Files[0]
			r.file = f.Name + " " + f.Kind + " " + f.MIME + " " + f.SHA256[:4] + " " + f.Ref
		}
		rows = append(rows, r)
	}
	want := []row{
		{kind: channels.KindMessage, id: "wamid.A", from: "+5491155550101", text: "hola"},
		{kind: channels.KindMessage, id: "wamid.B", from: "+5491155550101", text: "se cayó"},
		{kind: channels.KindMessage, id: "wamid.C", from: "+56229288900", text: "log", media: "document", quote: "quoted",
			file: "error.pdf " + ticketing.FileDocument + " application/pdf abab cloud-media:m1"},
		{kind: channels.KindReaction, id: "wamid.D", from: "+56229288900", text: "👍", react: "👍"},
		{kind: channels.KindMessage, id: "wamid.E", from: "+56229288900", media: "unsupported"},
	}
	if len(rows) != len(want) {
		t.Fatalf("inbounds:\ngot  %+v\nwant %+v", rows, want)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("inbound %d:\ngot  %+v\nwant %+v", i, rows[i], want[i])
		}
	}
	if got.Inbounds[0].UserName != "Ana" || !got.Inbounds[0].At.Equal(time.Unix(at, 0)) {
		t.Errorf("first inbound name/at = %q %v", got.Inbounds[0].UserName, got.Inbounds[0].At)
	}
	if len(got.Statuses) != 1 {
		t.Fatalf("statuses = %+v, want one", got.Statuses)
	}
	s := got.Statuses[0]
	if s.OutboxID != 42 || s.Status != "failed" || s.Code != 131026 || s.Recipient != "+5491155550101" || !strings.Contains(s.Error, "131026") {
		t.Errorf("status = %+v", s)
	}
	if len(got.Skipped) != 1 {
		t.Errorf("skipped = %q, want the message without a number", got.Skipped)
	}
}

func TestMediaTypesBecomeFiles(t *testing.T) {
	sha := strings.Repeat("0f", 32)
	tests := []struct {
		kind, mime, filename string
		voice                bool
		wantMedia, wantKind  string
		wantName             string
	}{
		{"image", "image/jpeg", "", false, "image", ticketing.FileImage, "imagen.jpg"},
		{"video", "video/mp4", "", false, "video", ticketing.FileVideo, "video.mp4"},
		{"audio", "audio/ogg", "", true, "voice", ticketing.FileVoice, "nota-de-voz.ogg"},
		{"audio", "audio/mpeg", "", false, "audio", ticketing.FileAudio, "audio.mp3"},
		{"document", "application/pdf", "informe.pdf", false, "document", ticketing.FileDocument, "informe.pdf"},
		{"sticker", "image/webp", "", false, "sticker", ticketing.FileImage, "sticker.webp"},
	}
	for _, tt := range tests {
		m := graphfake.Media("wamid.1", "+5491155550101", tt.kind, "media-1", sha, tt.mime, "", tt.filename, 1795000000)
		if tt.voice {
			m[tt.kind].(map[string]any)["voice"] = true
		}
		raw, _ := json.Marshal(m)
		var msg cloud.Message
		if err := json.Unmarshal(raw, &msg); err != nil {
			t.Fatal(err)
		}
		in, ok := cloud.FromMessage(msg, "", time.Now())
		if !ok || len(in.Files) != 1 {
			t.Fatalf("%s: FromMessage = %+v, %v", tt.kind, in, ok)
		}
		f := in.Files[0]
		if in.Media != tt.wantMedia || f.Kind != tt.wantKind || f.Name != tt.wantName || f.SHA256 != sha || f.Source != ticketing.PlatformWhatsApp {
			t.Errorf("%s: media %q file %+v, want %q %q %q", tt.kind, in.Media, f, tt.wantMedia, tt.wantKind, tt.wantName)
		}
	}
}

func TestSplitText(t *testing.T) {
	long := strings.Repeat("palabra ", 1100) // 8800 characters
	tests := []struct {
		in    string
		max   int
		parts int
	}{
		{"corto", 4096, 1},
		{strings.Repeat("ñ", 4096), 4096, 1},
		{strings.Repeat("ñ", 4097), 4096, 2},
		{long, 4096, 3},
	}
	for _, tt := range tests {
		parts := cloud.SplitText(tt.in, tt.max)
		if len(parts) != tt.parts {
			t.Errorf("SplitText(%d chars) = %d parts, want %d", len([]rune(tt.in)), len(parts), tt.parts)
		}
		total := 0
		for _, p := range parts {
			if n := len([]rune(p)); n > tt.max {
				t.Errorf("part of %d characters, max %d", n, tt.max)
			}
			total += len(strings.TrimSpace(p))
		}
		if total == 0 {
			t.Error("nothing kept")
		}
	}
}
