package bot_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"supportbot/bot"
	"supportbot/channels"
)

type publishedHomes struct {
	mu    sync.Mutex
	users []string
}

func (p *publishedHomes) PublishHome(_ context.Context, userID string, _ channels.HomeView) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.users = append(p.users, userID)
	return nil
}

func (p *publishedHomes) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.users
	p.users = nil
	return out
}

// A change made outside the router (a breach, an auto-close by the jobs)
// republishes the Home of the people the ticket touches who opened it.
func TestHomeRefreshedOnChangesElsewhere(t *testing.T) {
	pub := &publishedHomes{}
	var home *bot.Home
	h := newHarnessWith(t, func(cfg *bot.Config) {
		home = bot.NewHome(bot.HomeConfig{Publisher: pub, Clock: cfg.Clock, Every: time.Second})
		cfg.Home = home
	})
	ctx := context.Background()
	h.handle(slackMsg("CACME", "UCLIENT", "100.1", "el discador no anda"))
	for _, user := range []string{"UFOCAL", "UDESK"} {
		h.handle(channels.Inbound{Kind: channels.KindHomeOpened, Platform: channels.Slack, UserID: user})
	}
	home.Flush(ctx)
	pub.take()

	h.clock.Advance(time.Minute)
	h.bot.TicketChangedElsewhere(h.ticket(1))
	home.Flush(ctx)
	// Lucía is ACME's focal point; the desk agent owns nothing of it.
	if got, want := pub.take(), []string{"UFOCAL"}; !slices.Equal(got, want) {
		t.Errorf("republished %v, want %v", got, want)
	}
}
