// Command trainmodel trains the classifier's default model on the shipped
// corpus and writes it where the intent package embeds it. It runs from
// `go generate ./ticketing/intent`; training is deterministic, so the same
// corpus always gives the same file.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"supportbot/ticketing/intent"
)

func main() {
	out := flag.String("o", "model/default.bin", "file to write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "trainmodel:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	exs, err := intent.Corpus()
	if err != nil {
		return fmt.Errorf("read corpus: %w", err)
	}
	digest, err := intent.CorpusDigest()
	if err != nil {
		return fmt.Errorf("digest corpus: %w", err)
	}
	var buf bytes.Buffer
	if err := intent.WriteShipped(&buf, digest, intent.Train(exs)); err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Printf("trainmodel: %d examples, %d bytes to %s\n", len(exs), buf.Len(), out)
	return nil
}
