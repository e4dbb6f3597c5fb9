package report

import "fmt"

// SelfServedLine counts the month's tickets a suggested knowledge article
// solved, by the client's own word ("Esto lo resolvió", WhatsApp resuelto).
func SelfServedLine(c ClientReport) string {
	return fmt.Sprintf("Resueltos por el cliente con un artículo sugerido (autoservicio): %d de %d tickets", c.Total.SelfServed, c.Total.Tickets)
}
