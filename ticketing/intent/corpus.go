package intent

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"supportbot/ticketing"
)

// Example is one labelled message, as in the corpus files and in the
// files `supportbot classify -eval` reads: {"text","kind","priority"?}.
// Priority is required for incidents and ignored otherwise.
type Example struct {
	Text     string             `json:"text"`
	Kind     ticketing.Kind     `json:"kind"`
	Priority ticketing.Priority `json:"priority,omitempty"`
}

// maxExampleLine bounds one JSONL line; a message longer than this is not
// a chat message.
const maxExampleLine = 1 << 20

// ReadExamples parses labelled JSONL, one example per line; blank lines are
// skipped. A line that is not an example is an error naming its line.
func ReadExamples(r io.Reader) ([]Example, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxExampleLine)
	var out []Example
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var ex Example
		if err := json.Unmarshal(line, &ex); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if _, err := ticketing.ParseKind(string(ex.Kind)); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		switch ex.Kind {
		case ticketing.KindIncidente:
			if _, err := ticketing.ParsePriority(string(ex.Priority)); err != nil || ex.Priority == ticketing.PriorityCritica {
				return nil, fmt.Errorf("line %d: an incidente needs priority alta, media or baja, not %q", n, ex.Priority)
			}
		case ticketing.KindIncidenteCritico:
			ex.Priority = ticketing.PriorityCritica
		default:
			ex.Priority = ""
		}
		out = append(out, ex)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("a line is longer than %d bytes", maxExampleLine)
		}
		return nil, err
	}
	return out, nil
}

// The corpus the default model is trained on ships with the code, so the
// model is rebuilt from the repository alone: no download, no weights file.
// Most of it is written one message at a time (own, handwritten, chat,
// vague); corpus/broad.jsonl is composed by internal/gencorpus and
// corpus/generated.jsonl is an earlier template composition, both thinned
// to what the labelled sets' floors still need.
//
//go:generate go run ./internal/gencorpus -o corpus/broad.jsonl
//go:embed corpus/*.jsonl
var corpusFS embed.FS

// Corpus returns the shipped training examples, in a fixed order.
func Corpus() ([]Example, error) {
	names, err := fs.Glob(corpusFS, "corpus/*.jsonl")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var all []Example
	for _, name := range names {
		b, err := corpusFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		exs, err := ReadExamples(strings.NewReader(string(b)))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		all = append(all, exs...)
	}
	return all, nil
}

// DefaultModel is the model trained on the shipped corpus: the one shipped
// with it when it is current, else trained on first use; shared afterwards.
var DefaultModel = sync.OnceValue(func() *Model {
	exs, err := Corpus()
	if err != nil {
		// The corpus is compiled in; a bad one is a programming error that
		// TestCorpus reports before any release.
		panic("intent: " + err.Error())
	}
	if m, err := readShipped(shippedModel, digestOf(exs)); err == nil {
		return m
	}
	return Train(exs)
})
