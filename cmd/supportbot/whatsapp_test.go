package main

import (
	"context"
	"strings"
	"testing"
)

// Only usage errors: anything past them would open a WhatsApp session.
func TestWhatsAppUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no subcommand", []string{"whatsapp"}, "missing subcommand"},
		{"unknown subcommand", []string{"whatsapp", "link"}, `unknown subcommand "link"`},
		{"bad phone", []string{"whatsapp", "pair", "-phone", "11 5555 0101"}, "-phone"},
		{"phone without plus", []string{"whatsapp", "pair", "--phone", "5491155550101"}, "E.164"},
		{"unknown flag", []string{"whatsapp", "pair", "-qr"}, "flag provided but not defined"},
		{"stray argument", []string{"whatsapp", "pair", "now"}, `unexpected argument "now"`},
		{"bad log level", []string{"whatsapp", "pair", "-log-level", "loud"}, "-log-level"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, out, _ := testMain()
			err := m.Run(context.Background(), tc.args)
			defer m.Close()
			if code := exitCode(err); code != 2 {
				t.Fatalf("exit %d (err %v), want 2", code, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err %q lacks %q", err, tc.want)
			}
			if out.Len() != 0 {
				t.Errorf("stdout: %q", out.String())
			}
		})
	}
}

func TestWhatsAppHelp(t *testing.T) {
	m, out, _ := testMain()
	if err := m.Run(context.Background(), []string{"whatsapp", "-h"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "whatsapp pair") {
		t.Errorf("help: %q", out.String())
	}
	// Help for pair must not go on to pair.
	m, out, errb := testMain()
	if err := m.Run(context.Background(), []string{"whatsapp", "pair", "-h"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "-phone") || errb.Len() != 0 {
		t.Errorf("pair help: stderr %q stdout %q", errb.String(), out.String())
	}
}
