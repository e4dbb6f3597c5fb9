package main

import (
	"bufio"

	"supportbot/app"
)

// The line reader classify shares with sla (app.ReadLine).
const maxLineBytes = app.MaxLineBytes

func readLine(r *bufio.Reader, limit int) ([]byte, bool, error) { return app.ReadLine(r, limit) }

func lineTooLong(limit int) error { return app.LineTooLong(limit) }
