package app

import (
	"log/slog"
	"testing"

	"go.mau.fi/whatsmeow/proto/waAdv"
	"go.mau.fi/whatsmeow/types"

	"supportbot/config"
	"supportbot/store/pgtest"
)

// On PostgreSQL the WhatsApp device lives in the shared database: a device
// one replica saves is the device the next leader opens.
func TestDeviceStoreIsSharedOnPostgres(t *testing.T) {
	url := pgtest.URL(t)
	cfg := &config.Config{Store: config.Store{Driver: config.StorePostgres, URL: url}}
	log := slog.New(slog.DiscardHandler)
	ctx := t.Context()

	first, err := openDeviceStore(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	dev := first.NewDevice()
	jid := types.NewJID("5491155550199", types.DefaultUserServer)
	dev.ID = &jid
	dev.Account = &waAdv.ADVSignedDeviceIdentity{Details: []byte("d"), AccountSignature: make([]byte, 64), AccountSignatureKey: make([]byte, 32), DeviceSignature: make([]byte, 64)}
	if err := dev.Save(ctx); err != nil {
		t.Fatal(err)
	}

	next, err := openDeviceStore(ctx, cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	defer next.Close()
	got, err := next.GetFirstDevice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID == nil || *got.ID != jid {
		t.Errorf("the other replica's device = %v, want %v", got.ID, jid)
	}
}
