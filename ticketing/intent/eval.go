package intent

import (
	"fmt"
	"io"
	"strings"

	"supportbot/ticketing"
)

// Metrics summarise a classifier run over labelled examples, in the terms
// the critical-incident rule cares about: a missed outage costs a client
// its phones, a false one sends a client to the phones for nothing.
type Metrics struct {
	N, Correct int
	// Confusion counts [label][reading].
	Confusion map[ticketing.Kind]map[ticketing.Kind]int
	// Priority is judged on incidents the classifier also took for
	// incidents: a kind error is already counted above.
	PriorityN, PriorityCorrect int
	// Critical counts labelled critical incidents; CriticalFound those read
	// critical, CriticalAsked those read otherwise but flagged doubtful
	// (the router's question would still reach the phones).
	Critical, CriticalFound, CriticalAsked int
	// FalseCritical counts the other examples read critical.
	NonCritical, FalseCritical int
	// DoubtfulNonCritical counts non-critical examples that would get the
	// yes/no question, whatever their kind.
	DoubtfulNonCritical int
	NoCase              int
	// Asked is split by whether the guess the bot held back was right.
	AskedRight, AskedWrong, WrongUnasked int
	Misses                               []Miss
}

// Miss is one example read wrongly, in kind or in priority.
type Miss struct {
	Example
	Got Result
}

// Evaluate classifies every example and compares the reading with its label.
func Evaluate(c *Classifier, examples []Example) Metrics {
	m := Metrics{Confusion: map[ticketing.Kind]map[ticketing.Kind]int{}}
	for _, k := range ticketing.Kinds {
		m.Confusion[k] = map[ticketing.Kind]int{}
	}
	for _, ex := range examples {
		r := c.Classify(ex.Text)
		m.N++
		m.Confusion[ex.Kind][r.Kind]++
		ok := r.Kind == ex.Kind
		if ok {
			m.Correct++
		} else {
			m.Misses = append(m.Misses, Miss{ex, r})
		}
		switch {
		case r.Ask && ok:
			m.AskedRight++
		case r.Ask:
			m.AskedWrong++
		case !ok:
			m.WrongUnasked++
		}
		if r.NoCase {
			m.NoCase++
		}
		critical := r.Kind == ticketing.KindIncidenteCritico
		if ex.Kind == ticketing.KindIncidenteCritico {
			m.Critical++
			switch {
			case critical:
				m.CriticalFound++
			case r.DoubtfulCritical:
				m.CriticalAsked++
			}
		} else {
			m.NonCritical++
			if critical {
				m.FalseCritical++
			}
			if r.DoubtfulCritical {
				m.DoubtfulNonCritical++
			}
		}
		if ex.Kind == ticketing.KindIncidente && r.Kind.IsIncident() {
			m.PriorityN++
			if r.Priority == ex.Priority {
				m.PriorityCorrect++
			} else if ok {
				m.Misses = append(m.Misses, Miss{ex, r})
			}
		}
	}
	return m
}

// Accuracy is the share of examples whose kind was read right.
func (m Metrics) Accuracy() float64 { return ratio(m.Correct, m.N) }

// CriticalRecall is the share of critical incidents read critical.
func (m Metrics) CriticalRecall() float64 { return ratio(m.CriticalFound, m.Critical) }

// CriticalReach is the share of critical incidents that reach the Service
// Desk path: read critical, or flagged doubtful so that the router's
// yes/no question (critical unless the client says no) sends them there.
func (m Metrics) CriticalReach() float64 { return ratio(m.CriticalFound+m.CriticalAsked, m.Critical) }

// FalseCriticalRate is the share of other examples sent towards the
// phones: read critical, or flagged doubtful so that the client is asked
// whether the whole operation is stopped. Both cost a client a needless
// alarm, so both count.
func (m Metrics) FalseCriticalRate() float64 {
	return ratioOr(m.FalseCritical+m.DoubtfulNonCritical, m.NonCritical, 0)
}

// FalseCriticalOnly is the share of other examples read critical outright:
// sent to the phones with no question.
func (m Metrics) FalseCriticalOnly() float64 { return ratioOr(m.FalseCritical, m.NonCritical, 0) }

// FalseDoubtfulRate is the share of other examples that would get the
// yes/no question "¿Está detenida toda la operación?".
func (m Metrics) FalseDoubtfulRate() float64 { return ratioOr(m.DoubtfulNonCritical, m.NonCritical, 0) }

// PriorityAccuracy is the share of incidents, read as incidents, whose
// priority was read right.
func (m Metrics) PriorityAccuracy() float64 { return ratio(m.PriorityCorrect, m.PriorityN) }

func ratio(a, b int) float64 { return ratioOr(a, b, 1) }

func ratioOr(a, b int, empty float64) float64 {
	if b == 0 {
		return empty
	}
	return float64(a) / float64(b)
}

// WriteReport prints the figures, per-kind precision and recall and the
// confusion matrix, for people.
func (m Metrics) WriteReport(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "examples %d\n", m.N)
	fmt.Fprintf(&b, "kind accuracy        %.3f (%d/%d)\n", m.Accuracy(), m.Correct, m.N)
	fmt.Fprintf(&b, "critical recall      %.3f (%d/%d read critical)\n", m.CriticalRecall(), m.CriticalFound, m.Critical)
	fmt.Fprintf(&b, "critical reach       %.3f (%d more flagged doubtful critical, asked)\n", m.CriticalReach(), m.CriticalAsked)
	fmt.Fprintf(&b, "false critical rate  %.3f (%d/%d: read critical or doubtful)\n", m.FalseCriticalRate(), m.FalseCritical+m.DoubtfulNonCritical, m.NonCritical)
	fmt.Fprintf(&b, "false critical only  %.3f (%d read critical outright)\n", m.FalseCriticalOnly(), m.FalseCritical)
	fmt.Fprintf(&b, "false doubtful       %.3f (%d doubtful questions on non-critical messages)\n", m.FalseDoubtfulRate(), m.DoubtfulNonCritical)
	fmt.Fprintf(&b, "priority accuracy    %.3f (%d/%d incidents)\n", m.PriorityAccuracy(), m.PriorityCorrect, m.PriorityN)
	fmt.Fprintf(&b, "asked                %d (%d of them right); wrong and not asked %d; no case %d\n",
		m.AskedRight+m.AskedWrong, m.AskedRight, m.WrongUnasked, m.NoCase)
	fmt.Fprintf(&b, "\n%-18s %9s %6s %5s\n", "kind", "precision", "recall", "n")
	for _, k := range ticketing.Kinds {
		tp, fp, fn := m.Confusion[k][k], 0, 0
		for _, o := range ticketing.Kinds {
			if o != k {
				fp += m.Confusion[o][k]
				fn += m.Confusion[k][o]
			}
		}
		fmt.Fprintf(&b, "%-18s %9.3f %6.3f %5d\n", k, ratio(tp, tp+fp), ratio(tp, tp+fn), tp+fn)
	}
	b.WriteString("\nconfusion (rows: label, columns: reading)\n")
	fmt.Fprintf(&b, "%-18s", "")
	for _, k := range ticketing.Kinds {
		fmt.Fprintf(&b, " %8.8s", k)
	}
	b.WriteByte('\n')
	for _, k := range ticketing.Kinds {
		fmt.Fprintf(&b, "%-18s", k)
		for _, o := range ticketing.Kinds {
			fmt.Fprintf(&b, " %8d", m.Confusion[k][o])
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// String is how a miss reads in a report: label, reading and the message.
func (x Miss) String() string {
	got := string(x.Got.Kind)
	if x.Got.Priority != "" {
		got += "/" + string(x.Got.Priority)
	}
	if x.Got.DoubtfulCritical {
		got += " (doubtful critical)"
	}
	want := string(x.Kind)
	if x.Priority != "" && x.Kind == ticketing.KindIncidente {
		want += "/" + string(x.Priority)
	}
	return fmt.Sprintf("want %s got %s %.2f: %q %v", want, got, x.Got.Confidence, x.Text, x.Got.Cues)
}
