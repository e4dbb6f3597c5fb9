package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"supportbot/ticketing"
	"supportbot/ticketing/intent"
)

// classifyInput is a JSON input line of `supportbot classify`.
type classifyInput struct {
	Text *string `json:"text"`
}

// classifyOutput is one output line. Priority is always present ("" for
// non-incidents) so every line has the same shape.
type classifyOutput struct {
	Kind             ticketing.Kind     `json:"kind"`
	Priority         ticketing.Priority `json:"priority"`
	Confidence       float64            `json:"confidence"`
	Ask              bool               `json:"ask"`
	NoCase           bool               `json:"no_case"`
	DoubtfulCritical bool               `json:"doubtful_critical"`
	Cues             []string           `json:"cues"`
}

type classifyError struct {
	Error string `json:"error"`
}

// runClassify lets staff see what the bot would make of messages: one
// message per stdin line (plain text, or {"text":…} when the line starts
// with '{'), one JSON result per stdout line. A bad line gets an error line
// and the rest still run; the exit status is then 1.
func (m *Main) runClassify(ctx context.Context, args []string) error {
	fs, path := m.flagSet("classify")
	fs.Lookup("config").Usage = "configuration file whose classifier.min_confidence to use (default: the built-in threshold; config.yaml is not read)"
	evalPath := fs.String("eval", "", "labelled JSONL file ({\"text\",\"kind\",\"priority\"?} per line) to score the classifier on, instead of reading stdin")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `usage: supportbot classify [-config PATH] < messages.txt
       supportbot classify [-config PATH] -eval labelled.jsonl

Reads one client message per line, as plain text or as {"text":"…"}, and prints
{"kind":…,"priority":…,"confidence":…,"ask":…,"no_case":…,"doubtful_critical":…,"cues":[…]}
per message. ask is true below classifier.min_confidence (default %.2f without -config).

With -eval, classifies every labelled message of the file and prints kind
accuracy, per-kind precision and recall, the confusion matrix, critical recall,
the false-critical rate, incident priority accuracy and every miss.

`, intent.DefaultMinConfidence)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	threshold := intent.DefaultMinConfidence
	if *path != "" {
		cfg, err := m.loadConfig(*path)
		if err != nil {
			return err
		}
		threshold = cfg.Classifier.Threshold()
	}
	c := intent.New(threshold)
	if *evalPath != "" {
		return m.classifyEval(c, *evalPath)
	}

	in := bufio.NewReaderSize(m.Stdin, 64<<10)
	enc := json.NewEncoder(m.Stdout)
	enc.SetEscapeHTML(false)
	var lineNo, lines, failed int
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, readErr := readLine(in, maxLineBytes)
		if readErr != nil && !errors.Is(readErr, io.EOF) {
			return fmt.Errorf("classify: read stdin: %w", readErr)
		}
		lineNo++
		if len(bytes.TrimSpace(line)) > 0 || tooLong {
			lines++
			var out any
			if res, err := classifyLine(c, line, tooLong); err != nil {
				failed++
				out = classifyError{Error: fmt.Sprintf("line %d: %v", lineNo, err)}
			} else {
				out = res
			}
			if err := enc.Encode(out); err != nil {
				return fmt.Errorf("classify: write stdout: %w", err)
			}
		}
		if readErr != nil {
			break
		}
	}
	if failed > 0 {
		return &ExitError{Code: 1, Err: fmt.Errorf("classify: %d of %d lines failed", failed, lines)}
	}
	return nil
}

func classifyLine(c *intent.Classifier, line []byte, tooLong bool) (classifyOutput, error) {
	if tooLong {
		return classifyOutput{}, lineTooLong(maxLineBytes)
	}
	text := string(line)
	if trimmed := bytes.TrimSpace(line); trimmed[0] == '{' {
		var in classifyInput
		if err := json.Unmarshal(trimmed, &in); err != nil {
			return classifyOutput{}, fmt.Errorf("bad JSON: %w", err)
		}
		if in.Text == nil {
			return classifyOutput{}, errors.New(`bad JSON: no "text"`)
		}
		text = *in.Text
	}
	r := c.Classify(text)
	out := classifyOutput{Kind: r.Kind, Priority: r.Priority, Confidence: r.Confidence, Ask: r.Ask,
		NoCase: r.NoCase, DoubtfulCritical: r.DoubtfulCritical, Cues: r.Cues}
	if out.Cues == nil {
		out.Cues = []string{}
	}
	return out, nil
}

// classifyEval scores c on a labelled file and prints the report, then
// every miss. A file that cannot be read or parsed is a usage error.
func (m *Main) classifyEval(c *intent.Classifier, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return &ExitError{Code: 2, Err: fmt.Errorf("classify -eval: %w", err)}
	}
	defer f.Close()
	exs, err := intent.ReadExamples(f)
	if err != nil {
		return &ExitError{Code: 2, Err: fmt.Errorf("classify -eval: %s: %w", path, err)}
	}
	if len(exs) == 0 {
		return &ExitError{Code: 2, Err: fmt.Errorf("classify -eval: %s: no examples", path)}
	}
	res := intent.Evaluate(c, exs)
	if err := res.WriteReport(m.Stdout); err != nil {
		return fmt.Errorf("classify -eval: write stdout: %w", err)
	}
	if len(res.Misses) > 0 {
		fmt.Fprintf(m.Stdout, "\nmisses (%d)\n", len(res.Misses))
		for _, x := range res.Misses {
			if _, err := fmt.Fprintln(m.Stdout, x); err != nil {
				return fmt.Errorf("classify -eval: write stdout: %w", err)
			}
		}
	}
	return nil
}
