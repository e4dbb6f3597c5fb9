package bench

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"supportbot/app"
	"supportbot/channels/slack/slackfake"
	"supportbot/config"
)

// benchWorkers is how many requests are in flight at saturation, about
// what Slack keeps open against one app.
const benchWorkers = 16

// ingestRig is `run`'s HTTP pipeline on loopback, with the outbox and the
// scheduler running, for the bench to push signed events at.
type ingestRig struct {
	bases   []string // one per replica; requests take turns
	secret  string
	clients int
	client  *http.Client
	seq     atomic.Int64
	start   time.Time
}

func benchIngest(ctx context.Context, root, pgURL string, replicas, clients int, res *Result) error {
	src, dst := sqliteStore(filepath.Join(root, "ingest.db")), sqliteStore(filepath.Join(root, "raw.db"))
	if pgURL != "" {
		var err error
		if src, err = postgresSchema(ctx, pgURL, "ingest"); err != nil {
			return err
		}
		defer src.drop()
		if dst, err = postgresSchema(ctx, pgURL, "raw"); err != nil {
			return err
		}
		defer dst.drop()
	}
	slackAPI := slackfake.New(nil)
	slackAPI.Discard()
	defer slackAPI.Close()
	secret := slackfake.RandomSecret()
	cfg, err := benchConfigOn(src, "ingest", clients, slackAPI.APIURL(), secret)
	if err != nil {
		return fmt.Errorf("bench config: %w", err)
	}
	runCtx, cancelRun := context.WithCancel(ctx)
	var running sync.WaitGroup
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cancelRun()
		running.Wait()
	}
	defer stop()
	var bases []string
	var apps []*app.App
	for range replicas {
		a, base, err := startReplica(runCtx, cfg, &running)
		if err != nil {
			return err
		}
		bases, apps = append(bases, base), append(apps, a)
	}

	rig := &ingestRig{bases: bases, secret: secret, clients: clients, start: time.Now(),
		client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: benchWorkers * 2}, Timeout: 30 * time.Second}}
	rig.warm(ctx)

	rowsBefore, err := ingestRows(ctx, src)
	if err != nil {
		return err
	}
	lat, elapsed, err := rig.saturate(ctx, res.Messages)
	if err != nil {
		return err
	}
	rowsAfter, err := ingestRows(ctx, src)
	if err != nil {
		return err
	}
	res.IngestPerS = float64(res.Messages) / elapsed.Seconds()
	res.IngestRowsPerS = float64(rowsAfter-rowsBefore) / elapsed.Seconds()
	res.RowsPerMessage = float64(rowsAfter-rowsBefore) / float64(res.Messages)
	res.SatAckP50Ms, res.SatAckP99Ms, res.SatAckMaxMs = percentilesMs(lat)

	count := min(max(res.Messages/4, res.Rate), res.Rate*10)
	lat, err = rig.offer(ctx, count, res.Rate)
	if err != nil {
		return err
	}
	res.AckP50Ms, res.AckP99Ms, res.AckMaxMs = percentilesMs(lat)

	if replicas > 1 {
		if err := rig.handoff(ctx, apps, bases, slackAPI, res); err != nil {
			return err
		}
	}

	// The limit: the very rows the pipeline wrote, inserted raw.
	stop()
	if _, res.RawInsertPerS, err = rawInsertRate(ctx, src, dst); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	if res.RawInsertPerS > 0 {
		res.IngestRatio = res.IngestRowsPerS / res.RawInsertPerS
	}
	return nil
}

// startReplica builds and runs one `run` on cfg until ctx ends, and
// returns its address; running tracks it, and its Close.
func startReplica(ctx context.Context, cfg *config.Config, running *sync.WaitGroup) (*app.App, string, error) {
	addr := make(chan string, 1)
	a, err := app.New(ctx, cfg, app.Options{Log: slog.New(slog.DiscardHandler), Listening: func(s string) { addr <- s }})
	if err != nil {
		return nil, "", err
	}
	ran := make(chan error, 1)
	go func() { ran <- a.Run(ctx) }()
	select {
	case base := <-addr:
		running.Go(func() {
			<-ran
			a.Close()
		})
		return a, "http://" + base, nil
	case err := <-ran:
		a.Close()
		return nil, "", fmt.Errorf("bench: %w", err)
	}
}

// warm opens the connections and the store's pages before measuring.
func (r *ingestRig) warm(ctx context.Context) {
	for range benchWorkers {
		_, _ = r.send(ctx)
	}
}

// saturate sends n events as fast as benchWorkers connections allow.
func (r *ingestRig) saturate(ctx context.Context, n int) ([]time.Duration, time.Duration, error) {
	lat := make([]time.Duration, n)
	var next atomic.Int64
	var firstErr error
	var errOnce sync.Once
	var wg sync.WaitGroup
	start := time.Now()
	for range benchWorkers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n || ctx.Err() != nil {
					return
				}
				d, err := r.send(ctx)
				if err != nil {
					errOnce.Do(func() { firstErr = err })
					return
				}
				lat[i] = d
			}
		})
	}
	wg.Wait()
	return lat, time.Since(start), firstErr
}

// offer sends count events at a fixed rate, each on its own schedule
// whatever the previous ones took, so a slow answer cannot hide the wait of
// the ones queued behind it.
func (r *ingestRig) offer(ctx context.Context, count, rate int) ([]time.Duration, error) {
	lat := make([]time.Duration, count)
	interval := time.Second / time.Duration(rate)
	var firstErr error
	var errOnce sync.Once
	var wg sync.WaitGroup
	inFlight := make(chan struct{}, 256)
	start := time.Now()
	for i := range count {
		due := start.Add(time.Duration(i) * interval)
		if wait := time.Until(due); wait > 0 {
			select {
			case <-ctx.Done():
				wg.Wait()
				return nil, ctx.Err()
			case <-time.After(wait):
			}
		}
		inFlight <- struct{}{}
		wg.Go(func() {
			defer func() { <-inFlight }()
			if _, err := r.send(ctx); err != nil {
				errOnce.Do(func() { firstErr = err })
				return
			}
			lat[i] = time.Since(due)
		})
	}
	wg.Wait()
	return lat, firstErr
}

// send posts one signed message event and returns how long the ack took.
func (r *ingestRig) send(ctx context.Context) (time.Duration, error) {
	i := int(r.seq.Add(1))
	client := i % r.clients
	ts := fmt.Sprintf("%d.%06d", r.start.Unix()+int64(i/1_000_000), i%1_000_000)
	body := slackfake.Message{EventID: "EvBench" + strconv.Itoa(i), Channel: benchChannel(client),
		User: fmt.Sprintf("U0CLIENT%03d", client), TS: ts, Text: benchTexts[i%len(benchTexts)]}.Body()
	return r.post(ctx, r.bases[i%len(r.bases)], i, body)
}

// post sends the i-th event body to base and returns how long the ack took.
func (r *ingestRig) post(ctx context.Context, base string, i int, body []byte) (time.Duration, error) {
	req, err := slackfake.SignedRequest(ctx, base+"/slack/events", "application/json", body, time.Now(), r.secret)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	resp, err := r.client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("bench event: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("bench event %d answered %d", i, resp.StatusCode)
	}
	return time.Since(start), nil
}

func percentilesMs(lat []time.Duration) (p50, p99, maxMs float64) {
	if len(lat) == 0 {
		return 0, 0, 0
	}
	s := slices.Clone(lat)
	slices.Sort(s)
	at := func(q float64) float64 {
		i := int(q*float64(len(s))+0.5) - 1
		return float64(s[min(max(i, 0), len(s)-1)]) / float64(time.Millisecond)
	}
	return at(0.50), at(0.99), float64(s[len(s)-1]) / float64(time.Millisecond)
}
