package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHelpDoesNothing runs every subcommand with -h in a directory holding a
// config.yaml that works: help must print the usage and exit 0 without
// creating a store, reading stdin or starting anything. The context is
// already cancelled, so a subcommand that wrongly goes on stops at once
// instead of hanging the test, and still leaves its files behind.
func TestHelpDoesNothing(t *testing.T) {
	raw, err := os.ReadFile("../../config.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg := strings.Replace(string(raw), "listen: 127.0.0.1:8080", "listen: 127.0.0.1:0", 1)

	var cases [][]string
	for _, c := range commands() {
		for _, h := range []string{"-h", "--help"} {
			cases = append(cases, []string{c.name, h})
		}
	}
	cases = append(cases, []string{"whatsapp", "pair", "-h"}, []string{"run", "-config", "config.yaml", "-h"},
		[]string{"-h"}, []string{"--help"}, []string{"help"}, []string{"help", "migrate"})

	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			if err := os.WriteFile("config.yaml", []byte(cfg), 0o600); err != nil {
				t.Fatal(err)
			}
			m, out, errb := testMain()
			m.Stdin = strings.NewReader(`{"plan":"estandar"}` + "\nse cayó todo\n")
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			err := m.Run(ctx, args)
			if cerr := m.Close(); cerr != nil {
				t.Errorf("close: %v", cerr)
			}
			if code := exitCode(err); code != 0 {
				t.Errorf("exit = %d (%v), want 0", code, err)
			}
			want := "usage: supportbot <command>"
			if args[0] == "help" && len(args) > 1 {
				want = "usage: supportbot " + args[1]
			} else if !strings.HasPrefix(args[0], "-") && args[0] != "help" {
				want = "usage: supportbot " + args[0]
			}
			// Help asked for is the answer: on standard output.
			if !strings.Contains(out.String(), want) {
				t.Errorf("usage %q not printed on stdout: stdout %q, stderr %q", want, out, errb)
			}
			// An answer, not the usage's examples ({"kind":…}).
			if strings.Contains(out.String(), `"confidence":0`) || strings.Contains(out.String(), `"due":"2`) || strings.Contains(out.String(), `"error":"plan`) {
				t.Errorf("help read stdin and answered: %q", out)
			}
			var made []string
			filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if rel, _ := filepath.Rel(dir, p); rel != "." && rel != "config.yaml" {
					made = append(made, rel)
				}
				return nil
			})
			if len(made) > 0 {
				t.Errorf("help created %q", made)
			}
		})
	}
}
