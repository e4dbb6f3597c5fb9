package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"supportbot/app"
	"supportbot/channels/slack/slackfake"
	"supportbot/store"
	"supportbot/store/pgtest"
	"supportbot/ticketing"
)

// replicaMessages is how many messages the replica test sends, 400 unless
// SUPPORTBOT_TEST_REPLICA_MESSAGES says otherwise (at most 2000).
func replicaMessages(t *testing.T) int {
	n := 400
	if s := os.Getenv("SUPPORTBOT_TEST_REPLICA_MESSAGES"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 || v > 2000 {
			t.Fatalf("SUPPORTBOT_TEST_REPLICA_MESSAGES=%q: want 1 to 2000", s)
		}
		n = v
	}
	return n
}

// replicaFailover is the test's ha.failover.
const replicaFailover = 2 * time.Second

// Two run processes on one PostgreSQL: messages split between them, each
// with a Slack retry sent to the other, make one ticket and one answer
// each; killing the leader with SIGKILL makes the other the leader within
// ha.failover + 5 s, and the pings owed go out from it, none twice.
func TestTwoReplicasOnOnePostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("replica test")
	}
	pg := pgtest.URL(t)
	n := replicaMessages(t)
	f := newFakeSlack(t)
	replace := []string{"driver: sqlite", "driver: postgres", `url: ""`, "url: " + pg, "failover: 15s", "failover: " + replicaFailover.String()}
	// The pings below go out only while acme's calendar is open, and the
	// test runs on the wall clock: pick a set-up attended for its length.
	pick := pickAttended(t, time.Now(), 5*time.Minute)
	t.Logf("acme on %+v", pick)
	// Indented as acme's own keys: the desk has a timezone too, and the
	// comments name plans.
	replace = append(replace, "\n    country: AR", "\n    country: "+string(pick.Country),
		"\n    timezone: America/Argentina/Buenos_Aires", "\n    timezone: "+pick.Zone, "\n    plan: estandar", "\n    plan: "+string(pick.Plan))
	if pick.Critical {
		// Critical tickets open on the desk's command with the clock from
		// now, so their target is short enough for pings to fall due here.
		replace = append(replace, "critica: 2h", "critica: 1m", "warn_at: [0.5, 0.75, 0.9]", "warn_at: [0.1, 0.5, 0.9]")
	}
	cfg := slackConfig(t, f, "events", replace...)
	checkPicked(t, cfg, "acme", pick)
	replicas := []*child{startChild(t, "run", "-config", cfg), startChild(t, "run", "-config", cfg)}
	leader := waitLeader(t, replicas, -1, 10*time.Second)
	if code, rd := readiness(replicas[1-leader].base); code != http.StatusOK || rd.Role != app.RoleFollower || rd.StoreDriver != "postgres" {
		t.Errorf("the other replica's readyz = %d %+v, want 200, role follower, store_driver postgres", code, rd)
	}
	for i, want := range map[int]string{leader: `supportbot_role{role="leader"} 1`, 1 - leader: `supportbot_role{role="follower"} 1`} {
		if m := scrape(t, replicas[i].base); !strings.Contains(m, want) {
			t.Errorf("replica %d's metrics lack %s", i, want)
		}
	}

	// Messages written now, split between the replicas, each retried on
	// the other as Slack retries an event it thinks was lost.
	now := time.Now()
	send := func(i int, at time.Time, text string) {
		// One person each: a person's messages close together are one case.
		msg := slackfake.Message{EventID: fmt.Sprintf("EvRep%05d", i), Channel: acmeChannel, User: fmt.Sprintf("U0REP%05d", i),
			TS: fmt.Sprintf("%d.%06d", at.Unix(), i), Text: text}
		first, other := replicas[i%2], replicas[(i+1)%2]
		if got := signedEvent(t, first, msg); got != http.StatusOK {
			t.Errorf("message %d on replica %d = %d, want 200", i, i%2, got)
		}
		if got := signedEvent(t, other, msg, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"); got != http.StatusOK {
			t.Errorf("retry of message %d on replica %d = %d, want 200", i, (i+1)%2, got)
		}
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < n; i += 4 {
				send(i, now, fmt.Sprintf("¿Cómo exportamos el reporte de llamadas de la campaña %d?", i))
			}
		})
	}
	wg.Wait()
	db := openStoreAt(t, pg)
	waitFor(t, 60*time.Second, "every answer to go out", func() bool { return len(f.Posts(acmeChannel)) >= n && outboxBacklog(t, db) == 0 })
	checkOnceEach(t, db, f, n)

	// Tickets whose deadlines passed a week ago: pings are owed. The leader
	// dies before or after queuing them; either way they go out once.
	const overdue = 10
	weekAgo := now.Add(-8 * 24 * time.Hour)
	for i := n; i < n+overdue; i++ {
		if pick.Critical {
			// A trigger id of its own: Slack never repeats one, and the bot
			// drops a command whose trigger it has seen.
			r := &running{t: t, base: replicas[i%2].base, triggers: i}
			if code, body := r.command(deskChannel, "U0SDESK01", fmt.Sprintf("critico acme llamó: la campaña %d no disca", i)); code != http.StatusOK {
				t.Fatalf("critico on replica %d = %d %s", i%2, code, body)
			}
			continue
		}
		send(i, weekAgo.Add(time.Duration(i)*time.Second), fmt.Sprintf("¿Dónde veo el reporte de pausas del agente %d?", i))
	}
	dmsBefore := len(directPosts(f))
	if err := replicas[leader].cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-replicas[leader].exited
	killed := time.Now()
	survivor := 1 - leader
	waitLeader(t, replicas, survivor, replicaFailover+5*time.Second)
	t.Logf("replica %d led %s after the leader was killed", survivor, time.Since(killed).Round(time.Millisecond))

	// The jobs run once a minute on the wall clock; critical tickets opened
	// just now need a tick after their first threshold, up to two away.
	pingWait := 60 * time.Second
	if pick.Critical {
		pingWait = 150 * time.Second
	}
	waitFor(t, pingWait, "the pings of the overdue tickets", func() bool {
		return pingedTickets(t, db) >= overdue && outboxBacklog(t, db) == 0
	})
	dms := directPosts(f)
	if sent := sentDirect(t, db); len(dms) != sent {
		t.Errorf("%d direct messages posted, the outbox sent %d: some went out twice or not at all", len(dms), sent)
	}
	if len(dms) == dmsBefore {
		t.Error("no ping went out after the leader was killed")
	}
	// Nothing the bot posted, answers and pings alike, went out twice.
	seen := map[string]int{}
	for _, p := range f.CallsOf("chat.postMessage") {
		k := p.Form.Get("channel") + " " + p.Form.Get("thread_ts") + ": " + p.Form.Get("text")
		if seen[k]++; seen[k] == 2 {
			t.Errorf("posted twice: %.200s", k)
		}
	}
	if got := ticketCount(t, db); got != n+overdue {
		t.Errorf("%d tickets, want %d", got, n+overdue)
	}
	t.Logf("%d messages, %d direct messages (%d before the kill), %d posts", n+overdue, len(dms), dmsBefore, len(f.CallsOf("chat.postMessage")))
}

func ticketCount(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM tickets`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// waitLeader waits until exactly one live replica says it leads (want, if
// not -1) and returns which.
func waitLeader(t *testing.T, replicas []*child, want int, within time.Duration) int {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		leaders := []int{}
		for i, c := range replicas {
			if c.cmd.ProcessState != nil {
				continue
			}
			if code, rd := readiness(c.base); code == http.StatusOK && rd.Role == app.RoleLeader {
				leaders = append(leaders, i)
			}
		}
		if len(leaders) == 1 && (want < 0 || leaders[0] == want) {
			return leaders[0]
		}
		if time.Now().After(deadline) {
			t.Fatalf("no single leader (want %d) within %s: leaders %v", want, within, leaders)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func readiness(base string) (int, app.Readiness) {
	var rd app.Readiness
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		return 0, rd
	}
	defer resp.Body.Close()
	_ = json.NewDecoder(resp.Body).Decode(&rd)
	return resp.StatusCode, rd
}

func scrape(t *testing.T, base string) string {
	t.Helper()
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func signedEvent(t *testing.T, c *child, e slackfake.Message, hdr ...string) int {
	r := &running{t: t, base: c.base}
	return r.event(e, hdr...)
}

func waitFor(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", within, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func openStoreAt(t *testing.T, url string) *store.DB {
	t.Helper()
	db, err := store.OpenWith(context.Background(), store.Options{Driver: store.DriverPostgres, URL: url})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func outboxBacklog(t *testing.T, db *store.DB) int {
	t.Helper()
	n := -1
	if err := db.View(context.Background(), func(tx ticketing.Tx) error {
		var err error
		n, err = tx.OutboxBacklog(context.Background())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return n
}

// checkOnceEach wants n acme tickets, one per message, and one answer in
// each one's thread.
func checkOnceEach(t *testing.T, db *store.DB, f *fakeSlack, n int) {
	t.Helper()
	var tickets []*ticketing.Ticket
	if err := db.View(context.Background(), func(tx ticketing.Tx) error {
		var err error
		tickets, err = tx.FindTickets(context.Background(), ticketing.TicketFilter{ClientID: "acme"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	perThread := map[string]int{}
	for _, tk := range tickets {
		perThread[tk.Desk.Thread]++
	}
	answers := map[string]int{}
	for _, p := range f.Posts(acmeChannel) {
		answers[p.Form.Get("thread_ts")]++
	}
	if len(tickets) != n || len(perThread) != n {
		t.Errorf("%d tickets in %d threads, want %d", len(tickets), len(perThread), n)
	}
	for th, c := range perThread {
		if c != 1 {
			t.Errorf("thread %s has %d tickets, want 1", th, c)
		}
		if answers[th] != 1 {
			t.Errorf("thread %s answered %d times, want once", th, answers[th])
		}
	}
}

func directPosts(f *fakeSlack) []slackfake.Call {
	var out []slackfake.Call
	for _, c := range f.CallsOf("chat.postMessage") {
		if strings.HasPrefix(c.Form.Get("channel"), "D") {
			out = append(out, c)
		}
	}
	return out
}

func pingedTickets(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow(`SELECT count(DISTINCT ticket_id) FROM notifications`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func sentDirect(t *testing.T, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM outbox WHERE delivery LIKE '%\_dm' AND sent_at IS NOT NULL`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
