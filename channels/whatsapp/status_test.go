package whatsappchannel

import (
	"strings"
	"sync"
	"testing"

	"go.mau.fi/whatsmeow/types/events"
)

func TestStatusFromEvent(t *testing.T) {
	tests := []struct {
		name       string
		evt        any
		want       Status
		detailHas  string
		notAStatus bool
	}{
		{name: "connected", evt: &events.Connected{}, want: StatusConnected},
		{name: "keepalive restored", evt: &events.KeepAliveRestored{}, want: StatusConnected},
		{name: "disconnected", evt: &events.Disconnected{}, want: StatusDisconnected, detailHas: "reconnecting"},
		{name: "keepalive timeout", evt: &events.KeepAliveTimeout{ErrorCount: 3, LastSuccess: t0}, want: StatusDisconnected, detailHas: "3 times"},
		{name: "logged out from phone", evt: &events.LoggedOut{}, want: StatusLoggedOut, detailHas: "whatsapp pair"},
		{name: "logged out on connect", evt: &events.LoggedOut{OnConnect: true, Reason: events.ConnectFailureLoggedOut}, want: StatusLoggedOut, detailHas: "401"},
		{name: "stream replaced", evt: &events.StreamReplaced{}, want: StatusStreamReplaced, detailHas: "another process"},
		{name: "temporary ban", evt: &events.TemporaryBan{Code: events.TempBanSentToTooManyPeople}, want: StatusTemporaryBan, detailHas: "banned"},
		{name: "connect failure logged out", evt: &events.ConnectFailure{Reason: events.ConnectFailureMainDeviceGone}, want: StatusLoggedOut, detailHas: "403"},
		{name: "connect failure temp ban", evt: &events.ConnectFailure{Reason: events.ConnectFailureTempBanned}, want: StatusTemporaryBan},
		{name: "connect failure other", evt: &events.ConnectFailure{Reason: events.ConnectFailureGeneric, Message: "odd"}, want: StatusDisconnected, detailHas: "odd"},
		{name: "client outdated", evt: &events.ClientOutdated{}, want: StatusClientOutdated, detailHas: "upgrade"},
		{name: "message is not a status", evt: &events.Message{}, notAStatus: true},
		{name: "nil", evt: nil, notAStatus: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, detail, ok := StatusFromEvent(tc.evt)
			if ok == tc.notAStatus {
				t.Fatalf("ok = %v", ok)
			}
			if got != tc.want {
				t.Errorf("status = %q, want %q", got, tc.want)
			}
			if !strings.Contains(detail, tc.detailHas) {
				t.Errorf("detail %q lacks %q", detail, tc.detailHas)
			}
		})
	}
}

type lostCall struct {
	status Status
	detail string
}

func TestStatusTrackerOnLost(t *testing.T) {
	var mu sync.Mutex
	var calls []lostCall
	tr := NewStatusTracker(StatusDisconnected)
	tr.OnLost = func(s Status, d string) {
		mu.Lock()
		defer mu.Unlock()
		calls = append(calls, lostCall{s, d})
	}
	if tr.Linked() {
		t.Fatal("linked before connecting")
	}
	tr.Set(StatusConnecting, "")
	tr.Observe(&events.Connected{})
	if !tr.Linked() || tr.Current() != StatusConnected {
		t.Fatalf("after Connected: %s", tr.Current())
	}
	// Ordinary disconnects heal by themselves: no alert.
	tr.Observe(&events.Disconnected{})
	tr.Observe(&events.KeepAliveTimeout{ErrorCount: 1})
	if tr.Linked() {
		t.Fatal("linked while disconnected")
	}
	tr.Observe(&events.Connected{})
	if len(calls) != 0 {
		t.Fatalf("alerts for transient disconnects: %v", calls)
	}
	tr.Observe(&events.StreamReplaced{})
	tr.Observe(&events.StreamReplaced{}) // repeated: one alert
	tr.Observe(&events.LoggedOut{})
	if tr.Current() != StatusLoggedOut || tr.Detail() == "" {
		t.Errorf("status %s detail %q", tr.Current(), tr.Detail())
	}
	if tr.Observe(&events.Message{}) {
		t.Error("a message counted as a status event")
	}
	want := []Status{StatusStreamReplaced, StatusLoggedOut}
	if len(calls) != len(want) {
		t.Fatalf("calls = %v, want statuses %v", calls, want)
	}
	for i, c := range calls {
		if c.status != want[i] || c.detail == "" {
			t.Errorf("call %d = %+v, want %s with detail", i, c, want[i])
		}
	}
}

func TestStatusTrackerConcurrent(t *testing.T) {
	tr := NewStatusTracker(StatusConnecting)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tr.Observe(&events.Connected{})
			tr.Observe(&events.Disconnected{})
			_ = tr.Current()
			_ = tr.Linked()
		}()
	}
	wg.Wait()
}
