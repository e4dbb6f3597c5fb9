package app

import (
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
	// Exclusions are the codes of the policy's exclusions the message
	// points at (intent.ExclusionCodes); always a list, empty when none.
	Exclusions []string `json:"exclusions"`
}

// Classify lets staff see what the bot would make of messages: one message
// per line of in (plain text, or {"text":…} when the line starts with '{'),
// one JSON result per line of out. It counts the messages and the lines
// that could not be read.
func Classify(ctx context.Context, c *intent.Classifier, in io.Reader, out io.Writer) (cases, failed int, err error) {
	return answerLines(ctx, "classify", in, out, func(line []byte) (any, error) { return classifyLine(c, line) })
}

func classifyLine(c *intent.Classifier, line []byte) (classifyOutput, error) {
	text := string(line)
	if line[0] == '{' {
		var in classifyInput
		if err := json.Unmarshal(line, &in); err != nil {
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
	out.Exclusions = make([]string, 0, len(r.Exclusions))
	for _, x := range r.Exclusions {
		out.Exclusions = append(out.Exclusions, x.Code)
	}
	return out, nil
}

// ClassifyEval scores c on the labelled JSONL file at path and writes the
// report, then every miss. A file that cannot be read is a ConfigError.
func ClassifyEval(c *intent.Classifier, path string, out io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return &ConfigError{Err: fmt.Errorf("classify -eval: %w", err)}
	}
	defer f.Close()
	exs, err := intent.ReadExamples(f)
	if err == nil && len(exs) == 0 {
		err = errors.New("no examples")
	}
	if err != nil {
		return &ConfigError{Err: fmt.Errorf("classify -eval: %s: %w", path, err)}
	}
	res := intent.Evaluate(c, exs)
	var b bytes.Buffer
	if err := res.WriteReport(&b); err != nil {
		return err
	}
	if len(res.Misses) > 0 {
		fmt.Fprintf(&b, "\nmisses (%d)\n", len(res.Misses))
		for _, x := range res.Misses {
			fmt.Fprintln(&b, x)
		}
	}
	if _, err := out.Write(b.Bytes()); err != nil {
		return fmt.Errorf("classify -eval: write stdout: %w", err)
	}
	return nil
}
