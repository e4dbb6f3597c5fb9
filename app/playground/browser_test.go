package playground

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"supportbot/internal/headless"
)

// browser opens a headless Chromium tab.
func browser(t *testing.T) context.Context { return headless.Tab(t) }

// waitJS waits for a JavaScript condition on the page, failing with what
// the page shows when it does not come.
func waitJS(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
		t.Fatalf("waiting for %s: %v\npage:\n%s", what, err, text)
	}
}

func evalJS[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// shot saves a screenshot when PLAYGROUND_SCREENSHOTS names a folder, to
// look at the page.
func shot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("PLAYGROUND_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A client writes an incident on the page, sees the ticket in the
// client's column and the desk sees it on its side; three hours later the
// focal point's ping is on the desk side, the staff take the ticket with a
// button, and the page fits a phone's width.
func TestPlaygroundInChromium(t *testing.T) {
	r := newRig(t, Options{})
	ctx := browser(t)
	client := `document.querySelector('.col[data-where="C0ACME"]')`
	desk := `document.getElementById('desk-side')`
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1366, 900),
		chromedp.Navigate(r.url+"/"),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="true"] #say-C0ACME`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	// The picker offers ACME's user first; Enter sends.
	if as := evalJS[string](t, ctx, client+`.querySelector('select[name=as]').value`); as != acmeUser {
		t.Errorf("ACME's column writes as %q by default, want %s", as, acmeUser)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(`#say-C0ACME`), incident+"\r")); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "the bot's answer with the ticket in ACME's column", client+`.innerText.includes('ticket #1')`)
	waitJS(t, ctx, "ticket #1 on the desk side", desk+`.innerText.includes('#1 · ACME Cobranzas')`)
	shot(t, ctx, "1366-answer")

	for range 3 {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`button[data-advance="1h"]`))); err != nil {
			t.Fatal(err)
		}
		waitJS(t, ctx, "the clock buttons back", `!document.querySelector('button[data-advance="1h"]').disabled`)
	}
	waitJS(t, ctx, "the clock at 12:00", `document.getElementById('now').textContent.includes('12:00')`)
	waitJS(t, ctx, "Lucía's ping on the desk side", desk+`.querySelector('.col[data-where="dms"]').innerText.includes('para responder #1')`)
	if evalJS[bool](t, ctx, client+`.querySelector('[data-where^="D"]') !== null`) {
		t.Error("a DM shows in ACME's column")
	}
	// ACME's column shows a ping exactly when the bot posted one there.
	pingedClient := false
	for _, p := range r.transcript() {
		if p.Where == acmeChannel && strings.Contains(p.Text, "para responder #1") {
			pingedClient = true
		}
	}
	if shown := evalJS[bool](t, ctx, client+`.textContent.includes('para responder #1')`); shown != pingedClient {
		t.Errorf("ACME's column shows the ping: %v; the bot posted one to ACME's channel: %v", shown, pingedClient)
	}
	shot(t, ctx, "1366-ping")

	// Lucía takes #1 from her Home, on the desk side, with the keyboard.
	take := `.col[data-where="homes"] li[data-where="home:U0FOCALAR"] button[data-action="ticket_take"][data-value="1"]`
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(take)), chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "the take told", `document.body.textContent.includes('tomó el ticket #1')`)
	tk, err := r.p.app.Ticket(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if tk.Assignee != focalAR {
		t.Errorf("ticket #1 assignee %q after the press, want %s", tk.Assignee, focalAR)
	}

	// What a client writes is shown as text, never as markup.
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(`#say-C0ANDES`), `<img src=x onerror="document.body.dataset.owned=1"> hola`+"\r")); err != nil {
		t.Fatal(err)
	}
	andes := `document.querySelector('.col[data-where="C0ANDES"]')`
	waitJS(t, ctx, "the client's text in Andes' column", andes+`.textContent.includes('<img src=x')`)
	if evalJS[bool](t, ctx, andes+`.querySelector('img') !== null || document.body.dataset.owned === '1'`) {
		t.Error("a client's text became markup on the page")
	}

	for _, width := range []int64{390, 1366} {
		t.Run(fmt.Sprintf("%d px", width), func(t *testing.T) {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 844)); err != nil {
				t.Fatal(err)
			}
			raw := evalJS[[]byte](t, ctx, `[document.documentElement.scrollWidth, window.innerWidth]`)
			var w []int
			if err := json.Unmarshal(raw, &w); err != nil {
				t.Fatal(err)
			}
			if w[1] != int(width) {
				t.Errorf("viewport is %d px, want %d", w[1], width)
			}
			if w[0] > w[1] {
				t.Errorf("page scrolls sideways: %d px wide in a %d px window", w[0], w[1])
			}
			shot(t, ctx, fmt.Sprintf("%d-end", width))
		})
	}
}
