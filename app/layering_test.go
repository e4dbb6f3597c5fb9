package app

import (
	"os/exec"
	"strings"
	"testing"
)

// The domain imports no network, cron or database library: outside the
// standard library and supportbot itself it may use only the calendar
// library and golang.org/x/text, whose message catalog holds the texts.
func TestDomainImportsNoInfrastructure(t *testing.T) {
	allowed := map[string][]string{
		"supportbot/ticketing": {"golang.org/x/text"},
		"supportbot/schedules": {"github.com/rickar/cal/v2", "golang.org/x/text"},
		"supportbot/knowledge": {"golang.org/x/text"},
	}
	for pkg, allow := range allowed {
		t.Run(pkg, func(t *testing.T) {
			out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", pkg).Output()
			if err != nil {
				t.Fatalf("go list -deps %s: %v", pkg, err)
			}
			deps := strings.Fields(string(out))
			if len(deps) == 0 {
				t.Fatalf("go list -deps %s listed nothing", pkg)
			}
			for _, dep := range deps {
				if dep == "supportbot" || strings.HasPrefix(dep, "supportbot/") {
					continue
				}
				ok := false
				for _, a := range allow {
					if dep == a || strings.HasPrefix(dep, a+"/") {
						ok = true
					}
				}
				if !ok {
					t.Errorf("%s depends on %s", pkg, dep)
				}
			}
		})
	}
}
