package main

import (
	"os/exec"
	"strings"
	"testing"
)

// The binary carries the demo and its in-process Slack, but no test server
// library: the stand-in is plain net/http.
func TestBinaryImportsNoSlackTestServer(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps listed %d packages: %q", len(deps), out)
	}
	for _, dep := range deps {
		if strings.HasSuffix(dep, "/slacktest") {
			t.Errorf("supportbot imports %s", dep)
		}
	}
}
