package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The built-in scenario shows each scripted event in the transcript.
func TestDemoTranscript(t *testing.T) {
	m, out, errb := testMain()
	if err := m.Run(context.Background(), []string{"demo", "-no-color"}); err != nil {
		t.Fatalf("demo: %v\n%s", err, errb)
	}
	got := out.String()
	for _, want := range []string{
		"💬 #acme · Ana Gómez (ACME): Hola, ¿cómo exportamos",
		"Registramos tu caso: *ticket #1* · Consulta.",
		"📱 WhatsApp +5491155550101 · Pedro Ruiz:",
		"🤖 → #acme: 📱 *WhatsApp* de *Pedro Ruiz (+5491155550101)*",
		"🤖 → WhatsApp +5491155550101: *Lucía Fernández (Soporte):* Hola Pedro",
		// A WhatsApp screenshot is mirrored as a file, a staff attachment relayed back.
		"🤖 📎 → #acme (hilo): 📱 *", "se ve el softphone\ue003\n      📎 captura.png",
		"🤖 → WhatsApp +5491155550101: *Lucía Fernández (Soporte):* Te dejo la guía paso a paso\n      📎 document guia-softphone.pdf (application/pdf, 178 KB)",
		"🤖 → WhatsApp +5491166660000: Hola. Este número de Soporte atiende solo a contactos habilitados",
		"llamá ahora al +54 9 5276-9999 o al +56 2-2928-8900",
		"🤖 → #mesa-de-ayuda: 🚨 Posible *incidente crítico* de *ACME Cobranzas*",
		"Ticket #2 cerrado con tu conformidad",
		// The contact who confirmed rates the help and comments.
		"🤖 → WhatsApp +5491155550101: ⭐ ¿Cómo calificarías la ayuda que recibiste en el ticket #2? Respondé con un número del 1 al 5",
		"15:06 📱 WhatsApp +5491155550101 · Pedro Ruiz: 5\n",
		"🤖 → WhatsApp +5491155550101: ¡Gracias! Registramos tu calificación: 5 de 5.",
		"🤖 → DM a Lucía Fernández: ⭐ *ACME Cobranzas* calificó la ayuda del *ticket #2* con *5 de 5*.",
		"🤖 → DM a Lucía Fernández: 💬 Comentario de *ACME Cobranzas* sobre el *ticket #2*:\n      > Muy rápidos con el softphone",
		"*ticket #4* · Incidente · prioridad ALTA.\n      Respuesta comprometida: vence el lunes 30/11 a las 11:30",
		"12:05 🤖 → DM a Lucía Fernández: ⏰ quedan 2 h para responder #3 de ACME Cobranzas (ALTA)",
		"13:05 🤖 → DM a Lucía Fernández: ⏰ queda 1 h para responder #3",
		"13:41 🤖 → DM a Lucía Fernández: ⏰ quedan 24 min para responder #3",
		"14:05 🤖 → DM a Diego Sosa: 🔴 #3 de ACME Cobranzas (ALTA) acaba de vencer",
		"14:05 🤖 → #mesa-de-ayuda: 🔴 *SLA incumplido*: #3",
		// The focal point's Home tab, as text.
		"14:45 🤖 🏠 Inicio de Lucía Fernández: *Mis tickets*\n      *#1* · ACME Cobranzas · Consulta · resuelto · esperando al cliente",
		"*Sin asignar y en riesgo*\n      *#3* · ACME Cobranzas · Incidente · prioridad ALTA · nuevo · ⚠️ venció hoy a las 14:05 (hora de Buenos Aires)\n" +
			"      Los reportes de la campaña de cobranzas no cargan desde esta mañana · [ver hilo]\n      [Tomar] [Resolver]",
		"El ticket se cerrará el lunes 30/11 a las 08:00 si no recibimos respuesta.",
		"── lun 30/11/2026 ──",
		"08:00 🤖 → #acme (hilo): 🔒 Ticket #1 cerrado por falta de respuesta",
		"☀️ *Resumen diario*",
		"» Resumen de SLA",
		"Personas: 4 de 5 en objetivo",
		// A client message after the first response gets the next-response ladder.
		"15:07 🤖 → DM a Lucía Fernández: ⏰ quedan 5 h 30 min para responder el nuevo mensaje del cliente en #5 de ACME Cobranzas (MEDIA)",
		"15:18 🤖 → #acme (hilo): ⏸️ Ticket #5: para avanzar necesitamos lo siguiente:\n      «¿Nos pasás el número de una llamada que no se grabó?»",
		// Andes reads Chilean Spanish, with tú.
		"🤖 → #andes (hilo): 🚨 Esto parece un *incidente crítico*", "*: llama ahora al +54 9 5276-9999",
		"🤖 → #andes, solo para Camila Soto (Andes): *Soporte para Andes Contact Center*\n      • Escribe tu consulta",
		// The card and the answer go out side by side, in either order.
		"09:20 💬 #acme · Ana Gómez (ACME): Hola\n09:21 💬 #acme · Ana Gómez (ACME): tenemos un problema con las grabaciones\n09:21 🤖 → ",
		"09:21 🤖 → #triage: 🗂️ *Ticket #5*",
		"09:21 🤖 → #acme (hilo): Registramos tu caso: *ticket #5*",
		// The desk's side beside the client's: the card, a ping in its
		// thread, an internal note.
		"09:20 🤖 → #triage: 🗂️ *Ticket #2* · ACME Cobranzas · Incidente · prioridad MEDIA · nuevo",
		"12:05 🤖 → #triage (hilo): @Lucía Fernández ⏰ quedan 2 h para responder #3",
		"09:35 💬 #triage (tarjeta #2) · Lucía Fernández: Ojo: puede ser el codec",
		"14:45 🤖 ✎ #triage: 🗂️ *Ticket #3* · ACME Cobranzas · Incidente · prioridad ALTA · en curso",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("transcript lacks %q", want)
		}
	}
	// Nothing of the desk's side reaches the client's side.
	for _, line := range strings.Split(got, "\n") {
		if strings.Contains(line, "🤖 → #acme") || strings.Contains(line, "🤖 → WhatsApp") || strings.Contains(line, "🤖 → #andes") {
			for _, internal := range []string{"⏰", "codec", "[Tomar]", "tomó el ticket", "Escalado a"} {
				if strings.Contains(line, internal) {
					t.Errorf("client side got %q: %s", internal, line)
				}
			}
		}
	}
	// The three-message burst is one ticket with one answer.
	if n := strings.Count(got, "*ticket #5*"); n != 1 {
		t.Errorf("ticket #5 announced %d times, want once", n)
	}
	if strings.Contains(got, "*ticket #6*") {
		t.Error("the burst's detail opened a ticket of its own")
	}
	// The rating and the comment open no ticket: the burst is still #5.
	if n := strings.Count(got, "calificarías"); n != 2 {
		t.Errorf("the rating question appears %d times, want twice (to the contact and its thread copy)", n)
	}
	if t.Failed() {
		t.Logf("transcript:\n%s", got)
	}
	if strings.Contains(got, "\x1b[") {
		t.Error("colours with -no-color")
	}
}

func TestDemoScriptErrors(t *testing.T) {
	tests := []struct {
		name, script, want string
	}{
		{"two actions in a step", "start: 2026-11-26T09:00:00-03:00\nsteps:\n  - {say: hola, wait: 1h}\n", "steps[0]: want exactly one of"},
		{"bad duration", "start: 2026-11-26T09:00:00-03:00\nsteps:\n  - wait: mañana\n", "steps[0]: wait: want a positive duration"},
		{"unknown key", "start: 2026-11-26T09:00:00-03:00\nsteps:\n  - shout: hola\n", "field shout not found"},
		{"no start", "steps:\n  - say: hola\n", "start: want a time"},
		{"home without a user", "start: 2026-11-26T09:00:00-03:00\nsteps:\n  - home: {}\n", "steps[0]: home: needs user"},
		{"unknown client", "start: 2026-11-26T09:00:00-03:00\nsteps:\n  - slack: {client: nadie, user: U1, text: hola}\n", `unknown client "nadie"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "script.yaml")
			if err := os.WriteFile(path, []byte(tt.script), 0o600); err != nil {
				t.Fatal(err)
			}
			m, _, _ := testMain()
			err := m.Run(context.Background(), []string{"demo", "-no-color", "-script", path})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// The demo plays WhatsApp through the Cloud API on request: the real
// connector against the in-process Graph API, the 24-hour window included.
func TestDemoPlaysTheCloudTransport(t *testing.T) {
	script := `start: 2026-11-24T09:55:00-03:00
whatsapp_transport: cloud
steps:
  - whatsapp: {from: "+5491155550101", name: Pedro Ruiz, text: "Un agente no escucha el audio en las llamadas entrantes desde ayer"}
  - whatsapp: {from: "+5491155550101", name: Pedro Ruiz, text: "Les mando la captura", file: {name: error.png, type: image/png, size: 2048}}
  - wait: 25h
  - reply: {ticket: 1, user: U0FOCALAR, text: "Ya quedó resuelto el audio"}
  - whatsapp: {from: "+5491155550101", name: Pedro Ruiz, text: "Dale, contame"}
  - wait: 1m
`
	path := filepath.Join(t.TempDir(), "cloud.yaml")
	if err := os.WriteFile(path, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"demo", "-no-color", "-script", path}, {"demo", "-no-color", "-script", path, "-whatsapp", "cloud"}} {
		m, out, errb := testMain()
		if err := m.Run(context.Background(), args); err != nil {
			t.Fatalf("demo: %v\n%s", err, errb)
		}
		got := out.String()
		for _, want := range []string{
			"🤖 → WhatsApp (Cloud API) +5491155550101: Registramos tu caso: *ticket #1*",
			"🤖 📎 → #acme (hilo): 📱 *",
			"📎 error.png\n", // fetched from the Graph API, mirrored to the thread
			`📋 template "ticket_update"`,
			"🤖 → WhatsApp (Cloud API) +5491155550101: *Lucía Fernández (Soporte):* Ya quedó resuelto el audio",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("transcript lacks %q:\n%s", want, got)
			}
		}
		if strings.Index(got, "template") > strings.LastIndex(got, "Ya quedó resuelto el audio") {
			t.Errorf("the answer went out before the template:\n%s", got)
		}
	}
	m, _, _ := testMain()
	if code := exitCode(m.Run(context.Background(), []string{"demo", "-script", path, "-whatsapp", "carrier-pigeon"})); code != 2 {
		t.Errorf("unknown transport: exit %d, want 2", code)
	}
}

// demo -config would play other clients than the file's: it is refused.
func TestDemoRefusesConfig(t *testing.T) {
	m, _, _ := testMain()
	err := m.Run(context.Background(), []string{"demo", "-config", "config.yaml"})
	if code := exitCode(err); code != 2 || !strings.Contains(err.Error(), "-config is not used") {
		t.Errorf("demo -config = %v (exit %d), want refused with exit 2", err, code)
	}
}

// A script that runs the clock past 12 days raises no link-health alert
// for the stand-in phone, which is online all along.
func TestLongDemoRaisesNoLinkAlert(t *testing.T) {
	if testing.Short() {
		t.Skip("plays 12.5 simulated days")
	}
	script := filepath.Join(t.TempDir(), "long.yaml")
	if err := os.WriteFile(script, []byte(`start: 2026-11-26T08:55:00-03:00
steps:
  - whatsapp: {from: "+5491155550101", name: Pedro Ruiz, text: "Hola, un agente no escucha el audio"}
  - wait: 300h
`), 0o600); err != nil {
		t.Fatal(err)
	}
	m, out, errb := testMain()
	if err := m.Run(context.Background(), []string{"demo", "-no-color", "-script", script}); err != nil {
		t.Fatalf("demo: %v\n%s", err, errb)
	}
	if strings.Contains(out.String(), "desvincula") || strings.Contains(out.String(), "keep-alive") {
		t.Errorf("the stand-in phone was taken for one offline:\n%s", out)
	}
}
