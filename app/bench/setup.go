package bench

import (
	"fmt"
	"path/filepath"
	"strings"

	"supportbot/config"
)

// benchConfig is a deployment of n clients across both countries and all
// plans, pointed at the stand-in Slack.
func benchConfig(dir, name string, clients int, slackURL, secret string) (*config.Config, error) {
	return benchConfigOn(sqliteStore(filepath.Join(dir, name+".db")), name, clients, slackURL, secret)
}

// benchConfigOn is benchConfig on the store s.
func benchConfigOn(s benchStore, name string, clients int, slackURL, secret string) (*config.Config, error) {
	var b strings.Builder
	b.WriteString(s.yaml())
	b.WriteString("http: {listen: \"127.0.0.1:0\"}\n")
	fmt.Fprintf(&b, "slack: {mode: events, bot_token: xoxb-bench, signing_secret: %q, api_url: %q}\n", secret, slackURL)
	b.WriteString("service_desk: {phones: [\"+54 9 5276-9999\", \"+56 2-2928-8900\"], channel: C0SERVICEDESK}\nstaff:\n")
	for i := range 5 {
		fmt.Fprintf(&b, "  - {id: U0FOCAL%02d, name: Focal %d, role: focal}\n", i, i)
	}
	b.WriteString("  - {id: U0AGENT01, name: Agente, role: agent}\nclients:\n")
	plans := []string{"estandar", "extendido", "7x24"}
	for i := range clients {
		country, zone := "AR", "America/Argentina/Buenos_Aires"
		if i%2 == 1 {
			country, zone = "CL", "America/Santiago"
		}
		fmt.Fprintf(&b, "  - {id: %s, country: %s, timezone: %s, plan: %s, slack_channel: %s, focal_point: U0FOCAL%02d, backups: [U0AGENT01]}\n",
			benchClientID(i), country, zone, plans[i%len(plans)], benchChannel(i), i%5)
	}
	return config.Parse(name+".yaml", []byte(b.String()), func(string) (string, bool) { return "", false })
}

func benchClientID(i int) string { return fmt.Sprintf("c%03d", i) }
func benchChannel(i int) string  { return fmt.Sprintf("C0BENCH%03d", i) }

// benchTexts are what clients write, mostly consultas and incidents, with
// the odd critical outage (no ticket, a refusal and alerts instead).
var benchTexts = []string{
	"¿Cómo exportamos el reporte de llamadas del mes a Excel?",
	"Los reportes de la campaña de cobranzas no cargan desde esta mañana",
	"Un agente no escucha el audio en las llamadas entrantes desde ayer",
	"Necesitamos agregar un campo nuevo en el formulario de gestión",
	"¿Dónde se configura el horario de atención de la cola de ventas?",
	"La grabación de las llamadas de ayer no aparece en el buscador",
	"Nos gustaría que el tablero muestre el tiempo medio de espera por cola",
	"No podemos loguear a dos supervisores nuevos, dice usuario inválido",
	"¿Cuál es el procedimiento para dar de baja un usuario?",
	"URGENTE: se cayó todo, ningún agente puede loguearse, la operación está parada",
}
