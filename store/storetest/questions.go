package storetest

import (
	"reflect"
	"testing"
	"time"

	"supportbot/ticketing"
)

var questionCases = []testCase{
	{"critical question round trip", testQuestionRoundTrip},
	{"critical question settles once", testQuestionSettleOnce},
	{"due critical questions", testDueQuestions},
	{"corrections", testCorrections},
}

func question(client, phone string, asked time.Time) *ticketing.CriticalQuestion {
	return &ticketing.CriticalQuestion{
		ClientID: client, Author: phone, AuthorName: "Ana",
		Where: ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: phone},
		Desk:  ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: "C1"},
		Text:  "el discador no marca", ExternalID: "whatsapp:" + phone + asked.Format("150405"),
		ReceivedAt: asked.Add(-time.Second), AskedAt: asked, Kind: ticketing.KindIncidente,
		Priority: ticketing.PriorityAlta, Confidence: 0.75, Cues: []string{"falla:no marca", "modelo:incidente=0.75"},
	}
}

func askAll(t *testing.T, s ticketing.Store, qs ...*ticketing.CriticalQuestion) {
	t.Helper()
	update(t, s, func(tx ticketing.Tx) error {
		for _, q := range qs {
			if err := tx.AskCritical(t.Context(), q); err != nil {
				return err
			}
		}
		return nil
	})
}

func sameQuestion(t *testing.T, what string, got, want *ticketing.CriticalQuestion) {
	t.Helper()
	g, w := *got, *want
	for _, p := range []*time.Time{&g.ReceivedAt, &g.AskedAt, &g.SettledAt, &w.ReceivedAt, &w.AskedAt, &w.SettledAt} {
		*p = p.Round(0).UTC()
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, g, w)
	}
}

func testQuestionRoundTrip(t *testing.T, s ticketing.Store) {
	seed(t, s)
	q := question(acme, acmePhone, t0)
	q.Where.Thread = "171.1"
	askAll(t, s, q)
	if q.ID <= 0 {
		t.Fatalf("AskCritical set ID %d, want > 0", q.ID)
	}
	view(t, s, func(tx ticketing.Tx) error {
		got, err := tx.CriticalQuestion(t.Context(), acme, q.ID)
		if err != nil {
			return err
		}
		sameQuestion(t, "by id", got, q)
		_, err = tx.CriticalQuestion(t.Context(), beta, q.ID)
		wantErr(t, "another client's question", err, ticketing.ErrNotFound)
		open, err := tx.OpenCriticalQuestion(t.Context(), ticketing.Conversation{Platform: ticketing.PlatformWhatsApp, Address: acmePhone})
		if err != nil {
			return err
		}
		sameQuestion(t, "open in its conversation", open, q)
		_, err = tx.OpenCriticalQuestion(t.Context(), ticketing.Conversation{Platform: ticketing.PlatformSlack, Address: acmePhone})
		wantErr(t, "same address on another platform", err, ticketing.ErrNotFound)
		return nil
	})
}

func testQuestionSettleOnce(t *testing.T, s ticketing.Store) {
	seed(t, s)
	q := question(acme, acmePhone, t0)
	askAll(t, s, q)
	var first, second bool
	update(t, s, func(tx ticketing.Tx) error {
		var err error
		if first, err = tx.SettleCriticalQuestion(t.Context(), q.ID, ticketing.QuestionNo, t0.Add(time.Minute)); err != nil {
			return err
		}
		second, err = tx.SettleCriticalQuestion(t.Context(), q.ID, ticketing.QuestionTimedOut, t0.Add(5*time.Minute))
		return err
	})
	if !first || second {
		t.Errorf("settle twice = %v, %v; want true, false", first, second)
	}
	view(t, s, func(tx ticketing.Tx) error {
		got, err := tx.CriticalQuestion(t.Context(), "", q.ID)
		if err != nil {
			return err
		}
		if got.Outcome != ticketing.QuestionNo || !got.SettledAt.Equal(t0.Add(time.Minute)) {
			t.Errorf("settled = %q at %v, want the first answer %q at %v", got.Outcome, got.SettledAt, ticketing.QuestionNo, t0.Add(time.Minute))
		}
		_, err = tx.OpenCriticalQuestion(t.Context(), q.Where)
		wantErr(t, "a settled question is not open", err, ticketing.ErrNotFound)
		return nil
	})
}

func testDueQuestions(t *testing.T, s ticketing.Store) {
	seed(t, s)
	older := question(acme, acmePhone, t0)
	newer := question(beta, "+56900000002", t0.Add(3*time.Minute))
	settled := question(acme, "+5491100000009", t0.Add(-time.Hour))
	askAll(t, s, newer, older, settled)
	update(t, s, func(tx ticketing.Tx) error {
		_, err := tx.SettleCriticalQuestion(t.Context(), settled.ID, ticketing.QuestionYes, t0)
		return err
	})
	for _, tt := range []struct {
		at   time.Time
		want []int64
	}{
		{t0.Add(-time.Second), nil},
		{t0, []int64{older.ID}},
		{t0.Add(10 * time.Minute), []int64{older.ID, newer.ID}},
	} {
		var got []int64
		view(t, s, func(tx ticketing.Tx) error {
			qs, err := tx.DueCriticalQuestions(t.Context(), tt.at)
			for _, q := range qs {
				got = append(got, q.ID)
			}
			return err
		})
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("due at %v = %v, want %v", tt.at, got, tt.want)
		}
	}
}

func testCorrections(t *testing.T, s ticketing.Store) {
	seed(t, s)
	tk := newTicket(acme)
	create(t, s, tk)
	cs := []*ticketing.Correction{
		{ClientID: acme, TicketID: tk.ID, Text: "no anda el discador", Kind: ticketing.KindIncidente, Priority: ticketing.PriorityBaja,
			Source: ticketing.CorrectionPriority, By: "UF", At: t0.Add(time.Hour)},
		{ClientID: beta, Text: "¿cómo exporto?", Kind: ticketing.KindConsulta, Source: ticketing.CorrectionChoice, By: "UC", At: t0},
	}
	update(t, s, func(tx ticketing.Tx) error {
		for _, c := range cs {
			if err := tx.AddCorrection(t.Context(), c); err != nil {
				return err
			}
		}
		return nil
	})
	for _, tt := range []struct {
		client string
		since  time.Time
		want   []*ticketing.Correction
	}{
		{"", time.Time{}, []*ticketing.Correction{cs[1], cs[0]}},
		{"", t0.Add(time.Minute), []*ticketing.Correction{cs[0]}},
		{beta, time.Time{}, []*ticketing.Correction{cs[1]}},
	} {
		var got []ticketing.Correction
		view(t, s, func(tx ticketing.Tx) error {
			var err error
			got, err = tx.Corrections(t.Context(), tt.client, tt.since)
			return err
		})
		if len(got) != len(tt.want) {
			t.Errorf("corrections(%q, %v) = %d, want %d", tt.client, tt.since, len(got), len(tt.want))
			continue
		}
		for i := range got {
			g, w := got[i], *tt.want[i]
			g.At, w.At = g.At.UTC(), w.At.UTC()
			if g != w {
				t.Errorf("corrections(%q, %v)[%d] = %+v, want %+v", tt.client, tt.since, i, g, w)
			}
		}
	}
}
