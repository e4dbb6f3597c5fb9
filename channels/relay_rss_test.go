package channels_test

import (
	"bufio"
	"context"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"supportbot/channels"
	slackchannel "supportbot/channels/slack"
	"supportbot/channels/slack/slackfake"
	whatsappchannel "supportbot/channels/whatsapp"
	"supportbot/ticketing"
)

// relaySize is the document the benchmark relays, and rssBudget how much
// the process may grow while relaying it: the file streams through a
// temporary file, never whole in memory.
const (
	relaySize = 50 * channels.MB
	rssBudget = 20 * channels.MB
)

// pattern is endless bytes that cost no memory to produce.
type pattern struct{ n byte }

func (p *pattern) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = p.n
		p.n = p.n*31 + 7
	}
	return len(b), nil
}

func document() io.Reader { return io.LimitReader(&pattern{}, relaySize) }

// peakRSS reads the process's peak resident set since the last reset, in
// bytes; ok is false where /proc does not tell it.
func peakRSS() (int64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb * 1024, err == nil
		}
	}
	return 0, false
}

// resetPeak starts the peak over from the current resident set.
func resetPeak() bool { return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil }

// relay sends a contact's 50 MB document to a Slack thread, and a staff
// member's 50 MB document back to the contact, through the real adapter,
// sender and stand-ins, and reports how much the peak resident set grew.
func relay(t testing.TB) int64 {
	phone := whatsappchannel.NewStandIn()
	wa := whatsappchannel.NewAdapter(phone, channels.HandlerFunc(func(context.Context, channels.Inbound) (channels.Reply, error) {
		return channels.Reply{}, nil
	}), whatsappchannel.Options{})
	api := slackfake.New(nil)
	defer api.Close()
	files := channels.FileSources{channels.WhatsApp: wa}
	sender := slackchannel.NewSender(slackchannel.NewClient("xoxb-test", "", api.APIURL())).WithFiles(files, t.TempDir())
	files[channels.Slack] = sender
	wa.WithFiles(files, t.TempDir())
	guide := api.AddFile("guia.pdf", "application/pdf", relaySize, document)
	back := ticketing.OutboxItem{ID: 2, To: ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: "+5491155550101"},
		Mode: ticketing.ModePost, Text: "la guía", File: &ticketing.Attachment{Name: guide.Name, MIME: guide.Mimetype,
			Kind: ticketing.FileDocument, Size: relaySize, Source: ticketing.PlatformSlack, Ref: guide.ID}}
	evt := phone.FileMessage("3EB0BIG", "+5491155550101", "Ana", whatsappchannel.IncomingFile{Kind: ticketing.FileDocument,
		MIME: "application/pdf", Name: "manual.pdf", Size: relaySize, Open: document}, time.Now())
	in, ok := whatsappchannel.FromMessage(evt, nil)
	if !ok || len(in.Files) != 1 {
		t.Fatalf("document not converted: %+v", in)
	}
	item := ticketing.OutboxItem{ID: 1, To: ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C0ACME", Thread: "1.1"},
		Mode: ticketing.ModePost, Text: "el manual", File: &in.Files[0]}

	runtime.GC()
	before, ok := peakRSS()
	if !ok || !resetPeak() {
		t.Skip("peak resident set not readable here")
	}
	if before, ok = peakRSS(); !ok {
		t.Skip("peak resident set not readable here")
	}
	if _, err := sender.Send(t.Context(), item); err != nil {
		t.Fatalf("relay: %v", err)
	}
	if _, err := wa.Send(t.Context(), back); err != nil {
		t.Fatalf("relay back: %v", err)
	}
	after, _ := peakRSS()
	if sent := phone.Sent(); len(sent) != 1 || sent[0].Size != relaySize || sent[0].FileName != "guia.pdf" {
		t.Fatalf("sent to the contact = %+v, want the whole guide", sent)
	}
	ups := api.Uploads()
	if len(ups) != 1 || ups[0].Size != relaySize || ups[0].SHA256 != in.Files[0].SHA256 {
		t.Fatalf("uploads = %+v, want the whole document, hash %s", ups, in.Files[0].SHA256)
	}
	return after - before
}

func TestRelayOf50MBStaysWithinRSSBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("relays 50 MB")
	}
	grew := relay(t)
	t.Logf("peak RSS grew %.1f MB relaying %d MB each way", float64(grew)/channels.MB, relaySize/channels.MB)
	if grew > rssBudget {
		t.Errorf("peak RSS grew %d bytes relaying %d, want at most %d", grew, relaySize, rssBudget)
	}
}

func BenchmarkRelay50MB(b *testing.B) {
	var worst int64
	for b.Loop() {
		worst = max(worst, relay(b))
	}
	b.SetBytes(2 * relaySize)
	b.ReportMetric(float64(worst)/channels.MB, "MB-peak-RSS-growth")
}
