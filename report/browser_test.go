package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"supportbot/report"
)

// chromium finds the browser: Debian's package, which .ci/run installs.
// Without it the test skips locally and fails in CI, so CI never passes
// without having looked at the page.
func chromium(t *testing.T) string {
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

// TestHTMLInChromium renders the seeded report in headless Chromium at a
// phone's and a laptop's width.
func TestHTMLInChromium(t *testing.T) {
	exe := chromium(t)
	in := seeded()
	// The widest content a month can bring: long words and many breaches.
	in.Clients[0].Name = "ACME Cobranzas y Servicios Financieros Integrales Sociedad Anónima"
	in.Tickets[1].Subject = strings.Repeat("no-levanta-el-discador-", 8)
	in.Now = utc(12, 3, 0) // ticket 5 breaches too
	r := report.Build(in)
	var page bytes.Buffer
	if err := report.WriteHTML(&page, r); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "informe.html")
	if err := os.WriteFile(file, page.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	var breached []string
	for _, c := range r.Clients {
		for _, b := range c.Breaches {
			breached = append(breached, fmt.Sprintf("#%d", b.TicketID))
		}
	}
	if len(breached) != 3 {
		t.Fatalf("seeded month has breaches %v, want 3", breached)
	}

	// As root Chromium needs --no-sandbox; the machine has no network, and
	// background fetches would make it hang.
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()),
	)
	// A guard against a browser that never answers, not a measure of speed.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(ctx)
	defer cancelTab()

	for _, width := range []int64{390, 1366} {
		t.Run(fmt.Sprintf("%d px", width), func(t *testing.T) {
			err := chromedp.Do(ctx,
				chromedp.EmulateViewport(width, 900),
				chromedp.Navigate("file://"+file),
				chromedp.WaitReady("footer"),
			)
			if err != nil {
				t.Fatal(err)
			}
			eval := func(js string, into any) {
				t.Helper()
				raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js))
				if err == nil {
					err = json.Unmarshal(raw, into)
				}
				if err != nil {
					t.Fatalf("%s: %v", js, err)
				}
			}
			var scrollWidth, innerWidth int
			var tickets, fills []string
			var background string
			eval(`document.documentElement.scrollWidth`, &scrollWidth)
			eval(`window.innerWidth`, &innerWidth)
			eval(`[...document.querySelectorAll('table.breaches [data-ticket]')].map(e => e.textContent.trim())`, &tickets)
			eval(`[...document.querySelectorAll('svg.chart rect')].map(e => getComputedStyle(e).fill)`, &fills)
			eval(`getComputedStyle(document.body).backgroundColor`, &background)
			if innerWidth != int(width) {
				t.Errorf("viewport is %d px, want %d", innerWidth, width)
			}
			if scrollWidth > innerWidth {
				t.Errorf("page scrolls sideways: %d px wide in a %d px window", scrollWidth, innerWidth)
			}
			for _, id := range breached {
				if !contains(tickets, id) {
					t.Errorf("breached ticket %s missing from the page (has %v)", id, tickets)
				}
			}
			bg, err := parseRGB(background)
			if err != nil {
				t.Fatal(err)
			}
			if len(fills) == 0 {
				t.Fatal("no chart bars rendered")
			}
			for _, f := range fills {
				c, err := parseRGB(f)
				if err != nil {
					t.Fatalf("bar fill: %v", err)
				}
				if ratio := contrast(c, bg); ratio < 3 {
					t.Errorf("bar fill %s has contrast %.2f:1 against %s, want at least 3:1", f, ratio, background)
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

var rgbPattern = regexp.MustCompile(`^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$`)

// parseRGB reads a computed colour; a see-through background is the
// canvas's white.
func parseRGB(s string) ([3]float64, error) {
	m := rgbPattern.FindStringSubmatch(s)
	if m == nil {
		return [3]float64{}, fmt.Errorf("not a computed colour: %q", s)
	}
	if m[4] == "0" {
		return [3]float64{255, 255, 255}, nil
	}
	var c [3]float64
	for i := range c {
		v, _ := strconv.Atoi(m[i+1])
		c[i] = float64(v)
	}
	return c, nil
}

// contrast is the WCAG 2 contrast ratio of two sRGB colours.
func contrast(a, b [3]float64) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func luminance(c [3]float64) float64 {
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}

func TestContrastFormula(t *testing.T) {
	tests := []struct {
		a, b [3]float64
		want float64
	}{
		{[3]float64{0, 0, 0}, [3]float64{255, 255, 255}, 21},
		{[3]float64{255, 255, 255}, [3]float64{255, 255, 255}, 1},
		{[3]float64{0x00, 0x72, 0xB2}, [3]float64{255, 255, 255}, 5.17},
		{[3]float64{0xE0, 0xA8, 0x00}, [3]float64{255, 255, 255}, 2.13}, // the old pending yellow
	}
	for _, tt := range tests {
		if got := contrast(tt.a, tt.b); math.Abs(got-tt.want) > 0.02 {
			t.Errorf("contrast(%v, %v) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}
