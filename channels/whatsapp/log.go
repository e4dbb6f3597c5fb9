package whatsappchannel

import (
	"context"
	"fmt"
	"log/slog"

	waLog "go.mau.fi/whatsmeow/util/log"
)

// waLogger feeds whatsmeow's printf-style logging into slog.
type waLogger struct {
	l      *slog.Logger
	module string
}

func newWALogger(l *slog.Logger, module string) waLog.Logger {
	if l == nil {
		l = slog.Default()
	}
	return waLogger{l: l, module: module}
}

func (w waLogger) log(level slog.Level, msg string, args []any) {
	// whatsmeow logs every frame at debug; formatting them only to drop
	// them would cost more than the rest of the adapter.
	if !w.l.Enabled(context.Background(), level) {
		return
	}
	w.l.Log(context.Background(), level, fmt.Sprintf(msg, args...), "component", "whatsmeow", "module", w.module)
}

func (w waLogger) Errorf(msg string, args ...any) { w.log(slog.LevelError, msg, args) }
func (w waLogger) Warnf(msg string, args ...any)  { w.log(slog.LevelWarn, msg, args) }

// Infof is demoted to debug: whatsmeow reports routine protocol chatter at
// info, and the adapter already logs what operators need (status changes).
func (w waLogger) Infof(msg string, args ...any)  { w.log(slog.LevelDebug, msg, args) }
func (w waLogger) Debugf(msg string, args ...any) { w.log(slog.LevelDebug, msg, args) }

func (w waLogger) Sub(module string) waLog.Logger {
	if w.module != "" {
		module = w.module + "/" + module
	}
	return waLogger{l: w.l, module: module}
}
