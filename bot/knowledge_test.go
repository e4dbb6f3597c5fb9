package bot_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"supportbot/bot"
	"supportbot/knowledge"
	"supportbot/ticketing"
)

func sampleArticles(t *testing.T) []knowledge.Article {
	t.Helper()
	arts, problems := knowledge.Load("../knowledge/sample")
	if len(problems) > 0 || len(arts) == 0 {
		t.Fatalf("sample: %d articles, %v", len(arts), problems)
	}
	return arts
}

func kbHarness(t *testing.T) *harness {
	arts := sampleArticles(t)
	return newHarnessWith(t, func(c *bot.Config) { c.Knowledge = knowledge.NewBase(arts) })
}

const (
	spanishArticle = "https://www.neotel.us/elearning/agentes/contrasena"
	englishArticle = "https://www.neotel.us/elearning/en/agents/password"
)

// A consulta the client classified themselves (the bot asked) is
// suggested articles like any other; an incident never is.
func TestSuggestionsByKind(t *testing.T) {
	tests := []struct {
		name, text, choice string
		want               bool
	}{
		{"consulta", "olvidé la contraseña de un agente, ¿cómo la restablezco?", "", true},
		{"chosen consulta", "hmm, olvidé la contraseña de un agente y no puede entrar; ¿cómo se restablece la contraseña?", "consulta", true},
		{"chosen incident", "hmm, olvidé la contraseña de un agente y no puede entrar; ¿cómo se restablece la contraseña?", "incidente", false},
		{"incident", "no anda la contraseña de un agente, no la puede restablecer", "", false},
		{"no article", "¿cuándo vence la factura de este mes?", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := kbHarness(t)
			h.handle(slackMsg("CACME", "UCLIENT", "100.1", tt.text))
			if tt.choice != "" {
				tk := h.tickets("acme")[0]
				h.handle(channelsAction("CACME", "UCLIENT", "ticket_kind", strconv.FormatInt(tk.ID, 10)+":"+tt.choice))
			}
			all, _ := h.flush()
			var slack []ticketing.OutboxItem
			for _, it := range all {
				if it.To.Address == "CACME" {
					slack = append(slack, it)
				}
			}
			got := strings.Contains(texts(slack), spanishArticle)
			if got != tt.want {
				t.Errorf("suggested = %v, want %v:\n%s", got, tt.want, texts(slack))
			}
			if strings.Contains(texts(slack), englishArticle) {
				t.Errorf("an es-AR client was shown the English article:\n%s", texts(slack))
			}
			if n := len(h.audits(ticketing.AuditKnowledgeSuggested)); (n == 1) != tt.want {
				t.Errorf("knowledge_suggested audit lines = %d", n)
			}
		})
	}
}

func TestStaffSuggestionsForAnyTicket(t *testing.T) {
	h := kbHarness(t)
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "no anda la contraseña de un agente, no la puede restablecer"))
	tk := h.tickets("acme")[0]
	res, err := h.bot.StaffSuggestions(context.Background(), tk.ID)
	if err != nil || len(res) == 0 {
		t.Fatalf("StaffSuggestions = %v, %v; want the password articles", res, err)
	}
	slack, _ := h.flush()
	cards := h.takeTriaged()
	if len(cards) != 1 || !strings.Contains(cards[0].Text, "agentes/restablecer-contrasena") {
		t.Errorf("triage channel got %s, want the card naming the password article", texts(cards))
	}
	if strings.Contains(texts(slack), "agentes/restablecer-contrasena") {
		t.Errorf("an incident's client was shown a suggestion:\n%s", texts(slack))
	}
}

// The card shows the policy's exclusions the client's words point at, with
// those words; the client's thread never does, and the ticket's kind and
// deadline are what they would be without them.
func TestCardShowsExclusions(t *testing.T) {
	withExclusion := func(text string) bot.Classification {
		c := keywordClassifier(text)
		if strings.Contains(text, "gateway") {
			c.Exclusions = []bot.Exclusion{{Code: "equipos_terceros", Reason: "gateway GSM"}}
		}
		return c
	}
	h := newHarnessWith(t, func(c *bot.Config) { c.Classifier = bot.ClassifierFunc(withExclusion) })
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "no anda el gateway GSM que compramos, se cortan las llamadas salientes"))
	h.handle(slackMsg("CACME", "UOTHERCLIENT", "101.1", "no anda el reporte de pausas"))
	slack, _ := h.flush()
	last := map[int64]ticketing.OutboxItem{}
	for _, it := range h.takeTriaged() {
		last[it.TicketID] = it
	}
	a, b := h.tickets("acme")[0], h.tickets("acme")[1]
	if a.Subject > b.Subject { // "no anda el gateway…" before "no anda el reporte…"
		a, b = b, a
	}
	cards := []ticketing.OutboxItem{last[a.ID], last[b.ID]}
	if got := cards[0].Text; !strings.Contains(got, "Posible exclusión del alcance:") || !strings.Contains(got, "gateway GSM") {
		t.Errorf("first card lacks the exclusion and its words:\n%s", got)
	}
	if strings.Contains(cards[1].Text, "exclusión") {
		t.Errorf("second card flags an exclusion it has none of:\n%s", cards[1].Text)
	}
	if strings.Contains(texts(slack), "exclusión") {
		t.Errorf("the client was told of an exclusion:\n%s", texts(slack))
	}
	if a.Kind != b.Kind || a.Priority != b.Priority {
		t.Errorf("tickets read %s/%s and %s/%s: an exclusion changed the reading", a.Kind, a.Priority, b.Kind, b.Priority)
	}
}

// Two routers on one store stand for two replicas: a known fix saved
// through one is found by the other's next search, with no restart, and
// publishing it through the first shows it to the second's clients.
func TestKnownFixesReachEveryReplica(t *testing.T) {
	h := kbHarness(t)
	other, err := bot.New(bot.Config{
		Store: h.db, Classifier: bot.ClassifierFunc(keywordClassifier), Calendar: fakeCalendar{}, Clock: h.clock,
		Clients: []ticketing.Client{acme, beta, gamma}, Staff: staff, ServiceDesk: bot.ServiceDesk{Phones: phones, Channel: "CDESK"},
		Knowledge: knowledge.NewBase(sampleArticles(t)),
	})
	if err != nil {
		t.Fatal(err)
	}
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "no anda el softphone, queda registrando y no entran llamadas"))
	h.handle(threadReply("CACME", "UFOCAL", "100.1", "100.2", "Abran el puerto SIP UDP 5060 y el rango RTP en el firewall."))
	tk := h.tickets("acme")[0]
	h.handle(command("CACME", "UFOCAL", "resolver #"+strconv.FormatInt(tk.ID, 10)+" Con el firewall abierto registra."))
	if r := h.handle(command("CACME", "UFOCAL", "guardar #"+strconv.FormatInt(tk.ID, 10)+" Softphone registrando")); !strings.Contains(r.Text, "desk/1") {
		t.Fatalf("guardar = %q", r.Text)
	}
	h.handle(slackMsg("CBETA", "UBETA", "200.1", "el softphone queda registrando, ¿qué puerto del firewall abrimos?"))
	res, err := other.StaffSuggestions(context.Background(), h.tickets("beta")[0].ID)
	if err != nil || len(res) == 0 || res[0].ID != "desk/1" || !res[0].StaffOnly {
		t.Fatalf("the other replica's staff suggestions = %+v, %v; want desk/1, staff-only", res, err)
	}
	if r := h.handle(command("CACME", "UFOCAL", "publicar 1")); !strings.Contains(r.Text, "desk/1") {
		t.Fatalf("publicar = %q", r.Text)
	}
	res, _ = other.StaffSuggestions(context.Background(), h.tickets("beta")[0].ID)
	if len(res) == 0 || res[0].StaffOnly {
		t.Errorf("after publicar the other replica still holds it staff-only: %+v", res)
	}
}
