package channels

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"supportbot/ticketing"
)

// fixedSource serves content for every file, counting fetches.
type fixedSource struct {
	content string
	fetches int
}

func (s *fixedSource) FetchFile(_ context.Context, _ ticketing.Attachment, dst *os.File) error {
	s.fetches++
	_, err := io.WriteString(dst, s.content)
	return err
}

func TestSpool(t *testing.T) {
	content := strings.Repeat("log line\n", 100)
	sum := sha256.Sum256([]byte(content))
	tests := []struct {
		name        string
		announced   int64
		limit       int64
		wantErr     error
		wantFetches int
	}{
		{"within the limit", int64(len(content)), 1000, nil, 1},
		{"announced above the limit: not fetched", 2000, 1000, ErrFileTooLarge, 0},
		{"announced small, bigger once fetched", 10, 500, ErrFileTooLarge, 1},
		{"no limit", 0, 0, nil, 1},
	}
	for _, tt := range tests {
		src := &fixedSource{content: content}
		dir := t.TempDir()
		sp, err := FileSources{WhatsApp: src}.Spool(t.Context(), ticketing.Attachment{Name: "a.log", Size: tt.announced, Source: WhatsApp}, dir, tt.limit)
		if src.fetches != tt.wantFetches {
			t.Errorf("%s: fetched %d times, want %d", tt.name, src.fetches, tt.wantFetches)
		}
		if tt.wantErr != nil {
			var perm *PermanentError
			if !errors.Is(err, tt.wantErr) || !errors.As(err, &perm) {
				t.Errorf("%s: err = %v, want permanent %v", tt.name, err, tt.wantErr)
			}
		} else {
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			got, _ := io.ReadAll(sp)
			if string(got) != content || sp.Size != int64(len(content)) || sp.SHA256 != hex.EncodeToString(sum[:]) {
				t.Errorf("%s: spooled %d bytes sha %s, want the content and its hash", tt.name, sp.Size, sp.SHA256)
			}
			if err := sp.Close(); err != nil {
				t.Errorf("%s: close: %v", tt.name, err)
			}
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("%s: %d temporary files left behind", tt.name, len(left))
		}
	}
	if _, err := (FileSources{}).Spool(t.Context(), ticketing.Attachment{Name: "x", Source: Slack}, t.TempDir(), 0); err == nil {
		t.Error("spool from a platform without source: no error")
	}
}
