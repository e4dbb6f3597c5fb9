package app

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestReadLineCap(t *testing.T) {
	// The smallest bufio buffer (16 bytes) and a cap of 8, so an over-long
	// line spans several buffer fills and is dropped, not kept.
	in := "short\n" + strings.Repeat("x", 100) + "\n12345678\r\n123456789\nend"
	r := bufio.NewReaderSize(strings.NewReader(in), 16)
	type result struct {
		line    string
		tooLong bool
		eof     bool
	}
	want := []result{
		{"short", false, false},
		{"", true, false},
		{"12345678", false, false},
		{"", true, false},
		{"end", false, true},
	}
	for i, w := range want {
		line, tooLong, err := ReadLine(r, 8)
		if err != nil && !errors.Is(err, io.EOF) {
			t.Fatalf("line %d: %v", i+1, err)
		}
		got := result{string(line), tooLong, errors.Is(err, io.EOF)}
		if got != w {
			t.Errorf("line %d = %+v, want %+v", i+1, got, w)
		}
		if tooLong && line != nil {
			t.Errorf("line %d: an over-long line kept %d bytes", i+1, len(line))
		}
	}
}
