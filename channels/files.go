package channels

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"

	"supportbot/ticketing"
)

// FileSource fetches the bytes of files its platform holds (an Attachment
// whose Source it is) into dst, so a file crosses to the other platform
// through a temporary file and never sits whole in memory.
type FileSource interface {
	FetchFile(ctx context.Context, f ticketing.Attachment, dst *os.File) error
}

// FileSources finds the source of a file by the platform that holds it.
// Senders that deliver files get the app's one set.
type FileSources map[Platform]FileSource

// ErrFileTooLarge marks a file above what the receiving platform accepts.
var ErrFileTooLarge = errors.New("file too large")

// Spooled is a file fetched into a temporary file, positioned at its start.
type Spooled struct {
	*os.File
	Size   int64
	SHA256 string
}

// Close closes and removes the temporary file.
func (s *Spooled) Close() error {
	err := s.File.Close()
	if rmErr := os.Remove(s.Name()); err == nil {
		err = rmErr
	}
	return err
}

// Spool fetches f into a temporary file in dir (the system's when empty),
// hashing it on the way back out, and refuses it above limit bytes (no
// limit when limit ≤ 0) before and after fetching: the size a platform
// announced is not trusted.
func (s FileSources) Spool(ctx context.Context, f ticketing.Attachment, dir string, limit int64) (*Spooled, error) {
	if limit > 0 && f.Size > limit {
		return nil, &PermanentError{Err: fmt.Errorf("%s (%d bytes, limit %d): %w", f.Name, f.Size, limit, ErrFileTooLarge)}
	}
	src := s[f.Source]
	if src == nil {
		return nil, &PermanentError{Err: fmt.Errorf("no source for files held by %q", f.Source)}
	}
	tmp, err := os.CreateTemp(dir, "supportbot-file-*")
	if err != nil {
		return nil, fmt.Errorf("temporary file for %s: %w", f.Name, err)
	}
	sp := &Spooled{File: tmp}
	if err := src.FetchFile(ctx, f, tmp); err != nil {
		_ = sp.Close()
		return nil, fmt.Errorf("fetch %s: %w", f.Name, err)
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		_ = sp.Close()
		return nil, fmt.Errorf("rewind %s: %w", f.Name, err)
	}
	h := sha256.New()
	if sp.Size, err = io.Copy(h, tmp); err != nil {
		_ = sp.Close()
		return nil, fmt.Errorf("hash %s: %w", f.Name, err)
	}
	sp.SHA256 = hex.EncodeToString(h.Sum(nil))
	if limit > 0 && sp.Size > limit {
		_ = sp.Close()
		return nil, &PermanentError{Err: fmt.Errorf("%s (%d bytes, limit %d): %w", f.Name, sp.Size, limit, ErrFileTooLarge)}
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		_ = sp.Close()
		return nil, fmt.Errorf("rewind %s: %w", f.Name, err)
	}
	return sp, nil
}
