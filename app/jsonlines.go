package app

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// lineError is the answer line for a case that could not be answered.
type lineError struct {
	Error string `json:"error"`
}

// answerLines is the loop of the commands that answer one case per line
// (sla, classify): each non-blank line of in gets one JSON line on out,
// from answer or an error line naming the line number, so a batch shows
// every problem at once. It counts the cases and the failed ones.
func answerLines(ctx context.Context, name string, in io.Reader, out io.Writer, answer func(line []byte) (any, error)) (cases, failed int, err error) {
	r := bufio.NewReaderSize(in, 64<<10)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var lineNo int
	for {
		if err := ctx.Err(); err != nil {
			return cases, failed, err
		}
		raw, tooLong, readErr := ReadLine(r, MaxLineBytes)
		if readErr != nil && !errors.Is(readErr, io.EOF) {
			return cases, failed, fmt.Errorf("%s: read stdin: %w", name, readErr)
		}
		lineNo++
		if line := bytes.TrimSpace(raw); len(line) > 0 || tooLong {
			cases++
			var res any
			err := LineTooLong(MaxLineBytes)
			if !tooLong {
				res, err = answer(line)
			}
			if err != nil {
				failed++
				res = lineError{Error: fmt.Sprintf("line %d: %v", lineNo, err)}
			}
			if err := enc.Encode(res); err != nil {
				return cases, failed, fmt.Errorf("%s: write stdout: %w", name, err)
			}
		}
		if readErr != nil {
			return cases, failed, nil
		}
	}
}
