package app

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
)

// MaxLineBytes bounds memory per stdin line of the commands that read one
// case per line (sla, classify): no case needs more, and a pasted log or a
// file without newlines must not take the machine's memory with it.
const MaxLineBytes = 1 << 20

// ReadLine returns the next line without its line ending. A line longer
// than limit is consumed to its end without being kept and reported with
// tooLong, so one huge paste neither exhausts memory nor ends the batch.
func ReadLine(r *bufio.Reader, limit int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			line = append(line, chunk...)
			if len(line) > limit+2 { // room for a "\r\n" not yet trimmed
				tooLong, line = true, nil
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if line = bytes.TrimRight(line, "\r\n"); len(line) > limit {
			tooLong, line = true, nil
		}
		return line, tooLong, err
	}
}

// LineTooLong is the answer for a line ReadLine refused.
func LineTooLong(limit int) error {
	return fmt.Errorf("longer than %d bytes", limit)
}
