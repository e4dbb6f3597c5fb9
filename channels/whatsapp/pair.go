package whatsappchannel

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/mdp/qrterminal/v3"
	"go.mau.fi/whatsmeow"
	"go.mau.fi/whatsmeow/store"
	"go.mau.fi/whatsmeow/store/sqlstore"
	"go.mau.fi/whatsmeow/types/events"
	"google.golang.org/protobuf/proto"
)

var (
	// ErrAlreadyPaired is returned by Pair when the store is already linked.
	ErrAlreadyPaired = errors.New("whatsapp store is already linked")
	// ErrPairTimeout means no code was used before WhatsApp closed the
	// pairing session (about 160 s).
	ErrPairTimeout = errors.New("whatsapp pairing timed out: no code was used in time; run the command again")
)

// connectedWait bounds how long Pair waits, after the phone accepted the
// link, for the first proper login; the link itself is already stored.
const connectedWait = 30 * time.Second

// deviceName is what the phone lists under Linked devices.
const deviceName = "supportbot"

// Pair links the store to a WhatsApp account and returns the linked JID.
// With phone empty it prints QR codes to scan; with a number it asks
// WhatsApp for a pairing code to type on that phone instead.
func Pair(ctx context.Context, container *sqlstore.Container, out io.Writer, phone string, log *slog.Logger) (linkedJID string, err error) {
	if log == nil {
		log = slog.Default()
	}
	var digits string
	if phone != "" {
		jid, err := ToJID(phone)
		if err != nil {
			return "", fmt.Errorf("pair with phone: %w", err)
		}
		digits = jid.User
	}
	device, err := container.GetFirstDevice(ctx)
	if err != nil {
		return "", fmt.Errorf("load whatsapp device: %w", err)
	}
	if device.ID != nil {
		return "", fmt.Errorf("%w as %s: unlink it in WhatsApp > Linked devices and delete the store file to pair again", ErrAlreadyPaired, device.ID.String())
	}
	store.DeviceProps.Os = proto.String(deviceName)
	client := whatsmeow.NewClient(device, newWALogger(log, "pair"))

	// After the phone accepts, WhatsApp drops the socket and whatsmeow logs
	// in again; Connected marks the first real login.
	connected := make(chan struct{}, 1)
	client.AddEventHandler(func(evt any) {
		if _, ok := evt.(*events.Connected); ok {
			select {
			case connected <- struct{}{}:
			default:
			}
		}
	})
	ch, err := client.GetQRChannel(ctx)
	if err != nil {
		return "", fmt.Errorf("start whatsapp pairing: %w", err)
	}
	if err := client.ConnectContext(ctx); err != nil {
		return "", fmt.Errorf("connect to whatsapp: %w", err)
	}
	defer client.Disconnect()

	if phone == "" {
		fmt.Fprintln(out, "Scan with WhatsApp > Linked devices > Link a device:")
		_, err = followQR(ctx, ch, out)
	} else {
		_, err = followPhone(ctx, ch, out, func(ctx context.Context) (string, error) {
			return client.PairPhone(ctx, digits, true, whatsmeow.PairClientChrome, "Chrome (Linux)")
		})
	}
	if err != nil {
		return "", err
	}
	id := client.Store.GetJID()
	log.Info("whatsapp linked", "jid", id.String())

	timer := time.NewTimer(connectedWait)
	defer timer.Stop()
	select {
	case <-connected:
	case <-timer.C:
		log.Warn("whatsapp linked but first login not confirmed; the bot will finish it on start", "jid", id.String())
	case <-ctx.Done():
	}
	return id.String(), nil
}

// qrMaxBytes is what a QR code at level L can hold; qrterminal panics
// beyond it. WhatsApp's codes are a few hundred bytes.
const qrMaxBytes = 2953

// DrawQR renders a code as a terminal QR block.
func DrawQR(w io.Writer, code string) {
	if len(code) > qrMaxBytes {
		fmt.Fprintf(w, "(code too long for a QR block) %s\n", code)
		return
	}
	qrterminal.GenerateWithConfig(code, qrterminal.Config{
		Level:          qrterminal.L,
		Writer:         w,
		HalfBlocks:     true,
		BlackChar:      qrterminal.BLACK_BLACK,
		WhiteBlackChar: qrterminal.WHITE_BLACK,
		WhiteChar:      qrterminal.WHITE_WHITE,
		BlackWhiteChar: qrterminal.BLACK_WHITE,
		QuietZone:      2,
	})
}

// followQR draws each QR code as WhatsApp rotates them and reports whether
// the pairing succeeded.
func followQR(ctx context.Context, ch <-chan whatsmeow.QRChannelItem, w io.Writer) (ok bool, err error) {
	n := 0
	return followPairing(ctx, ch, func(item whatsmeow.QRChannelItem) error {
		n++
		if n > 1 {
			fmt.Fprintln(w, "\nThe previous code expired; scan this one:")
		}
		DrawQR(w, item.Code)
		fmt.Fprintf(w, "scan with WhatsApp > Linked devices (valid for %s)\n", item.Timeout)
		return nil
	})
}

// followPhone asks for a pairing code once WhatsApp is ready (the first QR
// item says so), prints it, and waits for the outcome. The QR codes that
// keep arriving only mark time and are not shown.
func followPhone(ctx context.Context, ch <-chan whatsmeow.QRChannelItem, w io.Writer, pair func(context.Context) (string, error)) (ok bool, err error) {
	asked := false
	return followPairing(ctx, ch, func(whatsmeow.QRChannelItem) error {
		if asked {
			return nil
		}
		asked = true
		code, err := pair(ctx)
		if err != nil {
			return fmt.Errorf("request whatsapp pairing code: %w", err)
		}
		fmt.Fprintf(w, "Pairing code: %s\nOn the bot's phone: WhatsApp > Linked devices > Link a device > Link with phone number instead, and type the code.\n", code)
		return nil
	})
}

// followPairing reads the pairing channel until its final item.
func followPairing(ctx context.Context, ch <-chan whatsmeow.QRChannelItem, onCode func(whatsmeow.QRChannelItem) error) (bool, error) {
	for {
		select {
		case <-ctx.Done():
			return false, ctx.Err()
		case item, open := <-ch:
			if !open {
				return false, errors.New("whatsapp pairing session ended without a result")
			}
			switch item.Event {
			case whatsmeow.QRChannelEventCode:
				if err := onCode(item); err != nil {
					return false, err
				}
			case whatsmeow.QRChannelSuccess.Event:
				return true, nil
			case whatsmeow.QRChannelTimeout.Event:
				return false, ErrPairTimeout
			case whatsmeow.QRChannelEventError:
				return false, fmt.Errorf("whatsapp pairing failed: %w", item.Error)
			case whatsmeow.QRChannelScannedWithoutMultidevice.Event:
				return false, errors.New("whatsapp pairing failed: the phone has multi-device turned off")
			case whatsmeow.QRChannelClientOutdated.Event:
				return false, errors.New("whatsapp pairing failed: WhatsApp rejects this client version; upgrade supportbot")
			case whatsmeow.QRChannelErrUnexpectedEvent.Event:
				return false, errors.New("whatsapp pairing failed: unexpected connection state (already linked?)")
			default:
				return false, fmt.Errorf("whatsapp pairing failed: %s", item.Event)
			}
		}
	}
}
