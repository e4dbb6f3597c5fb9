package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"supportbot/internal/headless"
	"supportbot/report"
	"supportbot/ticketing/wording"
)

// TestHTMLInChromium renders three months of four clients in headless
// Chromium at a phone's and a laptop's width, in Spanish and English, as a
// lead would open it: no table wider than its box, no chart text under
// 11 px as drawn, and the desk-wide list naming every breach. With
// REPORT_SCREENSHOTS=dir it leaves a PNG of each page there to look at.
func TestHTMLInChromium(t *testing.T) {
	ctx := headless.Tab(t)

	for _, lang := range []wording.Language{wording.SpanishAR, wording.English} {
		in := deskInput()
		in.Language = lang
		// The widest content a month can bring: long words in a subject.
		in.Tickets[1].Subject = strings.Repeat("no-levanta-el-discador-", 8)
		r := report.Build(in)
		var page bytes.Buffer
		if err := report.WriteHTML(&page, r); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), "informe.html")
		if err := os.WriteFile(file, page.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		var breached, listed []string
		for _, b := range r.Breaches {
			listed = append(listed, fmt.Sprintf("%s#%d", b.Clock, b.TicketID))
		}
		for _, c := range r.Clients {
			for _, b := range c.Breaches {
				breached = append(breached, fmt.Sprintf("#%d", b.TicketID))
			}
		}
		if len(listed) != 16 || len(breached) != 8 {
			t.Fatalf("seeded month has %d breaches (%d of first responses), want 16 and 8", len(listed), len(breached))
		}
		t.Run(fmt.Sprintf("%s printed", lang), func(t *testing.T) {
			if err := chromedp.Do(ctx, chromedp.Navigate("file://"+file), chromedp.WaitReady("footer")); err != nil {
				t.Fatal(err)
			}
			// The page's own @page rule picks the paper, as a browser's
			// print dialog does by default.
			pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
			if err != nil {
				t.Fatal(err)
			}
			checkA4(t, pdf)
		})
		for _, width := range []int64{390, 1366} {
			t.Run(fmt.Sprintf("%s %d px", lang, width), func(t *testing.T) {
				err := chromedp.Do(ctx,
					chromedp.EmulateViewport(width, 900),
					chromedp.Navigate("file://"+file),
					chromedp.WaitReady("footer"),
				)
				if err != nil {
					t.Fatal(err)
				}
				checkPage(ctx, t, width, breached, listed)
				if dir := os.Getenv("REPORT_SCREENSHOTS"); dir != "" {
					screenshots(ctx, t, filepath.Join(dir, fmt.Sprintf("report-%s-%d", lang, width)))
				}
			})
		}
	}
}

// screenshots leaves the page as PNGs of one window each, top to bottom
// (path-0.png, path-1.png, …), small enough to look at one by one.
func screenshots(ctx context.Context, t *testing.T, path string) {
	t.Helper()
	height, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollHeight`))
	if err != nil {
		t.Fatal(err)
	}
	for i, y := 0, 0; y < height && i < 40; i, y = i+1, y+900 {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](fmt.Sprintf("window.scrollTo(0, %d)", y))); err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(fmt.Sprintf("%s-%d.png", path, i), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var mediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]`)

// checkA4 checks that every page of a PDF is A4 (595 × 842 points), not
// US Letter (612 × 792).
func checkA4(t *testing.T, pdf []byte) {
	t.Helper()
	boxes := mediaBox.FindAllSubmatch(pdf, -1)
	if len(boxes) == 0 {
		t.Fatalf("no page size in the %d-byte PDF", len(pdf))
	}
	for _, b := range boxes {
		w, _ := strconv.ParseFloat(string(b[1]), 64)
		h, _ := strconv.ParseFloat(string(b[2]), 64)
		if math.Abs(w-595.3) > 2 || math.Abs(h-841.9) > 2 {
			t.Errorf("printed page is %.1f × %.1f pt, want A4 (595 × 842)", w, h)
		}
	}
}

// boxFit is an element whose content may be wider than its box.
type boxFit struct {
	What                     string
	ScrollWidth, ClientWidth int
}

// checkPage checks the page loaded in ctx.
func checkPage(ctx context.Context, t *testing.T, width int64, breached, listed []string) {
	t.Helper()
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
	var tickets, deskList, fills []string
	var background string
	var boxes []boxFit
	var chartText []float64
	eval(`document.documentElement.scrollWidth`, &scrollWidth)
	eval(`window.innerWidth`, &innerWidth)
	eval(`[...document.querySelectorAll('table.breaches:not(.desk-breaches) [data-ticket]')].map(e => e.textContent.trim())`, &tickets)
	eval(`[...document.querySelectorAll('table.desk-breaches tbody tr')].map(tr => tr.dataset.clock + tr.querySelector('[data-ticket]').textContent.trim())`, &deskList)
	eval(`[...document.querySelectorAll('svg.chart rect')].map(e => getComputedStyle(e).fill)`, &fills)
	eval(`getComputedStyle(document.body).backgroundColor`, &background)
	// Every table, its scrolling box, each of its cells, and the titles: a
	// box narrower than its content hides part of it, or scrolls.
	eval(`(() => {
		const out = [];
		const name = e => (e.closest('table')?.caption?.textContent || e.textContent).trim().slice(0, 60);
		const add = (what, e) => out.push({What: what + ': ' + name(e), ScrollWidth: e.scrollWidth, ClientWidth: e.clientWidth});
		document.querySelectorAll('table').forEach(t => {
			add('table', t);
			const box = t.closest('.scroll');
			if (box) add('table box', box);
			// A phone's cards hide the header row for screen readers only:
			// it has no box to fit in.
			const shown = c => !c.closest('thead') || c.closest('thead').getBoundingClientRect().width > 1;
			t.querySelectorAll('td, th, caption').forEach(c => shown(c) && add(c.tagName.toLowerCase() + ' "' + c.textContent.trim().slice(0, 30) + '" in', c));
		});
		document.querySelectorAll('h1, h2, h3').forEach(h => add(h.tagName.toLowerCase(), h));
		return out;
	})()`, &boxes)
	// The size a chart's text is drawn at: its font size times the scale
	// the SVG's viewBox shrinks it by.
	eval(`[...document.querySelectorAll('svg.chart text')].map(e => parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM().a)`, &chartText)

	if innerWidth != int(width) {
		t.Errorf("viewport is %d px, want %d", innerWidth, width)
	}
	if scrollWidth > innerWidth {
		t.Errorf("page scrolls sideways: %d px wide in a %d px window", scrollWidth, innerWidth)
	}
	for _, b := range boxes {
		if b.ScrollWidth > b.ClientWidth {
			t.Errorf("%s: content %d px wide in a %d px box", b.What, b.ScrollWidth, b.ClientWidth)
		}
	}
	if len(boxes) < 20 {
		t.Errorf("only %d tables, cells and titles measured", len(boxes))
	}
	if len(chartText) == 0 {
		t.Error("no chart text rendered")
	}
	for _, px := range chartText {
		if px < 11 {
			t.Errorf("chart text drawn at %.1f px, want at least 11", px)
			break
		}
	}
	for _, id := range breached {
		if !contains(tickets, id) {
			t.Errorf("breached ticket %s missing from its client's list (has %v)", id, tickets)
		}
	}
	if !slices.Equal(deskList, listed) {
		t.Errorf("desk-wide breach list on the page = %v, want %v", deskList, listed)
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
