package bot_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"supportbot/bot"
	"supportbot/channels"
	slackchannel "supportbot/channels/slack"
	"supportbot/channels/slack/slackfake"
	"supportbot/ticketing"
)

// flakySource serves content, or fails while down.
type flakySource struct {
	content []byte
	down    bool
}

func (c *flakySource) FetchFile(_ context.Context, _ ticketing.Attachment, dst *os.File) error {
	if c.down {
		return errors.New("media server unreachable")
	}
	_, err := dst.Write(c.content)
	return err
}

// A file upload a crash cut short is looked up in the thread before it is
// uploaded again: the one upload Slack has is recorded as the delivery.
func TestInterruptedFileUploadIsNotRepeated(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	api := slackfake.New(nil)
	defer api.Close()
	api.StampWith(h.clock.Now)
	shot := []byte("\x89PNG captura")
	src := &flakySource{content: shot, down: true}
	slack := slackchannel.NewSender(slackchannel.NewClient("xoxb-test", "", api.APIURL())).
		WithFiles(channels.FileSources{channels.WhatsApp: src}, t.TempDir())
	d := bot.NewDeliverer(bot.DelivererConfig{Store: h.db, Clock: h.clock, Senders: senders(slack, h.whatsapp)})

	in := waMsg("+5491155550101", "WAFILE1", "este error")
	in.Media, in.Files = "image", []ticketing.Attachment{{Name: "imagen.png", MIME: "image/png", Kind: ticketing.FileImage,
		Size: int64(len(shot)), Source: ticketing.PlatformWhatsApp, Ref: "desc"}}
	h.handle(in)
	// The first pass posts the mirror root, which starts the thread; the
	// file cannot be fetched yet.
	if _, err := d.DeliverDue(ctx); err != nil {
		t.Fatal(err)
	}
	src.down = false
	h.clock.Advance(time.Hour)
	var file ticketing.OutboxItem
	var thread string
	h.db.View(ctx, func(tx ticketing.Tx) error {
		items, err := tx.PendingOutbox(ctx, h.clock.Now(), 10)
		for _, it := range items {
			if it.File != nil {
				file = it
			}
		}
		if tk, err := tx.Ticket(ctx, "", file.TicketID); err == nil {
			thread = tk.Desk.Thread
		}
		return err
	})
	if file.ID == 0 || thread == "" {
		t.Fatalf("file item %+v, thread %q: want the file owed in the started thread", file, thread)
	}
	// The next attempt's upload went through and the process died before
	// recording it.
	h.db.Update(ctx, func(tx ticketing.Tx) error { return tx.MarkInFlight(ctx, []int64{file.ID}, h.clock.Now()) })
	sent := file
	sent.To.Thread, sent.InDeskThread = thread, false
	ref, err := slack.Send(ctx, sent)
	if err != nil {
		t.Fatal(err)
	}

	for range 3 {
		if _, err := d.DeliverDue(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if ups := api.Uploads(); len(ups) != 1 {
		t.Errorf("uploads = %d, want the interrupted one only", len(ups))
	}
	var backlog int
	h.db.View(ctx, func(tx ticketing.Tx) error { backlog, _ = tx.OutboxBacklog(ctx); return nil })
	if backlog != 0 {
		t.Errorf("backlog = %d, want the file recorded as delivered (ref %s)", backlog, ref)
	}
}
