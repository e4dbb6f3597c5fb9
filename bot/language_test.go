package bot_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"supportbot/bot"
	"supportbot/ticketing"
	"supportbot/ticketing/wording"
)

// keyLike is how a catalog key looks; one in a posted text means a lookup
// missed.
var keyLike = regexp.MustCompile(`\b[a-z]+(\.[a-z_0-9]+)+\b`)

// TestClientsReadTheirLanguage walks a client through the bot's answers on
// Slack and WhatsApp in each language: what the client reads (their
// channel, their chat, their commands' replies) is in that language, with
// no voseo outside es-AR and no Spanish in English.
func TestClientsReadTheirLanguage(t *testing.T) {
	want := map[wording.Language]string{
		wording.SpanishAR: "Registramos tu caso",
		wording.SpanishCL: "Escribe en este hilo",
		wording.English:   "We registered your case",
	}
	for _, l := range wording.Languages {
		t.Run(string(l), func(t *testing.T) {
			h := newHarnessWith(t, func(cfg *bot.Config) {
				for i := range cfg.Clients {
					cfg.Clients[i].Language = l
				}
				cfg.ServiceDesk.Website = "https://soporte.example"
			})
			var read []string
			reply := func(text string) { read = append(read, text) }
			collect := func() {
				slack, wa := h.flush()
				for _, it := range append(slack, wa...) {
					// A WhatsApp case's copy in the Slack thread is for staff.
					staffCopy := strings.HasPrefix(it.Text, "📱") || strings.HasPrefix(it.Text, "🤖")
					if !staffCopy && (it.To.Address == "CACME" || it.To.Address == "CGAMMA" || strings.HasPrefix(it.To.Address, "+")) {
						read = append(read, it.Text)
						for _, b := range it.Buttons {
							// Tomar, Resolver, Escalar are staff's, in desk.language.
							if !strings.HasPrefix(b.ActionID, "ticket_") || b.ActionID == "ticket_kind" {
								read = append(read, b.Label)
							}
						}
					}
				}
			}
			phone := "+5491155550101"

			later := func() { h.clock.Advance(3 * time.Minute) }

			// A new case; the kind question with its buttons, and a press.
			h.handle(slackMsg("CACME", "UCLIENT", "100.1", "the dialer no anda"))
			later()
			h.handle(slackMsg("CACME", "UCLIENT", "100.2", "hmm"))
			collect()
			reply(h.handle(channelsAction("CACME", "UCLIENT", "ticket_kind", "2:consulta")).Text)
			later()
			// The doubtful-critical question (left to time out), a critical
			// one, a lone greeting.
			h.handle(slackMsg("CACME", "UCLIENT", "100.3", "the app no marca"))
			later()
			h.handle(slackMsg("CACME", "UCLIENT", "100.4", "todo caído"))
			h.handle(slackMsg("CACME", "UOTHER", "100.5", "hola"))
			collect()
			// Staff move the tickets along; the client reads each note.
			for _, c := range []string{"tomar #1", "prioridad #1 baja", "escalar #1 n2", "resolver #1 Restarted it",
				"tipo #2 funcionalidad", "mover #2 derivado_producto"} {
				h.handle(command("CINTERNAL", "UFOCAL", c))
			}
			collect()
			// Client commands on Slack.
			for _, c := range []string{"ayuda", "estado", "conforme #1", "conforme #77", "conforme", "conforme #abc", "tomar #2", "nada"} {
				reply(h.handle(command("CACME", "UCLIENT", c)).Text)
			}
			h.handle(threadReply("CACME", "UCLIENT", h.ticket(1).Desk.Thread, "100.6", "one more thing"))
			// WhatsApp: a new case, the menu, commands.
			h.handle(waMsg(phone, "WA1", "hmm"))
			h.handle(waMsg(phone, "WA2", "ayuda"))
			h.handle(waMsg(phone, "WA3", "estado"))
			h.handle(waMsg(phone, "WA4", "conforme"))
			h.handle(waMsg(phone, "WA5", "conforme 99"))
			h.handle(waMsg("+5491155550202", "WB1", "the app no marca"))
			h.handle(waMsg("+5491155550202", "WB2", "maybe"))
			h.handle(slackMsg("CGAMMA", "UCLIENT", "100.7", "the dialer no anda"))
			h.clock.Advance(10 * time.Minute)
			h.tick()
			collect()

			all := strings.Join(read, "\n")
			if !strings.Contains(all, want[l]) {
				t.Errorf("no %q in what the client read:\n%s", want[l], all)
			}
			for _, s := range read {
				if bad := wording.Voice(l, s); len(bad) > 0 {
					t.Errorf("%v in %q", bad, s)
				}
				for _, k := range keyLike.FindAllString(s, -1) {
					if wording.Known(k) {
						t.Errorf("key %s posted as text: %q", k, s)
					}
				}
			}
			if len(read) < 20 {
				t.Errorf("only %d texts read; the walk lost its way:\n%s", len(read), all)
			}
		})
	}
}

// Every label the bot shows a client has a key in the catalog: they are
// looked up by the domain value.
func TestEveryLabelHasAKey(t *testing.T) {
	var keys []string
	for _, k := range ticketing.Kinds {
		keys = append(keys, "kind."+string(k))
	}
	for _, s := range ticketing.Statuses {
		keys = append(keys, "status."+string(s))
	}
	for _, p := range ticketing.Priorities {
		keys = append(keys, "priority."+string(p))
	}
	for _, e := range ticketing.Escalations {
		keys = append(keys, "escalation."+string(e))
	}
	for _, p := range ticketing.Plans {
		keys = append(keys, "plan."+string(p))
	}
	keys = append(keys, "hours.extendido", "hours.7x24")
	for _, k := range keys {
		if !wording.Known(k) {
			t.Errorf("no text for %s", k)
		}
	}
}

// sayCall is a text looked up by a literal key in code.
var sayCall = regexp.MustCompile(`\b(?:(?:Say|tell|staffErr)\(|say\([^,()]+, )"([a-z0-9_.]+)"[,)]`)

// Every key the code names is in the catalog: a typo would post the key.
func TestCodeNamesOnlyKnownKeys(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, dir := range []string{"../schedules", "../app"} {
		more, _ := filepath.Glob(dir + "/*.go")
		files = append(files, more...)
	}
	found := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range sayCall.FindAllStringSubmatch(string(src), -1) {
			found++
			if !wording.Known(m[1]) {
				t.Errorf("%s: no text for key %q", f, m[1])
			}
		}
	}
	if found < 120 {
		t.Errorf("found only %d keys in code; the pattern lost its way", found)
	}
}

// With desk.language: en, what staff read (alerts, DMs, the triage
// channel, their commands' replies) is English while the client still
// reads their own language, in their channel too: a WhatsApp mirror there
// is read by the client's people, so it speaks theirs.
func TestStaffReadDeskLanguage(t *testing.T) {
	h := newHarnessWith(t, func(cfg *bot.Config) { cfg.DeskLanguage = wording.English })
	var staff, client []string
	collect := func() {
		slack, wa := h.flush()
		for _, it := range append(slack, wa...) {
			switch {
			case it.To.Address == "CDESK" || it.To.Address == triageChannel || it.Route() == slackDM:
				staff = append(staff, it.Text)
				for _, b := range it.Buttons {
					staff = append(staff, b.Label)
				}
			case strings.HasPrefix(it.To.Address, "+") || it.To.Address == "CACME":
				client = append(client, it.Text)
			}
		}
	}
	h.handle(waMsg("+5491155550101", "WA1", "the dialer no anda"))
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "todo caído"))
	collect()
	staff = append(staff, textsOf(h.takeTriaged())...)
	for _, c := range []string{"ayuda", "tomar #1", "prioridad #1 urgente", "mover #1 cotizacion", "resolver #1 Restarted it", "whatsapp lista acme", "critico", "nada"} {
		staff = append(staff, h.handle(command("CINTERNAL", "UFOCAL", c)).Text)
	}
	collect()
	staff = append(staff, textsOf(h.takeTriaged())...)
	if len(staff) < 10 || len(client) < 2 {
		t.Fatalf("staff read %d texts, the client %d; the walk lost its way:\n%s", len(staff), len(client), strings.Join(append(staff, client...), "\n"))
	}
	for _, s := range staff {
		if bad := wording.Voice(wording.English, s); len(bad) > 0 {
			t.Errorf("staff read %v in %q", bad, s)
		}
	}
	if all := strings.Join(client, "\n"); !strings.Contains(all, "Registramos tu caso") || !strings.Contains(all, "llamá ahora") {
		t.Errorf("the client's texts left es-AR:\n%s", all)
	}
}

// textsOf is what items say, their buttons' labels included.
func textsOf(items []ticketing.OutboxItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Text)
		for _, b := range it.Buttons {
			out = append(out, b.Label)
		}
	}
	return out
}
