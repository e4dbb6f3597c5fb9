package whatsappchannel

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/proto/waAdv"
	"go.mau.fi/whatsmeow/types"
)

// QR codes are drawn with half blocks; any of them proves a QR was drawn.
func hasQRBlock(s string) bool { return strings.ContainsAny(s, "█▀▄") }

func feed(items ...whatsmeow.QRChannelItem) <-chan whatsmeow.QRChannelItem {
	ch := make(chan whatsmeow.QRChannelItem, len(items))
	for _, it := range items {
		ch <- it
	}
	close(ch)
	return ch
}

func code(c string) whatsmeow.QRChannelItem {
	return whatsmeow.QRChannelItem{Event: whatsmeow.QRChannelEventCode, Code: c, Timeout: 60 * time.Second}
}

func TestDrawQR(t *testing.T) {
	var b bytes.Buffer
	DrawQR(&b, "2@abc,def,ghi,jkl")
	if !hasQRBlock(b.String()) || strings.Count(b.String(), "\n") < 10 {
		t.Fatalf("no QR block:\n%s", b.String())
	}
	b.Reset()
	DrawQR(&b, strings.Repeat("x", qrMaxBytes+1))
	if hasQRBlock(b.String()) || !strings.Contains(b.String(), "too long") {
		t.Errorf("oversized code: %q", b.String()[:40])
	}
}

func TestFollowQRSuccess(t *testing.T) {
	var b bytes.Buffer
	ok, err := followQR(context.Background(), feed(code("2@first"), code("2@second"), whatsmeow.QRChannelSuccess), &b)
	if err != nil || !ok {
		t.Fatalf("ok %v err %v", ok, err)
	}
	out := b.String()
	if !hasQRBlock(out) {
		t.Errorf("no QR drawn:\n%s", out)
	}
	if !strings.Contains(out, "scan with WhatsApp > Linked devices") {
		t.Errorf("no instructions:\n%s", out)
	}
	if !strings.Contains(out, "expired") {
		t.Errorf("rotated code not announced:\n%s", out)
	}
}

func TestFollowQRFailures(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		ch   <-chan whatsmeow.QRChannelItem
		want string
		is   error
	}{
		{name: "timeout", ch: feed(code("2@a"), whatsmeow.QRChannelTimeout), is: ErrPairTimeout},
		{name: "pair error", ch: feed(whatsmeow.QRChannelItem{Event: whatsmeow.QRChannelEventError, Error: errors.New("bad hmac")}), want: "bad hmac"},
		{name: "unexpected state", ch: feed(whatsmeow.QRChannelErrUnexpectedEvent), want: "unexpected"},
		{name: "outdated", ch: feed(whatsmeow.QRChannelClientOutdated), want: "version"},
		{name: "no multidevice", ch: feed(whatsmeow.QRChannelScannedWithoutMultidevice), want: "multi-device"},
		{name: "closed without result", ch: feed(code("2@a")), want: "without a result"},
		{name: "cancelled", ctx: canceled, ch: make(chan whatsmeow.QRChannelItem), is: context.Canceled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := tc.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			var b bytes.Buffer
			ok, err := followQR(ctx, tc.ch, &b)
			if ok || err == nil {
				t.Fatalf("ok %v err %v", ok, err)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("err = %v, want %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err %q lacks %q", err, tc.want)
			}
		})
	}
}

func TestFollowPhone(t *testing.T) {
	var b bytes.Buffer
	calls := 0
	pair := func(context.Context) (string, error) { calls++; return "ABCD-EFGH", nil }
	ok, err := followPhone(context.Background(), feed(code("2@a"), code("2@b"), whatsmeow.QRChannelSuccess), &b, pair)
	if err != nil || !ok {
		t.Fatalf("ok %v err %v", ok, err)
	}
	if calls != 1 {
		t.Errorf("pairing code requested %d times", calls)
	}
	if !strings.Contains(b.String(), "ABCD-EFGH") || hasQRBlock(b.String()) {
		t.Errorf("output:\n%s", b.String())
	}

	failing := func(context.Context) (string, error) { return "", errors.New("bad request") }
	if _, err := followPhone(context.Background(), feed(code("2@a")), &b, failing); err == nil || !strings.Contains(err.Error(), "bad request") {
		t.Errorf("err = %v", err)
	}
}

func TestPairRejectsBadPhoneAndLinkedStore(t *testing.T) {
	ctx := context.Background()
	c, err := OpenDeviceStore(ctx, filepath.Join(t.TempDir(), "wa.db"), quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var b bytes.Buffer
	if _, err := Pair(ctx, c, &b, "11 5555 0101", quiet); !errors.Is(err, ErrBadNumber) {
		t.Errorf("bad phone: %v", err)
	}

	dev, err := c.GetFirstDevice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id := types.NewADJID(phoneUser, 0, 7)
	dev.ID = &id
	dev.Account = &waAdv.ADVSignedDeviceIdentity{Details: []byte{1}, AccountSignature: make([]byte, 64), AccountSignatureKey: make([]byte, 32), DeviceSignature: make([]byte, 64)}
	if err := dev.Save(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := Pair(ctx, c, &b, "", quiet); !errors.Is(err, ErrAlreadyPaired) {
		t.Errorf("linked store: %v", err)
	}
	a, err := New(c, &recorder{}, Options{Log: quiet})
	if err != nil {
		t.Fatal(err)
	}
	if !a.Paired() || a.Status().Current() != StatusDisconnected {
		t.Errorf("adapter on linked store: paired %v status %s", a.Paired(), a.Status().Current())
	}
}
