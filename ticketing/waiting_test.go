package ticketing

import (
	"testing"
	"time"
)

func TestWaitStart(t *testing.T) {
	base := time.Date(2026, 4, 8, 13, 0, 0, 0, time.UTC)
	at := func(h int) time.Time { return base.Add(time.Duration(h) * time.Hour) }
	tests := []struct {
		name string
		tk   Ticket
		want time.Time
	}{
		{"not waiting", Ticket{Status: StatusEnCurso, WaitingSince: at(1), ResolvedAt: at(2)}, time.Time{}},
		{"resolved after it started waiting", Ticket{Status: StatusResuelto, WaitingSince: at(1), ResolvedAt: at(2)}, at(2)},
		{"waiting for information", Ticket{Status: StatusEsperandoCliente, WaitingSince: at(3), LastClientMessageAt: at(1)}, at(3)},
		{"a client message restarts the wait", Ticket{Status: StatusEsperandoCliente, WaitingSince: at(1), LastClientMessageAt: at(4)}, at(4)},
		{"old row without marks", Ticket{Status: StatusResuelto, UpdatedAt: at(5)}, at(5)},
	}
	for _, tt := range tests {
		if got := tt.tk.WaitStart(); !got.Equal(tt.want) {
			t.Errorf("%s: WaitStart = %v, want %v", tt.name, got, tt.want)
		}
	}
}
