package main

import (
	"context"
	"fmt"

	"supportbot/app"
	"supportbot/config"
)

// runKnowledge handles "knowledge search": the knowledge base asked
// offline, question by question or on a labelled set.
func (m *Main) runKnowledge(ctx context.Context, args []string) error {
	return m.runGroup(ctx, "knowledge", args,
		command{"search", "[-n 3] [-eval FILE] < questions", (*Main).runKnowledgeSearch})
}

func (m *Main) runKnowledgeSearch(ctx context.Context, args []string) error {
	fs, path := m.flagSet("knowledge search")
	n := fs.Int("n", 3, "most articles per question")
	eval := fs.String("eval", "", "labelled JSONL file ({\"text\",\"article\"} per line, \"article\":\"\" when none answers) to score the search on, instead of reading stdin")
	return m.withConfig(fs, path, args, func(cfg *config.Config) error {
		if *n < 1 {
			return &ExitError{Code: 2, Err: fmt.Errorf("knowledge search: -n %d: want at least 1", *n)}
		}
		base, err := app.KnowledgeFor(ctx, cfg, m.Stderr)
		if err != nil {
			return err
		}
		if *eval != "" {
			_, err := app.KnowledgeEval(base, *eval, m.Stdout)
			return err
		}
		lines, failed, err := app.KnowledgeSearch(ctx, base, *n, m.Stdin, m.Stdout)
		return linesFailed("knowledge search", "lines", failed, lines, err)
	})
}
