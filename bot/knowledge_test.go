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

func kbHarness(t *testing.T) *harness {
	arts, problems := knowledge.Load("../knowledge/sample")
	if len(problems) > 0 || len(arts) == 0 {
		t.Fatalf("sample: %d articles, %v", len(arts), problems)
	}
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
	var desk []ticketing.OutboxItem
	for _, it := range slack {
		if it.To.Address == "CDESK" {
			desk = append(desk, it)
		}
	}
	if len(desk) != 1 || !strings.Contains(desk[0].Text, "agentes/restablecer-contrasena") {
		t.Errorf("desk channel got %s, want one note naming the password article", texts(desk))
	}
}
