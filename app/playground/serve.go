package playground

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// CheckListen refuses an address beyond this machine unless public: the
// playground lets whoever reaches it write as anyone.
func CheckListen(addr string, public bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%w: -listen %q: %v", ErrUsage, addr, err)
	}
	if public || host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("%w: -listen %q is not a loopback address; anyone who reaches the page can write as anyone: add -public to mean it", ErrUsage, addr)
}

// Serve serves the page on addr until ctx ends; listening, if set, is told
// the address (with the port chosen, for :0).
func (p *Playground) Serve(ctx context.Context, addr string, public bool, listening func(string)) error {
	if err := CheckListen(addr, public); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("playground: %w", err)
	}
	done := make(chan struct{})
	srv := &http.Server{Handler: p.Handler(done), ReadHeaderTimeout: 10 * time.Second}
	if listening != nil {
		listening(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
	case err := <-errc:
		close(done)
		return fmt.Errorf("playground: %w", err)
	}
	close(done)
	shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return fmt.Errorf("playground shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("playground: %w", err)
	}
	return nil
}
