// Package headless opens Debian's Chromium for the tests that look at a
// page as a person would (the monthly report, the playground). Only tests
// import it.
package headless

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Path finds the browser: Debian's package, which .ci/run installs.
// Without it the test skips locally and fails in CI, so CI never passes
// without having looked at the page.
func Path(t testing.TB) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "chromium"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no chromium installed; .ci/run installs it")
	}
	t.Skip("no chromium installed (apt-get install chromium) — skipping the browser test")
	return ""
}

// Tab opens a headless Chromium tab, closed when the test ends.
func Tab(t testing.TB) context.Context {
	t.Helper()
	exe := Path(t)
	// As root Chromium needs --no-sandbox; the machine has no network, and
	// background fetches would make it hang.
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()),
	)
	// A guard against a browser that never answers, not a measure of speed.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)
	return ctx
}
