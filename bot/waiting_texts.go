package bot

import (
	"fmt"

	"supportbot/ticketing"
)

// waitingForClientText tells the client what the desk needs to go on;
// what is quoted already (clientText), so it reads as written and never
// as markup.
func waitingForClientText(t *ticketing.Ticket, what string) string {
	if what == "" {
		return fmt.Sprintf("⏸️ Ticket #%d: para avanzar necesitamos información tuya. Respondé cuando puedas y seguimos con el caso.", t.ID)
	}
	return fmt.Sprintf("⏸️ Ticket #%d: para avanzar necesitamos lo siguiente:\n«%s»\nRespondé cuando puedas y seguimos con el caso.", t.ID, what)
}

// waitingConfirmText answers the member of staff who ran the command.
func waitingConfirmText(t *ticketing.Ticket) string {
	return fmt.Sprintf("El ticket #%d queda esperando al cliente; le avisamos qué necesitamos. El reloj de resolución se pausa hasta que responda.", t.ID)
}
