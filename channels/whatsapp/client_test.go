package whatsappchannel

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/proto/waE2E"
	"go.mau.fi/whatsmeow/types"
	"go.mau.fi/whatsmeow/types/events"

	"supportbot/channels"
	"supportbot/ticketing"
)

type sent struct {
	to   types.JID
	text string
}

// fakeMessenger stands in for whatsmeow.Client.
type fakeMessenger struct {
	mu        sync.Mutex
	paired    bool
	connected bool
	lids      map[string]string // LID user → phone user
	lidErr    error
	notOn     map[string]bool   // E.164 numbers without WhatsApp
	canonical map[string]string // E.164 → JID user WhatsApp answers with
	lookups   int
	sendErr   error
	sent      []sent
	connects  int
	discs     int
}

func (f *fakeMessenger) ConnectContext(context.Context) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.connects++
	f.connected = true
	return nil
}

func (f *fakeMessenger) DownloadToFile(context.Context, whatsmeow.DownloadableMessage, whatsmeow.File) error {
	return errors.New("fake messenger holds no media")
}

func (f *fakeMessenger) UploadReader(context.Context, io.Reader, io.ReadWriteSeeker, whatsmeow.MediaType) (whatsmeow.UploadResponse, error) {
	return whatsmeow.UploadResponse{}, errors.New("fake messenger takes no media")
}

func (f *fakeMessenger) Disconnect() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.discs++
	f.connected = false
}

func (f *fakeMessenger) IsConnected() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.connected
}

func (f *fakeMessenger) Paired() bool { return f.paired }

func (f *fakeMessenger) PhoneForLID(_ context.Context, lid types.JID) (types.JID, error) {
	if f.lidErr != nil {
		return types.JID{}, f.lidErr
	}
	if pn, ok := f.lids[lid.User]; ok {
		return types.NewJID(pn, types.DefaultUserServer), nil
	}
	return types.JID{}, nil
}

func (f *fakeMessenger) IsOnWhatsApp(_ context.Context, phones []string) ([]types.IsOnWhatsAppResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.lookups++
	var out []types.IsOnWhatsAppResponse
	for _, p := range phones {
		user := p[1:]
		if c, ok := f.canonical[p]; ok {
			user = c
		}
		out = append(out, types.IsOnWhatsAppResponse{Query: p, JID: types.NewJID(user, types.DefaultUserServer), IsIn: !f.notOn[p]})
	}
	return out, nil
}

func (f *fakeMessenger) SendMessage(_ context.Context, to types.JID, m *waE2E.Message, _ ...whatsmeow.SendRequestExtra) (whatsmeow.SendResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.sendErr != nil {
		return whatsmeow.SendResponse{}, f.sendErr
	}
	f.sent = append(f.sent, sent{to: to, text: m.GetConversation()})
	return whatsmeow.SendResponse{ID: types.MessageID("3EB0" + to.User)}, nil
}

// recorder is a channels.Handler that keeps what it got and fails on demand.
type recorder struct {
	mu  sync.Mutex
	got []channels.Inbound
	err error
}

func (r *recorder) Handle(_ context.Context, in channels.Inbound) (channels.Reply, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.err != nil {
		return channels.Reply{}, r.err
	}
	r.got = append(r.got, in)
	return channels.Reply{}, nil
}

type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func newTest(t *testing.T) (*Adapter, *fakeMessenger, *recorder, *clock) {
	t.Helper()
	f := &fakeMessenger{paired: true, connected: true, lids: map[string]string{lidUser: phoneUser}}
	r := &recorder{}
	c := &clock{now: t0}
	a := NewAdapter(f, r, Options{Log: quiet, Now: c.Now})
	return a, f, r, c
}

func TestHandleEventDeliversMessage(t *testing.T) {
	a, _, r, _ := newTest(t)
	if !a.HandleEvent(dm("M1", text("se cayó la troncal"))) {
		t.Fatal("handled message reported as failed")
	}
	if len(r.got) != 1 || r.got[0].Text != "se cayó la troncal" || r.got[0].UserID != "+"+phoneUser {
		t.Fatalf("handler got %+v", r.got)
	}
}

func TestHandleEventResolvesLIDFromStore(t *testing.T) {
	a, _, r, _ := newTest(t)
	e := dm("M2", text("hola"))
	lid := types.NewJID(lidUser, types.HiddenUserServer)
	e.Info.Chat, e.Info.Sender = lid, lid
	if !a.HandleEvent(e) {
		t.Fatal("failed")
	}
	if len(r.got) != 1 || r.got[0].UserID != "+"+phoneUser {
		t.Fatalf("handler got %+v", r.got)
	}
}

// A handler error must leave the message unacknowledged so WhatsApp
// delivers it again; ignored messages are acknowledged without the handler.
func TestHandleEventSuccessStatus(t *testing.T) {
	a, f, r, _ := newTest(t)
	r.err = errors.New("database is locked")
	if a.HandleEvent(dm("M3", text("hola"))) {
		t.Error("handler error acknowledged")
	}
	r.err = nil

	group := dm("M4", text("hola"))
	group.Info.IsGroup = true
	if !a.HandleEvent(group) {
		t.Error("ignored group message not acknowledged")
	}

	unknown := dm("M5", text("hola"))
	other := types.NewJID("777", types.HiddenUserServer)
	unknown.Info.Chat, unknown.Info.Sender = other, other
	if !a.HandleEvent(unknown) {
		t.Error("unresolvable LID left unacknowledged: it would come back forever")
	}

	f.lidErr = errors.New("disk I/O error")
	lidMsg := dm("M6", text("hola"))
	lid := types.NewJID(lidUser, types.HiddenUserServer)
	lidMsg.Info.Chat, lidMsg.Info.Sender = lid, lid
	if a.HandleEvent(lidMsg) {
		t.Error("store failure during LID lookup acknowledged")
	}
	if len(r.got) != 0 {
		t.Errorf("handler saw %+v", r.got)
	}
}

func TestHandleEventFillsMissingTime(t *testing.T) {
	a, _, r, _ := newTest(t)
	e := dm("M7", text("hola"))
	e.Info.Timestamp = time.Time{}
	a.HandleEvent(e)
	if len(r.got) != 1 || !r.got[0].At.Equal(t0) {
		t.Fatalf("got %+v", r.got)
	}
}

func TestHandleEventTracksStatus(t *testing.T) {
	f := &fakeMessenger{paired: true}
	var lost []Status
	a := NewAdapter(f, &recorder{}, Options{Log: quiet, OnLost: func(s Status, _ string) { lost = append(lost, s) }})
	for _, evt := range []any{&events.Connected{}, &events.Disconnected{}, &events.Connected{}, &events.LoggedOut{}} {
		if !a.HandleEvent(evt) {
			t.Fatalf("%T not acknowledged", evt)
		}
	}
	if a.Status().Current() != StatusLoggedOut || len(lost) != 1 || lost[0] != StatusLoggedOut {
		t.Errorf("status %s, lost %v", a.Status().Current(), lost)
	}
}

func item(target, text string) ticketing.OutboxItem {
	return ticketing.OutboxItem{ID: 1, To: ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: target}, Mode: ticketing.ModePost, Text: text}
}

func TestSend(t *testing.T) {
	a, f, _, _ := newTest(t)
	ref, err := a.Send(context.Background(), item("+"+phoneUser, "Recibimos tu consulta"))
	if err != nil {
		t.Fatal(err)
	}
	if ref == "" || len(f.sent) != 1 || f.sent[0].text != "Recibimos tu consulta" || f.sent[0].to.String() != phoneUser+"@s.whatsapp.net" {
		t.Fatalf("ref %q sent %+v", ref, f.sent)
	}
}

func TestSendUsesCanonicalJIDAndCachesLookup(t *testing.T) {
	a, f, _, c := newTest(t)
	f.canonical = map[string]string{"+5511987654321": "551187654321"}
	for range 2 {
		if _, err := a.Send(context.Background(), item("+5511987654321", "hola")); err != nil {
			t.Fatal(err)
		}
		c.advance(time.Minute)
	}
	if f.lookups != 1 {
		t.Errorf("lookups = %d, want 1 (cached)", f.lookups)
	}
	for _, s := range f.sent {
		if s.to.User != "551187654321" {
			t.Errorf("sent to %s, want WhatsApp's canonical JID", s.to)
		}
	}
}

func TestSendPacesPerRecipient(t *testing.T) {
	a, f, _, c := newTest(t)
	ctx := context.Background()
	if _, err := a.Send(ctx, item("+"+phoneUser, "uno")); err != nil {
		t.Fatal(err)
	}
	c.advance(500 * time.Millisecond)
	_, err := a.Send(ctx, item("+"+phoneUser, "dos"))
	var rl *channels.RateLimitError
	if !errors.As(err, &rl) {
		t.Fatalf("err = %v, want RateLimitError", err)
	}
	if rl.RetryAfter != 1500*time.Millisecond {
		t.Errorf("RetryAfter = %s, want 1.5s", rl.RetryAfter)
	}
	// Another recipient is not held back.
	if _, err := a.Send(ctx, item("+56229288900", "hola")); err != nil {
		t.Fatalf("other recipient paced: %v", err)
	}
	c.advance(1500 * time.Millisecond)
	if _, err := a.Send(ctx, item("+"+phoneUser, "dos")); err != nil {
		t.Fatalf("after the gap: %v", err)
	}
	if len(f.sent) != 3 {
		t.Errorf("sent %d, want 3", len(f.sent))
	}
}

func TestSendCustomGap(t *testing.T) {
	f := &fakeMessenger{paired: true, connected: true}
	c := &clock{now: t0}
	a := NewAdapter(f, &recorder{}, Options{Log: quiet, Now: c.Now, MinGap: 10 * time.Second})
	a.Send(context.Background(), item("+"+phoneUser, "uno"))
	c.advance(3 * time.Second)
	_, err := a.Send(context.Background(), item("+"+phoneUser, "dos"))
	var rl *channels.RateLimitError
	if !errors.As(err, &rl) || rl.RetryAfter != 7*time.Second {
		t.Fatalf("err = %v", err)
	}
}

func TestSendPermanentFailures(t *testing.T) {
	a, f, _, _ := newTest(t)
	f.notOn = map[string]bool{"+5491100000000": true}
	tests := []struct {
		name string
		it   ticketing.OutboxItem
	}{
		{"not E.164", item("11 5555 0101", "hola")},
		{"empty target", item("", "hola")},
		{"not on whatsapp", item("+5491100000000", "hola")},
		{"empty text", item("+"+phoneUser, "  \n")},
		{"slack item", ticketing.OutboxItem{To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C123"}, Mode: ticketing.ModePost, Text: "hola"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := a.Send(context.Background(), tc.it)
			var perm *channels.PermanentError
			if !errors.As(err, &perm) {
				t.Fatalf("err = %v, want PermanentError", err)
			}
		})
	}
	if len(f.sent) != 0 {
		t.Errorf("sent %+v", f.sent)
	}
}

func TestSendTransientFailures(t *testing.T) {
	a, f, _, c := newTest(t)
	ctx := context.Background()

	f.connected = false
	_, err := a.Send(ctx, item("+"+phoneUser, "hola"))
	if err == nil || isPermanentOrPaced(err) {
		t.Fatalf("disconnected: err = %v, want a plain retryable error", err)
	}
	// Nothing went out, so the retry is not paced.
	f.connected = true
	if _, err := a.Send(ctx, item("+"+phoneUser, "hola")); err != nil {
		t.Fatalf("retry after reconnect: %v", err)
	}

	c.advance(time.Minute)
	f.sendErr = whatsmeow.ErrMessageTimedOut
	_, err = a.Send(ctx, item("+"+phoneUser, "otra"))
	if !errors.Is(err, whatsmeow.ErrMessageTimedOut) || isPermanentOrPaced(err) {
		t.Fatalf("timeout: err = %v", err)
	}
	// The timed-out message may have gone out: the retry is paced.
	f.sendErr = nil
	_, err = a.Send(ctx, item("+"+phoneUser, "otra"))
	var rl *channels.RateLimitError
	if !errors.As(err, &rl) {
		t.Fatalf("retry right after a send attempt: err = %v, want RateLimitError", err)
	}
}

func isPermanentOrPaced(err error) bool {
	var perm *channels.PermanentError
	var rl *channels.RateLimitError
	return errors.As(err, &perm) || errors.As(err, &rl)
}

func TestSendConcurrentSameRecipient(t *testing.T) {
	a, f, _, _ := newTest(t)
	var wg sync.WaitGroup
	var mu sync.Mutex
	paced := 0
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := a.Send(context.Background(), item("+"+phoneUser, "hola"))
			var rl *channels.RateLimitError
			if errors.As(err, &rl) {
				mu.Lock()
				paced++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(f.sent) != 1 || paced != 9 {
		t.Errorf("sent %d, paced %d: one recipient got more than one message within the gap", len(f.sent), paced)
	}
}

func TestRunNotPaired(t *testing.T) {
	f := &fakeMessenger{}
	a := NewAdapter(f, &recorder{}, Options{Log: quiet})
	if a.Paired() || a.Status().Current() != StatusNotPaired {
		t.Fatalf("paired %v status %s", a.Paired(), a.Status().Current())
	}
	err := a.Run(context.Background())
	if !errors.Is(err, ErrNotPaired) {
		t.Fatalf("err = %v", err)
	}
	if f.connects != 0 {
		t.Error("connected without a paired device")
	}
}

func TestRunConnectsUntilCancelled(t *testing.T) {
	f := &fakeMessenger{paired: true}
	a := NewAdapter(f, &recorder{}, Options{Log: quiet})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if f.connects != 1 || f.discs != 1 {
		t.Errorf("connects %d disconnects %d", f.connects, f.discs)
	}
}

// New works on a real, unpaired store without touching the network, so the
// bot's tests can drive HandleEvent the same way.
func TestNewOnFreshStore(t *testing.T) {
	ctx := context.Background()
	c, err := OpenDeviceStore(ctx, filepath.Join(t.TempDir(), "wa.db"), quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	r := &recorder{}
	a, err := New(c, r, Options{Log: quiet})
	if err != nil {
		t.Fatal(err)
	}
	if a.Paired() {
		t.Error("fresh store paired")
	}
	if err := a.Run(ctx); !errors.Is(err, ErrNotPaired) {
		t.Errorf("Run: %v", err)
	}
	if !a.HandleEvent(dm("N1", text("hola"))) || len(r.got) != 1 {
		t.Errorf("handler got %+v", r.got)
	}
	// A LID the store has never seen is dropped, acknowledged.
	e := dm("N2", text("hola"))
	lid := types.NewJID(lidUser, types.HiddenUserServer)
	e.Info.Chat, e.Info.Sender = lid, lid
	if !a.HandleEvent(e) || len(r.got) != 1 {
		t.Errorf("unknown LID: handler got %+v", r.got)
	}
	// Once the store learns the mapping, the same person is recognised.
	if err := c.LIDMap.PutLIDMapping(ctx, lid, types.NewJID(phoneUser, types.DefaultUserServer)); err != nil {
		t.Fatal(err)
	}
	e.Info.ID = "N3"
	if !a.HandleEvent(e) || len(r.got) != 2 || r.got[1].UserID != "+"+phoneUser {
		t.Errorf("known LID: handler got %+v", r.got)
	}
	if _, err := New(nil, r, Options{}); err == nil {
		t.Error("New without a store accepted")
	}
}
